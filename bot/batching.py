"""Group commit: many concurrent requests for the same kind of database work share one
transaction, so a burst of 200 costs a handful of statements instead of 200 transactions."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Request = TypeVar("Request")
Result = TypeVar("Result")


class Batcher(Generic[Request, Result]):
    """``await submit(request)`` returns its result from ``run(batch)``, which gets every request
    submitted while the previous batch was running (at most ``limit``). A lone request runs at
    once: nothing ever waits for a batch to fill."""

    def __init__(
        self, run: Callable[[Sequence[Request]], Awaitable[Sequence[Result]]], limit: int = 500
    ) -> None:
        self._run = run
        self._limit = limit
        self._pending: list[tuple[Request, asyncio.Future[Result]]] = []
        self._draining: asyncio.Task[None] | None = None

    async def submit(self, request: Request) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((request, future))
        if self._draining is None or self._draining.done():
            self._draining = asyncio.create_task(self._drain(), name="batcher")
        return await future

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self._limit], self._pending[self._limit :]
            try:
                results = await self._run([request for request, _ in batch])
            except Exception as error:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
