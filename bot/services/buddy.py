"""Buddy pairing: opt-in and preferences, blocks and reports, rounds, introductions and
follow-ups. Discord-free; the cog turns interactions into calls here and renders the results.

A round starts with ONE insert of a ``BuddyRound`` row with a unique (guild_id, round_key): a
scheduled round's key is its due time, a moderator's ``pair-now`` the minute it was asked for,
so a round started twice (a restart, two processes, a double click) makes one set of pairs.
Matching itself is the pure ``bot.services.buddy_matching``."""

from __future__ import annotations

import asyncio
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from bot.errors import InvalidInput, NotConfigured, NotFound
from bot.services import buddy_matching, guild_config
from bot.services.buddy_matching import Candidate, History, Matching
from bot.services.member_data import PersonalData
from bot.text import clean_lines, clean_user_text
from db.models import (
    BuddyBlock,
    BuddyPair,
    BuddyPairMember,
    BuddyProfile,
    BuddyReport,
    BuddyRound,
    BuddySettings,
)
from db.rows import get_by_id
from db.upsert import insert_ignore, upsert

Row = TypeVar("Row", bound=SQLModel)


async def _saved(session: AsyncSession, row: Row) -> Row:
    """Commit one changed row and return it as the database now has it."""
    session.add(row)
    await session.commit()
    await session.refresh(row)
    return row


DEFAULT_TOPICS = (
    "parenting",
    "grief",
    "anxiety",
    "recovery",
    "chronic illness",
    "caregiving",
    "depression",
    "addiction in the family",
)
# Local hours each choice covers.
TIMES_OF_DAY: dict[str, tuple[int, ...]] = {
    "morning": tuple(range(6, 12)),
    "afternoon": tuple(range(12, 17)),
    "evening": tuple(range(17, 22)),
    "night": (22, 23, 0, 1),
}
DEFAULT_TIMES = ("morning", "afternoon", "evening")
ROLES = ("peer", "seeker", "listener")
ANSWERS = ("yes", "not_yet", "bad_match")
GHOST_CHOICES = ("active", "pause", "leave")
GHOST_AFTER = 3  # unanswered follow-ups in a row before we ask whether to stay active
GHOST_PAUSE_WEEKS = 4
# A listener found without the listener role when a round starts: left out of rounds until the
# role comes back (checked each round) or they choose again with /buddy preferences or join.
NEEDS_ROLE = "needs_role"
MAX_TOPICS = 20
TOPIC_LENGTH = 40
REASON_LIMIT = 1000
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
GROUND_RULES = (
    "Listen without judging.",
    "Keep what is shared here confidential.",
    "Respect each other's boundaries; it is fine to say no.",
    "Peer support is not professional help. If either of you needs more, use /help-now or a "
    "crisis line.",
)
CONVERSATION_STARTERS = (
    "What does a good week look like for you at the moment?",
    "What brought you to this community?",
    "Is there something small that helped you lately?",
    "When is a good time for you to check in with each other?",
)


GROUND_RULES_LIMIT = 1500


async def ground_rules(session: AsyncSession, guild_id: int) -> tuple[str, ...]:
    """The rules every introduction carries: the server's own, or the defaults."""
    settings = await session.get(BuddySettings, guild_id)
    if settings is None or not settings.ground_rules:
        return GROUND_RULES
    return tuple(settings.ground_rules.splitlines())


async def set_ground_rules(
    session: AsyncSession, guild_id: int, text: str | None, now: datetime
) -> tuple[str, ...]:
    """Save the server's ground rules (one per line or separated by ';'); None or "default"
    restores the defaults."""
    rules: tuple[str, ...] = ()
    if text is not None and text.strip().casefold() != "default":
        rules = clean_lines(text, limit=GROUND_RULES_LIMIT, what="ground rules")
    await upsert(
        session,
        BuddySettings,
        {"guild_id": guild_id},
        {"ground_rules": "\n".join(rules) or None, "updated_at": now},
    )
    await session.commit()
    return rules or GROUND_RULES


# --- settings --------------------------------------------------------------------------------


async def get_settings(session: AsyncSession, guild_id: int) -> BuddySettings:
    settings = await session.get(BuddySettings, guild_id)
    return settings if settings is not None else BuddySettings(guild_id=guild_id)


