"""Crisis cases: opening, attaching, delivery bookkeeping, moderator actions and timers.

Everything here takes plain values and a session and knows nothing of Discord; the crisis cog
turns Discord events into these calls and renders what they return."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.crisis import severity_rank
from bot.errors import InvalidInput, NotFound
from bot.services import crisis_lines
from bot.services.guild_config import get_config
from bot.services.member_data import PersonalData
from db.models import (
    OPEN_STATES,
    CaseEvent,
    CrisisCase,
    DutyStatus,
    GuildConfig,
    MemberCrisisPreference,
)
from db.types import utcnow
from db.upsert import insert_ignore

CLAIM_REMINDER_AFTER = timedelta(hours=24)
MAX_DELIVERY_BACKOFF = timedelta(minutes=5)
EXCERPT_LIMIT = 200


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


@dataclass(frozen=True, slots=True)
class IntakeResult:
    outcome: Intake
    case: CrisisCase | None = None


@dataclass(frozen=True, slots=True)
class AlertTargets:
    """Who an alert pings: on-duty supporters under their daily cap, else the moderator role."""

    user_ids: tuple[int, ...] = ()
    role_ids: tuple[int, ...] = ()

    def mentions(self) -> str:
        return " ".join([f"<@{u}>" for u in self.user_ids] + [f"<@&{r}>" for r in self.role_ids])


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


def reescalation_delay(config: GuildConfig, severity: str) -> timedelta | None:
    seconds = {
        "imminent": config.reescalate_imminent_seconds,
        "high": config.reescalate_high_seconds,
        "concern": config.reescalate_concern_seconds,
    }.get(severity)
    return timedelta(seconds=seconds) if seconds else None


def _event(
    case: CrisisCase,
    action: str,
    actor_id: int | None = None,
    detail: str | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    assert case.id is not None
    return CaseEvent(
        case_id=case.id,
        guild_id=case.guild_id,
        actor_id=actor_id,
        action=action,
        detail=detail[:200] if detail else None,
        created_at=now or utcnow(),
    )


# --- intake ------------------------------------------------------------------------------------


async def is_opted_out(session: AsyncSession, guild_id: int, user_id: int) -> bool:
    preference = await session.get(MemberCrisisPreference, (guild_id, user_id))
    return bool(preference and preference.scanning_opted_out)


async def open_case_for(session: AsyncSession, guild_id: int, member_id: int) -> CrisisCase | None:
    return await session.scalar(
        select(CrisisCase).where(
            CrisisCase.guild_id == guild_id,
            CrisisCase.member_id == member_id,
            CrisisCase.state.in_(OPEN_STATES),
            CrisisCase.source != "test",
        )
    )


async def record_detection(
    session: AsyncSession, detection: NewDetection, now: datetime | None = None
) -> IntakeResult:
    """Write the case before anything is posted, so an alert can never be lost."""
    now = now or utcnow()
    config = await get_config(session, detection.guild_id)
    if detection.source in {"message", "automod"} and (
        not config.crisis_scanning
        or await is_opted_out(session, detection.guild_id, detection.member_id)
    ):
        return IntakeResult(Intake.SKIPPED)
    if detection.source != "test":
        existing = await open_case_for(session, detection.guild_id, detection.member_id)
        if existing is not None:
            return await _attach(session, existing, detection, now)

    delay = reescalation_delay(config, detection.severity)
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
        "detections": CrisisCase.detections + 1,
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
            delay = reescalation_delay(config, detection.severity)
            values["next_escalation_at"] = now + delay if delay else None
    await session.execute(update(CrisisCase).where(CrisisCase.id == case.id).values(**values))
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


async def pings_today(session: AsyncSession, guild_id: int, now: datetime) -> Counter[int]:
    since = now - timedelta(days=1)
    rows = await session.execute(
        select(CaseEvent.actor_id, func.count())
        .where(
            CaseEvent.guild_id == guild_id,
            CaseEvent.action == "pinged",
            CaseEvent.created_at >= since,
        )
        .group_by(CaseEvent.actor_id)
    )
    return Counter({actor: count for actor, count in rows.all() if actor is not None})


async def alert_targets(
    session: AsyncSession, guild_id: int, now: datetime | None = None
) -> AlertTargets:
    """On-duty supporters who are under today's cap, least-pinged first; else the moderator role."""
    now = now or utcnow()
    config = await get_config(session, guild_id)
    on_duty = list(
        await session.scalars(
            select(DutyStatus.user_id).where(
                DutyStatus.guild_id == guild_id, DutyStatus.on_duty.is_(True)
            )
        )
    )
    if on_duty:
        counts = await pings_today(session, guild_id, now)
        available = sorted(
            (u for u in on_duty if counts[u] < config.supporter_daily_cap),
            key=lambda u: (counts[u], u),
        )
        if available:
            return AlertTargets(user_ids=tuple(available))
    return AlertTargets(role_ids=(config.moderator_role_id,) if config.moderator_role_id else ())


