"""Meetings: scheduling, occurrences, exactly-once announcements, RSVP and feedback.

Discord-free. The cog turns what this returns into posts, DMs and native scheduled events.

Only the *next* occurrence of each series is materialised (with its announcement rows); when it
starts, is skipped or cancelled, the one after it is materialised. That keeps one native
Discord event per meeting, so 50 meetings per server stay far under Discord's 100-event cap.

Every announcement row is sent at most once: ``claim`` is one ``UPDATE ... WHERE
state='pending'`` that only one caller can win, and a row due longer ago than the server's grace
period is skipped (and logged by id) rather than sent late."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.errors import InvalidInput, NotFound
from bot.services.meeting_time import (
    MAX_DURATION_MINUTES,
    Recurrence,
    next_occurrence,
)
from bot.services.member_data import PersonalData
from db.models import (
    Meeting,
    MeetingAnnouncement,
    MeetingFeedback,
    MeetingNotifyPreference,
    MeetingOccurrence,
    MeetingRsvp,
    MeetingSettings,
)
from db.rows import get_by_id, is_row_id
from db.upsert import upsert

log = logging.getLogger(__name__)

MAX_ACTIVE_MEETINGS = 50
DEFAULT_GRACE = timedelta(minutes=10)
CONFIRM_BEFORE = timedelta(hours=24)
BACKUP_BEFORE = timedelta(hours=1)
DEFAULT_DM_BEFORE = 15
DEFAULT_GROUND_RULES = (
    "What is shared here stays here (confidentiality).",
    "Listen without judging.",
    "Speak from your own experience.",
    "It's fine to just listen.",
)
LIMITS = {"title": 100, "description": 1000, "content notes": 500, "location": 200}
RATINGS = ("good", "okay", "hard")
ANSWERS = ("going", "maybe", "no")

PERSONAL_DATA = (
    PersonalData(
        MeetingRsvp, "user_id", "Your answers (Going / Maybe / Can't go) to meeting invitations"
    ),
    PersonalData(MeetingNotifyPreference, "user_id", "Whether you want DM reminders for meetings"),
    PersonalData(MeetingFeedback, "user_id", "Your private 'How was it?' answers after meetings"),
    PersonalData(
        Meeting,
        None,
        "Meetings you facilitate, back up or scheduled",
        mentions=("facilitator_id", "backup_facilitator_id", "created_by"),
    ),
)


class Kind(StrEnum):
    SUPPORT = "support"
    TALK = "talk"
    SOCIAL = "social"


class Claim(StrEnum):
    WON = "won"  # this caller sends it
    LOST = "lost"  # someone else did, or it was cancelled
    LATE = "late"  # missed by more than the grace period: skipped


@dataclass(slots=True)
class MeetingInput:
    guild_id: int
    created_by: int
    title: str
    starts_at: datetime
    timezone: str
    duration_minutes: int
    recurrence: Recurrence
    announce_channel_id: int
    facilitator_id: int
    reminder_minutes: tuple[int, ...]
    kind: Kind = Kind.SUPPORT
    description: str = ""
    voice_channel_id: int | None = None
    location: str | None = None
    backup_facilitator_id: int | None = None
    content_notes: str = ""
    ping_role_id: int | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None


@dataclass(slots=True)
class Scheduled:
    meeting: Meeting
    occurrence: MeetingOccurrence | None
    announcements: list[MeetingAnnouncement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Counts:
    going: int = 0
    maybe: int = 0
    no: int = 0


@dataclass(frozen=True, slots=True)
class Work:
    """One claimed announcement and everything needed to carry it out."""

    announcement: MeetingAnnouncement
    occurrence: MeetingOccurrence
    meeting: Meeting
    counts: Counts = Counts()
    rules: tuple[str, ...] = DEFAULT_GROUND_RULES


# --- validation -----------------------------------------------------------------------------


def check_text(value: str | None, what: str) -> None:
    if value is not None and len(value) > LIMITS[what]:
        raise InvalidInput(
            f"The {what} is {len(value):,} characters long; the limit is {LIMITS[what]:,}."
        )


def validate(data: MeetingInput, now: datetime) -> None:
    if not data.title.strip():
        raise InvalidInput("The meeting needs a title.")
    for value, what in (
        (data.title, "title"),
        (data.description, "description"),
        (data.content_notes, "content notes"),
        (data.location, "location"),
    ):
        check_text(value, what)
    if not 5 <= data.duration_minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput("A meeting lasts between 5 minutes and 24 hours.")
    if data.starts_at <= now:
        raise InvalidInput("That time is in the past. Please choose a future time.")
    if data.voice_channel_id is None and not data.location:
        raise InvalidInput(
            "Say where the meeting happens: choose a voice or stage channel, or give a link or "
            "an address in `location`."
        )
    if data.backup_facilitator_id is not None and data.backup_facilitator_id == data.facilitator_id:
        raise InvalidInput("The backup facilitator must be someone other than the facilitator.")
    if data.kind is Kind.TALK and not data.speaker_name:
        raise InvalidInput("A guest talk needs the speaker's name (`speaker`).")


async def active_count(session: AsyncSession, guild_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Meeting)
        .where(col(Meeting.guild_id) == guild_id, col(Meeting.state) == "active")
    )
    return int(count or 0)


# --- scheduling -----------------------------------------------------------------------------


def reminder_minutes(meeting: Meeting) -> tuple[int, ...]:
    return tuple(int(m) for m in meeting.reminder_minutes.split(",") if m)


async def schedule(session: AsyncSession, data: MeetingInput, now: datetime) -> Scheduled:
    """Save a new meeting and its first occurrence with its announcements; one transaction."""
    validate(data, now)
    if await active_count(session, data.guild_id) >= MAX_ACTIVE_MEETINGS:
        raise InvalidInput(
            f"This server already has {MAX_ACTIVE_MEETINGS} active meetings, the most Kinship "
            "keeps. Cancel one with `/meeting cancel` first."
        )
    meeting = Meeting(
        guild_id=data.guild_id,
        title=data.title.strip(),
        description=data.description,
        kind=data.kind.value,
        speaker_name=data.speaker_name,
        speaker_role=data.speaker_role,
        timezone=data.timezone,
        first_start=data.starts_at,
        duration_minutes=data.duration_minutes,
        recurrence=data.recurrence.value,
        voice_channel_id=data.voice_channel_id,
        location=data.location,
        announce_channel_id=data.announce_channel_id,
        facilitator_id=data.facilitator_id,
        backup_facilitator_id=data.backup_facilitator_id,
        content_notes=data.content_notes,
        reminder_minutes=",".join(str(m) for m in data.reminder_minutes),
        ping_role_id=data.ping_role_id,
        created_by=data.created_by,
        created_at=now,
        updated_at=now,
    )
    session.add(meeting)
    await session.flush()
    result = await _materialise_next(session, meeting, now)
    await session.commit()
    return result


async def _latest_start(session: AsyncSession, meeting_id: int) -> datetime | None:
    return await session.scalar(
        select(func.max(col(MeetingOccurrence.starts_at))).where(
            col(MeetingOccurrence.meeting_id) == meeting_id
        )
    )


async def _materialise_next(session: AsyncSession, meeting: Meeting, now: datetime) -> Scheduled:
    """Create the occurrence after the latest one (and after ``now``) with its announcements."""
    assert meeting.id is not None
    latest = await _latest_start(session, meeting.id)
    after = max(latest, now) if latest is not None else now - timedelta(seconds=1)
    starts_at = next_occurrence(
        Recurrence(meeting.recurrence), meeting.first_start, meeting.timezone, after
    )
    if starts_at is None:
        return Scheduled(meeting, None)
    occurrence = MeetingOccurrence(
        meeting_id=meeting.id,
        guild_id=meeting.guild_id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=meeting.duration_minutes),
    )
    session.add(occurrence)
    await session.flush()
    announcements = _announcements(meeting, occurrence, now)
    session.add_all(announcements)
    await session.flush()
    return Scheduled(meeting, occurrence, announcements)


def _announcements(
    meeting: Meeting, occurrence: MeetingOccurrence, now: datetime
) -> list[MeetingAnnouncement]:
    assert occurrence.id is not None
    occurrence_id = occurrence.id
    start = occurrence.starts_at

    def row(
        kind: str, due: datetime, offset: int = 0, state: str = "pending"
    ) -> MeetingAnnouncement:
        return MeetingAnnouncement(
            occurrence_id=occurrence_id,
            guild_id=meeting.guild_id,
            kind=kind,
            offset_minutes=offset,
            due_at=due,
            state=state,
        )

    rows: list[MeetingAnnouncement] = []
    offsets = reminder_minutes(meeting)
    # Reminders already past when the occurrence is created collapse into one, posted now.
    past = [m for m in offsets if start - timedelta(minutes=m) <= now]
    for minutes in offsets:
        due = start - timedelta(minutes=minutes)
        if due > now:
            rows.append(row("reminder", due, minutes))
        elif minutes == min(past):
            rows.append(row("reminder", now, minutes))
    rows.append(row("start", start))
    dm_before = timedelta(minutes=min(offsets) if offsets else DEFAULT_DM_BEFORE)
    if start - dm_before > now:
        rows.append(row("dm", start - dm_before, int(dm_before.total_seconds() // 60)))
    rows.append(row("confirm", max(start - CONFIRM_BEFORE, now)))
    if meeting.backup_facilitator_id is not None and start - BACKUP_BEFORE > now:
        rows.append(row("backup", start - BACKUP_BEFORE, 60))
    rows.append(row("feedback", occurrence.ends_at))
    return rows


async def roll_forward(session: AsyncSession, meeting_id: int, now: datetime) -> Scheduled | None:
    """Materialise the next occurrence of an active series if none is scheduled ahead."""
    meeting = await get_by_id(session, Meeting, meeting_id)
    if meeting is None or meeting.state != "active":
        return None
    ahead = await session.scalar(
        select(func.count())
        .select_from(MeetingOccurrence)
        .where(
            col(MeetingOccurrence.meeting_id) == meeting_id,
            col(MeetingOccurrence.state) == "scheduled",
            col(MeetingOccurrence.starts_at) > now,
        )
    )
    if ahead:
        return None
    result = await _materialise_next(session, meeting, now)
    if result.occurrence is None:
        meeting.state = "ended"
        meeting.updated_at = now
    await session.commit()
    return result


async def series_needing_roll(session: AsyncSession, now: datetime) -> list[int]:
    """Active series with no scheduled occurrence ahead (after downtime): one query."""
    ahead = (
        select(col(MeetingOccurrence.meeting_id))
        .where(
            col(MeetingOccurrence.state) == "scheduled",
            col(MeetingOccurrence.starts_at) > now,
        )
        .scalar_subquery()
    )
    rows = await session.scalars(
        select(col(Meeting.id)).where(col(Meeting.state) == "active", col(Meeting.id).not_in(ahead))
    )
    return [int(r) for r in rows if r is not None]


# --- exactly-once work ------------------------------------------------------------------------


async def pending_until(session: AsyncSession, until: datetime) -> list[tuple[int, datetime]]:
    """Ids and due times of pending announcements due by ``until``, for timers."""
    rows = await session.execute(
        select(col(MeetingAnnouncement.id), col(MeetingAnnouncement.due_at))
        .where(
            col(MeetingAnnouncement.state) == "pending", col(MeetingAnnouncement.due_at) <= until
        )
        .order_by(col(MeetingAnnouncement.due_at))
    )
    return [(i, d) for i, d in rows if i is not None]


async def claim(
    session: AsyncSession, announcement_id: int, now: datetime
) -> tuple[Claim, Work | None]:
    """Win the right to send one announcement: pending→sending, which only one caller can do.

    A row due longer ago than the grace period becomes 'skipped' instead (logged by id)."""
    claimed = await _claim_where(session, col(MeetingAnnouncement.id) == announcement_id, now)
    return claimed[0] if claimed else (Claim.LOST, None)


async def claim_due(session: AsyncSession, now: datetime) -> list[tuple[Claim, Work | None]]:
    """Claim every pending announcement due by ``now`` in one transaction (a burst of
    announcements due together holds the database once, not once each)."""
    return await _claim_where(session, col(MeetingAnnouncement.due_at) <= now, now)


async def _claim_where(
    session: AsyncSession, condition: Any, now: datetime
) -> list[tuple[Claim, Work | None]]:
    """One short transaction: pending→sending (only one caller can win a row), then load what
    the announcements show; rows missed by more than the grace period become 'skipped'."""
    won = await session.execute(
        update(MeetingAnnouncement)
        .where(condition, col(MeetingAnnouncement.state) == "pending")
        .values(state="sending")
        .returning(col(MeetingAnnouncement.id))
        .execution_options(synchronize_session=False)
    )
    ids = [i for i in won.scalars() if i is not None]
    if not ids:
        await session.rollback()
        return []
    loaded = await session.execute(
        select(MeetingAnnouncement, MeetingOccurrence, Meeting, MeetingSettings)
        .join(
            MeetingOccurrence,
            col(MeetingOccurrence.id) == col(MeetingAnnouncement.occurrence_id),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingOccurrence.meeting_id))
        .outerjoin(MeetingSettings, col(MeetingSettings.guild_id) == col(Meeting.guild_id))
        .where(col(MeetingAnnouncement.id).in_(ids))
        .order_by(col(MeetingAnnouncement.due_at))
    )
    rows = list(loaded)
    shown = [o.id for a, o, _, _ in rows if a.kind in ("reminder", "start") and o.id is not None]
    tallies = await counts_for(session, shown)
    results: list[tuple[Claim, Work | None]] = []
    for row, occurrence, meeting, settings in rows:
        grace = timedelta(minutes=settings.grace_minutes) if settings else DEFAULT_GRACE
        if now - row.due_at > grace:
            row.state = "skipped"
            log.warning(
                "Meeting announcement %s (occurrence %s, %s) missed by more than the grace "
                "period; skipped",
                row.id,
                row.occurrence_id,
                row.kind,
            )
            results.append((Claim.LATE, None))
            continue
        row.state = "sending"
        rules: tuple[str, ...] = DEFAULT_GROUND_RULES
        if settings is not None and settings.ground_rules is not None:
            rules = tuple(line for line in settings.ground_rules.splitlines() if line.strip())
        tally = tallies.get(occurrence.id or 0, Counts())
        results.append((Claim.WON, Work(row, occurrence, meeting, tally, rules)))
    await session.commit()
    return results


async def recheck(session: AsyncSession, work: Work) -> Work | None:
    """Work claimed before an organiser's change: the same work with the occurrence, series and
    RSVPs as they stand now, or None (the announcement marked cancelled) if the occurrence was
    called off or moved meanwhile."""
    occurrence = await get_by_id(session, MeetingOccurrence, work.occurrence.id or 0)
    meeting = await session.get(Meeting, work.meeting.id) if occurrence is not None else None
    if occurrence is None or meeting is None or occurrence.state != "scheduled":
        await session.execute(
            update(MeetingAnnouncement)
            .where(
                col(MeetingAnnouncement.id) == work.announcement.id,
                col(MeetingAnnouncement.state) == "sending",
            )
            .values(state="cancelled")
        )
        await session.commit()
        return None
    tally = (await counts_for(session, [occurrence.id or 0])).get(occurrence.id or 0, Counts())
    return replace(work, occurrence=occurrence, meeting=meeting, counts=tally)


async def complete(
    session: AsyncSession,
    work: Work,
    now: datetime,
    *,
    state: str = "sent",
    post: tuple[int, int] | None = None,
) -> Scheduled | None:
    """Record the outcome of claimed work in one transaction: the row's state, the post it
    made (channel, message), and after a start, the series' next occurrence."""
    announcement_id, occurrence_id = work.announcement.id, work.occurrence.id
    await session.execute(
        update(MeetingAnnouncement)
        .where(col(MeetingAnnouncement.id) == announcement_id)
        .values(state=state, sent_at=now)
    )
    if post is not None:
        minutes = work.announcement.offset_minutes if work.announcement.kind == "reminder" else 0
        await session.execute(
            update(MeetingOccurrence)
            .where(col(MeetingOccurrence.id) == occurrence_id)
            .values(message_channel_id=post[0], message_id=post[1], announced_minutes=minutes)
        )
    if work.announcement.kind != "start" or work.meeting.id is None:
        await session.commit()
        return None
    await session.commit()
    return await roll_forward(session, work.meeting.id, now)


