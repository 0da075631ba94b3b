"""Database fixtures: every database test runs on a real SQLite file and on real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import SessionFactory, create_engine, create_session_factory
from db.migrate import upgrade
from tests.postgres import target_url

POSTGRES_URL = target_url()  # the database `python -m tests.postgres` checked


async def _fresh_postgres_schema() -> tuple[str, str]:
    """A new empty schema, so tests never see each other's rows; returns (url, schema)."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    return POSTGRES_URL, schema


async def _drop_postgres_schema(schema: str) -> None:
    admin = create_engine(POSTGRES_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_engine(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    """An engine on an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'kinship.db'}")
        yield engine
        await engine.dispose()
        return
    url, schema = await _fresh_postgres_schema()
    engine = create_engine(url, connect_args={"server_settings": {"search_path": schema}})
    try:
        yield engine
    finally:
        await engine.dispose()
        await _drop_postgres_schema(schema)


@pytest.fixture
async def engine(empty_engine: AsyncEngine) -> AsyncEngine:
    """A migrated database."""
    await upgrade(empty_engine)
    return empty_engine


@pytest.fixture
def sessions(engine: AsyncEngine) -> SessionFactory:
    return create_session_factory(engine)
