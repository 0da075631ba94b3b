"""The schema comes from migrations, matches the models, and SQLite copes with concurrency."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import db.models  # noqa: F401
from bot.services import guild_config
from bot.services.guild_config import ConfigItem
from db.engine import create_engine, create_session_factory
from db.migrate import current_revision, upgrade
from db.models import GuildConfig


async def test_migrations_produce_the_models_schema(engine: AsyncEngine) -> None:
    def diff(sync_connection):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(sync_connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)

    async with engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []


async def test_upgrade_is_idempotent_and_reaches_head(engine: AsyncEngine) -> None:
    head = await current_revision(engine)
    await upgrade(engine)
    assert await current_revision(engine) == head
    assert head is not None


async def test_every_server_table_is_keyed_by_guild() -> None:
    server_tables = {
        name: table
        for name, table in SQLModel.metadata.tables.items()
        if name not in {"command_sync_state", "alembic_version"}
    }
    assert server_tables
    for name, table in server_tables.items():
        assert "guild_id" in table.columns, f"{name} has no guild_id"


async def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'k.db'}")
    async with engine.connect() as connection:
        mode = await connection.scalar(text("PRAGMA journal_mode"))
        keys = await connection.scalar(text("PRAGMA foreign_keys"))
        timeout = await connection.scalar(text("PRAGMA busy_timeout"))
    await engine.dispose()
    assert (mode, keys) == ("wal", 1)
    assert timeout >= 5000


async def test_sqlite_file_is_created_with_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "data" / "kinship.db"
    engine = create_engine(f"sqlite+aiosqlite:///{target}")
    await upgrade(engine)
    await engine.dispose()
    assert target.is_file()


async def test_concurrent_read_then_write_never_hits_database_is_locked(tmp_path: Path) -> None:
    # Many interactions at once, each reading then writing: the pattern that makes plain SQLite
    # transactions fail with "database is locked".
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'k.db'}")
    await upgrade(engine)
    sessions = create_session_factory(engine)

    async def change(guild_id: int, n: int) -> None:
        async with sessions() as session:
            await guild_config.get_config(session, guild_id)
            await guild_config.set_item(session, guild_id, ConfigItem.CHECKIN_CHANNEL, n)

    await asyncio.gather(*(change(guild_id=1 + n % 5, n=1000 + n) for n in range(60)))
    async with sessions() as session:
        saved = {
            c.guild_id: c.checkin_channel_id for c in (await session.scalars(select(GuildConfig)))
        }
    await engine.dispose()
    assert sorted(saved) == [1, 2, 3, 4, 5]
    assert all(channel is not None and channel >= 1000 for channel in saved.values())


async def test_upsert_creates_then_updates_only_the_given_values(engine) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from db.engine import create_session_factory
    from db.models import DutyStatus
    from db.upsert import upsert

    first, later = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
    key = {"guild_id": 1, "user_id": 2}
    async with create_session_factory(engine)() as session:
        await upsert(session, DutyStatus, key, {"changed_at": first}, defaults={"on_duty": True})
        await upsert(session, DutyStatus, key, {"changed_at": later}, defaults={"on_duty": False})
        await session.commit()
        row = await session.get(DutyStatus, (1, 2))
    assert row is not None and row.on_duty is True and row.changed_at == later
