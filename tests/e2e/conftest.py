"""Fixtures pointing an unmodified discord.py at the local Discord stand-in."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl

from bot.bot import KinshipBot
from bot.clock import Clock, ManualClock
from bot.settings import Settings
from standin import TEST_TOKEN, DiscordStandIn


@pytest.fixture
async def standin(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[DiscordStandIn]:
    server = DiscordStandIn()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.base_url)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url)
    )
    try:
        yield server
    finally:
        await server.close()


async def _shutdown(client: discord.Client, task: asyncio.Task[None]) -> BaseException | None:
    await client.close()
    (result,) = await asyncio.gather(task, return_exceptions=True)
    if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
        return result
    return None


@contextlib.asynccontextmanager
async def run_client(
    client: discord.Client,
    token: str = "test-token",
    *,
    ready_timeout: float = 10,
    guild_ready_timeout: float | None = 0.1,
) -> AsyncIterator[discord.Client]:
    """Runs ``client.start(token)`` in a task until ready; closes it and awaits the task.

    ``guild_ready_timeout`` shortens discord.py's 2 s wait for "more GUILD_CREATEs" before
    on_ready (the same knob as the ``guild_ready_timeout`` client option); None keeps it.
    An exception that ended ``client.start`` is re-raised (e.g. PrivilegedIntentsRequired).
    """
    if guild_ready_timeout is not None:
        client._connection.guild_ready_timeout = guild_ready_timeout
    task = asyncio.create_task(client.start(token), name="discord-client")
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait(
        {ready, task}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
    )
    if ready not in done:
        ready.cancel()
        error = await _shutdown(client, task)
        if error is not None:
            raise error
        raise TimeoutError(f"client not ready within {ready_timeout}s")
    try:
        yield client
    except BaseException:
        await _shutdown(client, task)
        raise
    error = await _shutdown(client, task)
    if error is not None:
        raise error


@pytest.fixture
def client_runner() -> Callable[..., contextlib.AbstractAsyncContextManager[discord.Client]]:
    """Fixture form of :func:`run_client` for tests that prefer injection."""
    return run_client


@contextlib.asynccontextmanager
async def start_kinship(
    standin: DiscordStandIn,
    database_url: str,
    *,
    clock: Clock | None = None,
    **settings: object,
) -> AsyncIterator[KinshipBot]:
    """The real Kinship bot, built as `python -m bot` builds it, connected to the stand-in.

    With a ``ManualClock``, the test moves time: ``clock.advance(...)`` then
    ``await bot.timers.run_due()`` runs whatever fell due, with no sleeping."""
    bot = await KinshipBot.create(
        Settings(discord_token=TEST_TOKEN, database_url=database_url, **settings), clock=clock
    )
    async with run_client(bot, TEST_TOKEN):
        await standin.wait_ready()
        yield bot


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'kinship.db'}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def kinship(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> AsyncIterator[KinshipBot]:
    async with start_kinship(standin, database_url, clock=clock) as bot:
        yield bot


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 8) -> Any:
    """Poll ``check`` until it returns something true (the bot reads gateway events on its own
    time, so a test waits for their effect before the next step)."""
    async with asyncio.timeout(timeout):
        while not (value := await check()):
            await asyncio.sleep(0.02)
    return value
