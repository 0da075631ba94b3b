"""Small rendering bugs the hostile walk of every command found (tests/e2e/test_hostile.py)."""

from __future__ import annotations

from datetime import date

from bot.errors import InvalidInput
from bot.services.checkins import History
from bot.services.escalation import CaseStats
from bot.tree import user_message
from cogs._checkins_ui import history_text
from cogs.crisis.render import stats_embed


def empty_history(start: date, end: date) -> History:
    return History(start, end, {}, None, None, 0, [])


def test_empty_history_over_a_year_says_which_years() -> None:
    text = history_text(empty_history(date(2025, 12, 1), date(2026, 11, 30)))
    assert "between 01 Dec 2025 and 30 Nov 2026" in text


def test_empty_history_within_a_year_stays_short() -> None:
    text = history_text(empty_history(date(2026, 11, 24), date(2026, 11, 30)))
    assert "between 24 Nov and 30 Nov" in text


def test_escalation_stats_title_counts_one_week_in_the_singular() -> None:
    assert stats_embed(CaseStats(), 1).title == "Escalations in the last 1 week"
    assert stats_embed(CaseStats(), 8).title == "Escalations in the last 8 weeks"


def test_refusals_quoting_member_input_drop_bidi_controls() -> None:
    error = InvalidInput("`\u202egnp.exe \u2067x\u2069` is not a time I understand.")
    assert user_message(error) == "`gnp.exe x` is not a time I understand."
