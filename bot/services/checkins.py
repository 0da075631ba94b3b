"""Check-ins: private mood entries, streaks and trends, reminders on local time, consented alerts.

Discord-free: the check-ins cog turns interactions into these calls and renders the results.
Everything a member writes here is health data: it is never logged, and moderators only ever
see aggregates over at least ``MIN_GROUP`` members."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.crisis import Detection, scan, severity_rank
from bot.errors import InvalidInput, KinshipError
from bot.services import crisis_preferences, escalation
from bot.services.guild_config import get_config, resolve_timezone
from bot.services.member_data import PersonalData
from bot.text import clean_user_text
from db.models import CheckIn, CheckinGuildSettings, CheckinMember, GuildConfig
from db.upsert import insert_ignore, upsert

MOODS = {1: "Really struggling", 2: "Low", 3: "Okay", 4: "Good", 5: "Doing well"}
DEFAULT_TAGS = (
    "sleep",
    "anxiety",
    "family",
    "work",
    "health",
    "loneliness",
    "relationships",
    "recovery",
)
NOTE_LIMIT = 1000
TAG_LIMIT = 25  # a select menu holds 25 options
TAG_LENGTH = 30
BACKFILL_DAYS = 7
MIN_GROUP = 5  # no figure for fewer members than this
REMINDER_GRACE = timedelta(hours=1)
STREAK_MILESTONES = (7, 30)
LOW_MOOD = 2
ALERT_CHOICES = ("nobody", "buddy", "supporters")
SILENCE_AFTER_LOW = timedelta(days=7)
SOURCE = "checkin"  # the crisis case source for an escalated check-in note (<= 16 chars)
TIME_EXAMPLE = "Use 24-hour time like `21:00` or `07:30`."


# --- parsing -------------------------------------------------------------------------------------


def parse_clock_time(text: str) -> time:
    """``HH:MM`` (24-hour) or InvalidInput with an example."""
    raw = text.strip()
    try:
        hours, minutes = raw.split(":")
        parsed = time(int(hours), int(minutes))
    except ValueError:
        raise InvalidInput(f"`{raw[:20]}` is not a time I understand. {TIME_EXAMPLE}") from None
    if len(minutes) != 2:
        raise InvalidInput(f"`{raw[:20]}` is not a time I understand. {TIME_EXAMPLE}")
    return parsed


def format_clock(value: time) -> str:
    return value.strftime("%H:%M")


def parse_day(text: str, today: date) -> date:
    """A back-fill date: ``YYYY-MM-DD``, ``today`` or ``yesterday``, up to 7 days back."""
    raw = text.strip().casefold()
    if raw in {"", "today"}:
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"`{text[:20]}` is not a date I understand. Use `YYYY-MM-DD`, for example "
            f"`{(today - timedelta(days=1)).isoformat()}`, or `yesterday`."
        ) from None
    if day > today:
        raise InvalidInput("That date is in the future; you can only check in for today or before.")
    if day < today - timedelta(days=BACKFILL_DAYS):
        raise InvalidInput(
            f"You can fill in a missed day up to {BACKFILL_DAYS} days back "
            f"(the earliest is {(today - timedelta(days=BACKFILL_DAYS)).isoformat()})."
        )
    return day


def check_mood(mood: int) -> int:
    if mood not in MOODS:
        raise InvalidInput("Mood must be from 1 (really struggling) to 5 (doing well).")
    return mood


# --- server tags ---------------------------------------------------------------------------------


async def guild_settings(session: AsyncSession, guild_id: int) -> CheckinGuildSettings:
    settings = await session.get(CheckinGuildSettings, guild_id, populate_existing=True)
    return settings if settings is not None else CheckinGuildSettings(guild_id=guild_id)


async def _update_guild(
    session: AsyncSession, guild_id: int, now: datetime, **values: object
) -> None:
    await insert_ignore(session, CheckinGuildSettings, guild_id=guild_id, tags="", changed_at=now)
    await session.execute(
        update(CheckinGuildSettings)
        .where(col(CheckinGuildSettings.guild_id) == guild_id)
        .values(**values, changed_at=now)
    )


async def tags_for(session: AsyncSession, guild_id: int) -> list[str]:
    settings = await guild_settings(session, guild_id)
    return settings.tags.split(",") if settings.tags else list(DEFAULT_TAGS)


async def set_tags(session: AsyncSession, guild_id: int, text: str, now: datetime) -> list[str]:
    """Replace the server's tag list (comma-separated); empty restores the default list."""
    cleaned = clean_user_text(text, limit=500, what="tag list")
    tags = list(dict.fromkeys(t.strip().casefold() for t in cleaned.split(",") if t.strip()))
    if len(tags) > TAG_LIMIT:
        raise InvalidInput(f"That is {len(tags)} tags; the limit is {TAG_LIMIT}.")
    long = [t for t in tags if len(t) > TAG_LENGTH]
    if long:
        raise InvalidInput(
            f"Each tag can be up to {TAG_LENGTH} characters; `{long[0][:40]}` is longer."
        )
    await _update_guild(session, guild_id, now, tags=",".join(tags))
    await session.commit()
    return tags or list(DEFAULT_TAGS)


