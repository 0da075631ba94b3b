"""When meetings happen: parsing what a moderator typed, and recurrence in local wall-clock time.

Recurrence runs on naive *local* times (dateutil.rrule) and each occurrence is then placed in
the meeting's time zone, so a weekly 19:00 Europe/London meeting stays at 19:00 local across
both clock changes. A local time that does not exist (the hour skipped in spring) is placed by
zoneinfo's rule (fold=0: the offset before the change, i.e. one hour later on the clock)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil import rrule  # type: ignore[import-untyped]

from bot.errors import InvalidInput


class Recurrence(StrEnum):
    ONCE = "once"
    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"  # on the nth weekday of the month, e.g. first Monday

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Recurrence.ONCE: "once",
    Recurrence.DAILY: "every day",
    Recurrence.WEEKLY: "every week",
    Recurrence.BIWEEKLY: "every two weeks",
    Recurrence.MONTHLY: "every month",
}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MAX_DURATION_MINUTES = 24 * 60
MAX_REMINDER_MINUTES = 7 * 24 * 60
MAX_REMINDERS = 5
DEFAULT_REMINDERS = (24 * 60, 15)


def nth_weekday(moment: datetime) -> int:
    """Which of its month's weekdays ``moment`` is: 1..4, or -1 for a fifth (the last)."""
    n = (moment.day - 1) // 7 + 1
    return -1 if n == 5 else n


def describe(recurrence: Recurrence, first_local: datetime) -> str:
    if recurrence is Recurrence.MONTHLY:
        ordinal = _ORDINALS[nth_weekday(first_local)]
        return f"every month on the {ordinal} {_WEEKDAYS[first_local.weekday()]}"
    if recurrence in (Recurrence.WEEKLY, Recurrence.BIWEEKLY):
        return f"{recurrence.label} on {_WEEKDAYS[first_local.weekday()]}"
    return recurrence.label


def _rule(recurrence: Recurrence, first_local: datetime) -> rrule.rrule:
    start = first_local.replace(tzinfo=None)
    if recurrence is Recurrence.ONCE:
        return rrule.rrule(rrule.DAILY, dtstart=start, count=1)
    if recurrence is Recurrence.DAILY:
        return rrule.rrule(rrule.DAILY, dtstart=start)
    if recurrence is Recurrence.WEEKLY:
        return rrule.rrule(rrule.WEEKLY, dtstart=start)
    if recurrence is Recurrence.BIWEEKLY:
        return rrule.rrule(rrule.WEEKLY, dtstart=start, interval=2)
    weekday = rrule.weekday(first_local.weekday())(nth_weekday(first_local))
    return rrule.rrule(rrule.MONTHLY, dtstart=start, byweekday=weekday)


def next_occurrence(
    recurrence: Recurrence, first_start: datetime, timezone: str, after: datetime
) -> datetime | None:
    """The first occurrence strictly after ``after`` (UTC in, UTC out); None when none is left."""
    zone = ZoneInfo(timezone)
    first_local = first_start.astimezone(zone)
    if first_start > after:
        return first_start
    rule = _rule(recurrence, first_local)
    # Start the search a day early in local time so a clock change can't hide an occurrence.
    cursor = after.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    for _ in range(3):
        for local in rule.xafter(cursor, count=3):
            moment = local.replace(tzinfo=zone).astimezone(first_start.tzinfo)
            if moment > after:
                return moment
        cursor += timedelta(days=1)
    return None


def occurrences(
    recurrence: Recurrence, first_start: datetime, timezone: str, count: int
) -> list[datetime]:
    """The first ``count`` occurrences (UTC), for previews and tests."""
    result: list[datetime] = []
    after = first_start - timedelta(seconds=1)
    while len(result) < count:
        moment = next_occurrence(recurrence, first_start, timezone, after)
        if moment is None:
            break
        result.append(moment)
        after = moment
    return result


@dataclass(frozen=True, slots=True)
class ParsedTime:
    starts_at: datetime  # UTC
    local: datetime  # in the meeting's zone


_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*(am|pm)\b|\b(noon|midday)\b", re.I)


def parse_when(text: str, timezone: str, now: datetime) -> ParsedTime:
    """``2026-12-01 19:00``, ``Monday 19:00``, ``tomorrow 19:00`` or ``19:00``, in ``timezone``,
    relative to ``now``; refuses empty, impossible, non-existent (clock change) and past times."""
    import dateparser  # type: ignore[import-untyped]  # slow to import; only commands that parse times need it

    text = " ".join(text.split())
    if not text:
        raise InvalidInput("Please give a date and time, for example `2026-12-01 19:00`.")
    if len(text) > 60:
        raise InvalidInput("The time is too long (60 characters at most).")
    zone = ZoneInfo(timezone)
    base = now.astimezone(zone).replace(tzinfo=None)
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": base,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
        },
    )
    if parsed is None:
        raise InvalidInput(
            f"I couldn't read `{text}` as a date and time (is that date real?). Try "
            "`2026-12-01 19:00`, `Monday 19:00` or `tomorrow 19:00`."
        )
    if not _CLOCK.search(text):
        raise InvalidInput(f"Please include a time of day, for example `{text} 19:00`.")
    local = parsed.replace(second=0, microsecond=0, tzinfo=zone)
    # A wall-clock time skipped by a clock change does not survive a round trip through UTC.
    round_trip = local.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise InvalidInput(
            f"{local:%Y-%m-%d %H:%M} does not exist in {timezone}: the clocks change that night. "
            "Please choose another time."
        )
    starts_at = local.astimezone(now.tzinfo)
    if starts_at <= now:
        raise InvalidInput(
            f"{local:%Y-%m-%d %H:%M} ({timezone}) is in the past. Please choose a future time."
        )
    return ParsedTime(starts_at, local)


def parse_reminders(text: str | None) -> tuple[int, ...]:
    """``24h, 15m`` or ``1d 2h 30m``-style offsets before the start, in minutes, largest first;
    ``none`` for no reminders."""
    if text is None or not text.strip():
        return DEFAULT_REMINDERS
    if text.strip().lower() in {"none", "no", "off"}:
        return ()
    minutes: set[int] = set()
    for part in re.split(r"[,;]", text):
        part = part.strip().lower()
        if not part:
            continue
        match = re.fullmatch(r"(\d{1,4})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?)", part)
        if match is None:
            raise InvalidInput(
                f"I couldn't read the reminder `{part[:20]}`. Use values like `24h, 15m`."
            )
        value, unit = int(match[1]), match[2][0]
        value *= {"m": 1, "h": 60, "d": 24 * 60}[unit]
        if not 1 <= value <= MAX_REMINDER_MINUTES:
            raise InvalidInput("Reminders must be between 1 minute and 7 days before the start.")
        minutes.add(value)
    if len(minutes) > MAX_REMINDERS:
        raise InvalidInput(f"At most {MAX_REMINDERS} reminders, please.")
    return tuple(sorted(minutes, reverse=True))


def format_reminders(minutes: tuple[int, ...]) -> str:
    def one(m: int) -> str:
        if m % (24 * 60) == 0:
            return f"{m // (24 * 60)}d"
        if m % 60 == 0:
            return f"{m // 60}h"
        return f"{m}m"

    return ", ".join(one(m) for m in minutes) or "none"
