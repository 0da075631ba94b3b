"""Data rights by contract: each capability registers the tables that hold a member's data, so
export and delete cover everything Kinship stores about a person in a server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel


@dataclass(frozen=True, slots=True)
class MemberDataSource:
    model: type[SQLModel]
    member_column: str
    description: str


_SOURCES: dict[str, MemberDataSource] = {}


def register(model: type[SQLModel], member_column: str, description: str) -> None:
    """Called once per table at import by the capability that owns it."""
    table = model.__tablename__  # type: ignore[attr-defined]
    if member_column not in model.model_fields:
        raise ValueError(f"{table} has no column {member_column}")
    _SOURCES[table] = MemberDataSource(model, member_column, description)


def sources() -> dict[str, MemberDataSource]:
    return dict(_SOURCES)


def _rows_of(source: MemberDataSource, guild_id: int, user_id: int) -> Any:
    model: Any = source.model
    return (model.guild_id == guild_id) & (getattr(model, source.member_column) == user_id)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


async def export_member_data(session: AsyncSession, guild_id: int, user_id: int) -> dict[str, Any]:
    """Everything stored about `user_id` in one server, as JSON-ready data, per table."""
    exported: dict[str, Any] = {}
    for table, source in sorted(_SOURCES.items()):
        rows = await session.scalars(
            select(source.model).where(_rows_of(source, guild_id, user_id))
        )
        exported[table] = {
            "what": source.description,
            "rows": [{k: _plain(v) for k, v in row.model_dump().items()} for row in rows],
        }
    return exported


async def delete_member_data(session: AsyncSession, guild_id: int, user_id: int) -> dict[str, int]:
    """Delete everything stored about `user_id` in one server; returns rows deleted per table."""
    deleted: dict[str, int] = {}
    for table, source in sorted(_SOURCES.items()):
        result = await session.execute(
            delete(source.model).where(_rows_of(source, guild_id, user_id))
        )
        deleted[table] = result.rowcount or 0
    await session.commit()
    return deleted
