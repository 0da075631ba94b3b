"""Crisis cases: opening, attaching, delivery bookkeeping, moderator actions and timers.

Everything here takes plain values and a session and knows nothing of Discord; the crisis cog
turns Discord events into these calls and renders what they return."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.crisis import severity_rank
from bot.errors import InvalidInput, NotFound
from bot.services import crisis_preferences, duty
from bot.services.crisis_policy import reping_delay
from bot.services.duty import AlertTargets
from bot.services.guild_config import get_config
from bot.services.member_data import PersonalData
from bot.text import clean_user_text
from db.models import OPEN_STATES, CaseEvent, CrisisCase, GuildConfig
from db.rows import get_by_id, rowcount

CLAIM_REMINDER_AFTER = timedelta(hours=24)
MAX_DELIVERY_BACKOFF = timedelta(minutes=5)
EXCERPT_LIMIT = 200
HELP_MESSAGE_LIMIT = 1000
STATS_MAX_WEEKS = 52  # /escalations stats: Range[int, 1, 52]


class Intake(StrEnum):
    OPENED = "opened"  # a new case: alert the responders
    ATTACHED = "attached"  # added to the member's open case: update the alert quietly
    RAISED = "raised"  # attached with a higher severity: update and ping again
    DUPLICATE = "duplicate"  # this message was already recorded (e.g. AutoMod and the scanner)
    SKIPPED = "skipped"  # scanning is off for this server or this member


class Outcome(StrEnum):
    SUPPORTED = "supported"
    REFERRED = "referred"
    EMERGENCY = "emergency"
    NO_ACTION = "no_action"
    FALSE_ALARM = "false_alarm"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.SUPPORTED: "Supported by the community",
    Outcome.REFERRED: "Referred to professional help",
    Outcome.EMERGENCY: "Emergency services contacted",
    Outcome.NO_ACTION: "No action needed",
    Outcome.FALSE_ALARM: "False alarm",
}


@dataclass(frozen=True, slots=True)
class NewDetection:
    guild_id: int
    member_id: int
    source: str  # message | automod | requested | test
    severity: str
    category: str
    matched: str = ""
    excerpt: str = ""
    channel_id: int | None = None
    message_id: int | None = None


def help_request(
    guild_id: int, member_id: int, message: str | None, channel_id: int | None
) -> NewDetection:
    """A member asked for help with /help-now: always a high-severity case. Their message is
    cleaned of invisible and direction-changing characters before moderators see it."""
    text = clean_user_text(message or "", limit=HELP_MESSAGE_LIMIT, what="message")
    return NewDetection(
        guild_id=guild_id,
        member_id=member_id,
        source="requested",
        severity="high",
        category="requested",
        matched="/help-now",
        excerpt=make_excerpt(text, []),
        channel_id=channel_id,
    )


def setup_test_alert(guild_id: int, requested_by: int) -> NewDetection:
    """A test alert from /setup: delivered like a real one, never counted as a case."""
    return NewDetection(
        guild_id=guild_id,
        member_id=requested_by,
        source="test",
        severity="high",
        category="test",
        matched="test",
        excerpt="This is a test alert from /setup.",
    )


@dataclass(frozen=True, slots=True)
class IntakeResult:
    outcome: Intake
    case: CrisisCase | None = None


@dataclass(frozen=True, slots=True)
class EscalationStep:
    case: CrisisCase
    level: int
    targets: AlertTargets


@dataclass(slots=True)
class CaseStats:
    total: int = 0
    open: int = 0
    median_minutes_to_claim: float | None = None
    outcomes_by_week: dict[str, Counter[str]] = field(default_factory=dict)


class AlreadyClaimed(InvalidInput):
    """Someone claimed the case first; the cog can name them (``claimed_by``)."""

    def __init__(self, case_id: int, claimed_by: int, *, by_you: bool) -> None:
        who = "you" if by_you else "another responder"
        super().__init__(f"Case #{case_id} is already claimed by {who}.")
        self.case_id, self.claimed_by, self.by_you = case_id, claimed_by, by_you


def make_excerpt(
    text: str, matches: tuple[str, ...] | list[str], limit: int = EXCERPT_LIMIT
) -> str:
    """A short window of the message around the first match: enough to act on, no more."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    lowered = flat.casefold()
    positions = [lowered.find(m.casefold()) for m in matches if m and m.casefold() in lowered]
    centre = min(positions) if positions else 0
    start = max(0, min(centre - limit // 3, len(flat) - limit))
    clipped = flat[start : start + limit - 2]
    return ("…" if start else "") + clipped + "…"


def _event(
    case: CrisisCase,
    action: str,
    actor_id: int | None,
    detail: str | None,
    now: datetime,
) -> CaseEvent:
    assert case.id is not None
    return CaseEvent(
        case_id=case.id,
        guild_id=case.guild_id,
        actor_id=actor_id,
        action=action,
        detail=detail[:200] if detail else None,
        created_at=now,
    )


# --- intake ------------------------------------------------------------------------------------


async def open_case_for(session: AsyncSession, guild_id: int, member_id: int) -> CrisisCase | None:
    return await session.scalar(
        select(CrisisCase).where(
            col(CrisisCase.guild_id) == guild_id,
            col(CrisisCase.member_id) == member_id,
            col(CrisisCase.state).in_(OPEN_STATES),
            col(CrisisCase.source) != "test",
        )
    )


async def record_detection(
    session: AsyncSession, detection: NewDetection, now: datetime
) -> IntakeResult:
    """Write the case before anything is posted, so an alert can never be lost."""
    config = await get_config(session, detection.guild_id)
    if detection.source in {"message", "automod"} and (
        not config.crisis_scanning
        or await crisis_preferences.is_opted_out(session, detection.guild_id, detection.member_id)
    ):
        return IntakeResult(Intake.SKIPPED)
    if detection.source != "test":
        existing = await open_case_for(session, detection.guild_id, detection.member_id)
        if existing is not None:
            return await _attach(session, existing, detection, now)

    delay = reping_delay(config, detection.severity)
    withheld = config.crisis_contact_mode == "approval" and detection.source not in {
        "requested",
        "test",
    }
    case = CrisisCase(
        guild_id=detection.guild_id,
        member_id=detection.member_id,
        source=detection.source,
        channel_id=detection.channel_id,
        message_id=detection.message_id,
        severity=detection.severity,
        category=detection.category,
        matched=detection.matched[:100],
        excerpt=detection.excerpt[:300],
        member_contact="not_needed"
        if detection.source == "test"
        else ("awaiting_approval" if withheld else "pending"),
        next_delivery_at=now,
        next_escalation_at=now + delay if delay and detection.source != "test" else None,
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    try:
        await session.flush()
    except IntegrityError:
        # Another detection for this member opened a case a moment ago: join it.
        await session.rollback()
        existing = await open_case_for(session, detection.guild_id, detection.member_id)
        if existing is None:
            raise
        return await _attach(session, existing, detection, now)
    session.add(
        _event(
            case,
            "opened",
            detection.member_id if detection.source == "requested" else None,
            f"{detection.source}: {detection.severity}",
            now,
        )
    )
    await session.commit()
    return IntakeResult(Intake.OPENED, case)


async def _attach(
    session: AsyncSession, case: CrisisCase, detection: NewDetection, now: datetime
) -> IntakeResult:
    if detection.message_id is not None and detection.message_id == case.message_id:
        return IntakeResult(Intake.DUPLICATE, case)
    raised = severity_rank(detection.severity) > severity_rank(case.severity)
    values: dict[str, object] = {
        "detections": col(CrisisCase.detections) + 1,
        "excerpt": detection.excerpt[:300] or case.excerpt,
        "updated_at": now,
    }
    if detection.message_id is not None:
        values |= {"message_id": detection.message_id, "channel_id": detection.channel_id}
    if raised:
        values |= {
            "severity": detection.severity,
            "category": detection.category,
            "matched": detection.matched[:100],
            "repinged": True,
        }
        if case.state == "open":
            config = await get_config(session, case.guild_id)
            delay = reping_delay(config, detection.severity)
            values["next_escalation_at"] = now + delay if delay else None
    await session.execute(update(CrisisCase).where(col(CrisisCase.id) == case.id).values(**values))
    session.add(
        _event(
            case,
            "raised" if raised else "detection",
            None,
            f"{detection.source}: {detection.severity}",
            now,
        )
    )
    await session.commit()
    await session.refresh(case)
    return IntakeResult(Intake.RAISED if raised else Intake.ATTACHED, case)


# --- delivery ----------------------------------------------------------------------------------


async def mark_delivered(
    session: AsyncSession,
    case_id: int,
    *,
    channel_id: int,
    message_id: int,
    targets: AlertTargets,
    now: datetime,
) -> CrisisCase:
    case = await _load(session, case_id)
    case.alert_channel_id, case.alert_message_id = channel_id, message_id
    case.next_delivery_at, case.delivery_problem, case.repinged, case.updated_at = (
        None,
        None,
        False,
        now,
    )
    session.add(_event(case, "delivered", None, None, now))
    for user_id in targets.user_ids:
        session.add(_event(case, "pinged", user_id, None, now))
    await session.commit()
    return case


async def mark_delivery_failed(
    session: AsyncSession, case_id: int, problem: str, now: datetime
) -> CrisisCase:
    """Back off exponentially (2 s, 4 s, … up to 5 minutes); the case stays pending, never lost."""
    case = await _load(session, case_id)
    case.delivery_attempts += 1
    backoff = min(timedelta(seconds=2 ** min(case.delivery_attempts, 10)), MAX_DELIVERY_BACKOFF)
    case.next_delivery_at = now + backoff
    case.delivery_problem = problem[:200]
    case.updated_at = now
    await session.commit()
    return case


async def mark_owner_warned(session: AsyncSession, case_id: int) -> None:
    await session.execute(
        update(CrisisCase).where(col(CrisisCase.id) == case_id).values(owner_warned=True)
    )
    await session.commit()


async def undelivered(session: AsyncSession, guild_id: int | None = None) -> list[CrisisCase]:
    query = select(CrisisCase).where(
        col(CrisisCase.alert_message_id).is_(None), col(CrisisCase.state).in_(OPEN_STATES)
    )
    if guild_id is not None:
        query = query.where(col(CrisisCase.guild_id) == guild_id)
    return list(await session.scalars(query.order_by(col(CrisisCase.id))))


async def record_member_contact(
    session: AsyncSession, case_id: int, status: str, now: datetime, actor_id: int | None = None
) -> CrisisCase:
    case = await _load(session, case_id)
    case.member_contact = status
    session.add(_event(case, f"member_{status}", actor_id, None, now))
    await session.commit()
    return case


# --- moderator and member actions --------------------------------------------------------------


async def _load(session: AsyncSession, case_id: int, guild_id: int | None = None) -> CrisisCase:
    case = await get_by_id(session, CrisisCase, case_id, populate_existing=True)
    if case is None or (guild_id is not None and case.guild_id != guild_id):
        raise NotFound(f"There is no case #{case_id} in this server.")
    return case


async def _change_if(
    session: AsyncSession,
    guild_id: int,
    case_id: int,
    condition: ColumnElement[bool],
    **values: object,
) -> tuple[bool, CrisisCase]:
    """One atomic state change: update the case only while ``condition`` holds, so of two
    concurrent presses exactly one wins. Returns whether this one did, and the case as it is."""
    result = await session.execute(
        update(CrisisCase)
        .where(col(CrisisCase.id) == case_id, col(CrisisCase.guild_id) == guild_id, condition)
        .values(**values)
    )
    return rowcount(result) == 1, await _load(session, case_id, guild_id)


async def get_case(session: AsyncSession, guild_id: int, case_id: int) -> CrisisCase:
    return await _load(session, case_id, guild_id)


async def find_case(session: AsyncSession, case_id: int) -> CrisisCase | None:
    """A case by id in any server, fresh from the database (for timers and delivery)."""
    return await get_by_id(session, CrisisCase, case_id, populate_existing=True)


async def case_member(session: AsyncSession, case_id: int) -> int | None:
    """The member a case is about, or None if the case is gone (purged)."""
    return await session.scalar(
        select(col(CrisisCase.member_id)).where(col(CrisisCase.id) == case_id)
    )


RESOURCES_WANTED = ("awaiting_approval", "dms_closed")


async def approve_member_contact(
    session: AsyncSession, guild_id: int, case_id: int, actor_id: int, now: datetime
) -> CrisisCase:
    """A responder asks to send the member crisis lines: allowed only while they have none
    (approval mode, or their DMs were closed). One press wins; the case goes to ``pending``."""
    won, case = await _change_if(
        session,
        guild_id,
        case_id,
        col(CrisisCase.member_contact).in_(RESOURCES_WANTED),
        member_contact="pending",
        updated_at=now,
    )
    await session.commit()
    if not won:
        raise InvalidInput(f"The member of case #{case_id} already has the crisis lines.")
    return case


async def claim(
    session: AsyncSession, guild_id: int, case_id: int, actor_id: int, now: datetime
) -> CrisisCase:
    won, case = await _change_if(
        session,
        guild_id,
        case_id,
        col(CrisisCase.state) == "open",
        state="claimed",
        claimed_by=actor_id,
        claimed_at=now,
        next_escalation_at=None,
        reminder_at=now + CLAIM_REMINDER_AFTER,
        updated_at=now,
    )
    if not won:
        state, claimer = case.state, case.claimed_by
        await session.commit()
        if state == "claimed" and claimer is not None:
            raise AlreadyClaimed(case_id, claimer, by_you=claimer == actor_id)
        raise InvalidInput(f"Case #{case_id} is already closed.")
    session.add(_event(case, "claimed", actor_id, None, now))
    await session.commit()
    return case


async def close(
    session: AsyncSession,
    guild_id: int,
    case_id: int,
    actor_id: int,
    outcome: Outcome,
    now: datetime,
) -> CrisisCase:
    state = "false_alarm" if outcome is Outcome.FALSE_ALARM else "resolved"
    won, case = await _change_if(
        session,
        guild_id,
        case_id,
        col(CrisisCase.state).in_(OPEN_STATES),
        state=state,
        outcome=outcome.value,
        closed_by=actor_id,
        closed_at=now,
        next_escalation_at=None,
        reminder_at=None,
        updated_at=now,
    )
    if not won:
        closed_as = case.outcome or case.state
        await session.commit()
        raise InvalidInput(f"Case #{case_id} is already closed ({closed_as}).")
    session.add(
        _event(
            case,
            "false_alarm" if state == "false_alarm" else "resolved",
            actor_id,
            outcome.label,
            now,
        )
    )
    await session.commit()
    return case


async def _member_case(session: AsyncSession, case_id: int, member_id: int) -> CrisisCase:
    """The case behind a button in the member's DM, only for the member it is about."""
    case = await get_by_id(session, CrisisCase, case_id, populate_existing=True)
    if case is None or case.member_id != member_id:
        raise NotFound("I couldn't find that message's case; it may have been closed already.")
    return case


async def member_says_ok(
    session: AsyncSession, case_id: int, member_id: int, now: datetime
) -> CrisisCase:
    """The member's "I'm OK" tells moderators; it does not close the case."""
    case = await _member_case(session, case_id, member_id)
    if case.member_ok_at is None:
        case.member_ok_at = now
        session.add(_event(case, "member_ok", member_id, None, now))
        await session.commit()
    return case


async def history(session: AsyncSession, guild_id: int, case_id: int) -> list[CaseEvent]:
    await _load(session, case_id, guild_id)
    return list(
        await session.scalars(
            select(CaseEvent)
            .where(col(CaseEvent.case_id) == case_id, col(CaseEvent.guild_id) == guild_id)
            .order_by(col(CaseEvent.id))
        )
    )


async def open_cases(session: AsyncSession, guild_id: int) -> list[CrisisCase]:
    return list(
        await session.scalars(
            select(CrisisCase)
            .where(
                col(CrisisCase.guild_id) == guild_id,
                col(CrisisCase.state).in_(OPEN_STATES),
                col(CrisisCase.source) != "test",
            )
            .order_by(col(CrisisCase.created_at))
        )
    )


async def stats(session: AsyncSession, guild_id: int, now: datetime, weeks: int = 8) -> CaseStats:
    if not 1 <= weeks <= STATS_MAX_WEEKS:
        raise InvalidInput(f"Choose between 1 and {STATS_MAX_WEEKS} weeks.")
    since = now - timedelta(weeks=weeks)
    cases = list(
        await session.scalars(
            select(CrisisCase).where(
                col(CrisisCase.guild_id) == guild_id,
                col(CrisisCase.source) != "test",
                col(CrisisCase.created_at) >= since,
            )
        )
    )
    result = CaseStats(total=len(cases), open=sum(c.is_open for c in cases))
    claim_minutes = [
        (c.claimed_at - c.created_at).total_seconds() / 60 for c in cases if c.claimed_at
    ]
    if claim_minutes:
        result.median_minutes_to_claim = statistics.median(claim_minutes)
    for case in sorted(cases, key=lambda c: c.created_at):
        year, week, _ = case.created_at.isocalendar()
        result.outcomes_by_week.setdefault(f"{year}-W{week:02d}", Counter())[
            case.outcome or "open"
        ] += 1
    return result


# --- timers -------------------------------------------------------------------------------------


async def cases_with_timers(session: AsyncSession) -> list[CrisisCase]:
    """Everything the scheduler must wake up for; read at start-up to rebuild its jobs."""
    return list(
        await session.scalars(
            select(CrisisCase).where(
                col(CrisisCase.state).in_(OPEN_STATES),
                or_(
                    col(CrisisCase.next_escalation_at).is_not(None),
                    col(CrisisCase.reminder_at).is_not(None),
                    col(CrisisCase.alert_message_id).is_(None),
                ),
            )
        )
    )


async def take_escalation_step(
    session: AsyncSession, case_id: int, now: datetime, *, owner_id: int | None = None
) -> EscalationStep | None:
    """If the case is still unclaimed and due, move it one level up; each level fires once.
    ``owner_id`` is the server owner, pinged at the last level when there is no backup role."""
    case = await get_by_id(session, CrisisCase, case_id, populate_existing=True)
    if (
        case is None
        or case.state != "open"
        or case.next_escalation_at is None
        or case.next_escalation_at > now
        or not case.delivered
    ):
        return None
    config = await get_config(session, case.guild_id)
    level = case.escalation_level + 1
    delay = reping_delay(config, case.severity)
    next_at = now + delay if level == 1 and delay else None
    result = await session.execute(
        update(CrisisCase)
        .where(
            col(CrisisCase.id) == case_id,
            col(CrisisCase.escalation_level) == case.escalation_level,
            col(CrisisCase.state) == "open",
        )
        .values(escalation_level=level, next_escalation_at=next_at, updated_at=now)
    )
    if rowcount(result) != 1:
        await session.commit()  # nothing changed; rollback would expire loaded objects
        return None
    targets = await duty.reescalation_targets(session, case.guild_id, level, now, owner_id=owner_id)
    session.add(_event(case, "reescalated", None, f"level {level}", now))
    await session.commit()
    await session.refresh(case)
    return EscalationStep(case, level, targets)


async def take_due_reminder(
    session: AsyncSession, case_id: int, now: datetime
) -> CrisisCase | None:
    result = await session.execute(
        update(CrisisCase)
        .where(
            col(CrisisCase.id) == case_id,
            col(CrisisCase.state) == "claimed",
            col(CrisisCase.reminder_at) <= now,
        )
        .values(reminder_at=None)
    )
    if rowcount(result) != 1:
        await session.commit()  # nothing changed; rollback would expire loaded objects
        return None
    case = await _load(session, case_id)
    session.add(_event(case, "reminded", case.claimed_by, None, now))
    await session.commit()
    return case


async def purge_expired(session: AsyncSession, now: datetime) -> int:
    """Delete closed cases (and their history) older than each server's retention period."""
    default_days = GuildConfig.model_fields["case_retention_days"].default
    custom = dict(
        (
            await session.execute(
                select(col(GuildConfig.guild_id), col(GuildConfig.case_retention_days))
            )
        ).all()
    )
    closed = ~col(CrisisCase.state).in_(OPEN_STATES)
    conditions = [
        and_(
            col(CrisisCase.guild_id) == guild_id,
            col(CrisisCase.closed_at) < now - timedelta(days=days),
        )
        for guild_id, days in custom.items()
    ]
    conditions.append(
        and_(
            col(CrisisCase.guild_id).not_in(custom) if custom else True,
            col(CrisisCase.closed_at) < now - timedelta(days=default_days),
        )
    )
    doomed = list(await session.scalars(select(col(CrisisCase.id)).where(closed, or_(*conditions))))
    if doomed:
        await session.execute(delete(CaseEvent).where(col(CaseEvent.case_id).in_(doomed)))
        await session.execute(delete(CrisisCase).where(col(CrisisCase.id).in_(doomed)))
    await session.commit()
    return len(doomed)


# --- member choices that touch a case --------------------------------------------------------


async def choose_scanning(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    *,
    opted_out: bool,
    now: datetime,
) -> None:
    """Save the member's scanning choice and note it on their open case, in one transaction."""
    await crisis_preferences.set_scanning(session, guild_id, user_id, opted_out=opted_out, now=now)
    case = await open_case_for(session, guild_id, user_id)
    if case is not None:
        session.add(
            _event(case, "member_opted_out" if opted_out else "member_opted_in", user_id, None, now)
        )
    await session.commit()


async def member_opts_out(
    session: AsyncSession, case_id: int, member_id: int, now: datetime
) -> CrisisCase:
    """From the buttons in the member's DM: stop scanning them in the case's server."""
    case = await _member_case(session, case_id, member_id)
    await choose_scanning(session, case.guild_id, member_id, opted_out=True, now=now)
    return case


PERSONAL_DATA = (
    PersonalData(
        CrisisCase,
        "member_id",
        "Crisis cases about you, with their history",
        mentions=("claimed_by", "closed_by"),
    ),
    PersonalData(CaseEvent, None, "Actions on crisis cases", mentions=("actor_id",)),
)