async def meeting_of_start(session: AsyncSession, announcement_id: int) -> int | None:
    """The series a start announcement belongs to (None for other kinds)."""
    return await session.scalar(
        select(col(MeetingOccurrence.meeting_id))
        .join(
            MeetingAnnouncement,
            col(MeetingAnnouncement.occurrence_id) == col(MeetingOccurrence.id),
        )
        .where(
            col(MeetingAnnouncement.id) == announcement_id,
            col(MeetingAnnouncement.kind) == "start",
        )
    )


async def set_event_id(session: AsyncSession, occurrence_id: int, event_id: int | None) -> None:
    await session.execute(
        update(MeetingOccurrence)
        .where(col(MeetingOccurrence.id) == occurrence_id)
        .values(discord_event_id=event_id)
    )
    await session.commit()


# --- reading --------------------------------------------------------------------------------


async def get_meeting(session: AsyncSession, guild_id: int, meeting_id: int) -> Meeting:
    meeting = await get_by_id(session, Meeting, meeting_id)
    if meeting is None or meeting.guild_id != guild_id:
        raise NotFound(f"There is no meeting #{meeting_id} in this server.")
    return meeting


async def next_of(
    session: AsyncSession, meeting_id: int, now: datetime
) -> MeetingOccurrence | None:
    return await session.scalar(
        select(MeetingOccurrence)
        .where(
            col(MeetingOccurrence.meeting_id) == meeting_id,
            col(MeetingOccurrence.state) == "scheduled",
            col(MeetingOccurrence.ends_at) > now,
        )
        .order_by(col(MeetingOccurrence.starts_at))
        .limit(1)
    )