def topics_of(settings: BuddySettings) -> tuple[str, ...]:
    return tuple(t for t in settings.topics.split(",") if t) or DEFAULT_TOPICS


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_choices(text: str, vocabulary: Sequence[str], what: str) -> tuple[str, ...]:
    """Comma-separated names from ``vocabulary`` (any case), in vocabulary order."""
    known = {v.casefold(): v for v in vocabulary}
    chosen: set[str] = set()
    unknown: list[str] = []
    for part in _split(clean_user_text(text, limit=1000, what=what)):
        if part.casefold() in known:
            chosen.add(known[part.casefold()])
        else:
            unknown.append(part[:40])
    if unknown:
        raise InvalidInput(
            f"I don't know the {what} {', '.join(f'`{u}`' for u in unknown)}. Choose from: "
            f"{', '.join(vocabulary)} (separate several with commas)."
        )
    return tuple(v for v in vocabulary if v in chosen)


def zone(name: str | None) -> ZoneInfo:
    return ZoneInfo(name or "UTC")


def next_round_time(settings: BuddySettings, timezone: str | None, after: datetime) -> datetime:
    """The first scheduled weekday and time, in the server's time zone, strictly after
    ``after``; every ``every_weeks`` weeks counts from that first one."""
    tz = zone(timezone)
    local = after.astimezone(tz)
    day = local.date() + timedelta(days=(settings.weekday - local.weekday()) % 7)
    for extra in (0, 7):
        candidate = datetime(
            day.year, day.month, day.day, settings.hour, settings.minute, tzinfo=tz
        ) + timedelta(days=extra)
        if candidate > local:
            return candidate.astimezone(after.tzinfo)
    raise AssertionError("unreachable: a week later is always after")


def split_time(text: str) -> tuple[int, int]:
    try:
        hour_text, minute_text = text.strip().split(":")
        hour, minute = int(hour_text), int(minute_text)
    except ValueError:
        hour, minute = -1, -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InvalidInput(f"`{text[:20]}` is not a time of day; use 24-hour HH:MM, e.g. 18:30.")
    return hour, minute


async def update_settings(
    session: AsyncSession,
    guild_id: int,
    now: datetime,
    *,
    topics: str | None = None,
    roles_enabled: bool | None = None,
    listener_role_id: int | None = None,
    weekday: int | None = None,
    time_of_day: str | None = None,
    every_weeks: int | None = None,
    scheduled: bool | None = None,
    no_repeat_rounds: int | None = None,
    followup_days: int | None = None,
    min_account_days: int | None = None,
    min_member_days: int | None = None,
) -> BuddySettings:
    """Validate everything first, so a bad value saves nothing; recomputes the next round."""
    values: dict[str, object] = {}
    if topics is not None:
        names: list[str] = []
        for part in _split(clean_user_text(topics, limit=1000, what="topic list")):
            if len(part) > TOPIC_LENGTH:
                raise InvalidInput(f"Each topic can be at most {TOPIC_LENGTH} characters.")
            if part.casefold() not in {n.casefold() for n in names}:
                names.append(part)
        if not 1 <= len(names) <= MAX_TOPICS:
            raise InvalidInput(f"Give between 1 and {MAX_TOPICS} topics, separated by commas.")
        values["topics"] = ",".join(names)
    for name, value, low, high in (
        ("weekday", weekday, 0, 6),
        ("every_weeks", every_weeks, 1, 4),
        ("no_repeat_rounds", no_repeat_rounds, 0, 52),
        ("followup_days", followup_days, 1, 6),
        ("min_account_days", min_account_days, 0, 365),
        ("min_member_days", min_member_days, 0, 365),
    ):
        if value is not None:
            if not low <= value <= high:
                raise InvalidInput(f"{name.replace('_', ' ')} must be between {low} and {high}.")
            values[name] = value
    if time_of_day is not None:
        values["hour"], values["minute"] = split_time(time_of_day)
    for name, flag in (("roles_enabled", roles_enabled), ("scheduled", scheduled)):
        if flag is not None:
            values[name] = flag
    if listener_role_id is not None:
        values["listener_role_id"] = listener_role_id
    await insert_ignore(session, BuddySettings, guild_id=guild_id, updated_at=now)
    await session.execute(
        update(BuddySettings)
        .where(col(BuddySettings.guild_id) == guild_id)
        .values(**values, updated_at=now)
    )
    settings = await session.get(BuddySettings, guild_id, populate_existing=True)
    assert settings is not None
    config = await guild_config.get_config(session, guild_id)
    settings.next_round_at = (
        next_round_time(settings, config.timezone, now) if settings.scheduled else None
    )
    return await _saved(session, settings)


async def ensure_schedule(session: AsyncSession, guild_id: int, now: datetime) -> BuddySettings:
    """A server's first member to join starts its default schedule."""
    settings = await session.get(BuddySettings, guild_id)
    if settings is None:
        return await update_settings(session, guild_id, now)
    return settings


