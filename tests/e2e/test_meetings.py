"""Meetings end to end: schedule, native event, announcements on time, RSVP, restart, cancel."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.bot import KinshipBot
from bot.clock import ManualClock
from bot.services import guild_config, meetings
from bot.services.guild_config import ConfigItem
from db.models import MeetingAnnouncement
from standin import DEFAULT_BOT_PERMISSIONS, DiscordStandIn, FakeGuild, InteractionRecord
from standin.scheduled_events import ACTIVE, CANCELED, COMPLETED, MANAGE_EVENTS

from .conftest import eventually, start_kinship

EVENTS = r"/guilds/\d+/scheduled-events"


@dataclass
class Group:
    guild: FakeGuild
    announcements: int
    voice: int
    mod_role: int
    moderator: int
    members: list[int]
    backup: int


async def build_group(
    standin: DiscordStandIn, bot: KinshipBot, *, manage_events: bool = True
) -> Group:
    permissions = DEFAULT_BOT_PERMISSIONS | (MANAGE_EVENTS if manage_events else 0)
    guild = standin.add_guild("Circle", bot_permissions=permissions)
    mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
    announcements = int(standin.add_channel(guild.id, "meetings")["id"])
    voice = int(standin.add_channel(guild.id, "circle-voice", type=2)["id"])
    moderator = standin.add_user("mod").id
    standin.add_member(guild.id, moderator, roles=[mod_role])
    members = []
    for name in ("ana", "ben", "cat"):
        user = standin.add_user(name)
        standin.add_member(guild.id, user.id)
        members.append(user.id)
    backup = standin.add_user("backup").id
    standin.add_member(guild.id, backup)
    await set_up(bot, guild.id, mod_role, announcements)
    await standin.wait_for(lambda: bot.get_guild(guild.id) is not None)
    await standin.flush()
    return Group(guild, announcements, voice, mod_role, moderator, members, backup)


async def set_up(bot: KinshipBot, guild_id: int, mod_role: int, channel: int) -> None:
    async with bot.sessions() as session:
        await guild_config.set_item(session, guild_id, ConfigItem.MODERATOR_ROLE, mod_role)
        await guild_config.set_item(session, guild_id, ConfigItem.ANNOUNCEMENTS_CHANNEL, channel)


def posts(standin: DiscordStandIn, channel: int) -> list[dict[str, Any]]:
    return [m for m in standin.messages.get(channel, []) if m.get("embeds")]


def plain(standin: DiscordStandIn, channel: int) -> list[str]:
    return [m["content"] for m in standin.messages.get(channel, []) if not m.get("embeds")]


def description(message: dict[str, Any]) -> str:
    return str(message["embeds"][0].get("description", ""))


def field(message: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in message["embeds"][0]["fields"] if f["name"] == name)


def current(standin: DiscordStandIn, message: dict[str, Any]) -> dict[str, Any]:
    return standin._message_index[int(message["id"])]


async def advance_to(bot: KinshipBot, clock: ManualClock, moment: Any) -> None:
    clock.set(moment)
    await bot.timers.run_due()


async def test_meeting_lifecycle_exactly_once_across_a_restart(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    start = (clock.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    async with start_kinship(standin, database_url, clock=clock) as bot:
        g = await build_group(standin, bot)
        ana, ben, cat = g.members
        record = await standin.slash(
            g.guild.id,
            g.moderator,
            "meeting",
            {
                "title": "Tuesday circle",
                "when": f"{start:%Y-%m-%d %H:%M}",
                "repeat": "weekly",
                "voice_channel": g.voice,
                "duration": 90,
                "backup": g.backup,
                "content_notes": "grief, loss",
            },
            subcommand="schedule",
        )
        reply = await record.wait_followup()
        assert record.ephemeral
        assert "Scheduled **Tuesday circle**" in reply["content"], reply["content"]
        assert f"<t:{int(start.timestamp())}:F>" in reply["content"]
        assert "Manage Events" not in reply["content"]

        (created,) = standin.requests_to("POST", EVENTS + "$")
        assert created.json["entity_type"] == 2 and int(created.json["channel_id"]) == g.voice
        assert created.json["scheduled_start_time"].startswith(f"{start:%Y-%m-%dT%H:%M}")
        (event,) = standin.scheduled_events.events[g.guild.id].values()
        assert not posts(standin, g.announcements)

        # 24 hours before: the announcement posts, with RSVP buttons and the ground rules.
        await advance_to(bot, clock, start - timedelta(hours=24))
        post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))
        assert "starts in 1 day" in description(post)
        assert f"<t:{int(start.timestamp())}:R>" in field(post, "When")
        assert field(post, "Where") == f"<#{g.voice}>"
        assert "Listen without judging" in field(post, "Ground rules")
        assert "grief" in field(post, "Content notes")
        async with bot.sessions() as session:
            ((meeting, occurrence),) = await meetings.upcoming(session, g.guild.id, clock.now())
        rsvp = [f"meeting:rsvp:{occurrence.id}:{a}" for a in ("going", "maybe", "no")]
        ids = [c["custom_id"] for row in post["components"] for c in row["components"]]
        assert ids == rsvp

        # The facilitator is asked to confirm, privately, and does.
        ask = await standin.wait_for(lambda: standin.dms_to(g.moderator))
        pressed = await standin.click(None, g.moderator, ask[0], f"meeting:confirm:{occurrence.id}")
        await pressed.wait_response()
        assert "Thanks for confirming" in pressed.content

        # RSVP buttons keep live counts; pressing another answer changes it.
        for user, answer in ((ana, "going"), (ben, "maybe"), (ana, "no"), (ana, "going")):
            click = await standin.click(
                g.guild.id, user, post, f"meeting:rsvp:{occurrence.id}:{answer}"
            )
            await click.wait_followup()
            assert click.followups[0]["flags"] & 64  # the confirmation is private
        assert "Going **1** · Maybe **1** · Can't go **0**" in field(
            current(standin, post), "Who's coming"
        )
        # Interested on the native event counts as Going.
        await standin.scheduled_events.mark_interested(g.guild.id, int(event["id"]), cat)
        await standin.wait_for(
            lambda: "Going **2**" in field(current(standin, post), "Who's coming")
        )

    # Restart between the two reminders, on the same database and clock.
    async with start_kinship(standin, database_url, clock=clock) as bot:
        await advance_to(bot, clock, start - timedelta(minutes=15))
        await standin.wait_for(
            lambda: "starts in 15 minutes" in description(current(standin, post))
        )
        assert len(posts(standin, g.announcements)) == 1  # edited, never reposted
        # Going and Maybe get a DM reminder.
        for user in (ana, ben, cat):
            dms = await standin.wait_for(lambda u=user: standin.dms_to(u))
            assert "Reminder: Tuesday circle" in dms[0]["embeds"][0]["title"]
        await advance_to(bot, clock, start - timedelta(minutes=5))
        assert standin.dms_to(g.backup) == []  # the facilitator confirmed

    async with start_kinship(standin, database_url, clock=clock) as bot:
        await advance_to(bot, clock, start)
        starting = await standin.wait_for(lambda: plain(standin, g.announcements))
        assert starting == [f"**Tuesday circle** is starting now: <#{g.voice}>"]
        assert "Starting now" in description(current(standin, post))
        assert event["status"] == ACTIVE  # live in the Events tab
        # The next week's occurrence gets its own native event.
        await standin.wait_for(lambda: len(standin.requests_to("POST", EVENTS + "$")) == 2)

        await advance_to(bot, clock, start + timedelta(minutes=90))
        assert event["status"] == COMPLETED
        ask = await standin.wait_for(
            lambda: [m for m in standin.dms_to(ana) if "How was" in (m.get("content") or "")]
        )
        assert not [m for m in standin.dms_to(ben) if "How was" in (m.get("content") or "")]
        answer = await standin.click(None, ana, ask[0], f"meeting:feedback:{occurrence.id}:good")
        await answer.wait_response()
        summary = await standin.slash(g.guild.id, g.moderator, "meeting", {}, subcommand="feedback")
        await summary.wait_response()
        assert "1 answers" in summary.content and "good: **1**" in summary.content

        # Cancelling the series cancels the upcoming native event; nothing else posts.
        text = await slash_reply(standin, g, "cancel", {"meeting": meeting.id, "scope": "series"})
        assert "Cancelled the whole series" in text
        patches = [(r.path.rsplit("/", 1)[1], r.json) for r in standin.requests_to("PATCH", EVENTS)]
        following = next(
            e for e in standin.scheduled_events.events[g.guild.id].values() if e is not event
        )
        assert patches == [
            (event["id"], {"status": ACTIVE}),
            (event["id"], {"status": COMPLETED}),
            (following["id"], {"status": CANCELED}),
        ]
        await advance_to(bot, clock, start + timedelta(days=8))
        await standin.wait_idle()
        assert len(posts(standin, g.announcements)) == 1
        assert len(plain(standin, g.announcements)) == 1


async def test_without_manage_events_the_meeting_still_works_and_mods_are_told(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship, manage_events=False)
    start = clock.now() + timedelta(hours=3)
    record = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {
            "title": "Coffee",
            "when": f"{start:%Y-%m-%d %H:%M}",
            "location": "https://meet.example.org/c",
            "kind": "social",
        },
        subcommand="schedule",
    )
    reply = await record.wait_followup()
    assert "Scheduled **Coffee**" in reply["content"]
    assert "Manage Events" in reply["content"]
    assert standin.requests_to("POST", EVENTS + "$")[0].status == 403
    await advance_to(kinship, clock, start.replace(second=0, microsecond=0) - timedelta(minutes=15))
    post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))
    names = [f["name"] for f in post["embeds"][0]["fields"]]
    assert "Ground rules" not in names and "Host" in names  # a social gathering's wording


async def test_bad_input_is_refused_privately_and_nothing_is_saved(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    soon = clock.now() + timedelta(days=1)
    cases = [
        (g.moderator, {"when": "2026-02-30 19:00"}, "couldn't read"),
        (g.moderator, {"when": f"{clock.now() - timedelta(days=1):%Y-%m-%d %H:%M}"}, "in the past"),
        (g.moderator, {"timezone": "Mars/Olympus"}, "time zone"),
        (g.moderator, {"duration": 2000}, "24 hours"),
        (g.members[0], {}, "Manage Events"),
    ]
    for user, options, message in cases:
        values = {"title": "Circle", "when": f"{soon:%Y-%m-%d %H:%M}", "voice_channel": g.voice}
        values.update(options)
        record = await standin.slash(g.guild.id, user, "meeting", values, subcommand="schedule")
        await record.wait_response()
        text = (
            record.content
            if record.response_type == 4
            else (await record.wait_followup())["content"]
        )
        assert message in text, (options, text)
        assert record.ephemeral
    await standin.delete_channel(g.guild.id, g.announcements)

    async def forgotten() -> bool:
        async with kinship.sessions() as session:
            config = await guild_config.get_config(session, g.guild.id)
        return config.announcements_channel_id is None

    # The gateway's CHANNEL_DELETE and the next command race; wait for the bot to have read it.
    await eventually(forgotten)
    record = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {"title": "Circle", "when": f"{soon:%Y-%m-%d %H:%M}", "voice_channel": g.voice},
        subcommand="schedule",
    )
    # The deleted channel is forgotten from the configuration, so the moderator is asked for one.
    assert "Choose an announcement `channel`" in (await record.wait_followup())["content"]
    async with kinship.sessions() as session:
        assert await meetings.active_count(session, g.guild.id) == 0
    assert standin.requests_to("POST", EVENTS + "$") == []


async def test_announcements_missed_while_down_are_skipped_after_the_grace_period(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    start = (clock.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    async with start_kinship(standin, database_url, clock=clock) as bot:
        g = await build_group(standin, bot)
        record = await standin.slash(
            g.guild.id,
            g.moderator,
            "meeting",
            {"title": "Circle", "when": f"{start:%Y-%m-%d %H:%M}", "voice_channel": g.voice},
            subcommand="schedule",
        )
        await record.wait_followup()
    # Down through the 24-hour reminder, back 11 minutes after it: too late to send it.
    clock.set(start - timedelta(hours=24) + timedelta(minutes=11))
    async with start_kinship(standin, database_url, clock=clock) as bot:
        await bot.timers.run_due()
        await standin.wait_idle()
        assert posts(standin, g.announcements) == []
        # The 15-minute reminder still posts on time, late by less than the grace period.
        await advance_to(bot, clock, start - timedelta(minutes=15) + timedelta(minutes=9))
        post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))
        assert "starts in 15 minutes" in description(post)
        # A deleted channel fails the start announcement quietly; nothing else breaks.
        await standin.delete_channel(g.guild.id, g.announcements)
        await advance_to(bot, clock, start)
        async with bot.sessions() as session:
            states = await session.scalars(
                select(MeetingAnnouncement.state).where(MeetingAnnouncement.kind == "start")
            )
            assert list(states) == ["failed"]  # a one-off: nothing follows


async def test_list_edit_and_skip_keep_the_events_tab_in_step(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    ping = int(standin.add_role(g.guild.id, "Circle members")["id"])
    start = (clock.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    record = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {
            "title": "Monthly circle",
            "when": f"{start:%Y-%m-%d %H:%M}",
            "repeat": "weekly",
            "location": "Community hall, 1 High St",
            "ping": ping,
            "reminders": "none",
        },
        subcommand="schedule",
    )
    assert "Scheduled" in (await record.wait_followup())["content"]
    async with kinship.sessions() as session:
        ((meeting, _),) = await meetings.upcoming(session, g.guild.id, clock.now())
    created = standin.requests_to("POST", EVENTS + "$")[-1].json
    assert created["entity_type"] == 3
    assert created["entity_metadata"] == {"location": "Community hall, 1 High St"}

    listing = await standin.slash(g.guild.id, g.members[0], "meeting", {}, subcommand="list")
    await listing.wait_response()
    text = listing.embeds[0]["description"]
    assert f"#{meeting.id} Monthly circle" in text
    assert f"<t:{int(start.timestamp())}:F>" in text and f"<t:{int(start.timestamp())}:R>" in text

    # A new title edits the native event in place.
    edit = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {"meeting": meeting.id, "title": "Weekly circle"},
        subcommand="edit",
    )
    assert "Updated **Weekly circle**" in (await edit.wait_followup())["content"]
    (renamed,) = standin.requests_to("PATCH", EVENTS + r"/\d+$")
    assert renamed.json["name"] == "Weekly circle"

    # A new time cancels the old event and creates one at the new time.
    later = start + timedelta(hours=2)
    edit = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {"meeting": meeting.id, "when": f"{later:%Y-%m-%d %H:%M}"},
        subcommand="edit",
    )
    assert f"<t:{int(later.timestamp())}:F>" in (await edit.wait_followup())["content"]
    assert standin.requests_to("PATCH", EVENTS + r"/\d+$")[-1].json == {"status": CANCELED}
    assert (
        standin.requests_to("POST", EVENTS + "$")[-1]
        .json["scheduled_start_time"]
        .startswith(f"{later:%Y-%m-%dT%H:%M}")
    )

    # Skipping the next one moves the series to the week after, with its own event.
    text = await slash_reply(standin, g, "skip", {"meeting": meeting.id})
    week_after = later + timedelta(days=7)
    assert "Skipped" in text and f"<t:{int(week_after.timestamp())}:F>" in text
    assert standin.requests_to("PATCH", EVENTS + r"/\d+$")[-1].json == {"status": CANCELED}
    events = standin.scheduled_events.events[g.guild.id].values()
    assert sorted(e["status"] for e in events) == [1, CANCELED, CANCELED]

    # At the start, the chosen role (and only it) is pinged.
    await advance_to(kinship, clock, week_after)
    post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))
    assert post["mention_roles"] == [str(ping)] and post["mention_everyone"] is False
    assert f"<t:{int(week_after.timestamp())}:F>" in field(post, "When")


async def test_backup_facilitator_is_asked_when_the_facilitator_has_not_confirmed(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    facilitator = g.members[0]
    start = (clock.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    record = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {
            "title": "Circle",
            "when": f"{start:%Y-%m-%d %H:%M}",
            "voice_channel": g.voice,
            "facilitator": facilitator,
            "backup": g.backup,
        },
        subcommand="schedule",
    )
    await record.wait_followup()
    await advance_to(kinship, clock, start - timedelta(hours=24))
    ask = await standin.wait_for(lambda: standin.dms_to(facilitator))
    assert "Please confirm" in ask[0]["content"]
    async with kinship.sessions() as session:
        ((_, occurrence),) = await meetings.upcoming(session, g.guild.id, clock.now())
    await advance_to(kinship, clock, start - timedelta(hours=2))
    assert standin.dms_to(g.backup) == []
    await advance_to(kinship, clock, start - timedelta(hours=1))
    (backup_ask,) = await standin.wait_for(lambda: standin.dms_to(g.backup))
    assert "hasn't confirmed" in backup_ask["content"]
    pressed = await standin.click(None, g.backup, backup_ask, f"meeting:confirm:{occurrence.id}")
    await pressed.wait_response()
    assert "Thanks for confirming" in pressed.content


# --- the posted announcement follows edits and cancellations ---------------------------------


def buttons(message: dict[str, Any]) -> list[tuple[str, bool]]:
    return [
        (c["custom_id"], bool(c.get("disabled")))
        for row in message["components"]
        for c in row["components"]
    ]


async def scheduled_weekly(
    standin: DiscordStandIn, bot: KinshipBot, clock: ManualClock, g: Group, title: str
) -> tuple[int, Any]:
    """A weekly meeting starting in two days: (its id, its first start)."""
    start = (clock.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    record = await standin.slash(
        g.guild.id,
        g.moderator,
        "meeting",
        {
            "title": title,
            "when": f"{start:%Y-%m-%d %H:%M}",
            "repeat": "weekly",
            "voice_channel": g.voice,
        },
        subcommand="schedule",
    )
    assert "Scheduled" in (await record.wait_followup())["content"]
    async with bot.sessions() as session:
        ((meeting, _),) = await meetings.upcoming(session, g.guild.id, clock.now())
    assert meeting.id is not None
    return meeting.id, start


async def posted_weekly(
    standin: DiscordStandIn, bot: KinshipBot, clock: ManualClock, g: Group, title: str
) -> tuple[int, Any, dict[str, Any]]:
    """A weekly meeting whose 24-hour announcement is already in the channel."""
    meeting_id, start = await scheduled_weekly(standin, bot, clock, g, title)
    await advance_to(bot, clock, start - timedelta(hours=24))
    post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))
    async with bot.sessions() as session:
        ((_, occurrence),) = await meetings.upcoming(session, g.guild.id, clock.now())
    assert buttons(post) == [
        (f"meeting:rsvp:{occurrence.id}:{a}", False) for a in ("going", "maybe", "no")
    ]
    return meeting_id, start, post


async def slash_reply(standin: DiscordStandIn, g: Group, sub: str, options: dict[str, Any]) -> str:
    record = await standin.slash(g.guild.id, g.moderator, "meeting", options, subcommand=sub)
    await record.wait_response()
    return await reply_text(record)


async def reply_text(record: InteractionRecord) -> str:
    """The text of an answered command, whether it replied at once or deferred."""
    if record.response_type == 4:
        return str(record.content)
    return str((await record.wait_followup())["content"])


async def test_a_new_title_edits_the_posted_announcement_in_place(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    meeting_id, start, post = await posted_weekly(standin, kinship, clock, g, "Tuesday circle")
    rsvp = buttons(post)

    text = await slash_reply(
        standin, g, "edit", {"meeting": meeting_id, "title": "Wednesday circle"}
    )
    assert "Updated **Wednesday circle**" in text
    shown = await standin.wait_for(
        lambda: (
            "Wednesday circle" in current(standin, post)["embeds"][0]["title"]
            and current(standin, post)
        )
    )
    assert "starts in 1 day" in description(shown)  # still the same reminder, same time
    assert f"<t:{int(start.timestamp())}:F>" in field(shown, "When")
    assert buttons(shown) == rsvp  # still open for answers
    assert len(posts(standin, g.announcements)) == 1  # edited, never reposted


async def test_a_new_time_marks_the_posted_announcement_moved_to_it(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    meeting_id, start, post = await posted_weekly(standin, kinship, clock, g, "Circle")
    later = start + timedelta(hours=3)

    text = await slash_reply(
        standin, g, "edit", {"meeting": meeting_id, "when": f"{later:%Y-%m-%d %H:%M}"}
    )
    assert f"<t:{int(later.timestamp())}:F>" in text
    shown = await standin.wait_for(
        lambda: "Moved" in description(current(standin, post)) and current(standin, post)
    )
    # The old post points at the new time, and no longer takes answers for the old one.
    assert f"<t:{int(later.timestamp())}:F>" in description(shown)
    assert all(disabled for _, disabled in buttons(shown))
    assert shown["embeds"][0]["title"].endswith("Circle")

    # The new time gets its own announcement, with answers open.
    await advance_to(kinship, clock, later - timedelta(minutes=15))
    new = await standin.wait_for(lambda: posts(standin, g.announcements)[1:])
    assert f"<t:{int(later.timestamp())}:F>" in field(new[0], "When")
    assert not any(disabled for _, disabled in buttons(new[0]))


async def test_cancelling_the_next_occurrence_marks_its_post_cancelled(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    meeting_id, start, post = await posted_weekly(standin, kinship, clock, g, "Circle")

    text = await slash_reply(standin, g, "cancel", {"meeting": meeting_id, "scope": "next"})
    week_after = start + timedelta(days=7)
    assert "Cancelled **Circle**" in text and f"<t:{int(week_after.timestamp())}:F>" in text
    shown = await standin.wait_for(
        lambda: "Cancelled" in description(current(standin, post)) and current(standin, post)
    )
    assert "will not take place" in description(shown)
    assert f"<t:{int(start.timestamp())}:F>" in field(shown, "When")
    assert [disabled for _, disabled in buttons(shown)] == [True, True, True]
    # Nothing more is said about the cancelled one: no start message at its time.
    await advance_to(kinship, clock, start)
    await standin.wait_idle()
    assert len(posts(standin, g.announcements)) == 1 and plain(standin, g.announcements) == []


async def test_a_cancel_while_the_announcement_is_being_posted_still_marks_it_cancelled(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    meeting_id, start = await scheduled_weekly(standin, kinship, clock, g, "Circle")
    in_flight = standin.hold("POST", rf"/channels/{g.announcements}/messages$")
    announcing = asyncio.create_task(advance_to(kinship, clock, start - timedelta(hours=24)))
    post = await standin.wait_for_message(g.announcements, lambda m: bool(m.get("embeds")))

    options = {"meeting": meeting_id, "scope": "next"}
    cancel = await standin.slash(g.guild.id, g.moderator, "meeting", options, subcommand="cancel")
    await cancel.wait_response()
    in_flight.set()
    await announcing
    assert "Cancelled **Circle**" in await reply_text(cancel)
    shown = await standin.wait_for(
        lambda: "Cancelled" in description(current(standin, post)) and current(standin, post)
    )
    assert [disabled for _, disabled in buttons(shown)] == [True, True, True]


async def test_cancelling_the_series_marks_the_post_cancelled(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    g = await build_group(standin, kinship)
    meeting_id, start, post = await posted_weekly(standin, kinship, clock, g, "Circle")

    text = await slash_reply(standin, g, "cancel", {"meeting": meeting_id, "scope": "series"})
    assert "Cancelled the whole series **Circle**" in text
    shown = await standin.wait_for(
        lambda: "Cancelled" in description(current(standin, post)) and current(standin, post)
    )
    assert [disabled for _, disabled in buttons(shown)] == [True, True, True]
    await advance_to(kinship, clock, start + timedelta(days=8))
    await standin.wait_idle()
    assert len(posts(standin, g.announcements)) == 1 and plain(standin, g.announcements) == []


async def test_a_deleted_announcement_is_no_error_on_edit_or_cancel(
    standin: DiscordStandIn,
    kinship: KinshipBot,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    g = await build_group(standin, kinship)
    meeting_id, _, post = await posted_weekly(standin, kinship, clock, g, "Circle")
    await standin.delete_message(g.announcements, int(post["id"]))

    text = await slash_reply(standin, g, "edit", {"meeting": meeting_id, "title": "New circle"})
    assert "Updated **New circle**" in text
    text = await slash_reply(standin, g, "cancel", {"meeting": meeting_id, "scope": "next"})
    assert "Cancelled **New circle**" in text
    text = await slash_reply(standin, g, "cancel", {"meeting": meeting_id, "scope": "series"})
    assert "Cancelled the whole series" in text
    edits = standin.requests_to("PATCH", rf"/channels/{g.announcements}/messages/{post['id']}$")
    # The series cancel has nothing more to edit: the next one was already cancelled.
    assert [r.status for r in edits] == [404, 404]
    assert posts(standin, g.announcements) == []  # nothing reposted for a cancelled meeting
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_the_next_announcement_reposts_when_the_last_one_was_deleted(
    standin: DiscordStandIn,
    kinship: KinshipBot,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    g = await build_group(standin, kinship)
    _, start, post = await posted_weekly(standin, kinship, clock, g, "Circle")
    await standin.delete_message(g.announcements, int(post["id"]))

    await advance_to(kinship, clock, start - timedelta(minutes=15))
    again = await standin.wait_for(lambda: posts(standin, g.announcements))
    assert "starts in 15 minutes" in description(again[0])

    await advance_to(kinship, clock, start)
    assert await standin.wait_for(lambda: plain(standin, g.announcements)) == [
        f"**Circle** is starting now: <#{g.voice}>"
    ]
    assert "Starting now" in description(current(standin, again[0]))
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