# --- recording -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Escalate:
    """A note the crisis engine flagged high or imminent: open a case (never with the note)."""

    severity: str
    category: str


@dataclass(frozen=True, slots=True)
class CheckinResult:
    checkin: CheckIn
    today: date  # the member's local date when they checked in
    streak: int
    milestone: int | None  # 7 or 30 when this check-in reached it
    offer_support: bool  # privately offer crisis lines, /help-now and buddy pairing
    escalate: Escalate | None
    alert: str | None  # "buddy" | "supporters" when the member consented and it is due


async def member_settings(session: AsyncSession, guild_id: int, user_id: int) -> CheckinMember:
    row = await session.get(CheckinMember, (guild_id, user_id), populate_existing=True)
    return row if row is not None else CheckinMember(guild_id=guild_id, user_id=user_id)


async def _zone_of(session: AsyncSession, guild_id: int, member: CheckinMember | None) -> ZoneInfo:
    if member is not None and member.timezone:
        return ZoneInfo(member.timezone)
    config = await get_config(session, guild_id)
    return ZoneInfo(config.timezone) if config.timezone else ZoneInfo("UTC")


async def local_zone(session: AsyncSession, guild_id: int, user_id: int) -> ZoneInfo:
    """The member's own zone if set, else the server's, else UTC."""
    return await _zone_of(session, guild_id, await session.get(CheckinMember, (guild_id, user_id)))


async def local_today(session: AsyncSession, guild_id: int, user_id: int, now: datetime) -> date:
    return now.astimezone(await local_zone(session, guild_id, user_id)).date()


Key = tuple[int, int]  # (guild_id, user_id)


async def _members(session: AsyncSession, keys: set[Key]) -> dict[Key, CheckinMember]:
    rows = await session.scalars(
        select(CheckinMember).where(
            tuple_(col(CheckinMember.guild_id), col(CheckinMember.user_id)).in_(list(keys))
        )
    )
    return {(m.guild_id, m.user_id): m for m in rows}


async def _zones(
    session: AsyncSession, keys: set[Key], members: dict[Key, CheckinMember]
) -> dict[Key, ZoneInfo]:
    """Each member's zone (their own, else the server's, else UTC) in at most one query."""
    need = {g for g, u in keys if not (members.get((g, u)) and members[(g, u)].timezone)}
    server: dict[int, str | None] = {}
    if need:
        rows = await session.execute(
            select(col(GuildConfig.guild_id), col(GuildConfig.timezone)).where(
                col(GuildConfig.guild_id).in_(need)
            )
        )
        server = dict(rows.all())
    zones = {}
    for key in keys:
        member = members.get(key)
        name = member.timezone if member and member.timezone else server.get(key[0])
        zones[key] = ZoneInfo(name or "UTC")
    return zones


@dataclass(frozen=True, slots=True)
class Opening:
    """What /checkin needs before showing the buttons."""

    today: date
    notice: str | None


async def open_checkin(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime
) -> Opening:
    (opening,) = await open_checkins(session, [(guild_id, user_id)], now)
    return opening


async def open_checkins(session: AsyncSession, keys: Sequence[Key], now: datetime) -> list[Opening]:
    """Each member's local date, and a pending notice about paused reminders (told once);
    many members in a fixed number of statements."""
    wanted = set(keys)
    members = await _members(session, wanted)
    zones = await _zones(session, wanted, members)
    notices: dict[Key, str | None] = {}
    for key in wanted:
        member = members.get(key)
        if member is not None and member.notice_pending:
            notices[key] = await take_notice(session, *key)
    await session.commit()
    return [Opening(now.astimezone(zones[k]).date(), notices.get(k)) for k in keys]


