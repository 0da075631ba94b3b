"""Row ids members type (autocomplete options accept any number up to Discord's 2**53).

Tables use INTEGER ids, which PostgreSQL rejects past 2**31 - 1 with a driver error, so a
lookup checks the range first and answers "not found" like any other unknown id."""

from __future__ import annotations

MAX_ROW_ID = 2**31 - 1


def is_row_id(value: int) -> bool:
    """True if ``value`` could be an id in an INTEGER primary-key column."""
    return 1 <= value <= MAX_ROW_ID
