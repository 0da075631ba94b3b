"""Check-ins benchmark: concurrent /checkin interactions, the history chart, bulk reminders.

    .venv/bin/python benchmarks/bench_checkins.py [--interactions 200 --reminders 1000]

The real KinshipBot runs against the Discord stand-in (standin/) in this process, on
127.0.0.1, on a temporary SQLite file and on PostgreSQL (127.0.0.1:5432, a temporary
database; skipped with a message if unreachable).

1. ``--interactions`` members press a daily-prompt mood button at the same moment (each press
   records a check-in in the database and answers ephemerally), then as many run ``/checkin``
   at once. Latency: the stand-in dispatching INTERACTION_CREATE to it receiving the callback.
2. The 90-day history chart: render time with matplotlib's Agg backend (the cog runs it in a
   worker thread); compared with the loop stall the same render would cause if run inline.
3. ``--reminders`` members' reminders fall due in the same minute: all are sent through the
   pacing limiter (45 requests/s; one request per reminder, as each member's DM channel is
   known from an earlier one), while 50 members a second press check-in buttons; reports the
   send rate, the busiest one-second window and the check-in latency during the send.

Stand-in, load and bot share one event loop, so latencies include the stand-in's own work.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import yarl  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bot.bot import KinshipBot  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.services import checkins, guild_config  # noqa: E402
from bot.services.checkin_chart import render_history  # noqa: E402
from bot.services.guild_config import ConfigItem  # noqa: E402
from bot.settings import Settings  # noqa: E402
from db.engine import create_engine  # noqa: E402
from db.models import CheckinMember  # noqa: E402
from standin import TEST_TOKEN, DiscordStandIn  # noqa: E402

POSTGRES_ADMIN = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(ms: list[float]) -> str:
    ordered = sorted(ms)
    return (
        f"n={len(ms)} p50 {percentile(ordered, 0.5):.1f} ms  p99 {percentile(ordered, 0.99):.1f} ms"
        f"  max {ordered[-1]:.1f} ms"
    )


class CallbackTimes:
    """When the stand-in received each interaction's callback (monotonic)."""

    def __init__(self, standin: DiscordStandIn) -> None:
        self.at: dict[int, float] = {}
        self.posts: list[float] = []  # every bot REST call to create a DM or a message
        rest = standin.rest
        handle = rest.handle

        async def counted(request: Any) -> Any:
            path = request.path
            if request.method == "POST" and (
                path.endswith("/messages") or path.endswith("/users/@me/channels")
            ):
                self.posts.append(time.monotonic())
            if path.endswith("/callback"):
                self.at[int(path.split("/interactions/")[1].split("/")[0])] = time.monotonic()
            return await handle(request)

        rest.handle = counted  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def database(kind: str) -> AsyncIterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
            yield f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        return
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.dispose()