@dataclass(frozen=True, slots=True)
class CheckinRequest:
    guild_id: int
    user_id: int
    mood: int
    day: date | None = None
    note: str = ""
    tags: tuple[str, ...] = ()


async def record_checkin(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    mood: int,
    now: datetime,
    *,
    day: date | None = None,
    note: str = "",
    tags: Sequence[str] = (),
) -> CheckinResult:
    """Store a check-in and decide, in the same breath, what gentle follow-up it calls for."""
    request = CheckinRequest(guild_id, user_id, mood, day, note, tuple(tags))
    (result,) = await record_checkins(session, [request], now)
    if isinstance(result, KinshipError):
        raise result
    return result


async def record_checkins(
    session: AsyncSession, requests: Sequence[CheckinRequest], now: datetime
) -> list[CheckinResult | KinshipError]:
    """Store many check-ins in one transaction (group commit): a fixed number of statements
    however many members check in at once, which keeps SQLite's single writer and the pool
    free. Each request gets its result, or the error that refused it (nothing stored for it)."""
    results: list[CheckinResult | KinshipError | None] = [None] * len(requests)
    prepared: list[tuple[int, CheckinRequest, str, Detection | None]] = []
    for index, request in enumerate(requests):
        try:
            check_mood(request.mood)
            note = clean_user_text(request.note, limit=NOTE_LIMIT, what="note")
        except KinshipError as error:
            results[index] = error
            continue
        prepared.append((index, request, note, scan(note) if note else None))
    keys = {(r.guild_id, r.user_id) for _, r, _, _ in prepared}
    if not keys:
        return [r for r in results if r is not None]
    members = await _members(session, keys)
    zones = await _zones(session, keys, members)
    tag_guilds = {r.guild_id for _, r, _, _ in prepared if r.tags}
    allowed_tags: dict[int, set[str]] = {}
    if tag_guilds:
        rows = await session.execute(
            select(col(CheckinGuildSettings.guild_id), col(CheckinGuildSettings.tags)).where(
                col(CheckinGuildSettings.guild_id).in_(tag_guilds)
            )
        )
        custom = dict(rows.all())
        allowed_tags = {
            g: set(custom[g].split(",")) if custom.get(g) else set(DEFAULT_TAGS) for g in tag_guilds
        }
    oldest = min(now.astimezone(z).date() for z in zones.values()) - timedelta(days=400)
    history: dict[Key, list[tuple[date, int]]] = {key: [] for key in keys}
    previous = await session.execute(
        select(col(CheckIn.guild_id), col(CheckIn.user_id), col(CheckIn.day), col(CheckIn.mood))
        .where(
            tuple_(col(CheckIn.guild_id), col(CheckIn.user_id)).in_(list(keys)),
            col(CheckIn.day) >= oldest,
        )
        .order_by(col(CheckIn.created_at).desc(), col(CheckIn.id).desc())
    )
    for guild_id, user_id, day, mood in previous.all():
        history[(guild_id, user_id)].append((day, mood))

    made: list[tuple[int, CheckIn, date, Escalate | None, Detection | None, list[tuple[date, int]]]]
    made = []
    for index, request, note, detection in prepared:
        key = (request.guild_id, request.user_id)
        today = now.astimezone(zones[key]).date()
        try:
            day = parse_day(request.day.isoformat(), today) if request.day else today
            unknown = [t for t in request.tags if t not in allowed_tags.get(request.guild_id, ())]
            if unknown:
                raise InvalidInput(
                    f"`{unknown[0][:40]}` is not one of this server's check-in tags."
                )
        except KinshipError as error:
            results[index] = error
            continue
        escalate = None
        if (
            detection is not None
            and severity_rank(detection.severity) >= severity_rank("high")
            and not await crisis_preferences.is_opted_out(session, *key)
        ):
            escalate = Escalate(detection.severity, detection.category)
        checkin = CheckIn(
            guild_id=request.guild_id,
            user_id=request.user_id,
            day=day,
            mood=request.mood,
            note=note,
            tags=",".join(dict.fromkeys(request.tags)),
            created_at=now,
        )
        made.append((index, checkin, today, escalate, detection, list(history[key])))
        history[key].insert(0, (day, request.mood))  # the same member twice in one batch
    session.add_all(checkin for _, checkin, _, _, _, _ in made)
    await session.commit()

    for index, checkin, today, escalate, detection, earlier in made:
        member = members.get((checkin.guild_id, checkin.user_id))
        results[index] = _decide(checkin, today, earlier, detection, escalate, member)
    return [r for r in results if r is not None]