async def mark_delivered(
    session: AsyncSession,
    case_id: int,
    *,
    channel_id: int,
    message_id: int,
    targets: AlertTargets,
    now: datetime | None = None,
) -> CrisisCase:
    now = now or utcnow()
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
    session: AsyncSession, case_id: int, problem: str, now: datetime | None = None
) -> CrisisCase:
    """Back off exponentially (2 s, 4 s, … up to 5 minutes); the case stays pending, never lost."""
    now = now or utcnow()
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
        update(CrisisCase).where(CrisisCase.id == case_id).values(owner_warned=True)
    )
    await session.commit()


async def undelivered(session: AsyncSession, guild_id: int | None = None) -> list[CrisisCase]:
    query = select(CrisisCase).where(
        CrisisCase.alert_message_id.is_(None), CrisisCase.state.in_(OPEN_STATES)
    )
    if guild_id is not None:
        query = query.where(CrisisCase.guild_id == guild_id)
    return list(await session.scalars(query.order_by(CrisisCase.id)))


async def record_member_contact(
    session: AsyncSession, case_id: int, status: str, actor_id: int | None = None
) -> CrisisCase:
    case = await _load(session, case_id)
    case.member_contact = status
    session.add(_event(case, f"member_{status}", actor_id))
    await session.commit()
    return case


# --- moderator and member actions --------------------------------------------------------------


async def _load(session: AsyncSession, case_id: int, guild_id: int | None = None) -> CrisisCase:
    case = await session.get(CrisisCase, case_id, populate_existing=True)
    if case is None or (guild_id is not None and case.guild_id != guild_id):
        raise NotFound(f"There is no case #{case_id} in this server.")
    return case


async def get_case(session: AsyncSession, guild_id: int, case_id: int) -> CrisisCase:
    return await _load(session, case_id, guild_id)


async def claim(
    session: AsyncSession, guild_id: int, case_id: int, actor_id: int, now: datetime | None = None
) -> CrisisCase:
    now = now or utcnow()
    result = await session.execute(
        update(CrisisCase)
        .where(
            CrisisCase.id == case_id, CrisisCase.guild_id == guild_id, CrisisCase.state == "open"
        )
        .values(
            state="claimed",
            claimed_by=actor_id,
            claimed_at=now,
            next_escalation_at=None,
            reminder_at=now + CLAIM_REMINDER_AFTER,
            updated_at=now,
        )
    )
    case = await _load(session, case_id, guild_id)
    if result.rowcount != 1:
        state, claimer = case.state, case.claimed_by
        await session.commit()
        if state == "claimed":
            who = "you" if claimer == actor_id else f"<@{claimer}>"
            raise InvalidInput(f"Case #{case_id} is already claimed by {who}.")
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
    now: datetime | None = None,
) -> CrisisCase:
    now = now or utcnow()
    state = "false_alarm" if outcome is Outcome.FALSE_ALARM else "resolved"
    result = await session.execute(
        update(CrisisCase)
        .where(
            CrisisCase.id == case_id,
            CrisisCase.guild_id == guild_id,
            CrisisCase.state.in_(OPEN_STATES),
        )
        .values(
            state=state,
            outcome=outcome.value,
            closed_by=actor_id,
            closed_at=now,
            next_escalation_at=None,
            reminder_at=None,
            updated_at=now,
        )
    )
    case = await _load(session, case_id, guild_id)
    if result.rowcount != 1:
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


