"""Data rights by contract: what Kinship stores about a person, declared by each capability.

Each capability module declares a ``PERSONAL_DATA`` tuple of ``PersonalData`` entries, and
``bot.services.catalogue`` lists every capability's declarations explicitly. Export and delete
walk that list, so a table nobody declared is a test failure, not a silent gap.

Policy for columns naming *another* person (``mentions``): a moderator's ``claimed_by``, a
case event's ``actor_id``, a term's ``added_by``. They are not part of that person's export
(the row is about someone else), and on that person's deletion request they are anonymised
(set to NULL, or 0 where the column cannot be NULL), so the row stays intact for the member it
is about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from db.rows import rowcount

ANONYMOUS = 0  # stands in for a removed person where a column cannot be NULL


@dataclass(frozen=True, slots=True)
class PersonalData:
    """One table's rows about a person, and the columns in it that name other people."""

    model: type[SQLModel]
    subject: str | None  # the column naming the person the row is about; None: mentions only
    description: str
    mentions: tuple[str, ...] = ()
    guild_column: str = "guild_id"

    def __post_init__(self) -> None:
        for column in (self.subject, self.guild_column, *self.mentions):
            if column is not None and column not in self.model.model_fields:
                raise ValueError(f"{self.table} has no column {column}")

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)


def _column(source: PersonalData, name: str) -> Any:
    return getattr(source.model, name)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


async def export_member_data(
    session: AsyncSession, sources: Iterable[PersonalData], guild_id: int, user_id: int
) -> dict[str, Any]:
    """Everything stored about ``user_id`` in one server, JSON-ready, per table."""
    exported: dict[str, Any] = {}
    for source in sorted(sources, key=lambda s: s.table):
        if source.subject is None:
            continue
        rows = await session.scalars(
            select(source.model).where(
                (_column(source, source.guild_column) == guild_id)
                & (_column(source, source.subject) == user_id)
            )
        )
        exported[source.table] = {
            "what": source.description,
            "rows": [{k: _plain(v) for k, v in row.model_dump().items()} for row in rows],
        }
    return exported


async def delete_member_data(
    session: AsyncSession, sources: Iterable[PersonalData], guild_id: int, user_id: int
) -> dict[str, int]:
    """Delete the rows about ``user_id`` in one server and anonymise every mention of them;
    one transaction. Returns the rows deleted or anonymised per table."""
    changed: dict[str, int] = {}
    for source in sorted(sources, key=lambda s: s.table):
        in_guild = _column(source, source.guild_column) == guild_id
        count = 0
        if source.subject is not None:
            result = await session.execute(
                delete(source.model).where(in_guild & (_column(source, source.subject) == user_id))
            )
            count += rowcount(result)
        for name in source.mentions:
            column = source.model.__table__.c[name]  # type: ignore[attr-defined]
            result = await session.execute(
                update(source.model)
                .where(in_guild & (_column(source, name) == user_id))
                .values({name: None if column.nullable else ANONYMOUS})
            )
            count += rowcount(result)
        changed[source.table] = count
    await session.commit()
    return changed