def _decide(
    checkin: CheckIn,
    today: date,
    earlier: list[tuple[date, int]],
    detection: Detection | None,
    escalate: Escalate | None,
    member: CheckinMember | None,
) -> CheckinResult:
    """Streak, milestone and gentle follow-up for a check-in, from the ones before it."""
    days = {d for d, _ in earlier}
    streak = current_streak(days | {checkin.day}, today)
    milestone = (
        streak
        if checkin.day not in days
        and streak in STREAK_MILESTONES
        and checkin.day >= today - timedelta(days=1)
        else None
    )
    recent = [checkin.mood, *(m for _, m in earlier[:3])]
    offer = (
        lows_in_a_row(recent) >= 3
        or (checkin.mood <= LOW_MOOD and detection is not None)
        or escalate is not None
    )
    alerts = member.alerts if member is not None else "nobody"
    # Exactly the third "really struggling" in a row: one alert per run, never a repeat.
    ones = _run_length(recent, lambda m: m == 1)
    alert = alerts if alerts != "nobody" and ones == 3 else None
    return CheckinResult(checkin, today, streak, milestone, offer, escalate, alert)


def _run_length(moods: Sequence[int], test: Callable[[int], bool]) -> int:
    run = 0
    for mood in moods:
        if not test(mood):
            break
        run += 1
    return run


def lows_in_a_row(moods_newest_first: Sequence[int]) -> int:
    return _run_length(moods_newest_first, lambda m: m <= LOW_MOOD)


async def _checkin_days(
    session: AsyncSession, guild_id: int, user_id: int, since: date
) -> set[date]:
    return set(
        await session.scalars(
            select(col(CheckIn.day)).where(
                col(CheckIn.guild_id) == guild_id,
                col(CheckIn.user_id) == user_id,
                col(CheckIn.day) >= since,
            )
        )
    )


def current_streak(days: set[date], today: date) -> int:
    """Consecutive days with a check-in, ending today (or yesterday: today is not over yet)."""
    cursor = today if today in days else today - timedelta(days=1)
    streak = 0
    while cursor in days:
        streak += 1
        cursor -= timedelta(days=1)
    return streak


# --- history -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class History:
    start: date
    end: date
    daily: dict[date, float]  # day -> average mood; a missing day is a gap, never a zero
    average: float | None
    previous_average: float | None
    streak: int
    top_tags: list[tuple[str, int]]

    @property
    def trend(self) -> float | None:
        if self.average is None or self.previous_average is None:
            return None
        return self.average - self.previous_average


async def history(
    session: AsyncSession, guild_id: int, user_id: int, days: int, now: datetime
) -> History:
    if not 7 <= days <= 365:
        raise InvalidInput("Choose between 7 and 365 days of history.")
    today = await local_today(session, guild_id, user_id, now)
    start = today - timedelta(days=days - 1)
    previous_start = start - timedelta(days=days)
    rows = (
        await session.execute(
            select(col(CheckIn.day), col(CheckIn.mood), col(CheckIn.tags)).where(
                col(CheckIn.guild_id) == guild_id,
                col(CheckIn.user_id) == user_id,
                col(CheckIn.day) >= previous_start,
            )
        )
    ).all()
    by_day: dict[date, list[int]] = {}
    previous: list[int] = []
    tags: Counter[str] = Counter()
    for day, mood, tag_text in rows:
        if day >= start:
            by_day.setdefault(day, []).append(mood)
            tags.update(t for t in tag_text.split(",") if t)
        else:
            previous.append(mood)
    current = [m for moods in by_day.values() for m in moods]
    all_days = await _checkin_days(session, guild_id, user_id, today - timedelta(days=400))
    return History(
        start=start,
        end=today,
        daily={d: statistics.fmean(m) for d, m in sorted(by_day.items())},
        average=statistics.fmean(current) if current else None,
        previous_average=statistics.fmean(previous) if previous else None,
        streak=current_streak(all_days, today),
        top_tags=tags.most_common(3),
    )


# --- moderators: aggregates only -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekStats:
    week: str  # ISO week, e.g. 2026-W48
    members: int | None  # None: fewer than MIN_GROUP, not shown
    moods: dict[int, int] | None  # check-ins per mood; None when the week is too small