async def upcoming(
    session: AsyncSession, guild_id: int, now: datetime
) -> list[tuple[Meeting, MeetingOccurrence]]:
    """Active meetings with their next (or running) occurrence, soonest first."""
    rows = await session.execute(
        select(Meeting, MeetingOccurrence)
        .join(MeetingOccurrence, col(MeetingOccurrence.meeting_id) == col(Meeting.id))
        .where(
            col(Meeting.guild_id) == guild_id,
            col(MeetingOccurrence.state) == "scheduled",
            col(MeetingOccurrence.ends_at) > now,
        )
        .order_by(col(MeetingOccurrence.starts_at))
    )
    seen: set[int] = set()
    result = []
    for meeting, occurrence in rows:
        if meeting.id not in seen:
            seen.add(meeting.id)  # type: ignore[arg-type]
            result.append((meeting, occurrence))
    return result


async def search(session: AsyncSession, guild_id: int, text: str) -> list[Meeting]:
    rows = await session.scalars(
        select(Meeting)
        .where(col(Meeting.guild_id) == guild_id, col(Meeting.state) == "active")
        .order_by(col(Meeting.id))
    )
    needle = text.strip().lower()
    return [m for m in rows if needle in m.title.lower() or needle == str(m.id)][:25]


async def occurrence_with_meeting(
    session: AsyncSession, occurrence_id: int
) -> tuple[MeetingOccurrence, Meeting]:
    occurrence = await get_by_id(session, MeetingOccurrence, occurrence_id)
    if occurrence is None:
        raise NotFound("That meeting no longer exists.")
    meeting = await session.get(Meeting, occurrence.meeting_id)
    assert meeting is not None
    return occurrence, meeting


