"""Dialect-aware inserts that never collide with a concurrent first write."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel


def _insert(session: AsyncSession) -> Any:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


async def insert_ignore(session: AsyncSession, model: type[SQLModel], **values: Any) -> None:
    await session.execute(_insert(session)(model).values(**values).on_conflict_do_nothing())


async def upsert(
    session: AsyncSession,
    model: type[SQLModel],
    key: dict[str, Any],
    values: dict[str, Any],
    *,
    defaults: dict[str, Any] | None = None,
) -> None:
    """Set ``values`` on the row whose primary key is ``key``, creating it (with ``defaults``
    for its other columns) if it is not there yet: one statement, so two first writes at once
    cannot collide."""
    statement = _insert(session)(model).values({**(defaults or {}), **values, **key})
    await session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))