@dataclass(frozen=True, slots=True)
class GuildStats:
    days: int
    members: int | None  # None: fewer than MIN_GROUP
    weeks: list[WeekStats] = field(default_factory=list)


async def guild_stats(session: AsyncSession, guild_id: int, days: int, now: datetime) -> GuildStats:
    """Members who checked in and the mood distribution per week; never notes, never a person,
    and no figure for a group of fewer than ``MIN_GROUP`` members."""
    if not 7 <= days <= 365:
        raise InvalidInput("Choose between 7 and 365 days.")
    since = now.date() - timedelta(days=days - 1)
    rows = (
        await session.execute(
            select(col(CheckIn.day), col(CheckIn.user_id), col(CheckIn.mood)).where(
                col(CheckIn.guild_id) == guild_id, col(CheckIn.day) >= since
            )
        )
    ).all()
    everyone = {user for _, user, _ in rows}
    weeks: dict[str, tuple[set[int], Counter[int]]] = {}
    for day, user, mood in rows:
        year, week, _ = day.isocalendar()
        members, moods = weeks.setdefault(f"{year}-W{week:02d}", (set(), Counter()))
        members.add(user)
        moods[mood] += 1
    shown = [
        WeekStats(key, len(m), dict(sorted(c.items())))
        if len(m) >= MIN_GROUP
        else WeekStats(key, None, None)
        for key, (m, c) in sorted(weeks.items())
    ]
    return GuildStats(days, len(everyone) if len(everyone) >= MIN_GROUP else None, shown)


# --- reminders -----------------------------------------------------------------------------------


def _in_quiet(moment: time, start: time | None, end: time | None) -> bool:
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end  # overnight, e.g. 22:00-07:00


def next_due(
    remind_at: time,
    zone: ZoneInfo,
    after: datetime,
    *,
    quiet_start: time | None = None,
    quiet_end: time | None = None,
) -> datetime:
    """The first moment strictly after ``after`` when the local wall clock in ``zone`` shows
    ``remind_at`` (moved to the end of quiet hours if it falls in them), as UTC.

    Computed from the local date, so it follows DST: a time skipped in spring fires at the
    same offset as the day before (i.e. an hour later on the wall), and a time repeated in
    autumn fires once, at its first occurrence."""
    wall = remind_at
    if _in_quiet(wall, quiet_start, quiet_end):
        assert quiet_end is not None
        wall = quiet_end
    local_day = after.astimezone(zone).date() - timedelta(days=1)
    for offset in range(4):
        candidate = datetime.combine(local_day + timedelta(days=offset), wall, tzinfo=zone)
        as_utc = candidate.astimezone(UTC)
        if as_utc > after:
            return as_utc
    raise AssertionError("unreachable: a local time recurs every day")


def _due_for(member: CheckinMember, after: datetime) -> datetime:
    assert member.remind_time is not None and member.timezone is not None
    return next_due(
        parse_clock_time(member.remind_time),
        ZoneInfo(member.timezone),
        after,
        quiet_start=parse_clock_time(member.quiet_start) if member.quiet_start else None,
        quiet_end=parse_clock_time(member.quiet_end) if member.quiet_end else None,
    )


async def _update_member(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime, **values: object
) -> CheckinMember:
    await upsert(
        session,
        CheckinMember,
        {"guild_id": guild_id, "user_id": user_id},
        {**values, "changed_at": now},
        defaults={"state": "off", "notice_pending": False, "alerts": "nobody"},
    )
    await session.commit()
    return await member_settings(session, guild_id, user_id)


async def set_reminder(
    session: AsyncSession, guild_id: int, user_id: int, at: str, timezone: str, now: datetime
) -> CheckinMember:
    when = parse_clock_time(at)
    zone = resolve_timezone(timezone)
    member = await member_settings(session, guild_id, user_id)
    member.remind_time, member.timezone = format_clock(when), zone
    return await _update_member(
        session,
        guild_id,
        user_id,
        now,
        remind_time=member.remind_time,
        timezone=zone,
        state="pending",
        next_due_at=_due_for(member, now),
        paused_until=None,
        paused_reason=None,
        notice_pending=False,
    )


async def reminder_off(session: AsyncSession, guild_id: int, user_id: int, now: datetime) -> None:
    await _update_member(
        session, guild_id, user_id, now, state="off", next_due_at=None, remind_time=None
    )