async def occurrence_for_event(session: AsyncSession, event_id: int) -> MeetingOccurrence | None:
    return await session.scalar(
        select(MeetingOccurrence).where(col(MeetingOccurrence.discord_event_id) == event_id)
    )


async def ground_rules(session: AsyncSession, guild_id: int) -> tuple[str, ...]:
    settings = await session.get(MeetingSettings, guild_id)
    if settings is None or settings.ground_rules is None:
        return DEFAULT_GROUND_RULES
    return tuple(line for line in settings.ground_rules.splitlines() if line.strip())


async def set_ground_rules(
    session: AsyncSession, guild_id: int, rules: str | None, now: datetime
) -> tuple[str, ...]:
    """Save the server's ground rules (one per line); None restores the defaults."""
    if rules is not None:
        if len(rules) > 1500:
            raise InvalidInput("Ground rules are limited to 1,500 characters.")
        if not rules.strip():
            rules = None
    await upsert(
        session, MeetingSettings, {"guild_id": guild_id}, {"ground_rules": rules, "updated_at": now}
    )
    await session.commit()
    return await ground_rules(session, guild_id)


# --- RSVP, DMs, feedback --------------------------------------------------------------------


async def counts(session: AsyncSession, occurrence_id: int) -> Counts:
    rows = await session.execute(
        select(col(MeetingRsvp.answer), func.count())
        .where(col(MeetingRsvp.occurrence_id) == occurrence_id)
        .group_by(col(MeetingRsvp.answer))
    )
    found = {answer: int(n) for answer, n in rows}
    return Counts(found.get("going", 0), found.get("maybe", 0), found.get("no", 0))