@contextlib.asynccontextmanager
async def running(url: str, clock: ManualClock) -> AsyncIterator[KinshipBot]:
    bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url), clock=clock)
    async with bot:
        task = asyncio.create_task(bot.start(TEST_TOKEN), name="kinship")
        ready = asyncio.create_task(bot.wait_until_ready())
        await asyncio.wait({task, ready}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
        try:
            if not ready.done():
                raise TimeoutError("the bot was not ready within 60 s")
            yield bot
        finally:
            await bot.close()
            await asyncio.gather(task, return_exceptions=True)


async def press_all(
    standin: DiscordStandIn, guild_id: int, prompt: dict[str, Any], users: list[int]
) -> list[Any]:
    records = await asyncio.gather(
        *(standin.click(guild_id, u, prompt, f"checkin:prompt:{1 + u % 5}") for u in users)
    )
    await asyncio.gather(*(r.wait_response(30) for r in records))
    return list(records)


def latencies(records: list[Any], times: CallbackTimes) -> list[float]:
    return [(times.at[r.id] - r.created_monotonic) * 1000 for r in records]


async def bench_backend(kind: str, args: argparse.Namespace) -> dict[str, str]:
    results: dict[str, str] = {}
    async with database(kind) as url:
        standin = DiscordStandIn()
        times = CallbackTimes(standin)  # before start(): the server binds the handler then
        await standin.start()
        discord.http.Route.BASE = standin.base_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
        guild = standin.add_guild("Peer Circle")
        channel = int(standin.add_channel(guild.id, "check-ins")["id"])
        members = []
        for i in range(args.interactions):
            user = standin.add_user(f"member-{i}")
            standin.add_member(guild.id, user.id)
            members.append(user.id)
        clock = ManualClock(datetime(2030, 1, 7, 8, 0, tzinfo=UTC))
        try:
            async with running(url, clock) as bot:
                await standin.wait_ready()
                async with bot.sessions() as session:
                    await guild_config.set_item(
                        session, guild.id, ConfigItem.CHECKIN_CHANNEL, channel
                    )
                    await checkins.set_prompt(session, guild.id, "08:30", clock.now())
                clock.advance(timedelta(minutes=31))
                await bot.timers.run_due()
                prompt = await standin.wait_for_message(channel, lambda m: bool(m["components"]))
                print(f"[{kind}] warm-up", flush=True)
                await press_all(standin, guild.id, prompt, members[:20])

                print(f"[{kind}] {len(members)} concurrent check-in button presses", flush=True)
                pressed = await press_all(standin, guild.id, prompt, members)
                results["press"] = summary(latencies(pressed, times))
                print(f"[{kind}]   {results['press']}", flush=True)

                print(f"[{kind}] {len(members)} concurrent /checkin commands", flush=True)
                asked = await asyncio.gather(
                    *(standin.slash(guild.id, u, "checkin") for u in members)
                )
                await asyncio.gather(*(r.wait_response(30) for r in asked))
                results["slash"] = summary(latencies(list(asked), times))
                print(f"[{kind}]   {results['slash']}", flush=True)

                if args.reminders:
                    results |= await bench_reminders(
                        kind, args, standin, bot, clock, guild.id, prompt, members, times
                    )
        finally:
            await standin.close()
    return results


async def bench_reminders(
    kind: str,
    args: argparse.Namespace,
    standin: DiscordStandIn,
    bot: KinshipBot,
    clock: ManualClock,
    guild_id: int,
    prompt: dict[str, Any],
    members: list[int],
    times: CallbackTimes,
) -> dict[str, str]:
    print(f"[{kind}] {args.reminders} reminders due in the same minute", flush=True)
    targets = [standin.add_user(f"reminded-{i}").id for i in range(args.reminders)]
    due = clock.now() + timedelta(minutes=1)
    async with bot.sessions() as session:
        for start in range(0, len(targets), 1000):
            session.add_all(
                CheckinMember(
                    guild_id=guild_id,
                    user_id=u,
                    remind_time=due.strftime("%H:%M"),
                    timezone="UTC",
                    state="pending",
                    next_due_at=due,
                    # Steady state: the DM channel is known from an earlier reminder.
                    dm_channel_id=int(standin.dm_channel_for(u)["id"]),
                )
                for u in targets[start : start + 1000]
            )
            await session.commit()
    clock.set(due)
    before = len(times.posts)
    began = time.monotonic()

    async def sweeps() -> None:
        # Each sweep sends for at most 45 s; the next, a minute later, carries on.
        await bot.timers.run_due()
        while sum(1 for u in targets if not standin.dms_to(u)):
            clock.advance(timedelta(minutes=1))
            await bot.timers.run_due()

    sweep = asyncio.create_task(sweeps())
    pressed: list[Any] = []
    while not sweep.done():
        batch = members[(len(pressed) % len(members)) :][:10]
        pressed += await asyncio.gather(
            *(standin.click(guild_id, u, prompt, f"checkin:prompt:{1 + u % 5}") for u in batch)
        )
        await asyncio.sleep(0.2)  # 50 presses a second
        if len(pressed) % 500 == 0:
            print(f"[{kind}]   {len(times.posts) - before} requests so far", flush=True)
    await sweep
    await asyncio.gather(*(r.wait_response(30) for r in pressed))
    elapsed = time.monotonic() - began
    posts = times.posts[before:]
    sent = sum(1 for u in targets if standin.dms_to(u))
    windows = [sum(1 for p in posts if t <= p < t + 1) for t in posts]
    return {
        "reminders": (
            f"{sent}/{len(targets)} sent in {elapsed:.1f} s ({len(posts) / elapsed:.1f} requests/s,"
            f" busiest 1 s window {max(windows, default=0)} requests)"
        ),
        "during": summary(latencies(pressed, times)),
    }


def bench_chart(runs: int) -> dict[str, str]:
    end = date(2030, 1, 7)
    history = checkins.History(
        start=end - timedelta(days=89),
        end=end,
        daily={end - timedelta(days=d): 1 + (d * 7 % 5) for d in range(90) if d % 6},
        average=3.0,
        previous_average=2.5,
        streak=4,
        top_tags=[],
    )
    render_history(history)  # import and font cache warm-up
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        render_history(history)
        timings.append((time.perf_counter() - began) * 1000)
    return {"chart": summary(timings)}


async def loop_stall(runs: int) -> dict[str, str]:
    """The longest event-loop stall while rendering, inline vs in a worker thread."""
    end = date(2030, 1, 7)
    history = checkins.History(
        start=end - timedelta(days=89),
        end=end,
        daily={end: 3.0},
        average=3.0,
        previous_average=None,
        streak=1,
        top_tags=[],
    )
    out = {}
    for mode in ("inline", "to_thread"):
        worst = 0.0
        done = asyncio.Event()

        async def ticker(done: asyncio.Event = done) -> None:
            nonlocal worst
            while not done.is_set():
                began = time.perf_counter()
                await asyncio.sleep(0.001)
                worst = max(worst, (time.perf_counter() - began) * 1000)

        task = asyncio.create_task(ticker())
        for _ in range(runs):
            if mode == "inline":
                render_history(history)
                await asyncio.sleep(0)
            else:
                await asyncio.to_thread(render_history, history)
        done.set()
        await task
        out[f"stall_{mode}"] = f"longest loop stall {worst:.1f} ms"
    return out


async def run(args: argparse.Namespace) -> int:
    print("Chart: 90 days, 800x400 PNG", flush=True)
    chart = bench_chart(args.chart_runs) | await loop_stall(5)
    for key, value in chart.items():
        print(f"  {key}: {value}", flush=True)
    for kind in args.backends.split(","):
        try:
            results = await bench_backend(kind, args)
        except OSError as error:
            print(f"[{kind}] skipped: {error}", flush=True)
            continue
        for key, value in results.items():
            print(f"[{kind}] {key}: {value}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interactions", type=int, default=200)
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--chart-runs", type=int, default=20)
    parser.add_argument("--backends", default="sqlite,postgresql")
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