async def pause_reminders(
    session: AsyncSession, guild_id: int, user_id: int, days: int, now: datetime
) -> CheckinMember:
    if not 1 <= days <= 90:
        raise InvalidInput("You can pause reminders for 1 to 90 days.")
    member = await member_settings(session, guild_id, user_id)
    if member.remind_time is None or member.timezone is None:
        raise InvalidInput(
            "You have no reminder to pause. Set one with `/mood remind time:21:00 "
            "timezone:Europe/Berlin`."
        )
    until = now + timedelta(days=days)
    return await _update_member(
        session,
        guild_id,
        user_id,
        now,
        state="pending",
        paused_until=until,
        paused_reason=None,
        next_due_at=_due_for(member, until),
    )


async def set_quiet_hours(
    session: AsyncSession,
    guild_id: int,
    user_id: int,
    start: str | None,
    end: str | None,
    now: datetime,
) -> CheckinMember:
    if (start is None) != (end is None):
        raise InvalidInput(f"Give both a start and an end for quiet hours. {TIME_EXAMPLE}")
    quiet = (
        (format_clock(parse_clock_time(start)), format_clock(parse_clock_time(end)))
        if start and end
        else (None, None)
    )
    member = await member_settings(session, guild_id, user_id)
    member.quiet_start, member.quiet_end = quiet
    values: dict[str, object] = {"quiet_start": quiet[0], "quiet_end": quiet[1]}
    if member.state == "pending" and member.remind_time and member.timezone:
        values["next_due_at"] = _due_for(member, max(now, member.paused_until or now))
    return await _update_member(session, guild_id, user_id, now, **values)


async def set_alerts(
    session: AsyncSession, guild_id: int, user_id: int, choice: str, now: datetime
) -> CheckinMember:
    if choice not in ALERT_CHOICES:
        raise InvalidInput("Choose nobody, your buddy, or the on-duty supporters.")
    return await _update_member(session, guild_id, user_id, now, alerts=choice)