async def counts_for(session: AsyncSession, occurrence_ids: list[int]) -> dict[int, Counts]:
    if not occurrence_ids:
        return {}
    rows = await session.execute(
        select(col(MeetingRsvp.occurrence_id), col(MeetingRsvp.answer), func.count())
        .where(col(MeetingRsvp.occurrence_id).in_(occurrence_ids))
        .group_by(col(MeetingRsvp.occurrence_id), col(MeetingRsvp.answer))
    )
    found: dict[int, dict[str, int]] = {}
    for occurrence_id, answer, n in rows:
        found.setdefault(occurrence_id, {})[answer] = int(n)
    return {
        oid: Counts(f.get("going", 0), f.get("maybe", 0), f.get("no", 0))
        for oid, f in found.items()
    }


async def set_rsvp(
    session: AsyncSession,
    occurrence_id: int,
    user_id: int,
    answer: str,
    now: datetime,
    *,
    source: str = "button",
) -> Counts:
    """Record (or change) a member's answer; refuses meetings that ended or were called off."""
    if answer not in ANSWERS:
        raise InvalidInput("That answer isn't one of Going, Maybe or Can't go.")
    occurrence, _ = await occurrence_with_meeting(session, occurrence_id)
    if occurrence.state != "scheduled":
        raise InvalidInput("This meeting was called off, so answers are closed.")
    if occurrence.ends_at <= now:
        raise InvalidInput("This meeting has already ended.")
    await upsert(
        session,
        MeetingRsvp,
        {"occurrence_id": occurrence_id, "user_id": user_id},
        {"answer": answer, "source": source, "changed_at": now},
        defaults={"guild_id": occurrence.guild_id},
    )
    await session.commit()
    return await counts(session, occurrence_id)