async def member_says_ok(
    session: AsyncSession, case_id: int, member_id: int, now: datetime | None = None
) -> CrisisCase:
    """The member's "I'm OK" tells moderators; it does not close the case."""
    now = now or utcnow()
    case = await session.get(CrisisCase, case_id, populate_existing=True)
    if case is None or case.member_id != member_id:
        raise NotFound("I couldn't find that message's case; it may have been closed already.")
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
            .where(CaseEvent.case_id == case_id, CaseEvent.guild_id == guild_id)
            .order_by(CaseEvent.id)
        )
    )


async def open_cases(session: AsyncSession, guild_id: int) -> list[CrisisCase]:
    return list(
        await session.scalars(
            select(CrisisCase)
            .where(
                CrisisCase.guild_id == guild_id,
                CrisisCase.state.in_(OPEN_STATES),
                CrisisCase.source != "test",
            )
            .order_by(CrisisCase.created_at)
        )
    )


async def stats(
    session: AsyncSession, guild_id: int, now: datetime | None = None, weeks: int = 8
) -> CaseStats:
    now = now or utcnow()
    since = now - timedelta(weeks=weeks)
    cases = list(
        await session.scalars(
            select(CrisisCase).where(
                CrisisCase.guild_id == guild_id,
                CrisisCase.source != "test",
                CrisisCase.created_at >= since,
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
                CrisisCase.state.in_(OPEN_STATES),
                or_(
                    CrisisCase.next_escalation_at.is_not(None),
                    CrisisCase.reminder_at.is_not(None),
                    CrisisCase.alert_message_id.is_(None),
                ),
            )
        )
    )


async def take_escalation_step(
    session: AsyncSession, case_id: int, now: datetime | None = None
) -> EscalationStep | None:
    """If the case is still unclaimed and due, move it one level up; each level fires once."""
    now = now or utcnow()
    case = await session.get(CrisisCase, case_id, populate_existing=True)
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
    delay = reescalation_delay(config, case.severity)
    next_at = now + delay if level == 1 and delay else None
    result = await session.execute(
        update(CrisisCase)
        .where(
            CrisisCase.id == case_id,
            CrisisCase.escalation_level == case.escalation_level,
            CrisisCase.state == "open",
        )
        .values(escalation_level=level, next_escalation_at=next_at, updated_at=now)
    )
    if result.rowcount != 1:
        await session.commit()  # nothing changed; rollback would expire loaded objects
        return None
    if level == 1:
        targets = await alert_targets(session, case.guild_id, now)
        if config.moderator_role_id and config.moderator_role_id not in targets.role_ids:
            targets = AlertTargets(targets.user_ids, (*targets.role_ids, config.moderator_role_id))
    else:
        targets = (
            AlertTargets(role_ids=(config.backup_role_id,))
            if config.backup_role_id
            else AlertTargets()
        )
    session.add(_event(case, "reescalated", None, f"level {level}", now))
    await session.commit()
    await session.refresh(case)
    return EscalationStep(case, level, targets)


async def take_due_reminder(
    session: AsyncSession, case_id: int, now: datetime | None = None
) -> CrisisCase | None:
    now = now or utcnow()
    result = await session.execute(
        update(CrisisCase)
        .where(
            CrisisCase.id == case_id, CrisisCase.state == "claimed", CrisisCase.reminder_at <= now
        )
        .values(reminder_at=None)
    )
    if result.rowcount != 1:
        await session.commit()  # nothing changed; rollback would expire loaded objects
        return None
    case = await _load(session, case_id)
    session.add(_event(case, "reminded", case.claimed_by, None, now))
    await session.commit()
    return case