async def take_notice(session: AsyncSession, guild_id: int, user_id: int) -> str | None:
    """Tell a member once, on their next command, that their reminders were paused and why."""
    result = await session.execute(
        update(CheckinMember)
        .where(
            col(CheckinMember.guild_id) == guild_id,
            col(CheckinMember.user_id) == user_id,
            col(CheckinMember.notice_pending).is_(True),
        )
        .values(notice_pending=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    member = await member_settings(session, guild_id, user_id)
    await session.commit()
    why = (
        "I couldn't send you a DM (your DMs with me are closed)"
        if member.paused_reason == "dms_closed"
        else "you had left the server"
    )
    return (
        f"Your check-in reminders are paused because {why}. Run `/mood remind` again to turn "
        "them back on."
    )


@dataclass(frozen=True, slots=True)
class DueReminder:
    guild_id: int
    user_id: int
    due: datetime
    send: bool = True  # False: claimed but falls in quiet hours now (a late one); skip it
    dm_channel_id: int | None = None


@dataclass(frozen=True, slots=True)
class Sent:
    """How sending one claimed reminder went."""

    problem: str | None = None  # "dms_closed" | "left": pause reminders and tell the member
    dm_channel_id: int | None = None


REMINDER_BATCH = 50  # claimed at a time: at most this many are skipped if the process dies


async def skip_missed(session: AsyncSession, now: datetime) -> int:
    """Reminders due longer ago than the grace period (the bot was down) move to their next
    time without being sent."""
    rows = list(
        await session.scalars(
            select(CheckinMember).where(
                col(CheckinMember.state) == "pending",
                col(CheckinMember.next_due_at) < now - REMINDER_GRACE,
            )
        )
    )
    for member in rows:
        await session.execute(
            update(CheckinMember)
            .where(
                col(CheckinMember.guild_id) == member.guild_id,
                col(CheckinMember.user_id) == member.user_id,
                col(CheckinMember.state) == "pending",
                col(CheckinMember.next_due_at) == member.next_due_at,
            )
            .values(next_due_at=_due_for(member, now))
        )
    await session.commit()
    return len(rows)


async def claim_due(
    session: AsyncSession, now: datetime, limit: int = REMINDER_BATCH
) -> list[DueReminder]:
    """Atomically claim up to ``limit`` due reminders (``pending`` -> ``sending`` in one
    UPDATE ... WHERE state='pending' ... RETURNING): a second sweep or process never gets
    the same ones, so no reminder is sent twice."""
    await skip_missed(session, now)
    keys = (
        await session.execute(
            select(col(CheckinMember.guild_id), col(CheckinMember.user_id))
            .where(col(CheckinMember.state) == "pending", col(CheckinMember.next_due_at) <= now)
            .order_by(col(CheckinMember.next_due_at))
            .limit(limit)
        )
    ).all()
    if not keys:
        await session.commit()
        return []
    claimed = (
        await session.execute(
            update(CheckinMember)
            .where(
                tuple_(col(CheckinMember.guild_id), col(CheckinMember.user_id)).in_(
                    [tuple(k) for k in keys]
                ),
                col(CheckinMember.state) == "pending",
                col(CheckinMember.next_due_at) <= now,
            )
            .values(state="sending")
            .returning(
                col(CheckinMember.guild_id),
                col(CheckinMember.user_id),
                col(CheckinMember.next_due_at),
                col(CheckinMember.timezone),
                col(CheckinMember.quiet_start),
                col(CheckinMember.quiet_end),
                col(CheckinMember.dm_channel_id),
            )
        )
    ).all()
    await session.commit()
    result = []
    for guild_id, user_id, due, zone, quiet_start, quiet_end, dm_channel_id in claimed:
        local = now.astimezone(ZoneInfo(zone or "UTC")).time().replace(second=0, microsecond=0)
        quiet = _in_quiet(
            local,
            parse_clock_time(quiet_start) if quiet_start else None,
            parse_clock_time(quiet_end) if quiet_end else None,
        )
        result.append(DueReminder(guild_id, user_id, due or now, not quiet, dm_channel_id))
    return result


async def finish_sent(
    session: AsyncSession,
    sent: Sequence[tuple[DueReminder, Sent]],
    now: datetime,
) -> None:
    """After sending a claimed batch: each member's next occurrence, or a pause (with a notice
    for their next command) when they left the server or closed their DMs."""
    if not sent:
        return
    outcomes = {(d.guild_id, d.user_id): o for d, o in sent}
    members = list(
        await session.scalars(
            select(CheckinMember).where(
                tuple_(col(CheckinMember.guild_id), col(CheckinMember.user_id)).in_(list(outcomes)),
                col(CheckinMember.state) == "sending",
            )
        )
    )
    dues = {(d.guild_id, d.user_id): d for d, _ in sent}
    for member in members:
        key = (member.guild_id, member.user_id)
        outcome, due = outcomes[key], dues[key]
        problem = outcome.problem
        member.dm_channel_id = outcome.dm_channel_id or member.dm_channel_id
        if problem is not None:
            member.state, member.next_due_at = "paused", None
            member.paused_reason, member.notice_pending = problem, True
        else:
            member.state = "pending"
            member.next_due_at = _due_for(member, max(now, due.due))
            if due.send:
                member.last_sent_for = due.due.astimezone(ZoneInfo(member.timezone or "UTC")).date()
        member.changed_at = now
        session.add(member)
    await session.commit()


async def recover_interrupted(session: AsyncSession, now: datetime) -> int:
    """At start-up: a reminder claimed but not finished was (maybe) sent; never send it again."""
    rows = list(
        await session.scalars(select(CheckinMember).where(col(CheckinMember.state) == "sending"))
    )
    for member in rows:
        member.state = "pending"
        member.next_due_at = _due_for(member, now)
        session.add(member)
    await session.commit()
    return len(rows)


async def member_left(session: AsyncSession, guild_id: int, user_id: int, now: datetime) -> None:
    await session.execute(
        update(CheckinMember)
        .where(
            col(CheckinMember.guild_id) == guild_id,
            col(CheckinMember.user_id) == user_id,
            col(CheckinMember.state).in_(("pending", "sending")),
        )
        .values(
            state="paused",
            next_due_at=None,
            paused_reason="left",
            notice_pending=True,
            changed_at=now,
        )
    )
    await session.commit()


# --- server daily prompt -------------------------------------------------------------------------


async def set_prompt(
    session: AsyncSession, guild_id: int, at: str | None, now: datetime
) -> datetime | None:
    """Post the daily prompt at ``at`` (server time), or stop it with None; the next post time."""
    if at is None:
        await _update_guild(session, guild_id, now, prompt_time=None, prompt_next_at=None)
        await session.commit()
        return None
    when = parse_clock_time(at)
    config = await get_config(session, guild_id)
    zone = ZoneInfo(config.timezone or "UTC")
    next_at = next_due(when, zone, now)
    await _update_guild(
        session, guild_id, now, prompt_time=format_clock(when), prompt_next_at=next_at
    )
    await session.commit()
    return next_at


async def due_prompts(session: AsyncSession, now: datetime) -> list[tuple[int, datetime]]:
    rows = await session.execute(
        select(col(CheckinGuildSettings.guild_id), col(CheckinGuildSettings.prompt_next_at)).where(
            col(CheckinGuildSettings.prompt_next_at) <= now
        )
    )
    return [(g, at) for g, at in rows.all() if at is not None]


async def claim_prompt(session: AsyncSession, guild_id: int, due: datetime, now: datetime) -> bool:
    """Compare-and-set the next prompt time: exactly one caller posts each day's prompt, and a
    prompt missed by more than the grace period is skipped."""
    settings = await guild_settings(session, guild_id)
    if settings.prompt_time is None or settings.prompt_next_at != due:
        await session.commit()
        return False
    config = await get_config(session, guild_id)
    zone = ZoneInfo(config.timezone or "UTC")
    next_at = next_due(parse_clock_time(settings.prompt_time), zone, max(now, due))
    result = await session.execute(
        update(CheckinGuildSettings)
        .where(
            col(CheckinGuildSettings.guild_id) == guild_id,
            col(CheckinGuildSettings.prompt_next_at) == due,
        )
        .values(prompt_next_at=next_at, prompt_last_for=due.astimezone(zone).date())
    )
    await session.commit()
    return result.rowcount == 1 and now - due <= REMINDER_GRACE  # type: ignore[attr-defined]


# --- consented alerts ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SilenceAlert:
    guild_id: int
    user_id: int
    choice: str


async def silent_after_low(session: AsyncSession, now: datetime) -> list[SilenceAlert]:
    """Members who consented to alerts, whose last check-in was low and is a week old; each such
    check-in alerts once (compare-and-set on the member row)."""
    latest = (
        select(
            col(CheckIn.guild_id), col(CheckIn.user_id), func.max(col(CheckIn.id)).label("last_id")
        )
        .group_by(col(CheckIn.guild_id), col(CheckIn.user_id))
        .subquery()
    )
    rows = (
        await session.execute(
            select(
                col(CheckinMember.guild_id),
                col(CheckinMember.user_id),
                col(CheckinMember.alerts),
                col(CheckIn.id),
            )
            .join(
                latest,
                (latest.c.guild_id == CheckinMember.guild_id)
                & (latest.c.user_id == CheckinMember.user_id),
            )
            .join(CheckIn, col(CheckIn.id) == latest.c.last_id)
            .where(
                col(CheckinMember.alerts) != "nobody",
                col(CheckIn.mood) <= LOW_MOOD,
                col(CheckIn.created_at) <= now - SILENCE_AFTER_LOW,
                (col(CheckinMember.silence_alerted_checkin_id).is_(None))
                | (col(CheckinMember.silence_alerted_checkin_id) != CheckIn.id),
            )
        )
    ).all()
    alerts = []
    for guild_id, user_id, choice, checkin_id in rows:
        result = await session.execute(
            update(CheckinMember)
            .where(
                col(CheckinMember.guild_id) == guild_id,
                col(CheckinMember.user_id) == user_id,
                (col(CheckinMember.silence_alerted_checkin_id).is_(None))
                | (col(CheckinMember.silence_alerted_checkin_id) != checkin_id),
            )
            .values(silence_alerted_checkin_id=checkin_id)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            alerts.append(SilenceAlert(guild_id, user_id, choice))
    await session.commit()
    return alerts


def detection_for(guild_id: int, user_id: int, escalate: Escalate) -> escalation.NewDetection:
    """The crisis case for a flagged note: severity and origin only, never the note itself."""
    return escalation.NewDetection(
        guild_id=guild_id,
        member_id=user_id,
        source=SOURCE,
        severity=escalate.severity,
        category=escalate.category,
        matched="",
        excerpt="",
    )


PERSONAL_DATA = (
    PersonalData(CheckIn, "user_id", "Your mood check-ins, with their notes and tags"),
    PersonalData(
        CheckinMember,
        "user_id",
        "Your check-in reminder, quiet hours and who is told if you are struggling",
    ),
)
