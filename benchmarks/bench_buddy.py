"""Buddy matching at scale, and how good it is against the exact optimum and random pairing.

    .venv/bin/python benchmarks/bench_buddy.py [--members 10000] [--rounds 52] [--small 100]

Builds a deterministic population (topics from the default list of 8, waking hours from 24
time zones and 1-3 times of day, ~10% seekers and ~10% listeners), a year of weekly pairing
history (52 rounds, about 5% "not a good match" answers) and block lists (0-3 blocks each), then:

  a) times ``buddy_matching.match`` on the whole pool (greedy over a sparse candidate graph at
     this size), wall time and tracemalloc peak, pinned to one core;
  b) compares it in the same run with random pairing (shuffle, pair allowed neighbours);
  c) on small pools (``--small`` members, 5 seeds) compares greedy and random with the exact
     optimum (networkx blossom) on total quality, repeats and shared topics.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.services import buddy_matching as m
from bot.services.buddy import DEFAULT_TIMES, TIMES_OF_DAY
from bot.services.buddy_matching import Candidate, History, Matching

SEED = 20261130


def population(n: int, seed: int, first_id: int = 1) -> list[Candidate]:
    rng = random.Random(seed)
    people = []
    for i in range(n):
        topics = sum(1 << t for t in rng.sample(range(8), rng.choice([0, 1, 1, 2, 2, 3])))
        shift = rng.choice(range(-8, 11))  # UTC offsets, weighted to where members live
        times = rng.sample(list(TIMES_OF_DAY), rng.randint(1, 3)) or list(DEFAULT_TIMES)
        hours = 0
        for name in times:
            for h in TIMES_OF_DAY[name]:
                hours |= 1 << ((h - shift) % 24)
        role = rng.choices([m.PEER, m.SEEKER, m.LISTENER], [8, 1, 1])[0]
        people.append(Candidate(first_id + i, topics, hours, role))
    return people


def year_of_history(
    pool: list[Candidate], rounds: int, recent_rounds: int, seed: int
) -> tuple[History, int]:
    """Random weekly pairings (cheap to build; the matcher only sees their pair sets)."""
    rng = random.Random(seed)
    ids = [c.user_id for c in pool]
    recent: set[frozenset[int]] = set()
    bad: Counter[frozenset[int]] = Counter()
    total = 0
    for week in range(rounds):
        rng.shuffle(ids)
        for a, b in zip(ids[::2], ids[1::2], strict=False):
            pair = frozenset((a, b))
            total += 1
            if week >= rounds - recent_rounds:
                recent.add(pair)
            if rng.random() < 0.05:
                bad[pair] += 1
    blocks = {
        frozenset((c.user_id, rng.choice(ids)))
        for c in pool
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3]))
    }
    blocks = {b for b in blocks if len(b) == 2}
    return History(frozenset(blocks), frozenset(recent), dict(bad)), total


def shared_topics(matching: Matching, pool: list[Candidate]) -> float:
    by_id = {c.user_id: c for c in pool}
    counts = [(by_id[g[0]].topics & by_id[g[1]].topics).bit_count() for g in matching.groups]
    return statistics.fmean(counts) if counts else 0.0


def describe(name: str, matching: Matching, pool: list[Candidate], history: History) -> dict:
    return {
        "name": name,
        "quality": m.total_quality(matching, pool, history),
        "repeats": m.repeats(matching, history),
        "shared": shared_topics(matching, pool),
        "groups": len(matching.groups),
        "unmatched": len(matching.unmatched),
    }


def timed(work: Callable[[], Matching]) -> tuple[Matching, float, int]:
    """Result, seconds and peak traced bytes; tracing slows Python, so times are separate."""
    tracemalloc.start()
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=52)
    parser.add_argument("--small", type=int, default=m.EXACT_LIMIT)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print("pinned to one core")

    print(f"building {args.members:,} members and {args.rounds} rounds of history…", flush=True)
    pool = population(args.members, SEED)
    history, pairs_seen = year_of_history(pool, args.rounds, 4, SEED)
    print(
        f"  {pairs_seen:,} past pairs, {len(history.recent):,} in the last 4 rounds, "
        f"{len(history.blocks):,} blocks, {len(history.bad_matches):,} 'not a good match' pairs"
    )

    print("matching the whole pool (production path)…", flush=True)
    times = []
    for run in range(3):
        start = time.perf_counter()
        matching = m.match(pool, history, seed=SEED)
        times.append(time.perf_counter() - start)
        print(f"  run {run + 1}: {times[-1]:.2f} s", flush=True)
    _, traced_time, peak = timed(lambda: m.match(pool, history, seed=SEED))
    print(f"  peak memory {peak / 2**20:.1f} MiB (tracemalloc; {traced_time:.2f} s traced)")
    start = time.perf_counter()
    rand = m.random_pairing(pool, history, seed=SEED)
    rand_time = time.perf_counter() - start
    rows = [
        {**describe("Kinship (greedy, sparse)", matching, pool, history), "s": min(times)},
        {**describe("random pairing", rand, pool, history), "s": rand_time},
    ]
    print(f"\n{args.members:,} members (best of 3 for Kinship):")
    print("| method | s | total quality | repeats | shared topics/pair | groups | unpaired |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['name']} | {r['s']:.2f} | {r['quality']:,} | {r['repeats']} | "
            f"{r['shared']:.2f} | {r['groups']:,} | {r['unmatched']} |"
        )

    print(f"\nsmall pools of {args.small} (5 seeds), against the exact optimum…", flush=True)
    ratios: dict[str, list[float]] = {"greedy": [], "random": []}
    sums: dict[str, Counter[str]] = {k: Counter() for k in ("exact", "greedy", "random")}
    exact_times = []
    for s in range(5):
        small = population(args.small, SEED + s, first_id=1)
        small_history, _ = year_of_history(small, args.rounds, 4, SEED + s)
        start = time.perf_counter()
        exact = m.match_exact(small, small_history, seed=s)
        exact_times.append(time.perf_counter() - start)
        greedy = m.match_greedy(small, small_history, seed=s)
        randomly = m.random_pairing(small, small_history, seed=s)
        best = m.total_quality(exact, small, small_history)
        for name, result in (("exact", exact), ("greedy", greedy), ("random", randomly)):
            d = describe(name, result, small, small_history)
            sums[name].update(
                {"quality": d["quality"], "repeats": d["repeats"], "unmatched": d["unmatched"]}
            )
            sums[name]["shared_x100"] += round(d["shared"] * 100)
            if name != "exact":
                ratios[name].append(d["quality"] / best)
        print(f"  seed {s}: exact {exact_times[-1]:.2f} s", flush=True)
    print("| method | quality vs exact (mean, min) | repeats | shared topics/pair | unpaired |")
    print("|---|---|---|---|---|")
    for name in ("exact", "greedy", "random"):
        sm = sums[name]
        ratio = (
            "1.000"
            if name == "exact"
            else f"{statistics.fmean(ratios[name]):.3f}, {min(ratios[name]):.3f}"
        )
        print(
            f"| {name} | {ratio} | {sm['repeats']} | {sm['shared_x100'] / 500:.2f} | "
            f"{sm['unmatched']} |"
        )
    print(f"exact blossom on {args.small} members: {statistics.fmean(exact_times):.2f} s mean")


if __name__ == "__main__":
    main()
