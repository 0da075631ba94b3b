"""How many rows an UPDATE or DELETE matched: the check behind every atomic state change."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result


def rowcount(result: Result[Any]) -> int:
    """``AsyncSession.execute`` is typed as returning a plain ``Result``; for DML statements it
    is a ``CursorResult``, which carries the count."""
    return cast(CursorResult[Any], result).rowcount
