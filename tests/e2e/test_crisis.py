"""Crisis escalation end to end: messages in, alerts and DMs out, through the real client."""

from __future__ import annotations

import asyncio
import json
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from bot.bot import KinshipBot
from bot.checks import NOT_YOURS, RESPONDER
from bot.clock import ManualClock
from bot.crisis.encoder import EncoderStage, SentenceEncoder
from bot.services import crisis_policy, crisis_preferences, escalation, guild_config
from bot.services.crisis_policy import PolicyChange
from bot.services.guild_config import ConfigItem
from db.engine import create_engine, create_session_factory
from db.models import CaseEvent, CrisisCase
from db.types import utcnow
from standin import DiscordStandIn, FakeGuild

from .conftest import eventually, start_kinship

HEADS_JSON = pathlib.Path(__file__).resolve().parents[2] / "bot/crisis/data/encoder_heads.json"
CRISIS = "honestly i want to die, i can't do this anymore"
IMMINENT = "i have the pills ready and i'm taking them all tonight. goodbye everyone"


@dataclass
class Community:
    guild: FakeGuild
    general: int
    alerts: int
    mod_role: int
    backup_role: int
    moderator: int
    member: int
    bystander: int


async def build_community(standin: DiscordStandIn, bot: KinshipBot | None = None) -> Community:
    guild = standin.add_guild("Peer Circle")
    mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
    backup_role = int(standin.add_role(guild.id, "Leads")["id"])
    alerts = standin.add_private_channel(guild.id, "mod-alerts")
    moderator = standin.add_user("mod")
    standin.add_member(guild.id, moderator.id, roles=[mod_role])
    member = standin.add_user("member")
    standin.add_member(guild.id, member.id)
    bystander = standin.add_user("bystander")
    standin.add_member(guild.id, bystander.id)
    community = Community(
        guild,
        guild.system_channel_id,
        int(alerts["id"]),
        mod_role,
        backup_role,
        moderator.id,
        member.id,
        bystander.id,
    )
    if bot is not None:
        await configure(bot, community)
        await standin.wait_for(lambda: bot.get_guild(guild.id) is not None)
    return community


async def configure(bot: KinshipBot, c: Community, policy: PolicyChange | None = None) -> None:
    async with bot.sessions() as session:
        await guild_config.set_item(session, c.guild.id, ConfigItem.MODERATOR_ROLE, c.mod_role)
        await guild_config.set_item(session, c.guild.id, ConfigItem.BACKUP_ROLE, c.backup_role)
        await guild_config.set_item(session, c.guild.id, ConfigItem.ESCALATION_CHANNEL, c.alerts)
        await crisis_policy.update_policy(session, c.guild.id, policy or PolicyChange())


def alerts_in(standin: DiscordStandIn, channel_id: int) -> list[dict[str, Any]]:
    return [m for m in standin.messages.get(channel_id, []) if "case #" in m["content"]]


def field(message: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in message["embeds"][0]["fields"] if f["name"] == name)


async def cases(bot: KinshipBot, guild_id: int) -> list[CrisisCase]:
    async with bot.sessions() as session:
        return await escalation.open_cases(session, guild_id)


async def events(bot: KinshipBot, guild_id: int, case_id: int) -> list[CaseEvent]:
    async with bot.sessions() as session:
        return await escalation.history(session, guild_id, case_id)


async def test_crisis_message_alerts_once_with_role_ping_buttons_and_a_dm(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, "see you all at group tonight!")
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)

    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert alert["mention_roles"] == [str(c.mod_role)]
    assert alert["mentions"] == []
    custom_ids = [x["custom_id"] for row in alert["components"] for x in row["components"]]
    (case,) = await cases(kinship, c.guild.id)
    assert case.id is not None
    assert custom_ids == [
        f"crisis:{a}:{case.id}" for a in ("claim", "resources", "resolve", "false")
    ]
    assert field(alert, "Member").startswith(f"<@{c.member}>")
    assert f"/channels/{c.guild.id}/{c.general}/" in field(alert, "Where")
    assert "want to die" in field(alert, "Excerpt")

    dm = await standin.wait_for(lambda: standin.dms_to(c.member))
    assert "not alone" in dm[0]["embeds"][0]["title"]
    assert "not in trouble" in dm[0]["embeds"][0]["description"]
    await eventually(lambda: _contact_is(kinship, case.id, "sent"))
    # Nothing about the member appears anywhere public.
    assert all(
        "case" not in m["content"] for m in standin.messages[c.general] if m["author"]["bot"]
    )
    assert len(alerts_in(standin, c.alerts)) == 1
    assert not standin.unknown_routes


