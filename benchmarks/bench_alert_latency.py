"""Alert latency benchmark: crisis message in -> alert posted in the escalation channel, under load.

    .venv/bin/python benchmarks/bench_alert_latency.py [--samples 200 --rate 50 --duration 60]

The real KinshipBot (temporary SQLite file) runs against the Discord stand-in
(standin/) in this process, on 127.0.0.1 only. ``--communities`` configured servers
each have chat channels, a "support" channel and a private escalation channel. For
``--duration`` seconds a paced generator posts ``--rate`` harmless messages per second from
many members across the chat channels; meanwhile ``--samples`` crisis messages, spread evenly
after ``--warmup`` seconds, go to the support channels, each from a different member (one open
case per member, so every sample opens a case and posts exactly one alert).

Latency of one sample: from the moment the stand-in dispatches its MESSAGE_CREATE on the
gateway to the moment the stand-in receives the POST /channels/{escalation}/messages carrying
that member's alert. The stand-in, the load generator and the bot share one event loop (one
thread), so the figures include the stand-in's own work and its garbage: an upper bound for
the bot's part. Full (generation 2) GC pauses in this shared process show up as the tail.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import yarl  # noqa: E402

from bot.bot import KinshipBot  # noqa: E402
from bot.crisis import scan  # noqa: E402
from bot.services import guild_config  # noqa: E402
from bot.services.guild_config import ConfigItem  # noqa: E402
from bot.settings import Settings  # noqa: E402
from standin import TEST_TOKEN, DiscordStandIn  # noqa: E402

CRISIS_TEXTS = (
    "honestly i want to die, i can't do this anymore",
    "i keep thinking about killing myself",
    "nobody would miss me if i was gone, i want to die",
    "i just want it all to end, i am going to end my life",
    "i want to kill myself",
)

_OPENERS = ("", "ok ", "lol ", "honestly ", "hey all, ", "quick one: ", "update: ", "fwiw ")
_BODIES = (
    "see you all at group tonight",
    "this exam is killing me",
    "killed it at the gym today",
    "anyone watching the match later",
    "i made soup for the first time and it was actually good",
    "three weeks sober today, thanks for the support",
    "my cat knocked my coffee over again",
    "the meeting moved to thursday at 7",
    "does anyone have a good podcast for long walks",
    "slept eight hours for once",
    "work was rough but i got through it",
    "thank you for listening yesterday, it helped",
    "what's everyone reading this week",
    "i could die for some pizza right now",
    "walked to the lake and back, feeling calmer",
    "new buddy check-in time works for me",
    "the rain has not stopped all day",
    "trying the breathing exercise from last session",
    "my sister is visiting this weekend",
    "finally fixed my bike",
)
_CLOSERS = ("", "!", " :)", " haha", "...", " 🙂", " tbh", " anyway")

HEARTBEAT = 5  # seconds between progress lines during the load


def progress(message: str) -> None:
    """What the benchmark is doing now, on stderr (the results go to stdout)."""
    print(message, file=sys.stderr, flush=True)


ALERT_PATH = re.compile(r"/api/v10/channels/(\d+)/messages")
MEMBER_MENTION = re.compile(r"<@(\d+)>")


def harmless_pool() -> tuple[list[str], int]:
    """Every opener/body/closer combination the crisis scanner leaves alone (and how many not)."""
    texts = [f"{o}{b}{c}" for o in _OPENERS for b in _BODIES for c in _CLOSERS]
    kept = [t for t in texts if scan(t) is None]
    return kept, len(texts) - len(kept)


@dataclass
class Community:
    guild_id: int
    alerts: int
    support: int
    chat: list[int]
    mod_role: int
    chatters: list[int]
    at_risk: list[int]


def build_world(
    standin: DiscordStandIn, communities: int, chatters: int, at_risk: int
) -> list[Community]:
    built = []
    for n in range(communities):
        guild = standin.add_guild(f"Peer Circle {n}")
        mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
        alerts = standin.add_private_channel(guild.id, "mod-alerts")
        chat = [guild.system_channel_id]
        chat += [int(standin.add_channel(guild.id, name)["id"]) for name in ("off-topic", "wins")]
        support = int(standin.add_channel(guild.id, "support")["id"])
        moderator = standin.add_user(f"mod-{n}")
        standin.add_member(guild.id, moderator.id, roles=[mod_role])
        people = []
        for i in range(chatters + at_risk):
            user = standin.add_user(f"member-{n}-{i}")
            standin.add_member(guild.id, user.id)
            people.append(user.id)
        built.append(
            Community(
                guild.id,
                int(alerts["id"]),
                support,
                chat,
                mod_role,
                people[:chatters],
                people[chatters:],
            )
        )
    return built


@dataclass
class Probe:
    """Timestamps taken inside the stand-in: MESSAGE_CREATE dispatch, alert POST arrival."""

    crisis_authors: set[int]
    alert_channels: set[int]
    dispatched: dict[int, float] = field(default_factory=dict)  # member -> perf_counter
    alerted: dict[int, float] = field(default_factory=dict)
    unexpected: list[str] = field(default_factory=list)
    all_alerted: asyncio.Event = field(default_factory=asyncio.Event)
    expected: int = 0

    def install(self, standin: DiscordStandIn) -> None:
        """Wraps the gateway's dispatch and the REST entry point; call before start()."""
        dispatch = standin.gateway.dispatch
        handle = standin.rest.handle

        async def timed_dispatch(event: str, data: dict[str, Any]) -> None:
            if event == "MESSAGE_CREATE":
                author = int(data["author"]["id"])
                if author in self.crisis_authors and author not in self.dispatched:
                    self.dispatched[author] = time.perf_counter()
            await dispatch(event, data)

        async def timed_handle(request: Any) -> Any:
            arrived = time.perf_counter()
            response = await handle(request)
            match = ALERT_PATH.fullmatch(request.path)
            if request.method == "POST" and match and int(match[1]) in self.alert_channels:
                self._alert(json.loads(response.body), response.status, arrived)
            return response

        standin.gateway.dispatch = timed_dispatch  # type: ignore[method-assign]
        standin.rest.handle = timed_handle  # type: ignore[method-assign]

    def _alert(self, message: dict[str, Any], status: int, arrived: float) -> None:
        if status != 200:
            self.unexpected.append(f"alert POST answered {status}")
            return
        if "case #" not in message.get("content", "") or not message.get("embeds"):
            return  # a follow-up (re-ping, re-escalation), not a new alert
        fields = {f["name"]: f["value"] for f in message["embeds"][0].get("fields", [])}
        found = MEMBER_MENTION.search(fields.get("Member", ""))
        member = int(found[1]) if found else None
        if member not in self.crisis_authors or member in self.alerted:
            self.unexpected.append(f"alert for member {member}: {message['content']!r}")
            return
        self.alerted[member] = arrived
        if self.expected and len(self.alerted) >= self.expected:
            self.all_alerted.set()

    def latencies_ms(self) -> list[float]:
        return sorted(
            (self.alerted[m] - self.dispatched[m]) * 1000
            for m in self.alerted
            if m in self.dispatched
        )


