"""Meetings service: scheduling, exactly-once announcements, grace periods, RSVP, calling off."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.errors import InvalidInput, NotFound
from bot.services import meetings
from bot.services.meeting_time import Recurrence
from bot.services.meetings import Claim, Kind, MeetingInput
from db.engine import SessionFactory
from db.models import MeetingAnnouncement, MeetingOccurrence

GUILD, MOD, FACILITATOR, BACKUP, MEMBER, OTHER = 10, 20, 30, 31, 40, 41
NOW = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
START = datetime(2026, 12, 2, 19, 0, tzinfo=UTC)


def meeting_input(**overrides: object) -> MeetingInput:
    values: dict[str, object] = dict(
        guild_id=GUILD,
        created_by=MOD,
        title="Tuesday circle",
        starts_at=START,
        timezone="Europe/London",
        duration_minutes=90,
        recurrence=Recurrence.WEEKLY,
        announce_channel_id=500,
        facilitator_id=FACILITATOR,
        backup_facilitator_id=BACKUP,
        reminder_minutes=(1440, 15),
        location="https://meet.example.org/circle",
    )
    values.update(overrides)
    return MeetingInput(**values)  # type: ignore[arg-type]


async def rows(
    sessions: SessionFactory, occurrence_id: int
) -> dict[str, list[MeetingAnnouncement]]:
    async with sessions() as session:
        found = await session.scalars(
            select(MeetingAnnouncement)
            .where(MeetingAnnouncement.occurrence_id == occurrence_id)
            .order_by(MeetingAnnouncement.due_at)
        )
        result: dict[str, list[MeetingAnnouncement]] = {}
        for row in found:
            result.setdefault(row.kind, []).append(row)
        return result


async def test_schedule_creates_the_first_occurrence_with_its_announcements(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
    assert result.occurrence is not None
    assert result.occurrence.starts_at == START
    assert result.occurrence.ends_at == START + timedelta(minutes=90)
    by_kind = await rows(sessions, result.occurrence.id)  # type: ignore[arg-type]
    assert [r.due_at for r in by_kind["reminder"]] == [
        START - timedelta(hours=24),
        START - timedelta(minutes=15),
    ]
    assert [r.due_at for r in by_kind["start"]] == [START]
    assert [r.due_at for r in by_kind["dm"]] == [START - timedelta(minutes=15)]
    assert [r.due_at for r in by_kind["confirm"]] == [START - timedelta(hours=24)]
    assert [r.due_at for r in by_kind["backup"]] == [START - timedelta(hours=1)]
    assert [r.due_at for r in by_kind["feedback"]] == [START + timedelta(minutes=90)]
    assert all(r.state == "pending" for group in by_kind.values() for r in group)


async def test_reminders_already_past_collapse_into_one_posted_now(
    sessions: SessionFactory,
) -> None:
    soon = NOW + timedelta(hours=2)
    async with sessions() as session:
        result = await meetings.schedule(
            session, meeting_input(starts_at=soon, reminder_minutes=(2880, 1440, 15)), NOW
        )
    assert result.occurrence is not None
    reminders = (await rows(sessions, result.occurrence.id))["reminder"]  # type: ignore[arg-type]
    assert [(r.offset_minutes, r.due_at) for r in reminders] == [
        (1440, NOW),
        (15, soon - timedelta(minutes=15)),
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"starts_at": NOW - timedelta(minutes=1)}, "past"),
        ({"duration_minutes": 24 * 60 + 1}, "24 hours"),
        ({"title": "x" * 101}, "limit is 100"),
        ({"location": None}, "where the meeting"),
        ({"backup_facilitator_id": FACILITATOR}, "someone other"),
        ({"kind": Kind.TALK}, "speaker"),
    ],
)
async def test_bad_input_saves_nothing(
    sessions: SessionFactory, overrides: dict[str, object], message: str
) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match=message):
            await meetings.schedule(session, meeting_input(**overrides), NOW)
        assert await meetings.active_count(session, GUILD) == 0


async def test_at_most_fifty_active_meetings_per_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        for i in range(meetings.MAX_ACTIVE_MEETINGS):
            await meetings.schedule(session, meeting_input(title=f"m{i}"), NOW)
        with pytest.raises(InvalidInput, match="50 active meetings"):
            await meetings.schedule(session, meeting_input(title="one too many"), NOW)
        assert await meetings.active_count(session, GUILD) == 50
        # Other servers are not affected.
        await meetings.schedule(session, meeting_input(guild_id=GUILD + 1), NOW)


async def test_claim_is_won_exactly_once_even_when_raced(sessions: SessionFactory) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
    assert result.occurrence is not None
    start_row = (await rows(sessions, result.occurrence.id))["start"][0]  # type: ignore[arg-type]

    async def attempt() -> Claim:
        async with sessions() as session:
            outcome, _ = await meetings.claim(session, start_row.id, START)  # type: ignore[arg-type]
            return outcome

    outcomes = await asyncio.gather(*(attempt() for _ in range(5)))
    assert sorted(outcomes) == sorted([Claim.WON] + [Claim.LOST] * 4)
    async with sessions() as session:
        assert await meetings.claim(session, start_row.id, START) == (Claim.LOST, None)  # type: ignore[arg-type]


async def test_an_announcement_missed_beyond_the_grace_period_is_skipped(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
    assert result.occurrence is not None
    by_kind = await rows(sessions, result.occurrence.id)  # type: ignore[arg-type]
    early, late = by_kind["reminder"]
    async with sessions() as session:
        within = early.due_at + meetings.DEFAULT_GRACE
        outcome, work = await meetings.claim(session, early.id, within)  # type: ignore[arg-type]
        assert outcome is Claim.WON and work is not None and work.meeting.title == "Tuesday circle"
        beyond = late.due_at + meetings.DEFAULT_GRACE + timedelta(seconds=1)
        assert (await meetings.claim(session, late.id, beyond))[0] is Claim.LATE  # type: ignore[arg-type]
    states = {r.id: r.state for r in (await rows(sessions, result.occurrence.id))["reminder"]}  # type: ignore[arg-type]
    assert states == {early.id: "sending", late.id: "skipped"}


async def test_recheck_shows_changes_made_after_the_claim_and_drops_called_off_work(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
    assert result.occurrence is not None and result.meeting.id is not None
    early, late = (await rows(sessions, result.occurrence.id))["reminder"]  # type: ignore[arg-type]
    async with sessions() as session:
        _, first = await meetings.claim(session, early.id, early.due_at)  # type: ignore[arg-type]
        _, second = await meetings.claim(session, late.id, late.due_at)  # type: ignore[arg-type]
    assert first is not None and second is not None
    async with sessions() as session:
        await meetings.set_rsvp(session, result.occurrence.id, MEMBER, "going", NOW)  # type: ignore[arg-type]
        await meetings.edit(
            session, GUILD, result.meeting.id, NOW, changes={"title": "Wednesday circle"}
        )
    async with sessions() as session:
        current = await meetings.recheck(session, first)
    assert current is not None and current.announcement.id == early.id
    assert current.meeting.title == "Wednesday circle" and current.counts.going == 1

    async with sessions() as session:
        await meetings.call_off_next(session, GUILD, result.meeting.id, NOW, state="cancelled")
    async with sessions() as session:
        assert await meetings.recheck(session, second) is None
    states = {r.id: r.state for r in (await rows(sessions, result.occurrence.id))["reminder"]}  # type: ignore[arg-type]
    assert states == {early.id: "sending", late.id: "cancelled"}


async def test_rsvp_counts_change_with_answers_and_close_when_called_off(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        assert result.occurrence is not None and result.occurrence.id is not None
        oid = result.occurrence.id
        await meetings.set_rsvp(session, oid, MEMBER, "going", NOW)
        counts = await meetings.set_rsvp(session, oid, OTHER, "maybe", NOW)
        assert counts == meetings.Counts(going=1, maybe=1, no=0)
        counts = await meetings.set_rsvp(session, oid, MEMBER, "no", NOW)
        assert counts == meetings.Counts(going=0, maybe=1, no=1)
        await meetings.set_notify(session, GUILD, OTHER, False, NOW)
        await meetings.set_rsvp(session, oid, MEMBER, "going", NOW)
        occurrence = await session.get(MeetingOccurrence, oid)
        assert occurrence is not None
        assert await meetings.dm_recipients(session, occurrence, ("going", "maybe")) == [MEMBER]
        called_off, following = await meetings.call_off_next(
            session,
            GUILD,
            result.meeting.id,
            NOW,
            state="skipped",  # type: ignore[arg-type]
        )
        assert called_off.id == oid
        assert following is not None and following.occurrence is not None
        assert following.occurrence.starts_at == START + timedelta(days=7)
        with pytest.raises(InvalidInput, match="called off"):
            await meetings.set_rsvp(session, oid, OTHER, "going", NOW)
    remaining = await rows(sessions, oid)
    assert {r.state for group in remaining.values() for r in group} == {"cancelled"}


async def test_cancel_series_stops_everything_and_roll_forward_respects_it(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        meeting_id = result.meeting.id
        assert meeting_id is not None
        with pytest.raises(NotFound):
            await meetings.cancel_series(session, GUILD + 1, meeting_id, NOW)
        called_off = await meetings.cancel_series(session, GUILD, meeting_id, NOW)
        assert [o.state for o in called_off] == ["cancelled"]
        assert await meetings.roll_forward(session, meeting_id, NOW) is None
        assert await meetings.upcoming(session, GUILD, NOW) == []
        assert await meetings.pending_until(session, NOW + timedelta(days=30)) == []


async def test_roll_forward_after_downtime_materialises_the_next_occurrence(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        later = START + timedelta(hours=3)
        assert await meetings.series_needing_roll(session, later) == [result.meeting.id]
        rolled = await meetings.roll_forward(session, result.meeting.id, later)  # type: ignore[arg-type]
        assert rolled is not None and rolled.occurrence is not None
        assert rolled.occurrence.starts_at == START + timedelta(days=7)
        assert await meetings.series_needing_roll(session, later) == []


async def test_edit_time_replaces_the_upcoming_occurrence(sessions: SessionFactory) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        new_start = START + timedelta(days=1, hours=1)
        edited = await meetings.edit(
            session,
            GUILD,
            result.meeting.id,
            NOW,
            changes={"first_start": new_start},  # type: ignore[arg-type]
        )
        assert [o.starts_at for o in edited.replaced] == [START]
        assert edited.scheduled is not None and edited.scheduled.occurrence is not None
        assert edited.scheduled.occurrence.starts_at == new_start
        kept = await meetings.edit(
            session,
            GUILD,
            result.meeting.id,
            NOW,
            changes={"title": "Wednesday circle"},  # type: ignore[arg-type]
        )
        assert kept.replaced == [] and [o.starts_at for o in kept.kept] == [new_start]
        with pytest.raises(InvalidInput, match="24 hours"):
            await meetings.edit(
                session,
                GUILD,
                result.meeting.id,
                NOW,
                changes={"duration_minutes": 2000},  # type: ignore[arg-type]
            )


async def test_feedback_only_from_those_going_and_only_as_an_aggregate(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        oid = result.occurrence.id  # type: ignore[union-attr]
        assert oid is not None
        await meetings.set_rsvp(session, oid, MEMBER, "going", NOW)
        await meetings.set_rsvp(session, oid, OTHER, "maybe", NOW)
        await meetings.record_feedback(session, oid, MEMBER, "good", NOW)
        with pytest.raises(InvalidInput, match="going"):
            await meetings.record_feedback(session, oid, OTHER, "hard", NOW)
        assert await meetings.feedback_summary(session, GUILD) == {"good": 1, "okay": 0, "hard": 0}


async def test_ground_rules_default_and_per_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        assert await meetings.ground_rules(session, GUILD) == meetings.DEFAULT_GROUND_RULES
        rules = await meetings.set_ground_rules(session, GUILD, "Be kind.\n\nNo advice.", NOW)
        assert rules == ("Be kind.", "No advice.")
        assert await meetings.ground_rules(session, GUILD + 1) == meetings.DEFAULT_GROUND_RULES
        assert await meetings.set_ground_rules(session, GUILD, None, NOW) == (
            meetings.DEFAULT_GROUND_RULES
        )


async def test_claim_due_takes_a_burst_once_and_skips_what_is_too_late(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        for i in range(3):
            await meetings.schedule(session, meeting_input(title=f"m{i}"), NOW)
        claimed = await meetings.claim_due(session, START)
        won = [work for outcome, work in claimed if outcome is Claim.WON]
        assert sorted(w.meeting.title for w in won if w is not None) == ["m0", "m1", "m2"]
        assert {w.announcement.kind for w in won if w is not None} == {"start"}
        # Everything else was due more than the grace period ago: skipped, never sent late.
        assert {outcome for outcome, _ in claimed} == {Claim.WON, Claim.LATE}
        assert await meetings.claim_due(session, START) == []


async def test_only_the_facilitators_can_confirm(sessions: SessionFactory) -> None:
    async with sessions() as session:
        result = await meetings.schedule(session, meeting_input(), NOW)
        oid = result.occurrence.id  # type: ignore[union-attr]
        assert oid is not None
        with pytest.raises(InvalidInput, match="facilitators"):
            await meetings.confirm_facilitator(session, oid, MEMBER)
        confirmed = await meetings.confirm_facilitator(session, oid, BACKUP)
        assert confirmed.facilitator_confirmed