async def purge_expired(session: AsyncSession, now: datetime | None = None) -> int:
    """Delete closed cases (and their history) older than each server's retention period."""
    now = now or utcnow()
    default_days = GuildConfig.model_fields["case_retention_days"].default
    custom = dict(
        (await session.execute(select(GuildConfig.guild_id, GuildConfig.case_retention_days))).all()
    )
    closed = ~CrisisCase.state.in_(OPEN_STATES)
    conditions = [
        and_(CrisisCase.guild_id == guild_id, CrisisCase.closed_at < now - timedelta(days=days))
        for guild_id, days in custom.items()
    ]
    conditions.append(
        and_(
            CrisisCase.guild_id.not_in(custom) if custom else True,
            CrisisCase.closed_at < now - timedelta(days=default_days),
        )
    )
    doomed = list(await session.scalars(select(CrisisCase.id).where(closed, or_(*conditions))))
    if doomed:
        await session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(doomed)))
        await session.execute(delete(CrisisCase).where(CrisisCase.id.in_(doomed)))
    await session.commit()
    return len(doomed)


# --- rota and member preferences -----------------------------------------------------------------


async def set_duty(
    session: AsyncSession, guild_id: int, user_id: int, on_duty: bool, now: datetime | None = None
) -> None:
    now = now or utcnow()
    await insert_ignore(
        session, DutyStatus, guild_id=guild_id, user_id=user_id, on_duty=False, changed_at=now
    )
    await session.execute(
        update(DutyStatus)
        .where(DutyStatus.guild_id == guild_id, DutyStatus.user_id == user_id)
        .values(on_duty=on_duty, changed_at=now)
    )
    await session.commit()


async def on_duty(session: AsyncSession, guild_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(DutyStatus.user_id).where(
                DutyStatus.guild_id == guild_id, DutyStatus.on_duty.is_(True)
            )
        )
    )


async def _set_preference(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime, **values: object
) -> None:
    await insert_ignore(
        session,
        MemberCrisisPreference,
        guild_id=guild_id,
        user_id=user_id,
        scanning_opted_out=False,
        changed_at=now,
    )
    await session.execute(
        update(MemberCrisisPreference)
        .where(
            MemberCrisisPreference.guild_id == guild_id, MemberCrisisPreference.user_id == user_id
        )
        .values(**values, changed_at=now)
    )


async def set_scanning(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    *,
    opted_out: bool,
    now: datetime | None = None,
) -> None:
    now = now or utcnow()
    await _set_preference(session, guild_id, user_id, now, scanning_opted_out=opted_out)
    case = await open_case_for(session, guild_id, user_id)
    if case is not None:
        session.add(
            _event(case, "member_opted_out" if opted_out else "member_opted_in", user_id, None, now)
        )
    await session.commit()


async def opted_out_members(session: AsyncSession, guild_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(MemberCrisisPreference.user_id).where(
                MemberCrisisPreference.guild_id == guild_id,
                MemberCrisisPreference.scanning_opted_out.is_(True),
            )
        )
    )


async def member_region(session: AsyncSession, guild_id: int, user_id: int) -> str | None:
    """The member's own country if they chose one, else the server's, else the country of the
    server's Discord preferred locale (so the crisis DM always names a country when it can)."""
    preference = await session.get(MemberCrisisPreference, (guild_id, user_id))
    if preference is not None and preference.region:
        return preference.region
    region = (await get_config(session, guild_id)).region
    return region or await crisis_lines.server_locale_country(session, guild_id)


async def set_member_region(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    region: str | None,
    now: datetime | None = None,
) -> None:
    await _set_preference(session, guild_id, user_id, now or utcnow(), region=region)
    await session.commit()


PERSONAL_DATA = (
    PersonalData(
        CrisisCase,
        "member_id",
        "Crisis cases about you, with their history",
        mentions=("claimed_by", "closed_by"),
    ),
    PersonalData(CaseEvent, None, "Actions on crisis cases", mentions=("actor_id",)),
    PersonalData(MemberCrisisPreference, "user_id", "Your scanning choice and crisis-line country"),
    PersonalData(DutyStatus, "user_id", "Whether you are on duty for crisis alerts"),
)
