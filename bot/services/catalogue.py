"""Every capability's declaration of what it stores about a person, listed explicitly.

A new capability adds its ``PERSONAL_DATA`` here; the meta-test in
``tests/services/test_member_data.py`` fails for any table with a person column left out."""

from __future__ import annotations

from bot.services import (
    buddy,
    checkins,
    crisis_preferences,
    crisis_terms,
    duty,
    escalation,
    meetings,
    resources,
)
from bot.services.member_data import PersonalData

PERSONAL_DATA: tuple[PersonalData, ...] = (
    *escalation.PERSONAL_DATA,
    *crisis_terms.PERSONAL_DATA,
    *duty.PERSONAL_DATA,
    *crisis_preferences.PERSONAL_DATA,
    *buddy.PERSONAL_DATA,
    *resources.PERSONAL_DATA,
    *checkins.PERSONAL_DATA,
    *meetings.PERSONAL_DATA,
)
