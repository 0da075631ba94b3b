"""Pacing for bulk sends: never more than ``rate`` requests a second, however many are due."""

from __future__ import annotations

import asyncio
import time


class Pacer:
    """Spaces callers at least ``1 / rate`` seconds apart (a leaky bucket of size one)."""

    def __init__(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1 / rate
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self, cost: int = 1) -> None:
        """Wait for ``cost`` request slots."""
        async with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval * cost
            if start > now:
                await asyncio.sleep(start - now)