# --- members ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Screen:
    """What Discord says about the member, gathered by the cog."""

    role_ids: tuple[int, ...] = ()
    account_created_at: datetime | None = None
    joined_server_at: datetime | None = None


def _check_role(settings: BuddySettings, role: str, screen: Screen, now: datetime) -> None:
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")
    if role == "peer":
        return
    if not settings.roles_enabled:
        raise InvalidInput(
            "This server pairs everyone as peers; seeker and listener roles are not enabled."
        )
    if role == "listener":
        if settings.listener_role_id is None:
            raise NotConfigured("listener role for buddy pairing", "set it with /buddy settings")
        if settings.listener_role_id not in screen.role_ids:
            raise InvalidInput(
                "Joining as a listener needs this server's listener role. Ask a moderator about "
                "becoming a listener, or join as a peer."
            )
    account_days = timedelta(days=settings.min_account_days)
    member_days = timedelta(days=settings.min_member_days)
    if account_days and (
        screen.account_created_at is None or now - screen.account_created_at < account_days
    ):
        raise InvalidInput(
            f"To join as a {role}, your Discord account needs to be at least "
            f"{settings.min_account_days} days old. You can join as a peer meanwhile."
        )
    if member_days and (
        screen.joined_server_at is None or now - screen.joined_server_at < member_days
    ):
        raise InvalidInput(
            f"To join as a {role}, you need to have been in this server for at least "
            f"{settings.min_member_days} days. You can join as a peer meanwhile."
        )


async def get_profile(session: AsyncSession, guild_id: int, user_id: int) -> BuddyProfile:
    profile = await session.get(BuddyProfile, (guild_id, user_id))
    if profile is None or profile.state == "left":
        raise NotFound("You haven't joined buddy pairing here. Use `/buddy join` to opt in.")
    return profile


async def join(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    now: datetime,
    *,
    topics: str | None = None,
    timezone: str | None = None,
    times: str | None = None,
    role: str = "peer",
    screen: Screen = Screen(),
) -> BuddyProfile:
    """Opt in (or back in) with these preferences; validated before anything is saved."""
    settings = await get_settings(session, guild_id)
    profile = await session.get(BuddyProfile, (guild_id, user_id))
    profile = profile or BuddyProfile(guild_id=guild_id, user_id=user_id, joined_at=now)
    _apply(profile, settings, now, topics=topics, timezone=timezone, times=times)
    _check_role(settings, role, screen, now)
    if profile.state in {"left", "asked"}:
        profile.missed_followups = 0
    profile.role, profile.state, profile.paused_until = role, "active", None
    if not profile.times:
        profile.times = ",".join(DEFAULT_TIMES)
    session.add(profile)
    await session.commit()
    await ensure_schedule(session, guild_id, now)
    await session.refresh(profile)
    return profile


def _apply(
    profile: BuddyProfile,
    settings: BuddySettings,
    now: datetime,
    *,
    topics: str | None,
    timezone: str | None,
    times: str | None,
) -> None:
    if topics is not None:
        profile.topics = ",".join(parse_choices(topics, topics_of(settings), "topic"))
    if timezone is not None:
        profile.timezone = guild_config.resolve_timezone(timezone)
    if times is not None:
        profile.times = ",".join(parse_choices(times, tuple(TIMES_OF_DAY), "time of day"))
    profile.updated_at = now


async def update_preferences(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    now: datetime,
    *,
    topics: str | None = None,
    timezone: str | None = None,
    times: str | None = None,
    role: str | None = None,
    screen: Screen = Screen(),
) -> BuddyProfile:
    profile = await get_profile(session, guild_id, user_id)
    settings = await get_settings(session, guild_id)
    _apply(profile, settings, now, topics=topics, timezone=timezone, times=times)
    if role is not None and (role != profile.role or profile.state == NEEDS_ROLE):
        _check_role(settings, role, screen, now)
        profile.role = role
        if profile.state == NEEDS_ROLE:  # a listener who lost the role chose again: back in
            profile.state = "active"
    return await _saved(session, profile)


async def leave(session: AsyncSession, guild_id: int, user_id: int, now: datetime) -> None:
    profile = await get_profile(session, guild_id, user_id)
    profile.state, profile.updated_at = "left", now
    session.add(profile)
    await session.commit()