async def withdraw_interest(session: AsyncSession, occurrence_id: int, user_id: int) -> Counts:
    """Un-marking Interested removes an answer that came from it (a button answer stays)."""
    await session.execute(
        delete(MeetingRsvp).where(
            col(MeetingRsvp.occurrence_id) == occurrence_id,
            col(MeetingRsvp.user_id) == user_id,
            col(MeetingRsvp.source) == "event",
        )
    )
    await session.commit()
    return await counts(session, occurrence_id)


async def answer_of(session: AsyncSession, occurrence_id: int, user_id: int) -> str | None:
    rsvp = await session.get(MeetingRsvp, (occurrence_id, user_id))
    return rsvp.answer if rsvp else None


async def set_notify(
    session: AsyncSession, guild_id: int, user_id: int, on: bool, now: datetime
) -> None:
    await upsert(
        session,
        MeetingNotifyPreference,
        {"guild_id": guild_id, "user_id": user_id},
        {"dm_reminders": on, "changed_at": now},
    )
    await session.commit()


async def dm_recipients(
    session: AsyncSession, occurrence: MeetingOccurrence, answers: Sequence[str]
) -> list[int]:
    """Members who answered one of ``answers`` and have not turned DM reminders off."""
    opted_out = select(col(MeetingNotifyPreference.user_id)).where(
        col(MeetingNotifyPreference.guild_id) == occurrence.guild_id,
        col(MeetingNotifyPreference.dm_reminders).is_(False),
    )
    rows = await session.scalars(
        select(col(MeetingRsvp.user_id))
        .where(
            col(MeetingRsvp.occurrence_id) == occurrence.id,
            col(MeetingRsvp.answer).in_(list(answers)),
            col(MeetingRsvp.user_id).not_in(opted_out),
        )
        .order_by(col(MeetingRsvp.user_id))
    )
    return [int(r) for r in rows]