async def _contact_is(bot: KinshipBot, case_id: int, status: str) -> bool:
    async with bot.sessions() as session:
        case = await escalation.find_case(session, case_id)
    return case is not None and case.member_contact == status


async def test_second_message_attaches_without_a_new_ping_and_higher_severity_repings(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    await standin.post_message(c.guild.id, c.general, c.member, "i really just want to die")
    await standin.wait_for(
        lambda: any(f["name"] == "Messages" for f in alert["embeds"][0]["fields"])
    )
    assert field(alert, "Messages").startswith("2")
    assert len(standin.messages[c.alerts]) == 1

    await standin.post_message(c.guild.id, c.general, c.member, IMMINENT)
    reping = await standin.wait_for_message(c.alerts, lambda m: "now **imminent**" in m["content"])
    assert reping["mention_roles"] == [str(c.mod_role)]
    assert len(alerts_in(standin, c.alerts)) == 1
    assert len(await cases(kinship, c.guild.id)) == 1


async def test_messages_that_arrive_while_the_alert_is_being_posted_still_reach_it(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    in_flight = standin.hold("POST", rf"/channels/{c.alerts}/messages$")
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    await standin.post_message(c.guild.id, c.general, c.member, "i really just want to die")
    await standin.post_message(c.guild.id, c.general, c.member, IMMINENT)
    await eventually(lambda: _detections_are(kinship, c.guild.id, 3))

    in_flight.set()
    await standin.wait_for(
        lambda: any(f["name"] == "Messages" for f in alert["embeds"][0]["fields"])
    )
    assert field(alert, "Messages").startswith("3")
    reping = await standin.wait_for_message(c.alerts, lambda m: "now **imminent**" in m["content"])
    assert str(reping["message_reference"]["message_id"]) == alert["id"]
    assert len(alerts_in(standin, c.alerts)) == 1


async def _detections_are(bot: KinshipBot, guild_id: int, count: int) -> bool:
    return [case.detections for case in await cases(bot, guild_id)] == [count]


async def test_claim_and_resolve_by_a_moderator_update_the_alert_and_history(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)

    refused = await standin.click(c.guild.id, c.bystander, alert, f"crisis:claim:{case.id}")
    await refused.wait_response()
    assert refused.ephemeral and "Only moderators" in refused.content
    assert field(alert, "State").startswith("Open")

    claimed = await standin.click(c.guild.id, c.moderator, alert, f"crisis:claim:{case.id}")
    await claimed.wait_response()
    assert claimed.response_type == 7
    assert field(alert, "State").startswith(f"Claimed by <@{c.moderator}>")

    resolving = await standin.click(c.guild.id, c.moderator, alert, f"crisis:resolve:{case.id}")
    await resolving.wait_response()
    assert resolving.ephemeral
    chosen = await standin.select(
        c.guild.id, c.moderator, resolving.original, f"crisis:outcome:{case.id}", ["referred"]
    )
    await chosen.wait_response()
    await standin.wait_for(lambda: field(alert, "State").startswith("Closed"))
    assert "Referred to professional help" in field(alert, "State")
    buttons = [x for row in alert["components"] for x in row["components"]]
    assert all(b.get("disabled") for b in buttons)

    history = [(e.action, e.actor_id) for e in await events(kinship, c.guild.id, case.id)]
    assert ("claimed", c.moderator) in history and ("resolved", c.moderator) in history
    assert await cases(kinship, c.guild.id) == []


async def test_a_plain_member_pressing_any_case_control_is_refused_and_nothing_changes(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    async with kinship.sessions() as session:
        await crisis_policy.update_policy(session, c.guild.id, PolicyChange(contact="approval"))
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)
    assert case.id is not None
    before = dict(alert["embeds"][0]) | {}
    resolving = await standin.click(c.guild.id, c.moderator, alert, f"crisis:resolve:{case.id}")
    await resolving.wait_response()
    history = await events(kinship, c.guild.id, case.id)

    for person in (c.member, c.bystander):
        for action in ("claim", "resources", "resolve", "false"):
            refused = await standin.click(c.guild.id, person, alert, f"crisis:{action}:{case.id}")
            await refused.wait_response()
            assert refused.ephemeral and refused.content == RESPONDER.refusal, action
        chosen = await standin.select(
            c.guild.id, person, resolving.original, f"crisis:outcome:{case.id}", ["supported"]
        )
        await chosen.wait_response()
        assert chosen.ephemeral and chosen.content == RESPONDER.refusal

    (still,) = await cases(kinship, c.guild.id)
    assert (still.state, still.claimed_by, still.member_contact) == (
        "open",
        None,
        "awaiting_approval",
    )
    assert await events(kinship, c.guild.id, case.id) == history
    assert alert["embeds"][0] == before
    assert standin.dms_to(c.member) == []


async def test_on_duty_supporter_is_pinged_instead_of_the_role(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    duty = await standin.slash(c.guild.id, c.moderator, "duty", {"state": "on"})
    await duty.wait_response()
    assert duty.ephemeral and "on duty" in duty.content
    refused = await standin.slash(c.guild.id, c.bystander, "duty", {"state": "on"})
    await refused.wait_response()
    assert "Only moderators" in refused.content

    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert [u["id"] for u in alert["mentions"]] == [str(c.moderator)]
    assert alert["mention_roles"] == []


async def test_unclaimed_case_reescalates_then_reaches_the_backup_role(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build_community(standin, kinship)
    async with kinship.sessions() as session:
        await crisis_policy.update_policy(session, c.guild.id, PolicyChange(high_minutes=1))
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)
    await standin.wait_for(lambda: f"crisis:escalate:{case.id}" in kinship.timers.pending())

    clock.advance(timedelta(seconds=59))
    await kinship.timers.run_due()
    assert not [m for m in standin.messages[c.alerts] if "⏰" in m["content"]]
    clock.advance(timedelta(seconds=2))
    await kinship.timers.run_due()
    first = await standin.wait_for_message(c.alerts, lambda m: "⏰" in m["content"])
    assert str(c.mod_role) in first["mention_roles"]
    assert "waited 1 min" in first["content"]

    clock.advance(timedelta(minutes=1))
    await kinship.timers.run_due()
    second = await standin.wait_for_message(
        c.alerts, lambda m: "⏰" in m["content"] and str(c.backup_role) in m["mention_roles"]
    )
    assert second["message_reference"]["message_id"] == first["message_reference"]["message_id"]
    assert second["mentions"] == [] and "@everyone" not in second["content"]
    clock.advance(timedelta(hours=1))
    await kinship.timers.run_due()
    assert len([m for m in standin.messages[c.alerts] if "⏰" in m["content"]]) == 2


async def test_failed_alert_post_is_delivered_after_the_failure_clears(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build_community(standin, kinship)
    standin.fail("POST", rf"/channels/{c.alerts}/messages", status=503, times=2)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    (case,) = await eventually(lambda: _undelivered(kinship, c.guild.id))
    retry = f"crisis:deliver:{case.id}"
    await standin.wait_for(lambda: retry in kinship.timers.pending())
    # The first retry is 2 s after the failure, the second 4 s after that (backoff).
    clock.advance(timedelta(seconds=1))
    await kinship.timers.run_due()
    assert retry in kinship.timers.pending() and alerts_in(standin, c.alerts) == []
    clock.advance(timedelta(seconds=1))
    await kinship.timers.run_due()
    clock.advance(timedelta(seconds=4))
    await kinship.timers.run_due()
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert alert["mention_roles"] == [str(c.mod_role)]
    failures = [
        r for r in standin.requests_to("POST", rf"/channels/{c.alerts}/messages") if r.status == 503
    ]
    assert len(failures) == 2
    assert retry not in kinship.timers.pending()
    clock.advance(timedelta(minutes=10))
    await kinship.timers.run_due()
    assert len(alerts_in(standin, c.alerts)) == 1


async def _undelivered(bot: KinshipBot, guild_id: int) -> list[CrisisCase]:
    async with bot.sessions() as session:
        return await escalation.undelivered(session, guild_id)


async def test_deleted_escalation_channel_warns_the_owner_and_keeps_the_case(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.delete_channel(c.guild.id, c.alerts)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    warnings = await standin.wait_for(
        lambda: [m for m in standin.dms_to(c.guild.owner_id) if "could not post" in m["content"]]
    )
    assert "/setup" in warnings[0]["content"]
    assert "want to die" not in warnings[0]["content"]
    async with kinship.sessions() as session:
        waiting = await escalation.undelivered(session, c.guild.id)
    assert len(waiting) == 1


async def test_restart_delivers_an_undelivered_escalation_exactly_once(
    standin: DiscordStandIn, database_url: str
) -> None:
    c = await build_community(standin)
    async with start_kinship(standin, database_url) as bot:
        async with bot.sessions() as session:
            await guild_config.set_item(session, c.guild.id, ConfigItem.MODERATOR_ROLE, c.mod_role)
        await standin.wait_for(lambda: bot.get_guild(c.guild.id) is not None)
        await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
        # No escalation channel yet: the case waits in the database.
        await eventually(lambda: _undelivered_count(bot, c.guild.id))
    assert alerts_in(standin, c.alerts) == []

    # While the bot is down, the owner fixes the configuration.
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        await guild_config.set_item(session, c.guild.id, ConfigItem.ESCALATION_CHANNEL, c.alerts)
    await engine.dispose()

    async with start_kinship(standin, database_url):
        await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
        await asyncio.sleep(0.5)
    assert len(alerts_in(standin, c.alerts)) == 1

    async with start_kinship(standin, database_url):
        await asyncio.sleep(0.5)
    assert len(alerts_in(standin, c.alerts)) == 1


async def _undelivered_count(bot: KinshipBot, guild_id: int) -> int:
    async with bot.sessions() as session:
        return len(await escalation.undelivered(session, guild_id))


async def test_closed_dms_are_recorded_on_the_case_and_nothing_is_public(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    standin.close_dms(c.member)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    await standin.wait_for(lambda: "DMs are closed" in field(alert, "Member contact"))
    bot_posts = [
        m for m in standin.messages[c.general] if m["author"]["id"] == str(standin.bot_user_id)
    ]
    assert bot_posts == []


async def test_member_buttons_tell_moderators_and_opt_out_of_scanning(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)
    dm = (await standin.wait_for(lambda: standin.dms_to(c.member)))[0]

    for action in ("ok", "optout"):
        stranger = await standin.click(None, c.bystander, dm, f"crisis:member:{action}:{case.id}")
        await stranger.wait_response()
        assert stranger.content == NOT_YOURS
    # The alert is edited after the DM is sent, so it may trail the DM by a moment.
    await standin.wait_for(lambda: field(alert, "Member contact").startswith("Crisis lines sent"))
    async with kinship.sessions() as session:
        assert not await crisis_preferences.is_opted_out(session, c.guild.id, c.bystander)

    ok = await standin.click(None, c.member, dm, f"crisis:member:ok:{case.id}")
    await ok.wait_response()
    await standin.wait_for(lambda: "I'm OK" in field(alert, "Member contact"))
    assert (await cases(kinship, c.guild.id))[0].is_open

    optout = await standin.click(None, c.member, dm, f"crisis:member:optout:{case.id}")
    await optout.wait_response()
    assert "/crisis optin" in optout.content
    listed = await standin.slash(c.guild.id, c.moderator, "crisis", subcommand="optouts")
    await listed.wait_response()
    assert f"<@{c.member}>" in listed.content

    # Opted out: a later message from them opens nothing new after the case is closed.
    async with kinship.sessions() as session:
        await escalation.close(
            session, c.guild.id, case.id, c.moderator, escalation.Outcome.SUPPORTED, utcnow()
        )
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await asyncio.sleep(0.3)
    assert await cases(kinship, c.guild.id) == []

    back = await standin.slash(c.guild.id, c.member, "crisis", subcommand="optin")
    await back.wait_response()
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await eventually(lambda: cases(kinship, c.guild.id))


async def test_help_now_gives_lines_at_once_and_alerts_moderators(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    async with kinship.sessions() as session:
        await guild_config.set_locale(session, c.guild.id, timezone=None, region="IE")
    asked = await standin.slash(c.guild.id, c.member, "help-now", {"message": "rough night"})
    response = await asked.wait_response()
    assert asked.ephemeral
    assert any("Pieta" in f["name"] for f in response["data"]["embeds"][0]["fields"])
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert field(alert, "Source") == "Asked for help with /help-now"
    assert "rough night" in field(alert, "Excerpt")


async def test_moderator_commands_are_refused_for_members(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    for name, sub, options in (
        ("escalations", "open", None),
        ("escalations", "stats", None),
        ("crisis", "test", {"text": "i want to die"}),
        ("crisis", "optouts", None),
    ):
        refused = await standin.slash(c.guild.id, c.member, name, options, subcommand=sub)
        await refused.wait_response()
        assert refused.ephemeral and "Only moderators" in refused.content, (name, sub)


async def test_moderator_tools_show_cases_history_stats_and_test_text(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)

    listing = await standin.slash(c.guild.id, c.moderator, "escalations", subcommand="open")
    await listing.wait_response()
    assert (
        f"#{case.id}" in listing.embeds[0]["description"]
        and "unclaimed" in listing.embeds[0]["description"]
    )
    shown = await standin.slash(
        c.guild.id, c.moderator, "escalations", {"case_id": case.id}, subcommand="show"
    )
    await shown.wait_response()
    assert "opened" in field({"embeds": shown.embeds}, "History")
    stats = await standin.slash(c.guild.id, c.moderator, "escalations", subcommand="stats")
    await stats.wait_response()
    assert field({"embeds": stats.embeds}, "Cases") == "1"
    tested = await standin.slash(
        c.guild.id, c.moderator, "crisis", {"text": "this exam is killing me"}, subcommand="test"
    )
    answer = await tested.wait_followup()
    assert tested.ephemeral and "No alert" in answer["content"]
    missing = await standin.slash(
        c.guild.id, c.moderator, "escalations", {"case_id": 999}, subcommand="show"
    )
    await missing.wait_response()
    assert missing.ephemeral and "no case #999" in missing.content


async def test_server_terms_change_what_escalates(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    added = await standin.slash(
        c.guild.id,
        c.moderator,
        "crisis",
        {"kind": "extra", "term": "going ghost", "severity": "high"},
        group="terms",
        subcommand="add",
    )
    await added.wait_response()
    assert "Added" in added.content
    await standin.post_message(c.guild.id, c.general, c.member, "think i'm going ghost for good")
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert "going ghost" in field(alert, "What fired")


async def test_setup_test_alert_shows_the_flow(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    panel = await standin.slash(c.guild.id, c.guild.owner_id, "setup")
    await panel.wait_response()
    pressed = await standin.click(c.guild.id, c.guild.owner_id, panel.original, "crisis:test_alert")
    reply = await pressed.wait_followup()
    assert "Test alert posted" in reply["content"]
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert "TEST ALERT" in alert["embeds"][0]["title"]
    assert await cases(kinship, c.guild.id) == []  # tests never count as real cases


async def test_automod_alert_opens_a_case(standin: DiscordStandIn, kinship: KinshipBot) -> None:
    c = await build_community(standin, kinship)
    await standin.dispatch(
        "AUTO_MODERATION_ACTION_EXECUTION",
        {
            "guild_id": str(c.guild.id),
            "action": {"type": 2, "metadata": {"channel_id": str(c.alerts)}},
            "rule_id": "1",
            "rule_trigger_type": 1,
            "user_id": str(c.member),
            "channel_id": str(c.general),
            "message_id": "424242",
            "alert_system_message_id": "424243",
            "content": "i want to die",
            "matched_keyword": "die",
            "matched_content": "die",
        },
    )
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert field(alert, "Source") == "Discord AutoMod"


@pytest.mark.parametrize("text", ["this exam is killing me lol", "killed it at the gym today"])
async def test_everyday_talk_raises_nothing(
    standin: DiscordStandIn, kinship: KinshipBot, text: str
) -> None:
    await assert_raises_nothing(standin, kinship, await build_community(standin, kinship), text)


async def assert_raises_nothing(
    standin: DiscordStandIn, bot: KinshipBot, c: Community, text: str
) -> None:
    """The member's ``text`` opens no case: a bystander's crisis right after is the only one."""
    await standin.post_message(c.guild.id, c.general, c.member, text)
    await standin.post_message(c.guild.id, c.general, c.bystander, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert field(alert, "Member").startswith(f"<@{c.bystander}>")
    assert len(await cases(bot, c.guild.id)) == 1


async def test_approval_mode_contacts_the_member_only_after_send_resources(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    async with kinship.sessions() as session:
        await crisis_policy.update_policy(session, c.guild.id, PolicyChange(contact="approval"))
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    assert "Send resources" in field(alert, "Member contact")
    await asyncio.sleep(0.2)
    assert standin.dms_to(c.member) == []
    (case,) = await cases(kinship, c.guild.id)

    sent = await standin.click(c.guild.id, c.moderator, alert, f"crisis:resources:{case.id}")
    reply = await sent.wait_followup()
    assert "Sent them crisis lines" in reply["content"]
    assert standin.dms_to(c.member)
    await standin.wait_for(lambda: field(alert, "Member contact").startswith("Crisis lines sent"))
    history = [(e.action, e.actor_id) for e in await events(kinship, c.guild.id, case.id)]
    assert ("member_sent", c.moderator) in history


async def test_a_direct_message_to_the_bot_gets_crisis_lines(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    person = standin.add_user("lonely")
    await standin.post_dm(person.id, "i want to die")
    answer = await standin.wait_for(
        lambda: [m for m in standin.dms_to(person.id) if m["author"].get("bot")]
    )
    assert "/help-now" in answer[0]["embeds"][0]["description"]


async def test_test_alert_without_an_escalation_channel_points_to_setup(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    pressed = await standin.click(guild.id, guild.owner_id, panel.original, "crisis:test_alert")
    await pressed.wait_response()
    assert pressed.ephemeral
    assert "private escalation channel" in pressed.content and "/setup" in pressed.content


async def test_a_database_failure_gets_an_apology_with_a_reference_and_a_logged_traceback(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    c = await build_community(standin, kinship)
    async with kinship.engine.begin() as connection:
        await connection.exec_driver_sql("DROP TABLE crisis_duty")
    failed = await standin.slash(c.guild.id, c.moderator, "duty", {"state": "on"})
    await failed.wait_response()
    assert failed.ephemeral and "Sorry, something went wrong" in failed.content
    reference = failed.content.split("`")[1]
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and logged[0].exc_info is not None


async def test_message_text_never_reaches_the_logs(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, IMMINENT)
    await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)
    claimed = await standin.click(
        c.guild.id, c.moderator, standin.messages[c.alerts][0], f"crisis:claim:{case.id}"
    )
    await claimed.wait_response()
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("bot", "cogs", "db"))]
    assert any(f"case {case.id}" in line.lower() or f"case {case.id}" in line for line in ours)
    assert not any("pills" in line or "goodbye" in line for line in ours)


async def test_members_choose_their_own_crisis_line_country(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build_community(standin, kinship)
    choices = await standin.autocomplete(
        c.guild.id, c.member, "crisis", {"country": "irel"}, "country", subcommand="region"
    )
    assert any(choice["value"] == "IE" for choice in choices)
    chosen = await standin.slash(
        c.guild.id, c.member, "crisis", {"country": "IE"}, subcommand="region"
    )
    await chosen.wait_response()
    assert chosen.ephemeral and "Ireland" in chosen.content
    refused = await standin.slash(
        c.guild.id, c.member, "crisis", {"country": "Narnia"}, subcommand="region"
    )
    await refused.wait_response()
    assert refused.ephemeral and "not a country" in refused.content
    async with kinship.sessions() as session:
        assert await crisis_preferences.member_region(session, c.guild.id, c.member) == "IE"


async def test_claimer_is_reminded_after_a_day_and_closed_cases_are_purged_on_the_clock(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    alert = await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])
    (case,) = await cases(kinship, c.guild.id)
    assert case.id is not None
    claimed = await standin.click(c.guild.id, c.moderator, alert, f"crisis:claim:{case.id}")
    await claimed.wait_response()
    assert f"crisis:remind:{case.id}" in kinship.timers.pending()

    clock.advance(timedelta(hours=23))
    await kinship.timers.run_due()
    assert not [m for m in standin.dms_to(c.moderator) if "Gentle reminder" in m["content"]]
    clock.advance(timedelta(hours=1, seconds=1))
    await kinship.timers.run_due()
    reminders = [m for m in standin.dms_to(c.moderator) if "Gentle reminder" in m["content"]]
    assert len(reminders) == 1 and f"case #{case.id}" in reminders[0]["content"]
    assert "want to die" not in reminders[0]["content"]

    async with kinship.sessions() as session:
        await escalation.close(
            session, c.guild.id, case.id, c.moderator, escalation.Outcome.SUPPORTED, clock.now()
        )
    clock.advance(timedelta(days=91))
    await kinship.timers.run_due()
    async with kinship.sessions() as session:
        assert await escalation.find_case(session, case.id) is None
    assert "crisis:purge" in kinship.timers.pending()


async def first_alert_after(standin: DiscordStandIn, c: Community, text: str) -> dict[str, Any]:
    """The member posts ``text`` in the general channel; the first alert that follows."""
    await standin.post_message(c.guild.id, c.general, c.member, text)
    return await standin.wait_for_message(c.alerts, lambda m: "case #" in m["content"])


# Written for these tests: no rule, frame or corpus phrasing; only its meaning says risk.
ONLY_MEANING = "i don't plan on seeing my 20th birthday"


async def test_a_message_only_the_sentence_encoder_understands_reaches_a_moderator(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    await encoder_loaded(kinship)
    c = await build_community(standin, kinship)
    alert = await first_alert_after(standin, c, ONLY_MEANING)
    assert field(alert, "Member").startswith(f"<@{c.member}>")
    (case,) = await cases(kinship, c.guild.id)
    assert case.state == "open" and case.source == "message"
    tested = await standin.slash(
        c.guild.id, c.moderator, "crisis", {"text": ONLY_MEANING}, subcommand="test"
    )
    answer = (await tested.wait_followup())["content"]
    assert tested.ephemeral and "`encoder`" in answer and "encoder:any=" in answer


async def encoder_loaded(bot: KinshipBot) -> None:
    """Start-up loads the encoder in the background; until then the engine decides alone."""
    intake = bot.get_cog("CrisisLifecycle").intake  # type: ignore[union-attr]
    await eventually(lambda: asyncio.sleep(0, intake.encoder.encoder.ready), timeout=60)


class _BrokenEncoder(SentenceEncoder):
    ready = True

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        raise RuntimeError("the encoder is unavailable")


async def test_a_failing_encoder_leaves_the_engine_verdict_and_logs_no_text(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    lifecycle = kinship.get_cog("CrisisLifecycle")
    assert lifecycle is not None
    broken = EncoderStage(json.loads(HEADS_JSON.read_text()), _BrokenEncoder())
    lifecycle.intake.encoder = broken  # type: ignore[attr-defined]
    c = await build_community(standin, kinship)
    alert = await first_alert_after(standin, c, CRISIS)  # "high": the encoder is asked
    assert "want to die" in field(alert, "Excerpt")
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("bot", "cogs"))]
    assert any("encoder failed" in line for line in ours)
    assert not any("want to die" in line or "unavailable" in line for line in ours)


async def test_with_the_encoder_turned_off_the_engine_decides_alone(
    standin: DiscordStandIn, database_url: str, clock: ManualClock
) -> None:
    async with start_kinship(standin, database_url, clock=clock, crisis_encoder=False) as bot:
        lifecycle = bot.get_cog("CrisisLifecycle")
        assert lifecycle is not None and lifecycle.intake.encoder is None  # type: ignore[attr-defined]
        await assert_raises_nothing(standin, bot, await build_community(standin, bot), ONLY_MEANING)


class _StillLoadingEncoder(SentenceEncoder):
    def embed(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        raise AssertionError("asked before it finished loading")


async def test_alerts_never_wait_for_the_encoder_to_load(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    lifecycle = kinship.get_cog("CrisisLifecycle")
    assert lifecycle is not None
    loading = EncoderStage(json.loads(HEADS_JSON.read_text()), _StillLoadingEncoder())
    lifecycle.intake.encoder = loading  # type: ignore[attr-defined]
    c = await build_community(standin, kinship)
    alert = await first_alert_after(standin, c, CRISIS)
    assert "want to die" in field(alert, "Excerpt")
    assert not any("encoder failed" in r.getMessage() for r in caplog.records)
