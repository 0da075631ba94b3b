"""Meetings benchmark: start-up timer rebuild at scale, and lateness of announcements.

    .venv/bin/python benchmarks/bench_meetings.py [--meetings 10000 --servers 1000 --due 100]

Part 1, start-up: a temporary SQLite file holds ``--meetings`` weekly meetings across
``--servers`` servers (starts spread over the next 7 days, default reminders, a backup
facilitator: 7 announcement rows each). We time what the Meetings cog does at start-up
(roll series forward, then arm timers only for rows due within the next 2 hours; an hourly sweep
arms the rest) against the obvious alternative (one timer for every pending row), and report
the process's RSS growth for each.

Part 2, lateness: the real bot runs against the Discord stand-in (same process, 127.0.0.1) with
``--due`` servers, each with its own announcements channel, and ``--due`` meetings that all
start at the same second. Lateness of one meeting: from its due time to the stand-in receiving
the POST of its announcement. Kinship arms one timer per due time, claims everything due in one
transaction and posts concurrently. Compared with the obvious alternative: a poller that wakes
every ``--poll`` seconds and claims and sends what is due, one after another.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import yarl  # noqa: E402

from bot.bot import KinshipBot  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.services import guild_config, meetings  # noqa: E402
from bot.services.guild_config import ConfigItem  # noqa: E402
from bot.services.meeting_time import Recurrence  # noqa: E402
from bot.services.meetings import MeetingInput  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.timers import Timers  # noqa: E402
from cogs.meetings import Meetings  # noqa: E402
from db.engine import create_engine, create_session_factory  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from db.models import Meeting, MeetingOccurrence  # noqa: E402
from standin import TEST_TOKEN, DiscordStandIn  # noqa: E402

MESSAGES = re.compile(r"/api/v10/channels/(\d+)/messages")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- part 1 -----------------------------------------------------------------------------------


async def fill(url: str, count: int, servers: int, now: datetime) -> int:
    """Insert meetings, their next occurrence and its announcement rows, in bulk."""
    engine = create_engine(url)
    await upgrade(engine)
    sessions = create_session_factory(engine)
    rows = 0
    step = timedelta(days=7) / count
    batch = 1000
    for first in range(0, count, batch):
        async with sessions() as session:
            created = []
            for i in range(first, min(first + batch, count)):
                start = (now + timedelta(minutes=30) + step * i).replace(second=0, microsecond=0)
                meeting = Meeting(
                    guild_id=1_000_000 + i % servers,
                    title=f"Circle {i}",
                    timezone="Europe/London",
                    first_start=start,
                    duration_minutes=60,
                    recurrence=Recurrence.WEEKLY.value,
                    location="https://meet.example.org/circle",
                    announce_channel_id=2_000_000 + i % servers,
                    facilitator_id=3_000_000 + i,
                    backup_facilitator_id=4_000_000 + i,
                    created_by=5_000_000,
                )
                session.add(meeting)
                created.append(meeting)
            await session.flush()
            occurrences = [
                MeetingOccurrence(
                    meeting_id=m.id,  # type: ignore[arg-type]
                    guild_id=m.guild_id,
                    starts_at=m.first_start,
                    ends_at=m.first_start + timedelta(hours=1),
                )
                for m in created
            ]
            session.add_all(occurrences)
            await session.flush()
            for meeting, occurrence in zip(created, occurrences, strict=True):
                announcements = meetings._announcements(meeting, occurrence, now)
                session.add_all(announcements)
                rows += len(announcements)
            await session.commit()
        print(f"  inserted {min(first + batch, count):,} meetings", flush=True)
    await engine.dispose()
    return rows


async def startup(args: argparse.Namespace) -> dict[str, Any]:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        print(f"Part 1: {args.meetings:,} meetings across {args.servers:,} servers", flush=True)
        rows = await fill(url, args.meetings, args.servers, now)
        print(f"  {rows:,} announcement rows", flush=True)
        results: dict[str, Any] = {"rows": rows}
        for variant in ("windowed", "every row"):
            gc.collect()
            bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url))
            bot.scheduler.start(paused=True)  # measure arming; nothing may fire here
            before = rss_mib()
            began = time.perf_counter()
            if variant == "windowed":
                cog = Meetings(bot)
                armed = await cog.rebuild_timers()
            else:
                async with bot.sessions() as session:
                    pending = await meetings.pending_until(session, now + timedelta(days=400))
                timers = Timers(bot.scheduler, SystemClock())

                async def noop(_: int) -> None:
                    return None

                for announcement_id, due_at in pending:
                    timers.at(f"meetings:announce:{announcement_id}", due_at, noop, announcement_id)
                armed = len(pending)
            seconds = time.perf_counter() - began
            grown = rss_mib() - before
            jobs = len(bot.scheduler.get_jobs())
            results[variant] = {
                "seconds": seconds,
                "rows": armed,
                "jobs": jobs,
                "rss_growth_mib": grown,
            }
            print(
                f"  {variant:>9}: {seconds:.2f} s, {armed:,} rows armed as {jobs:,} scheduler "
                f"jobs, RSS +{grown:.1f} MiB",
                flush=True,
            )
            bot.scheduler.shutdown(wait=False)
            await bot.engine.dispose()
        return results


# --- part 2 -----------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def running_bot(url: str) -> AsyncIterator[KinshipBot]:
    bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url))
    bot._connection.guild_ready_timeout = 0.1
    task = asyncio.create_task(bot.start(TEST_TOKEN))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 60)
        yield bot
    finally:
        await bot.close()
        await asyncio.gather(task, return_exceptions=True)


async def lateness(args: argparse.Namespace, variant: str) -> list[float]:
    standin = DiscordStandIn()
    received: dict[int, float] = {}
    all_in = asyncio.Event()
    handle = standin.rest.handle

    async def timed(request: Any) -> Any:
        arrived = time.time()
        response = await handle(request)
        match = MESSAGES.fullmatch(request.path)
        if request.method == "POST" and match and response.status == 200:
            body = json.loads(response.body)
            if body.get("embeds"):
                received.setdefault(int(match[1]), arrived)
                if len(received) >= args.due:
                    all_in.set()
        return response

    standin.rest.handle = timed  # type: ignore[method-assign]
    await standin.start()
    discord.http.Route.BASE = standin.base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
    channels = []
    for n in range(args.due):
        guild = standin.add_guild(f"Circle {n}")
        channels.append((guild.id, int(standin.add_channel(guild.id, "meetings")["id"])))
    with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        async with running_bot(url) as bot:
            await standin.flush()
            cog: Meetings = bot.get_cog("Meetings")  # type: ignore[assignment]
            due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=args.lead)
            async with bot.sessions() as session:
                for guild_id, channel_id in channels:
                    await guild_config.set_item(
                        session, guild_id, ConfigItem.ANNOUNCEMENTS_CHANNEL, channel_id
                    )
                    await meetings.schedule(
                        session,
                        MeetingInput(
                            guild_id=guild_id,
                            created_by=1,
                            title="Circle",
                            starts_at=due,
                            timezone="UTC",
                            duration_minutes=60,
                            recurrence=Recurrence.ONCE,
                            announce_channel_id=channel_id,
                            facilitator_id=1,
                            reminder_minutes=(),
                            location="https://meet.example.org/circle",
                        ),
                        datetime.now(UTC),
                    )
            if variant == "timers":
                await cog.rebuild_timers()
            else:
                bot.timers.cancel_prefix("meetings:")
                poller = asyncio.create_task(poll(bot, cog, args.poll))
            print(f"  {variant}: {args.due} meetings due at {due:%H:%M:%S}", flush=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(all_in.wait(), args.lead + args.poll + 60)
            if variant != "timers":
                poller.cancel()
                await asyncio.gather(poller, return_exceptions=True)
    await standin.close()
    if len(received) < args.due:
        print(f"  only {len(received)} of {args.due} announcements arrived", flush=True)
    return sorted(received[c] - due.timestamp() for c in received)


async def poll(bot: KinshipBot, cog: Meetings, every: float) -> None:
    """The obvious alternative: wake every ``every`` seconds and send what is due, in turn."""
    while True:
        await asyncio.sleep(every)
        async with bot.sessions() as session:
            due = await meetings.pending_until(session, bot.clock.now())
        for announcement_id, _ in due:
            async with bot.sessions() as session:
                _, work = await meetings.claim(session, announcement_id, bot.clock.now())
            if work is not None:
                await cog._perform(work, bot.clock.now())


def summary(label: str, late: list[float]) -> str:
    if not late:
        return f"| {label} | - | - | - | 0 |"
    p95 = late[max(0, round(0.95 * len(late)) - 1)]
    return (
        f"| {label} | {statistics.median(late) * 1000:.0f} | {p95 * 1000:.0f} | "
        f"{max(late) * 1000:.0f} | {len(late)} |"
    )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--servers", type=int, default=1_000)
    parser.add_argument("--due", type=int, default=100)
    parser.add_argument("--lead", type=float, default=8.0, help="seconds until they fall due")
    parser.add_argument("--poll", type=float, default=10.0, help="the alternative's interval")
    args = parser.parse_args()
    results = await startup(args)
    print(f"Part 2: {args.due} announcements due in the same second", flush=True)
    timers = await lateness(args, "timers")
    polled = await lateness(args, "poller")
    print()
    print("| start-up variant | s | rows armed | scheduler jobs | RSS growth |")
    print("|---|---|---|---|---|")
    for variant in ("windowed", "every row"):
        r = results[variant]
        print(
            f"| {variant} | {r['seconds']:.2f} | {r['rows']:,} | {r['jobs']:,} | "
            f"{r['rss_growth_mib']:.1f} MiB |"
        )
    print()
    print("| sending | median ms late | p95 ms | worst ms | sent |")
    print("|---|---|---|---|---|")
    print(summary("timers (Kinship)", timers))
    print(summary(f"poll every {args.poll:g} s", polled))
    ok = len(timers) == args.due and max(timers) < 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