async def record_feedback(
    session: AsyncSession, occurrence_id: int, user_id: int, rating: str, now: datetime
) -> None:
    if rating not in RATINGS:
        raise InvalidInput("That isn't one of the answers.")
    occurrence, _ = await occurrence_with_meeting(session, occurrence_id)
    if await answer_of(session, occurrence_id, user_id) != "going":
        raise InvalidInput("Only people who said they were going can answer this.")
    await upsert(
        session,
        MeetingFeedback,
        {"occurrence_id": occurrence_id, "user_id": user_id},
        {"rating": rating, "created_at": now},
        defaults={"guild_id": occurrence.guild_id},
    )
    await session.commit()


async def feedback_summary(
    session: AsyncSession, guild_id: int, meeting_id: int | None = None
) -> dict[str, int]:
    """Aggregate 'How was it?' answers: counts per rating, never who said what."""
    query = (
        select(col(MeetingFeedback.rating), func.count())
        .join(
            MeetingOccurrence,
            col(MeetingOccurrence.id) == col(MeetingFeedback.occurrence_id),
        )
        .where(col(MeetingFeedback.guild_id) == guild_id)
        .group_by(col(MeetingFeedback.rating))
    )
    if meeting_id is not None:
        if not is_row_id(meeting_id):
            raise NotFound(f"There is no meeting #{meeting_id} in this server.")
        query = query.where(col(MeetingOccurrence.meeting_id) == meeting_id)
    rows = await session.execute(query)
    found = {rating: int(n) for rating, n in rows}
    return {rating: found.get(rating, 0) for rating in RATINGS}


async def confirm_facilitator(
    session: AsyncSession, occurrence_id: int, user_id: int
) -> MeetingOccurrence:
    occurrence, meeting = await occurrence_with_meeting(session, occurrence_id)
    if user_id not in (meeting.facilitator_id, meeting.backup_facilitator_id):
        raise InvalidInput("Only this meeting's facilitators can confirm.")
    occurrence.facilitator_confirmed = True
    await session.commit()
    return occurrence


# --- changing and calling off -------------------------------------------------------------


async def _call_off(
    session: AsyncSession, occurrence: MeetingOccurrence, state: str
) -> MeetingOccurrence:
    occurrence.state = state
    await session.execute(
        update(MeetingAnnouncement)
        .where(
            col(MeetingAnnouncement.occurrence_id) == occurrence.id,
            col(MeetingAnnouncement.state) == "pending",
        )
        .values(state="cancelled")
    )
    return occurrence


async def call_off_next(
    session: AsyncSession, guild_id: int, meeting_id: int, now: datetime, *, state: str
) -> tuple[MeetingOccurrence, Scheduled | None]:
    """Cancel or skip the next occurrence; the series continues with the one after it."""
    meeting = await get_meeting(session, guild_id, meeting_id)
    if meeting.state != "active":
        raise InvalidInput(f"Meeting #{meeting_id} is not active.")
    occurrence = await next_of(session, meeting_id, now)
    if occurrence is None or occurrence.starts_at <= now:
        raise InvalidInput("This meeting has no upcoming occurrence that hasn't started yet.")
    await _call_off(session, occurrence, state)
    await session.flush()
    following = await _materialise_next(session, meeting, now)
    if following.occurrence is None:
        meeting.state = "ended"
    await session.commit()
    return occurrence, following if following.occurrence is not None else None


async def cancel_series(
    session: AsyncSession, guild_id: int, meeting_id: int, now: datetime
) -> list[MeetingOccurrence]:
    """Cancel the whole series: every occurrence not yet started, and no more after it."""
    meeting = await get_meeting(session, guild_id, meeting_id)
    if meeting.state != "active":
        raise InvalidInput(f"Meeting #{meeting_id} is already cancelled or over.")
    meeting.state = "cancelled"
    meeting.updated_at = now
    future = await session.scalars(
        select(MeetingOccurrence).where(
            col(MeetingOccurrence.meeting_id) == meeting_id,
            col(MeetingOccurrence.state) == "scheduled",
            col(MeetingOccurrence.starts_at) > now,
        )
    )
    called_off = [await _call_off(session, o, "cancelled") for o in list(future)]
    await session.commit()
    return called_off