async def member_left_server(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime
) -> bool:
    """Someone left the server: never pair them again unless they rejoin and opt in."""
    result = await session.execute(
        update(BuddyProfile)
        .where(
            (col(BuddyProfile.guild_id) == guild_id)
            & (col(BuddyProfile.user_id) == user_id)
            & (col(BuddyProfile.state) != "left")
        )
        .values(state="left", updated_at=now)
    )
    await session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def pause(
    session: AsyncSession, guild_id: int, user_id: int, weeks: int, now: datetime
) -> BuddyProfile:
    if not 1 <= weeks <= 12:
        raise InvalidInput("You can pause for 1 to 12 weeks.")
    profile = await get_profile(session, guild_id, user_id)
    profile.state, profile.paused_until = "paused", now + timedelta(weeks=weeks)
    profile.updated_at = now
    return await _saved(session, profile)


@dataclass(frozen=True, slots=True)
class Status:
    profile: BuddyProfile
    buddies: tuple[int, ...]
    thread_id: int | None
    shared_topics: tuple[str, ...]
    next_round_at: datetime | None
    topics_offered: tuple[str, ...]


async def current_pair(
    session: AsyncSession, guild_id: int, user_id: int
) -> tuple[BuddyPair, list[int]] | None:
    """This member's pair in the server's latest round, unless it ended early."""
    latest = await session.scalar(
        select(col(BuddyRound.id))
        .where(col(BuddyRound.guild_id) == guild_id)
        .order_by(col(BuddyRound.id).desc())
        .limit(1)
    )
    if latest is None:
        return None
    pair = await session.scalar(
        select(BuddyPair)
        .join(BuddyPairMember, col(BuddyPairMember.pair_id) == col(BuddyPair.id))
        .where(
            (col(BuddyPair.round_id) == latest)
            & (col(BuddyPairMember.user_id) == user_id)
            & col(BuddyPair.ended_at).is_(None)
        )
    )
    if pair is None:
        return None
    others = await session.scalars(
        select(col(BuddyPairMember.user_id)).where(
            (col(BuddyPairMember.pair_id) == pair.id) & (col(BuddyPairMember.user_id) != user_id)
        )
    )
    return pair, sorted(others)


async def current_buddy(session: AsyncSession, guild_id: int, user_id: int) -> int | None:
    """Who a member's consented check-in alert goes to: their current buddy, if they have one
    (in a trio, the first of the other two)."""
    pair = await current_pair(session, guild_id, user_id)
    return pair[1][0] if pair is not None and pair[1] else None


async def status(session: AsyncSession, guild_id: int, user_id: int) -> Status:
    profile = await get_profile(session, guild_id, user_id)
    settings = await get_settings(session, guild_id)
    current = await current_pair(session, guild_id, user_id)
    pair, buddies = current if current else (None, [])
    return Status(
        profile,
        tuple(buddies),
        pair.thread_id if pair else None,
        tuple(_split(pair.shared_topics)) if pair else (),
        settings.next_round_at if settings.scheduled else None,
        topics_of(settings),
    )


async def rematch(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime
) -> tuple[BuddyPair, list[int]]:
    """End this member's current pair early; they (and their buddy) go into the next round."""
    profile = await get_profile(session, guild_id, user_id)
    current = await current_pair(session, guild_id, user_id)
    if current is None:
        raise NotFound("You don't have a current buddy. You'll be included in the next round.")
    pair, others = current
    pair.ended_at = now
    if profile.state == "paused":
        profile.state, profile.paused_until = "active", None
    session.add_all([pair, profile])
    await session.commit()
    return pair, others


async def block(
    session: AsyncSession, guild_id: int, user_id: int, blocked_id: int, now: datetime
) -> None:
    """Never pair these two again. The other member is never told."""
    if blocked_id == user_id:
        raise InvalidInput("You can't block yourself.")
    await insert_ignore(
        session, BuddyBlock, guild_id=guild_id, user_id=user_id, blocked_id=blocked_id,
        created_at=now,
    )  # fmt: skip
    await session.commit()


async def report(
    session: AsyncSession,
    guild_id: int,
    reporter_id: int,
    reported_id: int,
    reason: str,
    now: datetime,
) -> tuple[BuddyReport, int]:
    """Record a report for the moderators; returns it and the escalation channel id. While it
    is open the reported member is not paired."""
    if reported_id == reporter_id:
        raise InvalidInput("You can't report yourself.")
    text = clean_user_text(reason, limit=REASON_LIMIT, what="reason", required=True)
    config = await guild_config.get_config(session, guild_id)
    if config.escalation_channel_id is None:
        raise NotConfigured("private escalation channel")
    row = BuddyReport(
        guild_id=guild_id,
        reporter_id=reporter_id,
        reported_id=reported_id,
        reason=text,
        created_at=now,
    )
    session.add(row)
    await session.commit()
    await session.refresh(row)
    return row, config.escalation_channel_id


