"""Buddy pairing end to end through the wire-level stand-in: join, a round, the private thread,
the follow-up buttons, blocks and the listener gate."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import select

from bot.bot import KinshipBot
from bot.clock import ManualClock
from bot.services import buddy, guild_config
from bot.services.guild_config import ConfigItem
from db.models import BuddyPair, BuddyPairMember, BuddyProfile
from standin import DiscordStandIn, FakeGuild

from .conftest import start_kinship


@dataclass
class Circle:
    guild: FakeGuild
    buddies: int
    alerts: int
    mod_role: int
    listener_role: int
    moderator: int
    ana: int
    ben: int


async def build(standin: DiscordStandIn, bot: KinshipBot) -> Circle:
    guild = standin.add_guild("Peer Circle")
    mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
    listener_role = int(standin.add_role(guild.id, "Listeners")["id"])
    buddies = int(standin.add_channel(guild.id, "buddies")["id"])
    alerts = int(standin.add_private_channel(guild.id, "mod-alerts")["id"])
    moderator = standin.add_user("mod").id
    standin.add_member(guild.id, moderator, roles=[mod_role])
    ana, ben = standin.add_user("ana").id, standin.add_user("ben").id
    for user in (ana, ben):
        standin.add_member(guild.id, user)
    async with bot.sessions() as session:
        await guild_config.set_item(session, guild.id, ConfigItem.MODERATOR_ROLE, mod_role)
        await guild_config.set_item(session, guild.id, ConfigItem.BUDDY_CHANNEL, buddies)
        await guild_config.set_item(session, guild.id, ConfigItem.ESCALATION_CHANNEL, alerts)
    await standin.wait_for(lambda: bot.get_guild(guild.id) is not None)
    await standin.wait_for(lambda: bot.get_channel(buddies) is not None)
    return Circle(guild, buddies, alerts, mod_role, listener_role, moderator, ana, ben)


async def slash(standin: DiscordStandIn, c: Circle, user: int, sub: str, **options: object) -> str:
    record = await standin.slash(c.guild.id, user, "buddy", options or None, subcommand=sub)
    response = await record.wait_response()
    if response["type"] == 5:  # deferred: the answer is the follow-up
        followup = await record.wait_followup()
        return str(followup.get("content") or "")
    assert record.ephemeral
    return record.content or ""


def threads_in(standin: DiscordStandIn, c: Circle) -> list[dict[str, object]]:
    guild = standin.world.guilds[c.guild.id]
    return [
        ch
        for ch in guild.channels.values()
        if ch["type"] == 12 and ch["parent_id"] == str(c.buddies)
    ]


async def test_join_pair_now_thread_follow_up_and_block(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    for user in (c.ana, c.ben):
        said = await slash(
            standin, c, user, "join", topics="grief, anxiety", timezone="Europe/Dublin"
        )
        assert "You're in" in said and "grief, anxiety" in said

    refused = await slash(standin, c, c.ana, "pair-now")
    assert "Only moderators" in refused
    said = await slash(
        standin, c, c.moderator, "rules", rules="Listen first; Keep it here\u202e; No advice"
    )
    assert "Keep it here" in said
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "1 pairs" in said and "from 2 members" in said

    (thread,) = threads_in(standin, c)
    guild = standin.world.guilds[c.guild.id]
    assert {c.ana, c.ben} <= guild.thread_members[int(str(thread["id"]))]
    intro = await standin.wait_for_message(int(str(thread["id"])), lambda m: bool(m["embeds"]))
    assert f"<@{c.ana}>" in intro["content"] and f"<@{c.ben}>" in intro["content"]
    assert sorted(u["id"] for u in intro["mentions"]) == sorted([str(c.ana), str(c.ben)])
    description = intro["embeds"][0]["description"]
    assert "grief, anxiety" in description
    rules = next(f["value"] for f in intro["embeds"][0]["fields"] if f["name"] == "Ground rules")
    assert rules == "• Listen first\n• Keep it here\n• No advice"  # the server's own, cleaned
    status = await slash(standin, c, c.ana, "status")
    assert f"<@{c.ben}>" in status and f"<#{thread['id']}>" in status

    # A few days in, each gets a private "Did you connect?" with their own buttons.
    assert not standin.dms_to(c.ana)
    clock.advance(timedelta(days=3, minutes=1))
    await kinship.timers.run_due()
    dm = await standin.wait_for(lambda: standin.dms_to(c.ana))
    ask = dm[-1]
    assert ask["embeds"][0]["title"] == "Did you connect with your buddy?"
    ids = [x["custom_id"] for row in ask["components"] for x in row["components"]]
    assert len(ids) == 3 and all(f":{c.ana}:" in i for i in ids)
    yes = next(i for i in ids if i.endswith(":yes"))
    stolen = await standin.click(None, c.ben, ask, yes)  # someone else pressing it
    await stolen.wait_response()
    assert "someone else" in (stolen.content or "")
    pressed = await standin.click(None, c.ana, ask, yes)
    await pressed.wait_response()
    assert "Thank you" in (pressed.content or "")
    async with kinship.sessions() as session:
        answers = {
            row.user_id: row.answer for row in await session.scalars(select(BuddyPairMember))
        }
    assert answers == {c.ana: "yes", c.ben: None}
    # The follow-up ran once: running timers again sends nothing new.
    await kinship.timers.run_due()
    await standin.wait_idle()
    assert len(standin.dms_to(c.ana)) == 1

    # Moderators see totals only.
    stats = await standin.slash(c.guild.id, c.moderator, "buddy", subcommand="stats")
    await stats.wait_response()
    (field,) = stats.embeds[0]["fields"]
    assert "2 in the pool · 1 pairs" in field["value"] and "Connected: 1" in field["value"]
    assert "no answer: 1" in field["value"] and str(c.ana) not in str(stats.embeds)

    # Ana blocks Ben: the next round pairs nobody, and Ben is never told.
    said = await slash(standin, c, c.ana, "block", member=c.ben)
    assert "won't be told" in said
    clock.advance(timedelta(minutes=5))
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "0 pairs" in said and "2 couldn't be paired" in said
    assert len(threads_in(standin, c)) == 1
    assert not any("block" in str(m).lower() for m in standin.dms_to(c.ben))
    assert not standin.unknown_routes


async def test_only_members_with_the_listener_role_can_join_as_listeners(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    said = await slash(
        standin, c, c.moderator, "settings", roles_enabled=True, listener_role=c.listener_role,
        min_account_days=0,
    )  # fmt: skip
    assert "Seeker/listener roles:** on" in said
    refused = await slash(standin, c, c.ana, "join", role="listener")
    assert "listener role" in refused
    async with kinship.sessions() as session:
        assert await session.get(BuddyProfile, (c.guild.id, c.ana)) is None
    listener = standin.add_user("lee").id
    standin.add_member(c.guild.id, listener, roles=[c.listener_role])
    said = await slash(standin, c, listener, "join", role="listener")
    assert "**Role:** listener" in said
    async with kinship.sessions() as session:
        status = await buddy.status(session, c.guild.id, listener)
    assert status.profile.role == "listener"


async def test_a_listener_without_the_role_at_round_time_sits_out_and_is_told_once(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    await slash(
        standin, c, c.moderator, "settings", roles_enabled=True, listener_role=c.listener_role,
        min_account_days=0,
    )  # fmt: skip
    lee, kim = standin.add_user("lee").id, standin.add_user("kim").id
    for user in (lee, kim):
        standin.add_member(c.guild.id, user, roles=[c.listener_role])
    await standin.flush()
    assert "**Role:** seeker" in await slash(standin, c, c.ana, "join", role="seeker")
    for user in (lee, kim):
        assert "**Role:** listener" in await slash(standin, c, user, "join", role="listener")
    await standin.set_member_roles(c.guild.id, kim, [])  # a moderator takes Kim's role away

    async def paired() -> set[int]:
        async with kinship.sessions() as session:
            latest = await session.scalar(select(func.max(BuddyPair.round_id)))
            rows = await session.scalars(
                select(BuddyPairMember.user_id)
                .join(BuddyPair, BuddyPair.id == BuddyPairMember.pair_id)  # type: ignore[arg-type]
                .where(BuddyPair.round_id == latest)
            )
            return set(rows)

    # The scheduled round asks Discord who still holds the role: Kim is left out, told once.
    async with kinship.sessions() as session:
        settings = await buddy.get_settings(session, c.guild.id)
    assert settings.next_round_at is not None
    clock.set(settings.next_round_at)
    await kinship.timers.run_due()
    await standin.wait_idle()
    assert await paired() == {c.ana, lee}
    (told,) = await standin.wait_for(lambda: standin.dms_to(kim))
    assert told["embeds"][0]["title"] == "You weren't paired this round"
    assert "/buddy preferences role:peer" in told["embeds"][0]["description"]
    assert "Not being paired" in await slash(standin, c, kim, "status")

    # Still without the role next round: left out again, and not told again.
    clock.advance(timedelta(minutes=5))
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "from 2 members" in said and "listener role" not in said
    await standin.wait_idle()
    assert len(standin.dms_to(kim)) == 1

    # The role is back: Kim is paired as a listener again without doing anything.
    await standin.set_member_roles(c.guild.id, kim, [c.listener_role])
    clock.advance(timedelta(minutes=5))
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "from 3 members" in said and kim in await paired()

    # The role is deleted: no listener holds it, so both sit out, each told privately.
    await standin.delete_role(c.guild.id, c.listener_role)
    clock.advance(timedelta(minutes=5))
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "0 pairs" in said and "2 listener(s) no longer have the listener role" in said
    await standin.wait_idle()
    assert len(standin.dms_to(kim)) == 2 and len(standin.dms_to(lee)) == 1
    assert all("weren't paired" not in str(m["embeds"]) for m in standin.dms_to(c.ana))
    assert not standin.unknown_routes


async def test_private_threads_impossible_means_a_dm_introduction_to_both(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    for user in (c.ana, c.ben):
        await slash(standin, c, user, "join")
    standin.fail("POST", rf"/channels/{c.buddies}/threads$", status=403, code=50013)
    standin.close_dms(c.ben)  # skipped cleanly: Ana still gets hers
    said = await slash(standin, c, c.moderator, "pair-now")
    assert "1 pairs" in said
    dm = await standin.wait_for(lambda: standin.dms_to(c.ana))
    assert dm[0]["embeds"][0]["title"].startswith("Meet your buddy")
    assert f"<@{c.ben}>" in dm[0]["content"]
    assert threads_in(standin, c) == [] and standin.dms_to(c.ben) == []
    async with kinship.sessions() as session:
        (pair,) = await session.scalars(select(BuddyPair))
    assert pair.intro == "dm" and pair.thread_id is None


async def test_topic_autocomplete_completes_the_last_item_of_the_list(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    choices = await standin.autocomplete(
        c.guild.id, c.ana, "buddy", {"topics": "grief, an"}, "topics", subcommand="join"
    )
    assert [ch["value"] for ch in choices] == ["grief, anxiety"]


async def test_a_report_reaches_the_moderators_as_a_non_crisis_report(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    await slash(standin, c, c.ben, "join")
    said = await slash(standin, c, c.ana, "report", member=c.ben, reason="said something cruel")
    assert "The moderators have your report" in said
    post = await standin.wait_for_message(c.alerts, lambda m: bool(m["embeds"]))
    assert "not a crisis" in post["embeds"][0]["title"]
    assert post["mention_roles"] == [] and post["mentions"] == []


async def test_scheduled_round_runs_on_the_clock_skips_leavers_and_survives_a_failing_thread(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    others = [standin.add_user(f"m{i}").id for i in range(3)]
    for user in others:
        standin.add_member(c.guild.id, user)
    await standin.flush()
    for user in (c.ana, c.ben, *others):
        await slash(standin, c, user, "join")
    gone = others[-1]
    await standin.remove_member(c.guild.id, gone)
    async with kinship.sessions() as session:
        settings = await buddy.get_settings(session, c.guild.id)
    assert settings.next_round_at is not None
    assert kinship.timers.pending("buddy:round:") == {
        f"buddy:round:{c.guild.id}": settings.next_round_at
    }

    async def left() -> bool:
        async with kinship.sessions() as session:
            profile = await session.get(BuddyProfile, (c.guild.id, gone), populate_existing=True)
        return profile is not None and profile.state == "left"

    async with asyncio.timeout(5):  # the leave event is handled asynchronously
        while not await left():
            await asyncio.sleep(0.02)

    # The first private thread fails outright; that pair is introduced by DM, the round goes on.
    standin.fail("POST", rf"/channels/{c.buddies}/threads$", status=503)
    clock.set(settings.next_round_at)
    await kinship.timers.run_due()
    await standin.wait_idle()
    async with kinship.sessions() as session:
        (stats,) = await buddy.stats(session, c.guild.id)
    assert stats.pool == 4 and stats.groups == 2 and stats.unmatched == 0
    assert len(threads_in(standin, c)) == 1
    dm_intros = [u for u in (c.ana, c.ben, *others[:2]) if standin.dms_to(u)]
    assert len(dm_intros) == 2
    assert not standin.dms_to(gone)
    # The schedule moved on a week, and running the timers again starts nothing new.
    assert kinship.timers.pending("buddy:round:")[f"buddy:round:{c.guild.id}"] == (
        settings.next_round_at + timedelta(weeks=1)
    )
    await kinship.timers.run_due()
    async with kinship.sessions() as session:
        assert len(await buddy.stats(session, c.guild.id)) == 1


async def test_timers_are_rebuilt_from_the_database_after_a_restart(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    async with start_kinship(standin, database_url, clock=clock) as bot:
        c = await build(standin, bot)
        for user in (c.ana, c.ben):
            await slash(standin, c, user, "join")
        await slash(standin, c, c.moderator, "pair-now")
        before = bot.timers.pending("buddy:")
    assert len(before) == 2  # the next scheduled round and this round's follow-up

    async with start_kinship(standin, database_url, clock=clock) as bot:
        assert bot.timers.pending("buddy:") == before
        clock.advance(timedelta(days=3, minutes=1))
        await bot.timers.run_due()
        for user in (c.ana, c.ben):
            dm = await standin.wait_for(lambda user=user: standin.dms_to(user))
            assert dm[-1]["embeds"][0]["title"] == "Did you connect with your buddy?"


async def test_three_silent_rounds_bring_a_private_stay_pause_or_leave_question(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    # Only these rounds: a weekly round falling between them (where depends on today's date)
    # would start before a follow-up is due and change the count.
    await slash(standin, c, c.moderator, "settings", scheduled=False)
    for user in (c.ana, c.ben):
        await slash(standin, c, user, "join")
    for _ in range(4):  # nobody answers three follow-ups; the fourth round asks
        await slash(standin, c, c.moderator, "pair-now")
        clock.advance(timedelta(days=3, minutes=1))
        await kinship.timers.run_due()
    question = await standin.wait_for(
        lambda: [m for m in standin.dms_to(c.ana) if "Still up" in str(m["embeds"])]
    )
    ids = [x["custom_id"] for row in question[0]["components"] for x in row["components"]]
    assert ids == [f"buddy:stay:{c.guild.id}:{c.ana}:{x}" for x in ("active", "pause", "leave")]
    status = await slash(standin, c, c.ana, "status")
    assert "Waiting for you" in status
    pressed = await standin.click(None, c.ana, question[0], ids[1])
    await pressed.wait_response()
    assert "Paused for 4 weeks" in (pressed.content or "")
    async with kinship.sessions() as session:
        profile = await session.get(BuddyProfile, (c.guild.id, c.ana), populate_existing=True)
    assert profile is not None and profile.state == "paused"
