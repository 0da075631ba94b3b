"""Group commit: concurrent requests share a batch; a lone one runs at once; errors reach all."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.batching import Batcher


async def test_concurrent_requests_share_batches_and_get_their_own_results() -> None:
    batches: list[list[int]] = []

    async def run(requests: Sequence[int]) -> list[int]:
        batches.append(list(requests))
        await asyncio.sleep(0)
        return [r * 10 for r in requests]

    batcher: Batcher[int, int] = Batcher(run, limit=50)
    results = await asyncio.gather(*(batcher.submit(n) for n in range(120)))
    assert results == [n * 10 for n in range(120)]
    assert [len(b) for b in batches] == [50, 50, 20]
    assert await batcher.submit(7) == 70
    assert batches[-1] == [7]  # a lone request runs at once: nobody waits for a batch to fill
    assert sorted(n for b in batches[:3] for n in b) == list(range(120))


async def test_a_failing_batch_fails_its_requests_and_the_next_batch_still_runs() -> None:
    calls = 0

    async def run(requests: Sequence[int]) -> list[int]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("database went away")
        return list(requests)

    batcher: Batcher[int, int] = Batcher(run)
    with pytest.raises(RuntimeError):
        await batcher.submit(1)
    assert await batcher.submit(2) == 2
