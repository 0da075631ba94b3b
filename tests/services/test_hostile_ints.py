"""Integers members type reach services as a clear refusal, never as a database overflow.

Discord enforces an option's declared range, but options without one accept anything in
±2**53, and ids arrive from autocomplete where a member can type any number. Each probe runs on
SQLite and PostgreSQL (whose INTEGER ids overflow at 2**31)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.errors import KinshipError
from bot.services import buddy, checkins, crisis_policy, escalation, meetings, resources
from db.engine import SessionFactory

GUILD = 1_000_000_000_000_000_001
USER = 1_000_000_000_000_000_002
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
# Discord's bounds for an unranged integer option, and the first values past 32/64-bit ints.
OUT_OF_RANGE = (2**53, -(2**53), 2**31, -(2**31) - 1, 2**63, 0, -1)

Probe = Callable[[Any, int], Awaitable[object]]

PROBES: dict[str, Probe] = {
    "meetings.get_meeting": lambda s, n: meetings.get_meeting(s, GUILD, n),
    "meetings.edit": lambda s, n: meetings.edit(s, GUILD, n, NOW, changes={"title": "x"}),
    "meetings.call_off_next": lambda s, n: meetings.call_off_next(
        s, GUILD, n, NOW, state="skipped"
    ),
    "meetings.cancel_series": lambda s, n: meetings.cancel_series(s, GUILD, n, NOW),
    "meetings.feedback_summary": lambda s, n: meetings.feedback_summary(s, GUILD, n),
    "resources.get_resource": lambda s, n: resources.get_resource(s, GUILD, n),
    "resources.remove_resource": lambda s, n: resources.remove_resource(
        s, resources.LibraryCache(), GUILD, n, NOW
    ),
    "resources.get_search": lambda s, n: resources.get_search(s, n),
    "escalation.get_case": lambda s, n: escalation.get_case(s, GUILD, n),
    "escalation.history": lambda s, n: escalation.history(s, GUILD, n),
    "escalation.stats weeks": lambda s, n: escalation.stats(s, GUILD, NOW, weeks=n),
    "buddy.resolve_report": lambda s, n: buddy.resolve_report(s, GUILD, n, USER, NOW),
    "buddy.pause weeks": lambda s, n: buddy.pause(s, GUILD, USER, n, NOW),
    "buddy.update_settings every_weeks": lambda s, n: buddy.update_settings(
        s, GUILD, NOW, every_weeks=n
    ),
    "buddy.update_settings no_repeat_rounds": lambda s, n: buddy.update_settings(
        s, GUILD, NOW, no_repeat_rounds=n
    ),
    "buddy.update_settings followup_days": lambda s, n: buddy.update_settings(
        s, GUILD, NOW, followup_days=n
    ),
    "buddy.update_settings min_account_days": lambda s, n: buddy.update_settings(
        s, GUILD, NOW, min_account_days=n
    ),
    "buddy.update_settings min_member_days": lambda s, n: buddy.update_settings(
        s, GUILD, NOW, min_member_days=n
    ),
    "checkins.history days": lambda s, n: checkins.history(s, GUILD, USER, n, NOW),
    "checkins.pause_reminders days": lambda s, n: checkins.pause_reminders(s, GUILD, USER, n, NOW),
}


def _policy_probe(field: str) -> Probe:
    def probe(session: Any, value: int) -> Awaitable[object]:
        change = crisis_policy.PolicyChange(**{field: value})  # type: ignore[arg-type]
        return crisis_policy.update_policy(session, GUILD, change)

    return probe


for _field in (
    "imminent_minutes",
    "high_minutes",
    "concern_minutes",
    "daily_cap",
    "retention_days",
):
    PROBES[f"crisis_policy.update_policy {_field}"] = _policy_probe(_field)


@pytest.mark.parametrize("name", sorted(PROBES))
async def test_out_of_range_integers_are_refused_clearly(
    sessions: SessionFactory, name: str
) -> None:
    probe = PROBES[name]
    for value in OUT_OF_RANGE:
        async with sessions() as session:
            try:
                await probe(session, value)
            except KinshipError as error:
                assert error.message, f"{name}({value}) refused without a message"
            # Anything else (a database overflow, OverflowError from date maths) fails the test.
