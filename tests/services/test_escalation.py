"""The escalation service against real databases: cases, delivery bookkeeping, actions, timers."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.errors import InvalidInput, NotFound
from bot.services import crisis_preferences, duty, escalation, guild_config
from bot.services.crisis_policy import PolicyChange, update_policy
from bot.services.duty import AlertTargets
from bot.services.escalation import Intake, NewDetection, Outcome
from bot.services.guild_config import ConfigItem
from db.engine import SessionFactory
from db.models import CrisisCase
from db.types import utcnow

GUILD, OTHER_GUILD, MEMBER, MOD, MOD2 = 10, 20, 1001, 2001, 2002
MOD_ROLE, BACKUP_ROLE = 3001, 3002


def detection(
    severity: str = "high",
    *,
    member: int = MEMBER,
    message_id: int | None = 1,
    source: str = "message",
) -> NewDetection:
    return NewDetection(
        guild_id=GUILD,
        member_id=member,
        source=source,
        severity=severity,
        category="ideation",
        matched="want to die",
        excerpt="i want to die",
        channel_id=500,
        message_id=message_id,
    )


async def _configure(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await guild_config.set_item(session, GUILD, ConfigItem.MODERATOR_ROLE, MOD_ROLE)
        await guild_config.set_item(session, GUILD, ConfigItem.BACKUP_ROLE, BACKUP_ROLE)
        await guild_config.set_item(session, GUILD, ConfigItem.ESCALATION_CHANNEL, 600)


async def test_a_detection_opens_a_case_with_a_reescalation_timer(sessions: SessionFactory) -> None:
    now = utcnow()
    async with sessions() as session:
        result = await escalation.record_detection(session, detection("imminent"), now)
    assert result.outcome is Intake.OPENED
    case = result.case
    assert case is not None and case.id is not None
    assert (case.state, case.severity, case.member_contact) == ("open", "imminent", "pending")
    assert case.next_escalation_at == now + timedelta(minutes=5)
    assert not case.delivered and case.next_delivery_at == now


async def test_concern_has_no_reescalation_by_default(sessions: SessionFactory) -> None:
    async with sessions() as session:
        case = (await escalation.record_detection(session, detection("concern"), utcnow())).case
    assert case is not None and case.next_escalation_at is None


async def test_further_detections_attach_and_a_higher_severity_raises(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        first = await escalation.record_detection(
            session, detection("concern", message_id=1), utcnow()
        )
        second = await escalation.record_detection(
            session, detection("concern", message_id=2), utcnow()
        )
        third = await escalation.record_detection(
            session, detection("imminent", message_id=3), utcnow()
        )
        repeat = await escalation.record_detection(
            session, detection("imminent", message_id=3), utcnow()
        )
    assert [r.outcome for r in (first, second, third, repeat)] == [
        Intake.OPENED,
        Intake.ATTACHED,
        Intake.RAISED,
        Intake.DUPLICATE,
    ]
    assert third.case is not None and first.case is not None
    assert third.case.id == first.case.id
    assert (third.case.detections, third.case.severity, third.case.repinged) == (
        3,
        "imminent",
        True,
    )
    assert third.case.next_escalation_at is not None


async def test_simultaneous_detections_open_exactly_one_case(sessions: SessionFactory) -> None:
    async def one(n: int) -> Intake:
        async with sessions() as session:
            return (
                await escalation.record_detection(session, detection(message_id=100 + n), utcnow())
            ).outcome

    outcomes = await asyncio.gather(*(one(n) for n in range(8)))
    assert outcomes.count(Intake.OPENED) == 1
    async with sessions() as session:
        cases = await escalation.open_cases(session, GUILD)
    assert len(cases) == 1 and cases[0].detections == 8


async def test_opted_out_members_and_disabled_servers_are_not_scanned(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        await escalation.choose_scanning(session, GUILD, MEMBER, opted_out=True, now=utcnow())
        assert (
            await escalation.record_detection(session, detection(), utcnow())
        ).outcome is Intake.SKIPPED
        # Asking for help always works.
        asked = await escalation.record_detection(
            session, detection(source="requested", message_id=None), utcnow()
        )
        assert asked.outcome is Intake.OPENED
        await update_policy(session, GUILD, PolicyChange(scanning=False))
        assert (
            await escalation.record_detection(session, detection(member=7), utcnow())
        ).outcome is Intake.SKIPPED
        assert await crisis_preferences.opted_out_members(session, GUILD) == [MEMBER]
        await escalation.choose_scanning(session, GUILD, MEMBER, opted_out=False, now=utcnow())
        assert await crisis_preferences.opted_out_members(session, GUILD) == []


async def test_approval_mode_withholds_member_contact(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await update_policy(session, GUILD, PolicyChange(contact="approval"))
        case = (await escalation.record_detection(session, detection(), utcnow())).case
    assert case is not None and case.member_contact == "awaiting_approval"


async def test_targets_are_on_duty_supporters_under_cap_else_the_role(
    sessions: SessionFactory,
) -> None:
    await _configure(sessions)
    async with sessions() as session:
        assert await duty.alert_targets(session, GUILD, utcnow()) == AlertTargets(
            role_ids=(MOD_ROLE,)
        )
        await duty.set_duty(session, GUILD, MOD, True, utcnow())
        await duty.set_duty(session, GUILD, MOD2, True, utcnow())
        await update_policy(session, GUILD, PolicyChange(daily_cap=1))
        targets = await duty.alert_targets(session, GUILD, utcnow())
        assert targets == AlertTargets(user_ids=(MOD, MOD2))
        case = (await escalation.record_detection(session, detection(), utcnow())).case
        assert case is not None and case.id is not None
        await escalation.mark_delivered(
            session,
            case.id,
            channel_id=600,
            message_id=9,
            targets=AlertTargets(user_ids=(MOD,)),
            now=utcnow(),
        )
        # MOD has reached today's cap of one alert, so only MOD2 is pinged next.
        assert await duty.alert_targets(session, GUILD, utcnow()) == AlertTargets(user_ids=(MOD2,))
        await duty.set_duty(session, GUILD, MOD2, False, utcnow())
        assert await duty.alert_targets(session, GUILD, utcnow()) == AlertTargets(
            role_ids=(MOD_ROLE,)
        )


async def test_failed_delivery_backs_off_and_stays_pending(sessions: SessionFactory) -> None:
    now = utcnow()
    async with sessions() as session:
        case = (await escalation.record_detection(session, detection(), now)).case
        assert case is not None and case.id is not None
        first = (
            await escalation.mark_delivery_failed(session, case.id, "error 500", now)
        ).next_delivery_at
        second = (
            await escalation.mark_delivery_failed(session, case.id, "error 500", now)
        ).next_delivery_at
        assert first is not None and second is not None
        assert now < first < second <= now + timedelta(minutes=5)
        assert [c.id for c in await escalation.undelivered(session)] == [case.id]
        await escalation.mark_delivered(
            session, case.id, channel_id=600, message_id=9, targets=AlertTargets(), now=utcnow()
        )
        assert await escalation.undelivered(session) == []


async def _delivered_case(sessions: SessionFactory, severity: str = "high") -> CrisisCase:
    async with sessions() as session:
        case = (await escalation.record_detection(session, detection(severity), utcnow())).case
        assert case is not None and case.id is not None
        return await escalation.mark_delivered(
            session, case.id, channel_id=600, message_id=9, targets=AlertTargets(), now=utcnow()
        )


async def test_claim_once_then_resolve_once_with_history(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions)
    assert case.id is not None
    async with sessions() as session:
        claimed = await escalation.claim(session, GUILD, case.id, MOD, utcnow())
        assert claimed.state == "claimed" and claimed.next_escalation_at is None
        assert claimed.reminder_at is not None and claimed.claimed_at is not None
        assert claimed.reminder_at - claimed.claimed_at == timedelta(hours=24)
        with pytest.raises(InvalidInput, match="already claimed by another responder"):
            await escalation.claim(session, GUILD, case.id, MOD2, utcnow())
        with pytest.raises(NotFound):
            await escalation.claim(session, OTHER_GUILD, case.id, MOD2, utcnow())
        closed = await escalation.close(session, GUILD, case.id, MOD, Outcome.REFERRED, utcnow())
        assert (closed.state, closed.outcome, closed.closed_by) == ("resolved", "referred", MOD)
        with pytest.raises(InvalidInput, match="already closed"):
            await escalation.close(session, GUILD, case.id, MOD, Outcome.FALSE_ALARM, utcnow())
        actions = [e.action for e in await escalation.history(session, GUILD, case.id)]
    assert actions == ["opened", "delivered", "claimed", "resolved"]


async def test_false_alarm_closes_without_a_claim(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions)
    assert case.id is not None
    async with sessions() as session:
        closed = await escalation.close(session, GUILD, case.id, MOD, Outcome.FALSE_ALARM, utcnow())
        assert closed.state == "false_alarm"
        assert await escalation.open_cases(session, GUILD) == []


async def test_unclaimed_case_escalates_twice_then_stops(sessions: SessionFactory) -> None:
    await _configure(sessions)
    case = await _delivered_case(sessions, "imminent")
    assert case.id is not None and case.next_escalation_at is not None
    async with sessions() as session:
        assert await escalation.take_escalation_step(session, case.id, case.created_at) is None
        due = case.next_escalation_at
        step1 = await escalation.take_escalation_step(session, case.id, due)
        assert step1 is not None and step1.level == 1 and MOD_ROLE in step1.targets.role_ids
        # The same moment again does not fire twice.
        assert await escalation.take_escalation_step(session, case.id, due) is None
        assert step1.case.next_escalation_at is not None
        step2 = await escalation.take_escalation_step(
            session, case.id, step1.case.next_escalation_at
        )
        assert step2 is not None and step2.level == 2
        assert step2.targets == AlertTargets(role_ids=(BACKUP_ROLE,))
        assert step2.case.next_escalation_at is None


async def test_a_claimed_case_does_not_escalate(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions, "imminent")
    assert case.id is not None and case.next_escalation_at is not None
    async with sessions() as session:
        await escalation.claim(session, GUILD, case.id, MOD, utcnow())
        assert (
            await escalation.take_escalation_step(session, case.id, case.next_escalation_at) is None
        )


async def test_claim_reminder_fires_once_while_open(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions)
    assert case.id is not None
    async with sessions() as session:
        claimed = await escalation.claim(session, GUILD, case.id, MOD, utcnow())
        assert claimed.reminder_at is not None
        assert (
            await escalation.take_due_reminder(
                session, case.id, claimed.reminder_at - timedelta(minutes=1)
            )
            is None
        )
        due = claimed.reminder_at  # the row (and this object) is cleared when the reminder fires
        reminded = await escalation.take_due_reminder(session, case.id, due)
        assert reminded is not None and reminded.claimed_by == MOD and reminded.reminder_at is None
        assert await escalation.take_due_reminder(session, case.id, due) is None


async def test_cases_with_timers_lists_what_the_scheduler_must_rebuild(
    sessions: SessionFactory,
) -> None:
    pending = await _delivered_case(sessions)
    async with sessions() as session:
        undelivered = (
            await escalation.record_detection(session, detection("concern", member=5), utcnow())
        ).case
        listed = {c.id for c in await escalation.cases_with_timers(session)}
    assert undelivered is not None
    assert listed == {pending.id, undelivered.id}


async def test_member_ok_is_recorded_only_for_the_member(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions)
    assert case.id is not None
    async with sessions() as session:
        with pytest.raises(NotFound):
            await escalation.member_says_ok(session, case.id, MOD, utcnow())
        updated = await escalation.member_says_ok(session, case.id, MEMBER, utcnow())
    assert updated.member_ok_at is not None and updated.state == "open"


async def test_purge_deletes_closed_cases_past_retention_only(sessions: SessionFactory) -> None:
    now = utcnow()
    async with sessions() as session:
        await update_policy(session, GUILD, PolicyChange(retention_days=7))
    old = await _delivered_case(sessions)
    async with sessions() as session:
        fresh = (await escalation.record_detection(session, detection(member=6), utcnow())).case
        assert old.id is not None and fresh is not None and fresh.id is not None
        await escalation.close(
            session, GUILD, old.id, MOD, Outcome.SUPPORTED, now - timedelta(days=8)
        )
        assert await escalation.purge_expired(session, now) == 1
        with pytest.raises(NotFound):
            await escalation.get_case(session, GUILD, old.id)
        assert (await escalation.get_case(session, GUILD, fresh.id)).is_open


async def test_stats_counts_median_claim_and_outcomes(sessions: SessionFactory) -> None:
    case = await _delivered_case(sessions)
    assert case.id is not None
    async with sessions() as session:
        await escalation.claim(session, GUILD, case.id, MOD, case.created_at + timedelta(minutes=4))
        await escalation.close(session, GUILD, case.id, MOD, Outcome.SUPPORTED, utcnow())
        result = await escalation.stats(session, GUILD, utcnow())
    assert (result.total, result.open) == (1, 0)
    assert result.median_minutes_to_claim == pytest.approx(4, abs=0.01)
    assert sum(c["supported"] for c in result.outcomes_by_week.values()) == 1


async def test_member_region_prefers_their_own_choice(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await guild_config.set_locale(session, GUILD, timezone=None, region="GB")
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) == "GB"
        await crisis_preferences.set_member_region(session, GUILD, MEMBER, "Ireland", utcnow())
        assert await crisis_preferences.member_region(session, GUILD, MEMBER) == "IE"


def test_excerpt_keeps_a_short_window_around_the_match() -> None:
    text = "lorem ipsum " * 40 + "I want to die tonight " + "dolor sit " * 40
    excerpt = escalation.make_excerpt(text, ["want to die"])
    assert "want to die" in excerpt
    assert len(excerpt) <= escalation.EXCERPT_LIMIT
    assert escalation.make_excerpt("short  \n text", []) == "short text"
