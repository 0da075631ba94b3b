"""Row helpers: how many rows a change matched (the check behind every atomic state change),
and looking a row up by an id a member typed."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Result
from sqlalchemy.ext.asyncio import AsyncSession


def rowcount(result: Result[Any]) -> int:
    """``AsyncSession.execute`` is typed as returning a plain ``Result``; for DML statements it
    is a ``CursorResult``, which carries the count."""
    return cast(CursorResult[Any], result).rowcount


# Every table's own integer primary key is a PostgreSQL `integer`: ids a member types in (a
# case, a report, a resource, a meeting) are checked against this range before they reach SQL.
MAX_ROW_ID = 2**31 - 1

Row = TypeVar("Row")


def is_row_id(value: int) -> bool:
    """True if ``value`` could be an id in one of Kinship's INTEGER primary-key columns."""
    return 1 <= value <= MAX_ROW_ID


async def get_by_id(
    session: AsyncSession, model: type[Row], row_id: int, *, populate_existing: bool = False
) -> Row | None:
    """``session.get`` for an id a member gave: None, not a database overflow, when no row
    could have it."""
    if not is_row_id(row_id):
        return None
    return await session.get(model, row_id, populate_existing=populate_existing)
