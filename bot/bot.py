"""The Bot class: loads every cog, registers persistent components and syncs commands by policy."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import pkgutil
from collections.abc import Callable, Coroutine
from datetime import UTC
from typing import Any

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord.ext import commands
from discord.state import ConnectionState
from sqlalchemy.ext.asyncio import AsyncEngine

import cogs
from bot.clock import Clock, SystemClock
from bot.settings import Settings
from bot.timers import Timers
from bot.tree import KinshipTree
from db.engine import SessionFactory, create_engine, create_session_factory
from db.migrate import upgrade
from db.models import CommandSyncState
from db.types import utcnow

log = logging.getLogger(__name__)


def intents() -> discord.Intents:
    """Only what Kinship uses: server structure, member joins/leaves, and message text to scan."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.members = True  # privileged: member leave/join keeps buddy and duty data honest
    chosen.guild_messages = True
    chosen.dm_messages = True
    chosen.message_content = True  # privileged: crisis scanning reads what members write
    chosen.auto_moderation_execution = True
    # Members marking Interested on a meeting's native event count as Going (not privileged).
    chosen.guild_scheduled_events = True
    return chosen


class KinshipState(ConnectionState[Any]):
    """discord.py drops scheduled-event interest from members it has not cached, and Kinship
    caches none; these also dispatch the bare ids (``on_scheduled_event_interest``)."""

    def parse_guild_scheduled_event_user_add(self, data: Any) -> None:
        self._dispatch_interest(data, interested=True)
        super().parse_guild_scheduled_event_user_add(data)

    def parse_guild_scheduled_event_user_remove(self, data: Any) -> None:
        self._dispatch_interest(data, interested=False)
        super().parse_guild_scheduled_event_user_remove(data)

    def _dispatch_interest(self, data: Any, *, interested: bool) -> None:
        self.dispatch(
            "scheduled_event_interest",
            int(data["guild_scheduled_event_id"]),
            int(data["user_id"]),
            interested,
        )


def cog_modules() -> list[str]:
    return sorted(
        f"cogs.{m.name}" for m in pkgutil.iter_modules(cogs.__path__) if not m.name.startswith("_")
    )


class KinshipBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        engine: AsyncEngine,
        sessions: SessionFactory,
        scheduler: AsyncIOScheduler,
        clock: Clock | None = None,
    ) -> None:
        # Kinship has no voice; without this discord.py warns about missing voice libraries.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(),
            tree_cls=KinshipTree,
            # 200,000 members across 1,000 servers would cost hundreds of MB to cache; interactions
            # carry the member we need, so we keep none but our own.
            member_cache_flags=discord.MemberCacheFlags.none(),
            chunk_guilds_at_startup=False,
            # Messages are scanned once on arrival; caching them would keep health data in memory.
            max_messages=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.settings = settings
        self.engine = engine
        self.sessions = sessions
        self.scheduler = scheduler
        self.clock: Clock = clock or SystemClock()
        self.timers = Timers(scheduler, self.clock)
        self._background: set[asyncio.Task[Any]] = set()
        self._shutdown: asyncio.Task[None] | None = None
        # Capabilities add their own buttons to the first page of the /setup panel.
        self.setup_buttons: list[Callable[[], discord.ui.Item[Any]]] = []

    def _get_state(self, **options: Any) -> ConnectionState[Any]:
        return KinshipState(
            dispatch=self.dispatch,
            handlers=self._handlers,
            hooks=self._hooks,
            http=self.http,
            **options,
        )

    @classmethod
    async def create(cls, settings: Settings, *, clock: Clock | None = None) -> KinshipBot:
        """Build the bot and everything it owns from settings; the database is upgraded first.

        Raises OSError or SQLAlchemyError when the database cannot be opened."""
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine)
        except BaseException:
            await engine.dispose()
            raise
        return cls(
            settings,
            engine,
            create_session_factory(engine),
            AsyncIOScheduler(timezone=UTC),
            clock,
        )

    async def setup_hook(self) -> None:
        for module in cog_modules():
            await self.load_extension(module)
        self.scheduler.start()
        await self.sync_commands()

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        """Run work in the background and keep hold of it, so shutdown can wait for it."""
        task = asyncio.create_task(coro, name=name)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    def command_digest(self, guild: discord.abc.Snowflake | None) -> str:
        payload = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        canonical = json.dumps(sorted(payload, key=lambda c: c["name"]), sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()

    async def sync_commands(self) -> None:
        """Sync to the dev guild, or globally; only when the command set differs from last time."""
        guild = discord.Object(self.settings.dev_guild_id) if self.settings.dev_guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        scope = f"guild:{guild.id}" if guild else "global"
        digest = self.command_digest(guild)
        async with self.sessions() as session:
            state = await session.get(CommandSyncState, scope)
            if state is not None and state.digest == digest:
                log.info("Application commands unchanged (%s); not syncing", scope)
                return
            synced = await self.tree.sync(guild=guild)
            if state is None:
                state = CommandSyncState(scope=scope, digest=digest)
            state.digest, state.synced_at = digest, utcnow()
            session.add(state)
            await session.commit()
        log.info("Synced %d application commands (%s)", len(synced), scope)

    async def on_ready(self) -> None:
        log.info("Ready as %s in %d servers", self.user, len(self.guilds))

    def request_close(self) -> None:
        """Start shutting down (from a signal handler); ``close`` waits for the same shutdown."""
        if self._shutdown is None:
            self._shutdown = asyncio.create_task(self._shut_down(), name="kinship-shutdown")

    async def close(self) -> None:
        """Stop taking work, let in-flight work finish, then release the database.

        Every caller (a signal, discord.py's own exit path, a test) waits for the one shutdown:
        a second, overlapping shutdown used to dispose the engine while the first was still
        closing connections, and the event loop then cancelled it mid-close."""
        self.request_close()
        assert self._shutdown is not None
        await asyncio.shield(self._shutdown)

    async def _shut_down(self) -> None:
        if self.user is not None:
            log.info("Shutting down")
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        in_flight = self._background - {asyncio.current_task()}
        if in_flight:
            await asyncio.wait(in_flight, timeout=10)
        await super().close()
        await self.engine.dispose()
