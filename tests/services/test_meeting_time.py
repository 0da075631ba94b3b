"""Parsing what moderators type, and recurrence in the meeting's local wall-clock time."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import InvalidInput
from bot.services.meeting_time import (
    DEFAULT_REMINDERS,
    Recurrence,
    describe,
    next_occurrence,
    occurrences,
    parse_reminders,
    parse_when,
)

LONDON = "Europe/London"
NOW = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # a Monday


def local(moments: list[datetime], zone: str = LONDON) -> list[str]:
    return [m.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %a %H:%M") for m in moments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01 19:00", "2026-12-01 19:00"),
        ("tomorrow 19:00", "2026-12-01 19:00"),
        ("Wednesday 19:00", "2026-12-02 19:00"),
        ("Monday 19:00", "2026-12-07 19:00"),
        ("19:00", "2026-11-30 19:00"),
        ("2028-02-29 10:00", "2028-02-29 10:00"),
    ],
)
def test_parse_when_reads_dates_weekdays_and_relative_days_in_the_zone(
    text: str, expected: str
) -> None:
    parsed = parse_when(text, "America/New_York", NOW)
    assert parsed.local.strftime("%Y-%m-%d %H:%M") == expected
    assert parsed.starts_at == parsed.local.astimezone(UTC)
    assert parsed.local.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30 19:00", "couldn't read"),
        ("2027-02-29 10:00", "couldn't read"),
        ("yesterday 10:00", "in the past"),
        ("2026-11-30 15:00", "in the past"),
        ("Friday", "include a time"),
        ("", "give a date"),
        ("2027-03-28 01:30", "does not exist"),
    ],
)
def test_parse_when_refuses_impossible_past_and_vague_times(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_when(text, LONDON, NOW)


def test_weekly_stays_at_local_time_across_both_dst_changes() -> None:
    first = datetime(2027, 3, 15, 19, 0, tzinfo=ZoneInfo(LONDON)).astimezone(UTC)
    dates = occurrences(Recurrence.WEEKLY, first, LONDON, 34)
    assert all(s.endswith("Mon 19:00") for s in local(dates))
    # UTC moves by an hour at the end of March and back at the end of October.
    assert dates[1].hour == 19 and dates[2].hour == 18  # 22 Mar GMT, 29 Mar BST
    assert dates[-1].hour == 19  # November, GMT again
    assert local(dates)[-1] == "2027-11-01 Mon 19:00"


def test_every_two_weeks_and_daily_across_dst_and_29_february() -> None:
    first = datetime(2028, 2, 28, 19, 0, tzinfo=ZoneInfo(LONDON)).astimezone(UTC)
    assert local(occurrences(Recurrence.DAILY, first, LONDON, 3)) == [
        "2028-02-28 Mon 19:00",
        "2028-02-29 Tue 19:00",
        "2028-03-01 Wed 19:00",
    ]
    biweekly = local(occurrences(Recurrence.BIWEEKLY, first, LONDON, 4))
    assert biweekly == [
        "2028-02-28 Mon 19:00",
        "2028-03-13 Mon 19:00",
        "2028-03-27 Mon 19:00",  # after the spring change (26 March 2028)
        "2028-04-10 Mon 19:00",
    ]


def test_monthly_nth_weekday_including_last_weekday_at_month_ends_and_29_february() -> None:
    first = datetime(2026, 12, 7, 19, 0, tzinfo=ZoneInfo(LONDON)).astimezone(UTC)
    assert describe(Recurrence.MONTHLY, first.astimezone(ZoneInfo(LONDON))) == (
        "every month on the first Monday"
    )
    assert local(occurrences(Recurrence.MONTHLY, first, LONDON, 4)) == [
        "2026-12-07 Mon 19:00",
        "2027-01-04 Mon 19:00",
        "2027-02-01 Mon 19:00",
        "2027-03-01 Mon 19:00",
    ]
    # A fifth Tuesday (29 February 2028) means "the last Tuesday" of every month.
    leap = datetime(2028, 2, 29, 18, 30, tzinfo=ZoneInfo(LONDON)).astimezone(UTC)
    assert describe(Recurrence.MONTHLY, leap.astimezone(ZoneInfo(LONDON))) == (
        "every month on the last Tuesday"
    )
    assert local(occurrences(Recurrence.MONTHLY, leap, LONDON, 4)) == [
        "2028-02-29 Tue 18:30",
        "2028-03-28 Tue 18:30",  # in BST now
        "2028-04-25 Tue 18:30",
        "2028-05-30 Tue 18:30",
    ]


def test_once_has_one_occurrence_and_next_is_strictly_after() -> None:
    first = datetime(2026, 12, 1, 19, tzinfo=UTC)
    assert next_occurrence(Recurrence.ONCE, first, "UTC", NOW) == first
    assert next_occurrence(Recurrence.ONCE, first, "UTC", first) is None
    weekly_next = next_occurrence(Recurrence.WEEKLY, first, "UTC", first)
    assert weekly_next == first + timedelta(days=7)


@settings(max_examples=60, deadline=None)
@given(
    start_day=st.integers(min_value=0, max_value=364),
    hour=st.integers(min_value=0, max_value=23),
    minute=st.sampled_from([0, 15, 30, 45]),
    zone=st.sampled_from(["Europe/London", "America/New_York", "Australia/Sydney", "UTC"]),
)
def test_every_weekly_occurrence_keeps_the_local_wall_clock_time_for_a_year(
    start_day: int, hour: int, minute: int, zone: str
) -> None:
    tz = ZoneInfo(zone)
    naive = datetime(2027, 1, 1) + timedelta(days=start_day, hours=hour, minutes=minute)
    first_local = naive.replace(tzinfo=tz)
    if first_local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return  # a time skipped by a clock change is refused when parsed
    dates = occurrences(Recurrence.WEEKLY, first_local.astimezone(UTC), zone, 53)
    assert len(dates) == 53
    for previous, moment in itertools.pairwise(dates):
        assert moment > previous
    for moment in dates:
        seen = moment.astimezone(tz)
        assert seen.weekday() == naive.weekday()
        if seen.replace(tzinfo=None).time() != naive.time():
            # Only a local time that does not exist that day may move (by the skipped hour).
            wall = seen.replace(hour=naive.hour, minute=naive.minute, tzinfo=None)
            assert (
                wall.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall
            )


def test_reminder_offsets() -> None:
    assert parse_reminders(None) == DEFAULT_REMINDERS == (1440, 15)
    assert parse_reminders("15m, 2h,1d") == (1440, 120, 15)
    assert parse_reminders("none") == ()
    with pytest.raises(InvalidInput, match="couldn't read"):
        parse_reminders("soon")
    with pytest.raises(InvalidInput, match="7 days"):
        parse_reminders("8d")
