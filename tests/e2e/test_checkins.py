"""Check-ins end to end through the stand-in: modal notes, reminder DMs across restarts and
downtime, the daily prompt, the history chart, moderator stats and crisis escalation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.bot import KinshipBot
from bot.clock import ManualClock
from bot.services import checkins, duty, escalation, guild_config
from bot.services.guild_config import ConfigItem
from db.models import CheckIn, CrisisCase
from standin import DiscordStandIn, FakeGuild

from .conftest import start_kinship

CRISIS_NOTE = "honestly i want to die, i can't do this anymore"


@dataclass
class Circle:
    guild: FakeGuild
    alerts: int
    checkins: int
    mod_role: int
    moderator: int
    member: int


async def build(standin: DiscordStandIn, bot: KinshipBot) -> Circle:
    guild = standin.add_guild("Peer Circle")
    mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
    alerts = int(standin.add_private_channel(guild.id, "mod-alerts")["id"])
    channel = int(standin.add_channel(guild.id, "check-ins")["id"])
    moderator = standin.add_user("mod")
    standin.add_member(guild.id, moderator.id, roles=[mod_role])
    member = standin.add_user("member")
    standin.add_member(guild.id, member.id)
    circle = Circle(guild, alerts, channel, mod_role, moderator.id, member.id)
    await configure(bot, circle)
    await standin.wait_for(lambda: bot.get_guild(guild.id) is not None)
    return circle


async def configure(bot: KinshipBot, c: Circle) -> None:
    async with bot.sessions() as session:
        await guild_config.set_item(session, c.guild.id, ConfigItem.MODERATOR_ROLE, c.mod_role)
        await guild_config.set_item(session, c.guild.id, ConfigItem.ESCALATION_CHANNEL, c.alerts)
        await guild_config.set_item(session, c.guild.id, ConfigItem.CHECKIN_CHANNEL, c.checkins)


def noon_tomorrow(clock: ManualClock) -> datetime:
    base = (clock.now() + timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)
    return clock.set(base)


async def stored(bot: KinshipBot, user_id: int) -> list[CheckIn]:
    async with bot.sessions() as session:
        return list(
            await session.scalars(
                select(CheckIn).where(CheckIn.user_id == user_id).order_by(CheckIn.id)
            )
        )


def reminders(standin: DiscordStandIn, user_id: int) -> list[dict[str, Any]]:
    return [m for m in standin.dms_to(user_id) if "Time for your check-in" in m["content"]]


async def test_checkin_with_note_and_tags_through_the_modal(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    asked = await standin.slash(c.guild.id, c.member, "checkin")
    await asked.wait_response()
    assert asked.ephemeral
    today = clock.now().strftime("%Y%m%d")
    assert asked.custom_ids() == [f"checkin:mood:{today}:{m}" for m in range(1, 6)]

    pressed = await standin.click(c.guild.id, c.member, asked.original, f"checkin:mood:{today}:4")
    modal = await pressed.wait_response()
    assert modal["type"] == 9
    submitted = await standin.submit_modal(
        pressed, {"checkin:note:text": "slept well \u202efor once", "checkin:note:tags": ["sleep"]}
    )
    await submitted.wait_response()
    assert submitted.ephemeral and "Good" in (submitted.content or "")
    (saved,) = await stored(kinship, c.member)
    assert (saved.mood, saved.note, saved.tags) == (4, "slept well for once", "sleep")
    # Nothing about it appeared in any channel.
    assert all(not m["author"]["bot"] for m in standin.messages.get(c.guild.system_channel_id, []))


async def test_backfill_refuses_older_than_a_week(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    old = (clock.now() - timedelta(days=9)).date().isoformat()
    refused = await standin.slash(c.guild.id, c.member, "checkin", {"date": old})
    await refused.wait_response()
    assert refused.ephemeral and "up to 7 days back" in (refused.content or "")


async def test_reminder_dm_button_works_after_a_restart(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    noon_tomorrow(clock)
    async with start_kinship(standin, database_url, clock=clock) as bot:
        c = await build(standin, bot)
        bad = await standin.slash(
            c.guild.id, c.member, "mood", {"time": "9pm", "timezone": "UTC"}, subcommand="remind"
        )
        await bad.wait_response()
        assert bad.ephemeral and "21:00" in (bad.content or "")
        choices = await standin.autocomplete(
            c.guild.id, c.member, "mood", {"timezone": "berl"}, "timezone", subcommand="remind"
        )
        assert "Europe/Berlin" in [choice["value"] for choice in choices]
        ok = await standin.slash(
            c.guild.id, c.member, "mood", {"time": "21:00", "timezone": "UTC"}, subcommand="remind"
        )
        await ok.wait_response()
        assert "every day at **21:00**" in (ok.content or "")
        clock.advance(timedelta(hours=9, minutes=1))
        await bot.timers.run_due()
        (dm,) = await standin.wait_for(lambda: reminders(standin, c.member))

    async with start_kinship(standin, database_url, clock=clock):
        pressed = await standin.click(None, c.member, dm, f"checkin:dm:{c.guild.id}:{c.member}:3")
        await pressed.wait_response()
        assert "Checked in" in (pressed.content or "")
    async with start_kinship(standin, database_url, clock=clock) as bot:
        (saved,) = await stored(bot, c.member)
        assert saved.mood == 3 and saved.guild_id == c.guild.id
        # The next day's reminder reuses the stored DM channel: one request, not two.
        opened = len(standin.requests_to("POST", r"^/users/@me/channels$"))
        clock.advance(timedelta(days=1))
        await bot.timers.run_due()
        await standin.wait_for(lambda: len(reminders(standin, c.member)) == 2)
        assert len(standin.requests_to("POST", r"^/users/@me/channels$")) == opened


async def test_reminder_due_while_down_is_sent_once_within_grace_and_skipped_after(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    noon_tomorrow(clock)
    async with start_kinship(standin, database_url, clock=clock) as bot:
        c = await build(standin, bot)
        async with bot.sessions() as session:
            member = await checkins.set_reminder(
                session, c.guild.id, c.member, "21:00", "UTC", clock.now()
            )
    assert member.next_due_at is not None
    clock.set(member.next_due_at + timedelta(minutes=30))  # down through the due time

    async with start_kinship(standin, database_url, clock=clock) as bot:
        clock.advance(timedelta(minutes=1))
        await bot.timers.run_due()
        await standin.wait_for(lambda: reminders(standin, c.member))
        clock.advance(timedelta(minutes=5))
        await bot.timers.run_due()
        await standin.wait_idle()
        assert len(reminders(standin, c.member)) == 1

    clock.set(member.next_due_at + timedelta(days=1, hours=2))  # down past the grace period
    async with start_kinship(standin, database_url, clock=clock) as bot:
        clock.advance(timedelta(minutes=1))
        await bot.timers.run_due()
        await standin.wait_idle()
        assert len(reminders(standin, c.member)) == 1
        async with bot.sessions() as session:
            after = await checkins.member_settings(session, c.guild.id, c.member)
        assert after.next_due_at == member.next_due_at + timedelta(days=2)


async def test_closed_dms_pause_reminders_and_the_member_is_told(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    noon_tomorrow(clock)
    c = await build(standin, kinship)
    async with kinship.sessions() as session:
        await checkins.set_reminder(session, c.guild.id, c.member, "21:00", "UTC", clock.now())
    standin.close_dms(c.member)
    clock.advance(timedelta(hours=9, minutes=1))
    await kinship.timers.run_due()
    told = await standin.slash(c.guild.id, c.member, "checkin")
    await told.wait_response()
    assert "reminders are paused" in (told.content or "")


async def test_daily_prompt_records_a_private_checkin_for_the_presser(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    noon_tomorrow(clock)
    c = await build(standin, kinship)
    refused = await standin.slash(
        c.guild.id, c.member, "mood", {"time": "09:00"}, subcommand="prompt"
    )
    await refused.wait_response()
    assert "Only moderators" in (refused.content or "")
    set_up = await standin.slash(
        c.guild.id, c.moderator, "mood", {"time": "13:00"}, subcommand="prompt"
    )
    await set_up.wait_response()
    assert f"<#{c.checkins}>" in (set_up.content or "")
    clock.advance(timedelta(hours=1, minutes=1))
    await kinship.timers.run_due()
    prompt = await standin.wait_for_message(c.checkins, lambda m: "Daily check-in" in m["content"])

    pressed = await standin.click(c.guild.id, c.member, prompt, "checkin:prompt:2")
    await pressed.wait_response()
    assert pressed.ephemeral and "Low" in (pressed.content or "")
    (saved,) = await stored(kinship, c.member)
    assert saved.mood == 2
    assert len(standin.messages[c.checkins]) == 1  # nothing public about who or how


async def test_history_returns_a_png_chart(standin: DiscordStandIn, kinship: KinshipBot) -> None:
    c = await build(standin, kinship)
    for mood in (2, 4):
        async with kinship.sessions() as session:
            await checkins.record_checkin(session, c.guild.id, c.member, mood, kinship.clock.now())
    asked = await standin.slash(c.guild.id, c.member, "mood", subcommand="history")
    reply = await asked.wait_followup()
    assert asked.ephemeral
    (attachment,) = reply["attachments"]
    assert attachment["filename"] == "mood.png" and attachment["size"] > 5_000
    assert "Average:** 3.0" in reply["content"]


async def test_stats_are_refused_to_a_member_and_hide_small_groups(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    refused = await standin.slash(c.guild.id, c.member, "mood", subcommand="stats")
    await refused.wait_response()
    assert refused.ephemeral and "Only moderators" in (refused.content or "")
    async with kinship.sessions() as session:
        await checkins.record_checkin(session, c.guild.id, c.member, 1, kinship.clock.now())
    shown = await standin.slash(c.guild.id, c.moderator, "mood", subcommand="stats")
    await shown.wait_response()
    assert "Fewer than 5 members" in (shown.content or "")


async def test_a_high_risk_note_opens_a_crisis_case_without_the_note(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    asked = await standin.slash(c.guild.id, c.member, "checkin")
    await asked.wait_response()
    today = clock.now().strftime("%Y%m%d")
    pressed = await standin.click(c.guild.id, c.member, asked.original, f"checkin:mood:{today}:1")
    submitted = await standin.submit_modal(pressed, {"checkin:note:text": CRISIS_NOTE})
    await submitted.wait_response()
    assert submitted.ephemeral
    assert "Support is here" in submitted.embeds[0]["title"]

    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    async with kinship.sessions() as session:
        (case,) = await escalation.open_cases(session, c.guild.id)
        case = await session.get(CrisisCase, case.id)
    assert case is not None
    assert case.source == "checkin" and case.excerpt == "" and case.matched == ""
    shown = str(alert)
    assert "want to die" not in shown and "private check-in" in shown


async def test_supporters_are_alerted_only_with_consent(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    chosen = await standin.slash(
        c.guild.id, c.member, "mood", {"who": "supporters"}, subcommand="alerts"
    )
    await chosen.wait_response()
    async with kinship.sessions() as session:
        await duty.set_duty(session, c.guild.id, c.moderator, True, kinship.clock.now())
        for days_ago in (2, 1):
            await checkins.record_checkin(
                session, c.guild.id, c.member, 1, clock.now() - timedelta(days=days_ago)
            )
    prompt = await standin.slash(c.guild.id, c.member, "checkin")
    await prompt.wait_response()
    today = clock.now().strftime("%Y%m%d")
    pressed = await standin.click(c.guild.id, c.member, prompt.original, f"checkin:mood:{today}:1")
    done = await standin.submit_modal(pressed, {})
    await done.wait_response()
    alert = await standin.wait_for_message(
        c.alerts, lambda m: "asked to let supporters" in m["content"]
    )
    assert [u["id"] for u in alert["mentions"]] == [str(c.moderator)]
    assert alert["mention_roles"] == []
