"""Observation records handed to tests."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

EPHEMERAL = 1 << 6


@dataclass(slots=True)
class RequestLog:
    method: str
    path: str  # relative to /api/v10, e.g. "/channels/123/messages"
    query: dict[str, str]
    json: Any
    status: int = 0
    files: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FailRule:
    method: str
    pattern: re.Pattern[str]
    status: int
    code: int
    times: int
    retry_after: float | None

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method in ("*", method) and bool(self.pattern.search(path))


@dataclass
class HoldRule:
    """The next matching request is carried out, but its response waits for ``release``."""

    method: str
    pattern: re.Pattern[str]
    release: asyncio.Event

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method) and bool(self.pattern.search(path))


class InteractionRecord:
    """One INTERACTION_CREATE the stand-in sent, and everything the bot answered to it."""

    def __init__(
        self,
        payload: dict[str, Any],
        *,
        changed: asyncio.Condition,
    ) -> None:
        self.payload: dict[str, Any] = payload
        self.id: int = int(payload["id"])
        self.token: str = payload["token"]
        self.guild_id: int | None = int(payload["guild_id"]) if payload.get("guild_id") else None
        user = payload.get("member", {}).get("user") or payload.get("user") or {}
        self.user_id: int = int(user["id"])
        self.channel_id: int = int(payload["channel"]["id"])
        self.created_monotonic: float = time.monotonic()
        self.response: dict[str, Any] | None = None
        self.callback_status: int | None = None
        self.original: dict[str, Any] | None = None
        self.followups: list[dict[str, Any]] = []
        self._changed = changed

    def __repr__(self) -> str:
        kind = self.payload.get("type")
        return f"<InteractionRecord id={self.id} type={kind} response={self.response_type}>"

    @property
    def response_type(self) -> int | None:
        return self.response["type"] if self.response else None

    @property
    def ephemeral(self) -> bool:
        if self.original is not None:
            return bool(int(self.original.get("flags") or 0) & EPHEMERAL)
        data = (self.response or {}).get("data") or {}
        return bool(int(data.get("flags") or 0) & EPHEMERAL)

    def _message(self) -> dict[str, Any]:
        if self.original is not None:
            return self.original
        return (self.response or {}).get("data") or {}

    @property
    def content(self) -> str | None:
        return self._message().get("content")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self._message().get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        return self._message().get("components") or []

    def custom_ids(self) -> list[str]:
        """Every custom_id in the current message/modal, depth-first."""
        found: list[str] = []

        def walk(items: list[dict[str, Any]]) -> None:
            for comp in items:
                if "custom_id" in comp:
                    found.append(comp["custom_id"])
                walk(comp.get("components") or [])
                for key in ("component", "accessory"):
                    if key in comp:
                        walk([comp[key]])

        walk(self.components)
        return found

    async def _wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
            except TimeoutError:
                raise AssertionError(
                    f"{self!r}: timed out after {timeout}s waiting for {what}"
                ) from None

    async def wait_response(self, timeout: float = 5) -> dict[str, Any]:
        await self._wait(lambda: self.response is not None, timeout, "the interaction callback")
        assert self.response is not None
        return self.response

    async def wait_followup(self, n: int = 1, timeout: float = 5) -> dict[str, Any]:
        await self._wait(lambda: len(self.followups) >= n, timeout, f"followup #{n}")
        return self.followups[n - 1]

    async def wait_original(
        self, predicate: Callable[[dict[str, Any]], bool] = lambda m: True, timeout: float = 5
    ) -> dict[str, Any]:
        """Waits until the original response message exists and satisfies ``predicate``."""
        await self._wait(
            lambda: self.original is not None and predicate(self.original),
            timeout,
            "the original response to match",
        )
        assert self.original is not None
        return self.original
