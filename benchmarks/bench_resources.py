"""Library search benchmark: `/resources search` autocomplete over 10,000 resources in one server.

    .venv/bin/python benchmarks/bench_resources.py [--resources 10000 --samples 400]

The real KinshipBot (temporary SQLite file) runs against the Discord stand-in (standin/) in this
process. One server's library gets ``--resources`` generated entries. Each sample is what a member
has typed so far into the query box: a prefix of a real title, of a tag, or of a few words, with
a typo in a third of them. Latency of one sample: from the stand-in dispatching the autocomplete
interaction to it receiving the bot's answer (callback type 8), so it includes discord.py's
parsing, the cog, the service, rapidfuzz, and the stand-in's own work (one event loop).

Two variants in the same run, same queries:
  indexed   - the shipped design: an in-memory per-server index, rebuilt after a write;
  scan      - the obvious alternative: read every row from the database on every keystroke and
              rank them (same ranking code), i.e. no index kept.
Also reported: the time to build the index once (the first query after a write pays it), and
the ranking alone without Discord (service level).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import yarl  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession  # noqa: E402

from bot.bot import KinshipBot  # noqa: E402
from bot.services import resources  # noqa: E402
from bot.services.resources import KINDS, LibraryCache, SearchIndex  # noqa: E402
from bot.settings import Settings  # noqa: E402
from db.models import Resource  # noqa: E402
from db.types import utcnow  # noqa: E402
from standin import TEST_TOKEN, DiscordStandIn  # noqa: E402

TOPICS = (
    "grief",
    "loss",
    "depression",
    "anxiety",
    "panic",
    "sleep",
    "addiction",
    "alcohol",
    "recovery",
    "relapse",
    "parenting",
    "teenagers",
    "self-harm",
    "eating disorders",
    "bipolar",
    "psychosis",
    "trauma",
    "ptsd",
    "caregiving",
    "burnout",
    "loneliness",
    "anger",
    "divorce",
    "suicide prevention",
    "postnatal",
    "adhd",
    "autism",
    "dementia",
    "chronic pain",
    "gambling",
)
FORMS = (
    "guide to",
    "understanding",
    "living with",
    "coping with",
    "supporting someone with",
    "a workbook for",
    "talking about",
    "first steps in",
    "peer group for",
    "stories of",
    "questions about",
    "recovering from",
    "helpline for",
    "local meetups on",
    "an app for",
)
AUDIENCE = (
    "",
    "for parents",
    "for teens",
    "for carers",
    "for veterans",
    "for couples",
    "for men",
    "for women",
    "for students",
    "at work",
    "in later life",
)
WORDS = (
    "practical",
    "gentle",
    "evidence-based",
    "free",
    "weekly",
    "online",
    "confidential",
    "exercises",
    "steps",
    "conversation",
    "listening",
    "support",
    "skills",
    "plan",
    "routine",
    "breathing",
    "journaling",
    "boundaries",
    "sleep",
    "community",
    "meeting",
    "volunteers",
)


def generate(rng: random.Random, n: int) -> list[tuple[str, str, str, str]]:
    """(title, url, description, tags) rows with unique titles and links."""
    rows, seen = [], set()
    while len(rows) < n:
        topic = rng.choice(TOPICS)
        title = " ".join(
            x for x in (rng.choice(FORMS).capitalize(), topic, rng.choice(AUDIENCE)) if x
        )
        title = f"{title} ({len(rows) + 1})" if title in seen else title
        seen.add(title)
        description = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize()
        tags = ",".join(sorted({topic, *rng.sample(TOPICS, rng.randint(0, 3))}))
        rows.append((title[:100], f"https://example.org/r/{len(rows)}", description, tags))
    return rows


def typed(rng: random.Random, rows: list[tuple[str, str, str, str]], n: int) -> list[str]:
    """What members have typed so far: prefixes of titles, tags or words, some with a typo."""
    queries = []
    for _ in range(n):
        title, _, description, tags = rng.choice(rows)
        source = rng.choice((title, title, tags.split(",")[0], description))
        text = source[: rng.randint(3, min(24, max(3, len(source))))].strip() or source[:3]
        if rng.random() < 0.33 and len(text) > 4:
            i = rng.randrange(1, len(text) - 1)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swap two letters
        queries.append(text.lower())
    return queries


class ScanEveryRow(LibraryCache):
    """The alternative: no index kept; every keystroke reads and ranks every row."""

    async def index(self, session: AsyncSession, guild_id: int) -> SearchIndex:
        return SearchIndex(await resources.load_entries(session, guild_id))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(name: str, values: list[float]) -> str:
    return (
        f"| {name} | {len(values)} | {statistics.median(values):.2f} ms | "
        f"{percentile(values, 95):.2f} ms | {percentile(values, 99):.2f} ms | "
        f"{max(values):.2f} ms |"
    )


@contextlib.asynccontextmanager
async def kinship(url: str) -> AsyncIterator[KinshipBot]:
    bot = await KinshipBot.create(Settings(discord_token=TEST_TOKEN, database_url=url))
    async with bot:
        task = asyncio.create_task(bot.start(TEST_TOKEN), name="kinship")
        try:
            await asyncio.wait_for(bot.wait_until_ready(), 60)
            yield bot
        finally:
            await bot.close()
            await asyncio.gather(task, return_exceptions=True)


async def measure(
    standin: DiscordStandIn, guild_id: int, user_id: int, queries: list[str], label: str
) -> list[float]:
    times = []
    for i, query in enumerate(queries, 1):
        started = time.perf_counter()
        choices = await standin.autocomplete(
            guild_id, user_id, "resources", {"query": query}, "query", subcommand="search"
        )
        times.append((time.perf_counter() - started) * 1000)
        assert len(choices) <= 25
        if i % 100 == 0:
            print(f"  {label}: {i}/{len(queries)}", flush=True)
    return times


async def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    rows = generate(rng, args.resources)
    queries = typed(rng, rows, args.samples)
    standin = DiscordStandIn()
    guild = standin.add_guild("Library")
    member = standin.add_user("reader")
    standin.add_member(guild.id, member.id)
    with tempfile.TemporaryDirectory(prefix="kinship-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'kinship.db'}"
        async with standin:
            discord.http.Route.BASE = standin.base_url
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
            async with kinship(url) as bot:
                await standin.wait_ready()
                print(f"Inserting {len(rows):,} resources…", flush=True)
                now = utcnow()
                async with bot.sessions() as session:
                    session.add_all(
                        Resource(
                            guild_id=guild.id,
                            title=title,
                            url=link,
                            url_key=link.removeprefix("https://"),
                            description=description,
                            kind=KINDS[i % len(KINDS)],
                            tags=tags,
                            added_by=1,
                            created_at=now,
                            updated_at=now,
                        )
                        for i, (title, link, description, tags) in enumerate(rows)
                    )
                    await session.commit()
                cog = bot.get_cog("Resources")
                assert cog is not None
                library: LibraryCache = cog.library  # type: ignore[attr-defined]
                library.invalidate(guild.id)

                async with bot.sessions() as session:
                    started = time.perf_counter()
                    index = await library.index(session, guild.id)
                    build_ms = (time.perf_counter() - started) * 1000
                ranking = []
                for query in queries:
                    started = time.perf_counter()
                    index.search(query, limit=25)
                    ranking.append((time.perf_counter() - started) * 1000)

                print("Warming up…", flush=True)
                await measure(standin, guild.id, member.id, queries[:20], "warm-up")
                print("Indexed (shipped design)…", flush=True)
                indexed = await measure(standin, guild.id, member.id, queries, "indexed")
                cog.library = ScanEveryRow()  # type: ignore[attr-defined]
                print("Scan every row (alternative)…", flush=True)
                scanned = await measure(
                    standin, guild.id, member.id, queries[: args.scan_samples], "scan"
                )
                cog.library = library  # type: ignore[attr-defined]

    print()
    print(f"{len(rows):,} resources in one server; {len(queries)} typed queries.")
    print(f"Index build (first query after a write): {build_ms:.0f} ms")
    print("| variant | samples | p50 | p95 | p99 | max |")
    print("|---|---|---|---|---|---|")
    print(summary("ranking alone (index, no Discord)", ranking))
    print(summary("autocomplete end to end, indexed", indexed))
    print(summary("autocomplete end to end, scan every row", scanned))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument("--scan-samples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