@dataclass
class Paced:
    sent: int = 0
    first: float = 0.0
    last: float = 0.0
    worst_lateness: float = 0.0
    worst_at: float = 0.0  # seconds into the schedule

    @property
    def rate(self) -> float:
        return (self.sent - 1) / (self.last - self.first) if self.sent > 1 else 0.0


async def paced(
    schedule: list[float], start: float, send: Callable[[int], Awaitable[object]]
) -> Paced:
    """Awaits send(i) at start + schedule[i] (loop clock); late sends go at once, never skipped."""
    loop = asyncio.get_running_loop()
    stats = Paced()
    for i, offset in enumerate(schedule):
        delay = start + offset - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        now = loop.time()
        if now - (start + offset) > stats.worst_lateness:
            stats.worst_lateness, stats.worst_at = now - (start + offset), offset
        stats.first = stats.first or now
        stats.last = now
        await send(i)
        stats.sent += 1
    return stats


class GcPauses:
    """Collections that stopped the (shared) event loop; full ones explain the tail."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []  # (generation, ms)
        self._began = 0.0

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._began) * 1000))

    def summary(self) -> str:
        full = [ms for gen, ms in self.pauses if gen == 2]
        longest = max((ms for _, ms in self.pauses), default=0.0)
        return (
            f"GC during the run: {len(self.pauses)} collections, {len(full)} full "
            f"(longest full {max(full, default=0.0):.1f} ms), longest of any {longest:.1f} ms"
        )


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


async def configure(bot: KinshipBot, community: Community) -> None:
    async with bot.sessions() as session:
        gid = community.guild_id
        await guild_config.set_item(session, gid, ConfigItem.MODERATOR_ROLE, community.mod_role)
        await guild_config.set_item(session, gid, ConfigItem.ESCALATION_CHANNEL, community.alerts)


@contextlib.asynccontextmanager
async def kinship(world: list[Community]) -> AsyncIterator[KinshipBot]:
    """The real bot, built as `python -m bot` builds it, on a temporary SQLite file."""
    with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url))
        for community in world:
            await configure(bot, community)
        async with bot:
            task = asyncio.create_task(bot.start(TEST_TOKEN), name="kinship")
            try:
                ready = asyncio.create_task(bot.wait_until_ready())
                await asyncio.wait({task, ready}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
                if not ready.done():
                    ready.cancel()
                    if task.done():
                        task.result()  # re-raises what ended bot.start()
                    raise TimeoutError("the bot was not ready within 60 s")
                yield bot
            finally:
                await bot.close()
                outcome = (await asyncio.gather(task, return_exceptions=True))[0]
        if isinstance(outcome, BaseException) and not isinstance(outcome, asyncio.CancelledError):
            raise outcome


async def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    pool, dropped = harmless_pool()
    for text in CRISIS_TEXTS:
        assert scan(text) is not None, f"the scanner no longer flags {text!r}"

    per_guild = math.ceil(args.samples / args.communities)
    progress(f"building {args.communities} communities and {args.samples} crisis samples")
    standin = DiscordStandIn()
    world = build_world(standin, args.communities, args.chatters, per_guild)
    # Round-robin over the communities, a new member every time.
    at_risk = [(c, m) for i in range(per_guild) for c in world for m in c.at_risk[i : i + 1]]
    at_risk = at_risk[: args.samples]
    chatters = [(c, m) for c in world for m in c.chatters]
    probe = Probe({m for _, m in at_risk}, {c.alerts for c in world}, expected=len(at_risk))
    probe.install(standin)

    load_count = round(args.rate * args.duration)
    load_plan = []
    for _ in range(load_count):
        community, member = rng.choice(chatters)
        load_plan.append((community, rng.choice(community.chat), member, rng.choice(pool)))
    span = args.duration - args.warmup
    crisis_times = [args.warmup + (k + 0.5) * span / len(at_risk) for k in range(len(at_risk))]
    crisis_texts = [CRISIS_TEXTS[k % len(CRISIS_TEXTS)] for k in range(len(at_risk))]

    sent = [0]

    async def send_load(i: int) -> None:
        community, channel, member, text = load_plan[i]
        await standin.post_message(community.guild_id, channel, member, text)
        sent[0] += 1

    async def heartbeat() -> None:
        began = time.perf_counter()
        while True:
            await asyncio.sleep(HEARTBEAT)
            progress(
                f"  +{time.perf_counter() - began:.0f} s: {sent[0]}/{load_count} messages sent, "
                f"{len(probe.alerted)}/{len(at_risk)} alerts received"
            )

    async def send_crisis(i: int) -> None:
        community, member = at_risk[i]
        await standin.post_message(community.guild_id, community.support, member, crisis_texts[i])

    async with standin:
        discord.http.Route.BASE = standin.base_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
        progress("starting the bot")
        async with kinship(world) as bot:
            received: list[int] = [0]

            async def on_message(message: discord.Message) -> None:
                received[0] += not message.author.bot

            bot.add_listener(on_message)
            print(
                f"Ready in {len(bot.guilds)} servers. Load: {args.rate:g}/s for "
                f"{args.duration:g} s ({load_count} messages, {len(chatters)} members); "
                f"{len(at_risk)} crisis samples from {len(at_risk)} different members"
            )
            start = asyncio.get_running_loop().time() + 0.1
            start_perf = time.perf_counter() + 0.1
            ticker = asyncio.create_task(heartbeat())
            with GcPauses() as gc_pauses:
                load, crises = await asyncio.gather(
                    paced([i / args.rate for i in range(load_count)], start, send_load),
                    paced(crisis_times, start, send_crisis),
                )
                progress(f"load done; waiting up to {args.drain:g} s for the last alerts")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(probe.all_alerted.wait(), args.drain)
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
            await asyncio.sleep(0.5)  # time for any stray alert to show up

    latencies = probe.latencies_ms()
    print(
        f"Load: {load.sent} harmless messages sent in {load.last - load.first:.1f} s "
        f"= {load.rate:.2f}/s (worst send lateness {load.worst_lateness * 1000:.1f} ms at "
        f"+{load.worst_at:.1f} s); "
        f"{len(pool)} distinct texts, {dropped} combinations dropped as flagged by the scanner"
    )
    print(f"The bot received {received[0]} member messages (load + crisis)")
    print(
        f"Crisis: {crises.sent} messages sent, {len(probe.dispatched)} dispatched, "
        f"{len(probe.alerted)} alerts received, {len(probe.unexpected)} unexpected alerts"
    )
    if latencies:
        slowest = max(probe.alerted, key=lambda m: probe.alerted[m] - probe.dispatched[m])
        print(f"Slowest sample dispatched at +{probe.dispatched[slowest] - start_perf:.1f} s")
    print(gc_pauses.summary())
    for problem in probe.unexpected[:5]:
        print(f"  unexpected: {problem}")
    if not latencies:
        print("PROBLEM: no alert arrived")
        return 1
    print()
    header = (
        f"{'samples':>7} {'min ms':>8} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8}"
    )
    print(header)
    print("-" * len(header))
    print(
        f"{len(latencies):>7} {latencies[0]:>8.1f} {statistics.fmean(latencies):>8.1f} "
        f"{percentile(latencies, 50):>8.1f} {percentile(latencies, 95):>8.1f} "
        f"{percentile(latencies, 99):>8.1f} {latencies[-1]:>8.1f}"
    )
    missing = len(at_risk) - len(probe.alerted)
    if missing or probe.unexpected:
        print(f"PROBLEM: {missing} alerts missing, {len(probe.unexpected)} unexpected")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="crisis messages (members)")
    parser.add_argument("--rate", type=float, default=50, help="harmless messages per second")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--warmup", type=float, default=2, help="load-only seconds first")
    parser.add_argument("--communities", type=int, default=5)
    parser.add_argument("--chatters", type=int, default=100, help="load members per community")
    parser.add_argument("--drain", type=float, default=30, help="max wait for late alerts")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    if not 0 <= args.warmup < args.duration or args.samples < 1 or args.rate <= 0:
        parser.error("need 0 <= --warmup < --duration, --samples >= 1 and --rate > 0")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # discord.py warns that voice support is not installed; Kinship has no voice.
    logging.getLogger("discord.client").addFilter(
        lambda record: "voice will NOT be supported" not in record.getMessage()
    )
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