@dataclass(slots=True)
class Edited:
    meeting: Meeting
    replaced: list[MeetingOccurrence]  # occurrences whose time changed: call off their posts
    scheduled: Scheduled | None  # the new next occurrence, when times changed
    kept: list[MeetingOccurrence]  # occurrences to re-render (same time)


async def edit(
    session: AsyncSession,
    guild_id: int,
    meeting_id: int,
    now: datetime,
    *,
    changes: dict[str, object],
) -> Edited:
    """Change a series. A new start time or duration replaces the upcoming occurrence (its
    announcements are cancelled and a new one is materialised); other changes keep it."""
    meeting = await get_meeting(session, guild_id, meeting_id)
    if meeting.state != "active":
        raise InvalidInput(f"Meeting #{meeting_id} is not active, so it can't be edited.")
    allowed = {
        "title", "description", "content_notes", "location", "voice_channel_id",
        "facilitator_id", "backup_facilitator_id", "first_start", "duration_minutes",
        "timezone", "ping_role_id",
    }  # fmt: skip
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput(f"Those can't be edited: {', '.join(sorted(unknown))}.")
    for key, value in changes.items():
        setattr(meeting, key, value)
    check_data = MeetingInput(
        guild_id=guild_id,
        created_by=meeting.created_by,
        title=meeting.title,
        starts_at=meeting.first_start if "first_start" in changes else now + timedelta(days=1),
        timezone=meeting.timezone,
        duration_minutes=meeting.duration_minutes,
        recurrence=Recurrence(meeting.recurrence),
        announce_channel_id=meeting.announce_channel_id,
        facilitator_id=meeting.facilitator_id,
        reminder_minutes=reminder_minutes(meeting),
        kind=Kind(meeting.kind),
        description=meeting.description,
        voice_channel_id=meeting.voice_channel_id,
        location=meeting.location,
        backup_facilitator_id=meeting.backup_facilitator_id,
        content_notes=meeting.content_notes,
        speaker_name=meeting.speaker_name or "-",
    )
    try:
        validate(check_data, now)
    except InvalidInput:
        await session.rollback()
        raise
    meeting.updated_at = now
    future = list(
        await session.scalars(
            select(MeetingOccurrence).where(
                col(MeetingOccurrence.meeting_id) == meeting_id,
                col(MeetingOccurrence.state) == "scheduled",
                col(MeetingOccurrence.starts_at) > now,
            )
        )
    )
    retime = bool({"first_start", "timezone"} & set(changes))
    if not retime:
        if "duration_minutes" in changes:
            for occurrence in future:
                occurrence.ends_at = occurrence.starts_at + timedelta(
                    minutes=meeting.duration_minutes
                )
                await session.execute(
                    update(MeetingAnnouncement)
                    .where(
                        col(MeetingAnnouncement.occurrence_id) == occurrence.id,
                        col(MeetingAnnouncement.kind) == "feedback",
                    )
                    .values(due_at=occurrence.ends_at)
                )
        await session.commit()
        return Edited(meeting, [], None, future)
    # Upcoming occurrences at the old time go (with their announcements and answers); the
    # caller still has them, to call off their posts and native events.
    for occurrence in future:
        occurrence.state = "replaced"
    if future:
        await session.execute(
            delete(MeetingOccurrence).where(col(MeetingOccurrence.id).in_([o.id for o in future]))
        )
        gone = {o.id for o in future}
        for obj in list(session.identity_map.values()):
            if isinstance(obj, MeetingAnnouncement | MeetingOccurrence | MeetingRsvp) and (
                getattr(obj, "occurrence_id", None) in gone or obj in future
            ):
                session.expunge(obj)
    await session.flush()
    scheduled = await _materialise_next(session, meeting, now)
    await session.commit()
    return Edited(meeting, future, scheduled, [])


def local_start(meeting: Meeting, occurrence: MeetingOccurrence) -> datetime:
    return occurrence.starts_at.astimezone(ZoneInfo(meeting.timezone))
