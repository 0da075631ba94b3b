"""Check-ins service: streaks, trends, DST reminders, aggregates, follow-up, data rights."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from bot.errors import InvalidInput
from bot.services import buddy, checkins, escalation, member_data
from bot.services.catalogue import PERSONAL_DATA
from bot.services.checkin_chart import render_history
from bot.services.checkins import DueReminder
from db.engine import SessionFactory
from db.models import CheckIn, CheckinMember

GUILD, MEMBER, OTHER = 10, 1001, 1002
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


async def _checkin(sessions: SessionFactory, mood: int, day: date | None = None, **kw):  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return await checkins.record_checkin(
            session, GUILD, kw.pop("user", MEMBER), mood, kw.pop("now", NOW), day=day, **kw
        )


# --- pure rules ----------------------------------------------------------------------------------


def test_streak_counts_consecutive_days_and_today_is_not_over() -> None:
    today = date(2026, 6, 15)
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert checkins.current_streak(days, today) == 3  # yesterday back to 3 days ago
    assert checkins.current_streak(days | {today}, today) == 4
    assert checkins.current_streak({today - timedelta(days=2)}, today) == 0


def test_parse_day_allows_seven_days_back_only() -> None:
    today = date(2026, 6, 15)
    assert checkins.parse_day("yesterday", today) == date(2026, 6, 14)
    assert checkins.parse_day("2026-06-08", today) == date(2026, 6, 8)
    with pytest.raises(InvalidInput, match="up to 7 days back"):
        checkins.parse_day("2026-06-07", today)
    with pytest.raises(InvalidInput, match="future"):
        checkins.parse_day("2026-06-16", today)
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        checkins.parse_day("last tuesday", today)


@pytest.mark.parametrize("text", ["25:00", "9pm", "21", "21:7", ""])
def test_malformed_times_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(InvalidInput, match="21:00"):
        checkins.parse_clock_time(text)


def test_next_due_on_spring_forward_day_keeps_local_wall_time() -> None:
    # Europe/Berlin jumps 02:00 -> 03:00 on 2026-03-29: 21:00 local is 20:00 UTC, then 19:00.
    before = datetime(2026, 3, 28, 21, 30, tzinfo=UTC)
    due = checkins.next_due(time(21, 0), BERLIN, before)
    assert due == datetime(2026, 3, 29, 19, 0, tzinfo=UTC)
    assert due.astimezone(BERLIN).hour == 21
    # A time that does not exist that night fires once, an hour later on the wall.
    skipped = checkins.next_due(time(2, 30), BERLIN, datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert skipped == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_next_due_on_fall_back_day_fires_once_at_first_occurrence() -> None:
    # Europe/Berlin repeats 02:00-03:00 on 2026-10-25.
    after = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    due = checkins.next_due(time(2, 30), BERLIN, after)
    assert due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    following = checkins.next_due(time(2, 30), BERLIN, due)
    assert following == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)  # next day, not 02:30 CET
    evening = checkins.next_due(time(21, 0), BERLIN, after)
    assert evening == datetime(2026, 10, 24, 19, 0, tzinfo=UTC)  # CEST
    assert checkins.next_due(time(21, 0), BERLIN, evening) == datetime(
        2026, 10, 25, 20, 0, tzinfo=UTC
    )  # CET: still 21:00 on the wall


def test_next_due_moves_out_of_quiet_hours() -> None:
    due = checkins.next_due(time(23, 0), BERLIN, NOW, quiet_start=time(22, 0), quiet_end=time(7, 0))
    assert due.astimezone(BERLIN).time() == time(7, 0)


def test_chart_is_a_png_of_inline_size() -> None:
    history = checkins.History(
        start=date(2026, 3, 18),
        end=date(2026, 6, 15),
        daily={date(2026, 6, 1): 2.0, date(2026, 6, 3): 4.5},
        average=3.25,
        previous_average=None,
        streak=0,
        top_tags=[],
    )
    png = render_history(history)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (800, 400)


# --- recording -----------------------------------------------------------------------------------


async def test_checkin_stores_clean_note_and_tags(sessions: SessionFactory) -> None:
    result = await _checkin(sessions, 3, note="tired\u202e today\u200b", tags=["sleep", "work"])
    assert result.checkin.note == "tired today"
    assert result.checkin.tags == "sleep,work"
    assert result.streak == 1 and result.milestone is None
    assert not result.offer_support and result.escalate is None


async def test_over_long_note_and_unknown_tag_are_refused(sessions: SessionFactory) -> None:
    with pytest.raises(InvalidInput, match="1,000"):
        await _checkin(sessions, 3, note="x" * 1001)
    with pytest.raises(InvalidInput, match="not one of"):
        await _checkin(sessions, 3, tags=["astrology"])
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CheckIn)) == 0


async def test_server_tags_replace_the_default_list(sessions: SessionFactory) -> None:
    async with sessions() as session:
        assert await checkins.tags_for(session, GUILD) == list(checkins.DEFAULT_TAGS)
        await checkins.set_tags(session, GUILD, "Grief, sleep, grief", NOW)
        assert await checkins.tags_for(session, GUILD) == ["grief", "sleep"]
    assert (await _checkin(sessions, 2, tags=["grief"])).checkin.tags == "grief"


async def test_streak_milestones_at_seven_and_thirty_days(sessions: SessionFactory) -> None:
    milestones = []
    for n in range(30):
        result = await _checkin(sessions, 4, now=NOW - timedelta(days=29 - n))
        milestones.append(result.milestone)
    assert [i + 1 for i, m in enumerate(milestones) if m] == [7, 30]
    # A second check-in on the same day is no new milestone.
    assert (await _checkin(sessions, 4)).milestone is None


async def test_three_lows_in_a_row_offer_support(sessions: SessionFactory) -> None:
    assert not (await _checkin(sessions, 2, now=NOW - timedelta(days=2))).offer_support
    assert not (await _checkin(sessions, 1, now=NOW - timedelta(days=1))).offer_support
    assert (await _checkin(sessions, 2)).offer_support


async def test_low_mood_with_a_concerning_note_offers_support_without_escalating(
    sessions: SessionFactory,
) -> None:
    result = await _checkin(sessions, 2, note="honestly i am a burden to everyone")
    assert result.offer_support
    assert result.escalate is None
    okay = await _checkin(sessions, 4, note="today was fine", user=OTHER)
    assert not okay.offer_support


async def test_a_high_risk_note_escalates_without_the_note(sessions: SessionFactory) -> None:
    result = await _checkin(sessions, 1, note="i want to die, i can't do this anymore")
    assert result.escalate is not None
    assert result.escalate.severity in {"high", "imminent"}
    detection = checkins.detection_for(GUILD, MEMBER, result.escalate)
    assert detection.source == "checkin" and len(detection.source) <= 16
    assert detection.excerpt == "" and detection.matched == ""


async def test_scanning_opt_out_is_respected_for_notes(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await escalation.choose_scanning(session, GUILD, MEMBER, opted_out=True, now=NOW)
    result = await _checkin(sessions, 1, note="i want to die, i can't do this anymore")
    assert result.escalate is None and result.offer_support


async def test_alert_only_when_chosen_and_once_per_run(sessions: SessionFactory) -> None:
    for offset in (5, 4, 3):
        assert (await _checkin(sessions, 1, now=NOW - timedelta(days=offset))).alert is None
    async with sessions() as session:
        await checkins.set_alerts(session, GUILD, MEMBER, "supporters", NOW)
        with pytest.raises(InvalidInput):
            await checkins.set_alerts(session, GUILD, MEMBER, "everyone", NOW)
    assert (await _checkin(sessions, 3, now=NOW - timedelta(days=2))).alert is None
    assert (await _checkin(sessions, 1, now=NOW - timedelta(days=2))).alert is None
    assert (await _checkin(sessions, 1, now=NOW - timedelta(days=1))).alert is None
    assert (await _checkin(sessions, 1)).alert == "supporters"
    assert (await _checkin(sessions, 1)).alert is None  # the fourth in a row: no repeat


async def test_silence_after_a_low_alerts_once(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await checkins.set_alerts(session, GUILD, MEMBER, "buddy", NOW)
    await _checkin(sessions, 2)
    await _checkin(sessions, 2, user=OTHER)  # no consent: never alerted
    async with sessions() as session:
        assert await checkins.silent_after_low(session, NOW + timedelta(days=6)) == []
        found = await checkins.silent_after_low(session, NOW + timedelta(days=7))
        assert found == [checkins.SilenceAlert(GUILD, MEMBER, "buddy")]
        assert await checkins.silent_after_low(session, NOW + timedelta(days=8)) == []
        assert await buddy.current_buddy(session, GUILD, MEMBER) is None  # never paired


# --- history and aggregates ----------------------------------------------------------------------


async def test_history_average_trend_gaps_and_tags(sessions: SessionFactory) -> None:
    for offset, mood in ((10, 1), (9, 1)):  # previous 7-day period
        await _checkin(sessions, mood, now=NOW - timedelta(days=offset))
    for offset, mood, tags in ((4, 3, ["sleep"]), (2, 4, ["sleep", "work"]), (0, 5, [])):
        await _checkin(sessions, mood, now=NOW - timedelta(days=offset), tags=tags)
    async with sessions() as session:
        h = await checkins.history(session, GUILD, MEMBER, 7, NOW)
    assert h.average == 4.0 and h.previous_average == 1.0 and h.trend == 3.0
    assert sorted(h.daily) == [date(2026, 6, 11), date(2026, 6, 13), date(2026, 6, 15)]
    assert date(2026, 6, 12) not in h.daily  # a skipped day is a gap, not a zero
    assert h.streak == 1
    assert h.top_tags[0] == ("sleep", 2)


async def test_stats_hide_groups_smaller_than_five(sessions: SessionFactory) -> None:
    for user in range(4):
        await _checkin(sessions, 3, user=5000 + user)
    async with sessions() as session:
        small = await checkins.guild_stats(session, GUILD, 28, NOW)
    assert small.members is None and all(w.members is None and w.moods is None for w in small.weeks)
    await _checkin(sessions, 1, user=5004)
    await _checkin(sessions, 5, user=5004)
    async with sessions() as session:
        stats = await checkins.guild_stats(session, GUILD, 28, NOW)
    assert stats.members == 5
    (week,) = stats.weeks
    assert week.members == 5 and week.moods == {1: 1, 3: 4, 5: 1}


# --- reminders -----------------------------------------------------------------------------------


async def _claim(sessions: SessionFactory, now: datetime) -> list[DueReminder]:
    async with sessions() as session:
        return await checkins.claim_due(session, now)


async def _finish(
    sessions: SessionFactory, items: list[DueReminder], now: datetime, problem: str | None = None
) -> CheckinMember:
    async with sessions() as session:
        outcome = checkins.Sent(problem, dm_channel_id=None if problem else 555)
        await checkins.finish_sent(session, [(item, outcome) for item in items], now)
        return await checkins.member_settings(session, GUILD, MEMBER)


async def test_reminder_is_claimed_once_and_moves_to_the_next_day(sessions: SessionFactory) -> None:
    async with sessions() as session:
        member = await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "europe/berlin", NOW)
    assert member.timezone == "Europe/Berlin"
    assert member.next_due_at == datetime(2026, 6, 15, 19, 0, tzinfo=UTC)
    at = member.next_due_at + timedelta(seconds=30)
    assert await _claim(sessions, at - timedelta(minutes=1)) == []  # not due yet
    (item,) = await _claim(sessions, at)
    assert item.send and item.due == member.next_due_at
    assert await _claim(sessions, at) == []  # a second sweep or process gets nothing
    after = await _finish(sessions, [item], at)
    assert after.state == "pending"
    assert after.next_due_at == datetime(2026, 6, 16, 19, 0, tzinfo=UTC)
    assert after.last_sent_for == date(2026, 6, 15)
    assert after.dm_channel_id == 555  # the next reminder is one request
    assert await _claim(sessions, at) == []
    (tomorrow,) = await _claim(sessions, after.next_due_at)
    assert tomorrow.dm_channel_id == 555


async def test_reminder_missed_beyond_grace_is_skipped(sessions: SessionFactory) -> None:
    async with sessions() as session:
        member = await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
    assert member.next_due_at is not None
    late = member.next_due_at + checkins.REMINDER_GRACE + timedelta(minutes=1)
    assert await _claim(sessions, late) == []
    async with sessions() as session:
        after = await checkins.member_settings(session, GUILD, MEMBER)
    assert after.next_due_at == datetime(2026, 6, 16, 19, 0, tzinfo=UTC)
    within = member.next_due_at + checkins.REMINDER_GRACE - timedelta(minutes=1)
    async with sessions() as session:
        await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
    assert len(await _claim(sessions, within)) == 1  # late, but within grace: sent


async def test_late_reminder_in_quiet_hours_is_not_sent(sessions: SessionFactory) -> None:
    async with sessions() as session:
        member = await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
        assert member.next_due_at is not None
        # Quiet hours start after the due time, before the late sweep runs.
        await session.execute(update(CheckinMember).values(quiet_start="21:30", quiet_end="07:00"))
        await session.commit()
    (item,) = await _claim(sessions, member.next_due_at + timedelta(minutes=40))
    assert not item.send
    after = await _finish(sessions, [item], member.next_due_at + timedelta(minutes=40))
    assert after.last_sent_for is None and after.state == "pending"


async def test_interrupted_send_is_never_repeated(sessions: SessionFactory) -> None:
    async with sessions() as session:
        member = await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
    assert member.next_due_at is not None
    assert len(await _claim(sessions, member.next_due_at)) == 1
    # The process dies here; at start-up:
    async with sessions() as session:
        assert await checkins.recover_interrupted(session, member.next_due_at) == 1
        after = await checkins.member_settings(session, GUILD, MEMBER)
    assert after.state == "pending" and after.next_due_at > member.next_due_at
    assert await _claim(sessions, member.next_due_at) == []


async def test_closed_dms_pause_and_tell_once(sessions: SessionFactory) -> None:
    async with sessions() as session:
        member = await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
    assert member.next_due_at is not None
    items = await _claim(sessions, member.next_due_at)
    paused = await _finish(sessions, items, member.next_due_at, "dms_closed")
    assert paused.state == "paused" and paused.next_due_at is None
    async with sessions() as session:
        notice = await checkins.take_notice(session, GUILD, MEMBER)
        assert notice is not None and "DMs" in notice
        assert await checkins.take_notice(session, GUILD, MEMBER) is None


async def test_many_due_reminders_are_claimed_in_batches_without_overlap(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        for user in range(120):
            await checkins.set_reminder(session, GUILD, 7000 + user, "21:00", "UTC", NOW)
    at = datetime(2026, 6, 15, 21, 0, tzinfo=UTC)
    seen: list[int] = []
    while batch := await _claim(sessions, at):
        assert len(batch) <= checkins.REMINDER_BATCH
        seen += [item.user_id for item in batch]
    assert sorted(seen) == [7000 + user for user in range(120)]


async def test_pause_and_unknown_timezone(sessions: SessionFactory) -> None:
    async with sessions() as session:
        with pytest.raises(InvalidInput, match="no reminder"):
            await checkins.pause_reminders(session, GUILD, MEMBER, 3, NOW)
        with pytest.raises(InvalidInput, match="Europe/London"):
            await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Mars/Olympus", NOW)
        await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
        paused = await checkins.pause_reminders(session, GUILD, MEMBER, 3, NOW)
    assert paused.next_due_at == datetime(2026, 6, 18, 19, 0, tzinfo=UTC)


async def test_member_leaving_pauses_reminders(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
        await checkins.member_left(session, GUILD, MEMBER, NOW)
        assert await checkins.claim_due(session, NOW + timedelta(days=2)) == []
        notice = await checkins.take_notice(session, GUILD, MEMBER)
    assert notice is not None and "left the server" in notice


async def test_daily_prompt_claimed_once_and_skipped_after_grace(sessions: SessionFactory) -> None:
    async with sessions() as session:
        first = await checkins.set_prompt(session, GUILD, "09:00", NOW)
        assert first == datetime(2026, 6, 16, 9, 0, tzinfo=UTC)
        assert await checkins.due_prompts(session, first) == [(GUILD, first)]
        assert await checkins.claim_prompt(session, GUILD, first, first)
        assert not await checkins.claim_prompt(session, GUILD, first, first)
        second = first + timedelta(days=1)
        late = second + timedelta(hours=2)
        assert not await checkins.claim_prompt(session, GUILD, second, late)
        assert await checkins.due_prompts(session, late) == []


# --- data rights ---------------------------------------------------------------------------------


async def test_export_and_delete_cover_checkins_and_settings(sessions: SessionFactory) -> None:
    await _checkin(sessions, 2, note="private words", tags=["sleep"])
    await _checkin(sessions, 4, user=OTHER)
    async with sessions() as session:
        await checkins.set_reminder(session, GUILD, MEMBER, "21:00", "Europe/Berlin", NOW)
        await checkins.set_alerts(session, GUILD, MEMBER, "supporters", NOW)
        exported = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, MEMBER)
    assert exported["checkin"]["rows"][0]["note"] == "private words"
    assert exported["checkin_member"]["rows"][0]["alerts"] == "supporters"
    async with sessions() as session:
        await member_data.delete_member_data(session, PERSONAL_DATA, GUILD, MEMBER)
        left = await session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.user_id == MEMBER)
        )
        others = await session.scalar(select(func.count()).select_from(CheckIn))
        settings = await session.get(CheckinMember, (GUILD, MEMBER))
    assert left == 0 and others == 1 and settings is None
