"""Decisions the crisis cog asks services for: policy units and ranges, who is pinged last,
whether resources may be sent, and member choices."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.errors import InvalidInput, NotFound
from bot.services import (
    buddy,
    crisis_preferences,
    duty,
    escalation,
    guild_config,
    meetings,
    resources,
)
from bot.services.crisis_policy import PolicyChange, get_policy, update_policy
from bot.services.duty import AlertTargets
from bot.services.escalation import AlreadyClaimed, NewDetection
from bot.services.guild_config import ConfigItem
from db.engine import SessionFactory
from db.types import utcnow

GUILD, MEMBER, MOD, MOD2, OWNER, MOD_ROLE = 10, 1001, 2001, 2002, 4001, 3001


def _detection() -> NewDetection:
    return NewDetection(
        guild_id=GUILD, member_id=MEMBER, source="message", severity="high", category="ideation"
    )


async def test_policy_is_changed_in_minutes_and_days_and_stored_as_delays(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        before = await get_policy(session, GUILD)
        assert before.reping_after["high"] == timedelta(minutes=15)
        after = await update_policy(
            session, GUILD, PolicyChange(high_minutes=2, concern_minutes=0, retention_days=30)
        )
        config = await guild_config.get_config(session, GUILD)
    assert after.reping_after["high"] == timedelta(minutes=2)
    assert after.reping_after["concern"] is None and after.retention_days == 30
    assert config.reescalate_high_seconds == 120


@pytest.mark.parametrize(
    "change",
    [
        PolicyChange(imminent_minutes=1441),
        PolicyChange(concern_minutes=-1),
        PolicyChange(daily_cap=0),
        PolicyChange(retention_days=3651),
        PolicyChange(scanning=False, high_minutes=99999),
    ],
)
async def test_out_of_range_policy_changes_nothing(
    sessions: SessionFactory, change: PolicyChange
) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="between"):
            await update_policy(session, GUILD, change)
        policy = await get_policy(session, GUILD)
    assert policy.scanning and policy.reping_after["high"] == timedelta(minutes=15)


async def test_last_reescalation_pings_the_owner_when_there_is_no_backup_role(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.MODERATOR_ROLE, MOD_ROLE)
        now = utcnow()
        first = await duty.reescalation_targets(session, GUILD, 1, now, owner_id=OWNER)
        last = await duty.reescalation_targets(session, GUILD, 2, now, owner_id=OWNER)
        nobody = await duty.reescalation_targets(session, GUILD, 2, now, owner_id=None)
    assert first == AlertTargets(role_ids=(MOD_ROLE,))
    assert last == AlertTargets(user_ids=(OWNER,))
    assert not nobody


async def test_resources_are_sent_once_and_only_while_the_member_has_none(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        await update_policy(session, GUILD, PolicyChange(contact="approval"))
        case = (await escalation.record_detection(session, _detection(), utcnow())).case
        assert case is not None and case.id is not None
        assert case.member_contact == "awaiting_approval"
        approved = await escalation.approve_member_contact(session, GUILD, case.id, MOD, utcnow())
        assert approved.member_contact == "pending"
        with pytest.raises(InvalidInput, match="already has the crisis lines"):
            await escalation.approve_member_contact(session, GUILD, case.id, MOD2, utcnow())


async def test_a_second_claim_names_the_claimer_by_id_not_markup(sessions: SessionFactory) -> None:
    async with sessions() as session:
        case = (await escalation.record_detection(session, _detection(), utcnow())).case
        assert case is not None and case.id is not None
        await escalation.claim(session, GUILD, case.id, MOD, utcnow())
        with pytest.raises(AlreadyClaimed) as raised:
            await escalation.claim(session, GUILD, case.id, MOD2, utcnow())
        assert await escalation.case_member(session, case.id) == MEMBER
        assert await escalation.case_member(session, case.id + 100) is None
    assert raised.value.claimed_by == MOD and "<@" not in raised.value.message


async def test_region_is_validated_by_the_service(sessions: SessionFactory) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="not a country"):
            await crisis_preferences.set_member_region(session, GUILD, MEMBER, "Narnia", utcnow())
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) is None
        code = await crisis_preferences.set_member_region(session, GUILD, MEMBER, "ie", utcnow())
        assert code == "IE"


def test_a_help_request_is_cleaned_before_moderators_see_it() -> None:
    asked = escalation.help_request(GUILD, MEMBER, "please\u202e call me\u200b", 5)
    assert asked.excerpt == "please call me"
    assert (asked.source, asked.severity, asked.channel_id) == ("requested", "high", 5)
    assert escalation.help_request(GUILD, MEMBER, None, None).excerpt == ""


async def test_ids_no_row_could_have_are_not_found_not_a_database_overflow(
    sessions: SessionFactory,
) -> None:
    too_big = 2**63 - 1
    async with sessions() as session:
        for lookup in (
            escalation.get_case(session, GUILD, too_big),
            buddy.resolve_report(session, GUILD, too_big, MEMBER, utcnow()),
        ):
            with pytest.raises(NotFound):
                await lookup
        assert await escalation.find_case(session, -1) is None
        with pytest.raises(NotFound):
            await resources.get_resource(session, GUILD, too_big)
        with pytest.raises(NotFound):
            await meetings.cancel_series(session, GUILD, too_big, utcnow())
