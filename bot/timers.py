"""Wake-up calls for scheduled work, on the bot's one clock.

The database holds what is due; a timer only says *when to look*. Each timer has an explicit
id (``capability:what:row_id``), so rebuilding timers from rows at start-up replaces rather than
duplicates them. Work a timer starts must still begin with an atomic state change in the
database, because a timer can fire twice across a restart or in two processes.

In production APScheduler fires the timers at their real time. With a ``ManualClock`` (tests),
work due now still starts at once, and ``run_due`` runs every timer whose time the clock has
since reached, in due order, and waits for work already under way; real time never fires a
driven clock's future."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock, ManualClock

log = logging.getLogger(__name__)

TimerWork = Callable[..., Awaitable[Any]]


@dataclass(slots=True)
class _Timer:
    when: datetime
    work: TimerWork
    args: tuple[Any, ...]
    every: timedelta | None


class Timers:
    def __init__(self, scheduler: AsyncIOScheduler, clock: Clock) -> None:
        self.scheduler = scheduler
        self.clock = clock
        self._timers: dict[str, _Timer] = {}
        self._in_flight: set[asyncio.Future[None]] = set()

    def at(self, timer_id: str, when: datetime, work: TimerWork, *args: Any) -> None:
        """Run ``work(*args)`` once at ``when`` (at once if that has passed); replaces any timer
        with the same id. A timer missed while the process was busy still runs, once."""
        self._timers[timer_id] = _Timer(when, work, args, None)
        self._add_job(timer_id, when)

    def every(
        self, timer_id: str, interval: timedelta, work: TimerWork, *, first: datetime | None = None
    ) -> None:
        """Run ``work()`` every ``interval``, first at ``first`` (default: one interval away)."""
        when = first or self.clock.now() + interval
        self._timers[timer_id] = _Timer(when, work, (), interval)
        self._add_job(timer_id, when)

    def cancel(self, timer_id: str) -> None:
        self._timers.pop(timer_id, None)
        self._remove_job(timer_id)

    def cancel_prefix(self, prefix: str) -> None:
        for timer_id in [t for t in self._timers if t.startswith(prefix)]:
            self.cancel(timer_id)

    def pending(self, prefix: str = "") -> dict[str, datetime]:
        """Timer ids and due times, for tests and diagnostics."""
        return {k: t.when for k, t in self._timers.items() if k.startswith(prefix)}

    async def run_due(self) -> int:
        """Run every timer the clock has reached, earliest first, including timers that the
        work itself sets for a time already reached, and wait for work the scheduler started
        meanwhile; returns how many ran here."""
        ran = 0
        while True:
            now = self.clock.now()
            due = sorted(
                (t.when, timer_id) for timer_id, t in self._timers.items() if t.when <= now
            )
            if not due:
                if not self._in_flight:
                    return ran
                await asyncio.wait(set(self._in_flight))
                continue
            for _, timer_id in due:
                await self._fire(timer_id)
                ran += 1

    def _add_job(self, timer_id: str, when: datetime) -> None:
        delay = max(when - self.clock.now(), timedelta(0))
        if delay and isinstance(self.clock, ManualClock):
            return  # a driven clock's future arrives only through run_due, never by real time
        self.scheduler.add_job(
            self._fire,
            "date",
            run_date=_real_now() + delay,
            args=[timer_id],
            id=timer_id,
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )

    def _remove_job(self, timer_id: str) -> None:
        with contextlib.suppress(JobLookupError):
            self.scheduler.remove_job(timer_id)

    async def _fire(self, timer_id: str) -> None:
        timer = self._timers.pop(timer_id, None)
        if timer is None:
            return  # cancelled, or already run by the other path
        self._remove_job(timer_id)
        if timer.every is not None:
            self.every(timer_id, timer.every, timer.work, first=self.clock.now() + timer.every)
        finished = asyncio.get_running_loop().create_future()
        self._in_flight.add(finished)
        try:
            await timer.work(*timer.args)
        except asyncio.CancelledError:
            raise
        except Exception:
            # Only the timer id: arguments are row ids, but work may fail on member data.
            log.exception("Scheduled work %s failed", timer_id)
        finally:
            self._in_flight.discard(finished)
            finished.set_result(None)


def _real_now() -> datetime:
    return datetime.now(UTC)
