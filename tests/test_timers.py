"""The injectable clock and the timers that run on it: tests move time, nobody sleeps."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import ManualClock
from bot.timers import Timers

START = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def timers(clock: ManualClock) -> Timers:
    return Timers(AsyncIOScheduler(timezone=UTC), clock)


def test_manual_clock_only_moves_forward(clock: ManualClock) -> None:
    assert clock.now() == START
    assert clock.advance(timedelta(minutes=5)) == START + timedelta(minutes=5)
    with pytest.raises(ValueError):
        clock.advance(timedelta(seconds=-1))
    with pytest.raises(ValueError):
        ManualClock(datetime(2026, 1, 1))  # naive


async def test_timers_run_when_the_clock_reaches_them_in_due_order(
    clock: ManualClock, timers: Timers
) -> None:
    ran: list[str] = []

    async def record(name: str) -> None:
        ran.append(name)

    timers.at("t:late", START + timedelta(minutes=10), record, "late")
    timers.at("t:early", START + timedelta(minutes=5), record, "early")
    assert await timers.run_due() == 0
    clock.advance(timedelta(minutes=6))
    assert await timers.run_due() == 1
    clock.advance(timedelta(hours=1))
    assert await timers.run_due() == 1
    assert ran == ["early", "late"]
    assert timers.pending() == {}


async def test_replacing_and_cancelling_timers(clock: ManualClock, timers: Timers) -> None:
    ran: list[int] = []

    async def record(value: int) -> None:
        ran.append(value)

    timers.at("case:1", START + timedelta(minutes=1), record, 1)
    timers.at("case:1", START + timedelta(minutes=2), record, 2)  # same id replaces
    timers.at("case:3", START + timedelta(minutes=1), record, 3)
    timers.cancel_prefix("case:3")
    clock.advance(timedelta(minutes=3))
    await timers.run_due()
    assert ran == [2]


async def test_work_that_sets_a_timer_already_due_runs_in_the_same_pass(
    clock: ManualClock, timers: Timers
) -> None:
    ran: list[str] = []

    async def first() -> None:
        ran.append("first")
        timers.at("t:second", clock.now(), second)

    async def second() -> None:
        ran.append("second")

    timers.at("t:first", START, first)
    assert await timers.run_due() == 2
    assert ran == ["first", "second"]


async def test_repeating_timer_and_failing_work_does_not_stop_others(
    clock: ManualClock, timers: Timers, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []

    async def tick() -> None:
        ran.append("tick")

    async def broken() -> None:
        raise RuntimeError("boom")

    timers.every("t:tick", timedelta(hours=1), tick)
    timers.at("t:broken", START, broken)
    for _ in range(3):
        clock.advance(timedelta(hours=1))
        await timers.run_due()
    assert ran == ["tick"] * 3
    assert "t:broken" in caplog.text
    assert timers.pending("t:tick") == {"t:tick": START + timedelta(hours=4)}


async def test_a_driven_clock_future_is_never_handed_to_real_time(
    clock: ManualClock, timers: Timers
) -> None:
    async def work() -> None:
        return None

    timers.at("t:now", START, work)
    timers.at("t:later", START + timedelta(seconds=1), work)
    assert timers.scheduler.get_job("t:now") is not None  # due work still starts at once
    assert timers.scheduler.get_job("t:later") is None
    assert set(timers.pending()) == {"t:now", "t:later"}


async def test_run_due_waits_for_work_the_scheduler_already_started(
    clock: ManualClock, timers: Timers
) -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def slow() -> None:
        started.set()
        await release.wait()

    timers.scheduler.start()
    try:
        timers.at("t:now", START, slow)
        await started.wait()  # real time took it first
        waiting = asyncio.create_task(timers.run_due())
        for _ in range(5):
            await asyncio.sleep(0)
        assert not waiting.done()
        release.set()
        assert await waiting == 0
    finally:
        timers.scheduler.shutdown(wait=False)