async def resolve_report(
    session: AsyncSession, guild_id: int, report_id: int, moderator_id: int, now: datetime
) -> BuddyReport:
    row = await get_by_id(session, BuddyReport, report_id)
    if row is None or row.guild_id != guild_id:
        raise NotFound(f"There is no buddy report #{report_id} in this server.")
    if row.state != "open":
        raise InvalidInput(f"Buddy report #{report_id} is already resolved.")
    row.state, row.resolved_by, row.resolved_at = "resolved", moderator_id, now
    return await _saved(session, row)


# --- rounds ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedGroup:
    pair_id: int
    members: tuple[int, ...]
    shared_topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoundPlan:
    round: BuddyRound
    groups: tuple[PlannedGroup, ...]
    unmatched: tuple[int, ...]
    ghost_checks: tuple[int, ...]  # members to ask whether they want to stay active
    # Listeners who lost the listener role since the last round: left out, to be told once.
    lost_listener_role: tuple[int, ...] = ()
    # Listeners left out untold because Discord could not be asked about their role.
    unconfirmed_listeners: int = 0


@dataclass(frozen=True, slots=True)
class ListenerCheck:
    """Who the cog asks Discord about before a round: members signed up as listeners (any
    state but left), and the role they need (None: the server has none set)."""

    role_id: int | None
    user_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ListenerRoles:
    """Discord's answer, gathered by the cog: of the members ``asked`` about, who still holds
    the listener role and who is no longer in the server."""

    asked: frozenset[int]
    holders: frozenset[int]
    departed: frozenset[int] = frozenset()


async def listeners_to_check(session: AsyncSession, guild_id: int) -> ListenerCheck:
    settings = await get_settings(session, guild_id)
    user_ids = await session.scalars(
        select(col(BuddyProfile.user_id))
        .where(
            (col(BuddyProfile.guild_id) == guild_id)
            & (col(BuddyProfile.role) == "listener")
            & (col(BuddyProfile.state) != "left")
        )
        .order_by(col(BuddyProfile.user_id))
    )
    return ListenerCheck(settings.listener_role_id, tuple(user_ids))


async def _recheck_listeners(
    session: AsyncSession, guild_id: int, roles: ListenerRoles | None, now: datetime
) -> tuple[list[int], set[int]]:
    """Apply what Discord says about listeners before the pool is drawn. Returns the active
    listeners who just lost the role (now ``NEEDS_ROLE``, to be told once) and the active
    listeners to leave out untold because nobody could ask Discord (``roles`` is None).

    A listener who left the server is marked left, as when the leave event arrives; one who
    holds the role again is active again. Listeners not ``asked`` about joined after the cog
    asked, with the role checked at join moments ago, and are paired as they are."""
    listeners = {
        p.user_id: p
        for p in await session.scalars(
            select(BuddyProfile).where(
                (col(BuddyProfile.guild_id) == guild_id)
                & (col(BuddyProfile.role) == "listener")
                & col(BuddyProfile.state).in_(("active", NEEDS_ROLE))
            )
        )
    }
    if roles is None:
        return [], {u for u, p in listeners.items() if p.state == "active"}
    lost: list[int] = []
    for user_id, profile in sorted(listeners.items()):
        if user_id not in roles.asked:
            continue
        if user_id in roles.departed:
            state = "left"
        elif user_id in roles.holders:
            state = "active"
        else:
            state = NEEDS_ROLE
        if state == profile.state:
            continue
        if state == NEEDS_ROLE:
            lost.append(user_id)
        profile.state, profile.updated_at = state, now
        session.add(profile)
    await session.flush()
    return lost, set()


