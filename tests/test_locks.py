"""Per-key locks: one lock per key while in use, none kept once nobody needs it."""

from __future__ import annotations

import gc

from bot.locks import KeyedLocks


async def test_one_lock_per_key_while_in_use_and_none_kept_after() -> None:
    locks = KeyedLocks()
    held = locks(1)
    async with held:
        assert locks(1) is held and locks(2) is not held
        assert locks(1).locked()
    del held
    gc.collect()
    assert len(locks) == 0