def hours_mask(timezone: str, times: Iterable[str], now: datetime) -> int:
    """The UTC hours (bit mask) covered by these local times of day, at today's offset."""
    offset = now.astimezone(zone(timezone)).utcoffset()
    shift = int(offset.total_seconds() // 3600) if offset else 0
    mask = 0
    for name in times:
        for hour in TIMES_OF_DAY.get(name, ()):
            mask |= 1 << ((hour - shift) % 24)
    return mask


def candidate(profile: BuddyProfile, topics: Sequence[str], now: datetime) -> Candidate:
    index = {t.casefold(): i for i, t in enumerate(topics)}
    mask = 0
    for t in _split(profile.topics):
        if t.casefold() in index:
            mask |= 1 << index[t.casefold()]
    times = _split(profile.times) or list(DEFAULT_TIMES)
    return Candidate(profile.user_id, mask, hours_mask(profile.timezone, times, now), profile.role)


async def _history(session: AsyncSession, guild_id: int, before_round: int, rounds: int) -> History:
    blocks = await session.execute(
        select(col(BuddyBlock.user_id), col(BuddyBlock.blocked_id)).where(
            (col(BuddyBlock.guild_id) == guild_id) & col(BuddyBlock.blocked_id).is_not(None)
        )
    )
    recent_ids = list(
        await session.scalars(
            select(col(BuddyRound.id))
            .where((col(BuddyRound.guild_id) == guild_id) & (col(BuddyRound.id) < before_round))
            .order_by(col(BuddyRound.id).desc())
            .limit(rounds)
        )
    )
    rows = await session.execute(
        select(
            col(BuddyPairMember.pair_id),
            col(BuddyPairMember.user_id),
            col(BuddyPairMember.answer),
            col(BuddyPair.round_id),
        )
        .join(BuddyPair, col(BuddyPair.id) == col(BuddyPairMember.pair_id))
        .where(
            (col(BuddyPairMember.guild_id) == guild_id) & (col(BuddyPair.round_id) < before_round)
        )
    )
    groups: dict[int, list[tuple[int, str | None]]] = {}
    round_of: dict[int, int] = {}
    for pair_id, user_id, answer, round_id in rows:
        groups.setdefault(pair_id, []).append((user_id, answer))
        round_of[pair_id] = round_id
    recent: set[frozenset[int]] = set()
    bad: Counter[frozenset[int]] = Counter()
    recent_set = set(recent_ids)
    for pair_id, members in groups.items():
        for user_id, answer in members:
            for other, _ in members:
                if other == user_id:
                    continue
                key = frozenset((user_id, other))
                if round_of[pair_id] in recent_set:
                    recent.add(key)
                if answer == "bad_match":
                    bad[key] += 1
    return History(
        blocks=frozenset(frozenset((a, b)) for a, b in blocks if b is not None and a != b),
        recent=frozenset(recent),
        bad_matches=dict(bad),
    )


async def _ghost_checks(session: AsyncSession, guild_id: int, before_round: int) -> list[int]:
    """Count the previous round's unanswered follow-ups; members reaching ``GHOST_AFTER`` in a
    row are asked whether to stay, and skipped until they answer."""
    previous = await session.scalar(
        select(BuddyRound)
        .where((col(BuddyRound.guild_id) == guild_id) & (col(BuddyRound.id) < before_round))
        .order_by(col(BuddyRound.id).desc())
        .limit(1)
    )
    if previous is None or previous.followup_state != "sent":
        return []
    silent = list(
        await session.scalars(
            select(col(BuddyPairMember.user_id))
            .join(BuddyPair, col(BuddyPair.id) == col(BuddyPairMember.pair_id))
            .where((col(BuddyPair.round_id) == previous.id) & col(BuddyPairMember.answer).is_(None))
        )
    )
    if not silent:
        return []
    await session.execute(
        update(BuddyProfile)
        .where((col(BuddyProfile.guild_id) == guild_id) & col(BuddyProfile.user_id).in_(silent))
        .values(missed_followups=col(BuddyProfile.missed_followups) + 1)
    )
    asked = list(
        await session.scalars(
            select(col(BuddyProfile.user_id)).where(
                (col(BuddyProfile.guild_id) == guild_id)
                & col(BuddyProfile.user_id).in_(silent)
                & (col(BuddyProfile.state) == "active")
                & (col(BuddyProfile.missed_followups) >= GHOST_AFTER)
            )
        )
    )
    if asked:
        await session.execute(
            update(BuddyProfile)
            .where((col(BuddyProfile.guild_id) == guild_id) & col(BuddyProfile.user_id).in_(asked))
            .values(state="asked")
        )
    return sorted(asked)


async def claim_scheduled_round(
    session: AsyncSession, guild_id: int, now: datetime, *, grace: timedelta = timedelta(hours=12)
) -> str | None:
    """If the server's scheduled round is due, move the schedule on (atomically: only one
    caller wins) and return the round's key; otherwise None. A round missed by more than
    ``grace`` (the bot was down) is skipped: the schedule moves on and no round starts late."""
    settings = await session.get(BuddySettings, guild_id, populate_existing=True)
    if settings is None or not settings.scheduled or settings.next_round_at is None:
        return None
    due = settings.next_round_at
    if due > now:
        return None
    config = await guild_config.get_config(session, guild_id)
    following = next_round_time(settings, config.timezone, max(due, now))
    following += timedelta(weeks=settings.every_weeks - 1)
    result = await session.execute(
        update(BuddySettings)
        .where(
            (col(BuddySettings.guild_id) == guild_id) & (col(BuddySettings.next_round_at) == due)
        )
        .values(next_round_at=following)
    )
    await session.commit()
    if result.rowcount != 1 or now - due > grace:  # type: ignore[attr-defined]
        return None
    return f"scheduled:{due.strftime('%Y-%m-%dT%H:%M')}"


def manual_round_key(now: datetime) -> str:
    return f"manual:{now.strftime('%Y-%m-%dT%H:%M')}"


async def start_round(
    session: AsyncSession,
    guild_id: int,
    round_key: str,
    now: datetime,
    *,
    listeners: ListenerRoles | None = None,
) -> RoundPlan | None:
    """Start a round: one insert decides whether it runs at all (None if it already ran), then
    the pool, the matching and the pairs, committed together.

    ``listeners`` is what Discord said just now about the members in ``listeners_to_check``:
    only those still holding the listener role are paired as listeners (a seeker is only ever
    paired with one). None means Discord could not be asked: every listener sits this round
    out, untold, and is asked about again next round."""
    settings = await get_settings(session, guild_id)
    new_round = BuddyRound(
        guild_id=guild_id,
        round_key=round_key,
        started_at=now,
        followup_at=now + timedelta(days=settings.followup_days),
    )
    session.add(new_round)
    try:
        await session.flush()
    except IntegrityError:
        await session.rollback()
        return None
    assert new_round.id is not None
    ghosts = await _ghost_checks(session, guild_id, new_round.id)
    await session.execute(
        update(BuddyProfile)
        .where(
            (col(BuddyProfile.guild_id) == guild_id)
            & (col(BuddyProfile.state) == "paused")
            & (col(BuddyProfile.paused_until) <= now)
        )
        .values(state="active", paused_until=None)
    )
    lost, unconfirmed = await _recheck_listeners(session, guild_id, listeners, now)
    reported = select(col(BuddyReport.reported_id)).where(
        (col(BuddyReport.guild_id) == guild_id)
        & (col(BuddyReport.state) == "open")
        & col(BuddyReport.reported_id).is_not(None)
    )
    profiles = list(
        await session.scalars(
            select(BuddyProfile).where(
                (col(BuddyProfile.guild_id) == guild_id)
                & (col(BuddyProfile.state) == "active")
                & col(BuddyProfile.user_id).not_in(reported)
            )
        )
    )
    profiles = [p for p in profiles if p.user_id not in unconfirmed]
    topics = topics_of(settings)
    pool = [candidate(p, topics, now) for p in profiles]
    history = await _history(session, guild_id, new_round.id, settings.no_repeat_rounds)
    seed = zlib.crc32(f"{guild_id}:{round_key}".encode())
    matching: Matching = await asyncio.to_thread(buddy_matching.match, pool, history, seed=seed)
    by_id = {c.user_id: c for c in pool}
    planned: list[tuple[BuddyPair, tuple[int, ...], tuple[str, ...]]] = []
    for group in matching.groups:
        shared = ~0
        for user_id in group:
            shared &= by_id[user_id].topics
        names = tuple(t for i, t in enumerate(topics) if shared >> i & 1)
        pair = BuddyPair(round_id=new_round.id, guild_id=guild_id, shared_topics=",".join(names))
        session.add(pair)
        planned.append((pair, group, names))
    await session.flush()
    for pair, group, _ in planned:
        assert pair.id is not None
        session.add_all(
            BuddyPairMember(pair_id=pair.id, user_id=u, guild_id=guild_id) for u in group
        )
    new_round.pool_size, new_round.unmatched = len(pool), len(matching.unmatched)
    session.add(new_round)
    await session.commit()
    await session.refresh(new_round)
    return RoundPlan(
        new_round,
        tuple(PlannedGroup(p.id or 0, g, names) for p, g, names in planned),
        matching.unmatched,
        tuple(ghosts),
        tuple(lost),
        len(unconfirmed),
    )


async def record_intro(
    session: AsyncSession, pair_id: int, intro: str, thread_id: int | None = None
) -> None:
    await session.execute(
        update(BuddyPair)
        .where(col(BuddyPair.id) == pair_id)
        .values(intro=intro, thread_id=thread_id)
    )
    await session.commit()


async def schedules(session: AsyncSession) -> list[tuple[int, datetime]]:
    rows = await session.execute(
        select(col(BuddySettings.guild_id), col(BuddySettings.next_round_at)).where(
            col(BuddySettings.scheduled) & col(BuddySettings.next_round_at).is_not(None)
        )
    )
    return [(guild_id, when) for guild_id, when in rows if when is not None]


async def pending_followups(session: AsyncSession) -> list[BuddyRound]:
    return list(
        await session.scalars(select(BuddyRound).where(col(BuddyRound.followup_state) == "pending"))
    )


@dataclass(frozen=True, slots=True)
class FollowUp:
    guild_id: int
    pair_id: int
    user_id: int


async def begin_followup(session: AsyncSession, round_id: int) -> list[FollowUp] | None:
    """Claim the round's follow-up (only one caller wins); who to ask. None if already taken."""
    result = await session.execute(
        update(BuddyRound)
        .where((col(BuddyRound.id) == round_id) & (col(BuddyRound.followup_state) == "pending"))
        .values(followup_state="sent")
    )
    await session.commit()
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    rows = await session.execute(
        select(
            col(BuddyPairMember.guild_id),
            col(BuddyPairMember.pair_id),
            col(BuddyPairMember.user_id),
        )
        .join(BuddyPair, col(BuddyPair.id) == col(BuddyPairMember.pair_id))
        .where(col(BuddyPair.round_id) == round_id)
        .order_by(col(BuddyPairMember.pair_id), col(BuddyPairMember.user_id))
    )
    return [FollowUp(g, p, u) for g, p, u in rows]


async def answer_followup(
    session: AsyncSession, pair_id: int, user_id: int, answer: str, now: datetime
) -> BuddyPairMember:
    if answer not in ANSWERS:
        raise InvalidInput("That is not an answer I know.")
    row = await session.get(BuddyPairMember, (pair_id, user_id))
    if row is None:
        raise NotFound("I can't find that buddy pairing any more.")
    row.answer, row.answered_at = answer, now
    session.add(row)
    await session.execute(
        update(BuddyProfile)
        .where(
            (col(BuddyProfile.guild_id) == row.guild_id) & (col(BuddyProfile.user_id) == user_id)
        )
        .values(missed_followups=0)
    )
    await session.commit()
    await session.refresh(row)
    return row


async def answer_ghost_check(
    session: AsyncSession, guild_id: int, user_id: int, choice: str, now: datetime
) -> BuddyProfile:
    if choice not in GHOST_CHOICES:
        raise InvalidInput("That is not a choice I know.")
    profile = await get_profile(session, guild_id, user_id)
    profile.missed_followups, profile.updated_at = 0, now
    if choice == "active":
        profile.state, profile.paused_until = "active", None
    elif choice == "pause":
        profile.state = "paused"
        profile.paused_until = now + timedelta(weeks=GHOST_PAUSE_WEEKS)
    else:
        profile.state = "left"
    return await _saved(session, profile)


@dataclass(frozen=True, slots=True)
class RoundStats:
    round_id: int
    started_at: datetime
    pool: int
    groups: int
    unmatched: int
    answers: dict[str, int]  # yes / not_yet / bad_match / none


async def stats(session: AsyncSession, guild_id: int, limit: int = 10) -> list[RoundStats]:
    """Per-round aggregates for moderators: no names, no answers per person."""
    rounds = list(
        await session.scalars(
            select(BuddyRound)
            .where(col(BuddyRound.guild_id) == guild_id)
            .order_by(col(BuddyRound.id).desc())
            .limit(limit)
        )
    )
    out = []
    for r in rounds:
        groups = await session.scalar(
            select(func.count()).select_from(BuddyPair).where(col(BuddyPair.round_id) == r.id)
        )
        rows = await session.execute(
            select(col(BuddyPairMember.answer), func.count())
            .join(BuddyPair, col(BuddyPair.id) == col(BuddyPairMember.pair_id))
            .where(col(BuddyPair.round_id) == r.id)
            .group_by(col(BuddyPairMember.answer))
        )
        answers = {answer or "none": count for answer, count in rows}
        assert r.id is not None
        out.append(RoundStats(r.id, r.started_at, r.pool_size, groups or 0, r.unmatched, answers))
    return out


PERSONAL_DATA = (
    PersonalData(BuddyProfile, "user_id", "Your buddy pairing opt-in and preferences"),
    PersonalData(
        BuddyBlock,
        "user_id",
        "Members you asked never to be paired with (never shown to them)",
        mentions=("blocked_id",),
    ),
    PersonalData(
        BuddyReport,
        "reporter_id",
        "Reports you made about a buddy",
        mentions=("reported_id", "resolved_by"),
    ),
    PersonalData(BuddyPairMember, "user_id", "Your buddy pairings and follow-up answers"),
)
