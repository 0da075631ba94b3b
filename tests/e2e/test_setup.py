"""/setup and the bot's start-up, driven through the real discord.py client and the stand-in."""

from __future__ import annotations

from typing import Any

from bot.bot import KinshipBot
from bot.services import guild_config
from db.models import GuildConfig
from standin import DiscordStandIn, InteractionRecord
from standin.world import SEND_MESSAGES

from .conftest import eventually, start_kinship


async def saved_config(bot: KinshipBot, guild_id: int) -> GuildConfig:
    async with bot.sessions() as session:
        return await guild_config.get_config(session, guild_id)


def field(record_or_message: InteractionRecord | dict[str, Any], name: str) -> str:
    embeds = (
        record_or_message.embeds
        if isinstance(record_or_message, InteractionRecord)
        else record_or_message["embeds"]
    )
    return next(f["value"] for f in embeds[0]["fields"] if f["name"] == name)


async def test_start_syncs_commands_once_and_not_again_when_unchanged(
    standin: DiscordStandIn, database_url: str
) -> None:
    standin.add_guild()
    async with start_kinship(standin, database_url):
        pass
    assert standin.command_syncs == 1
    names = {c["name"] for c in standin.global_commands}
    assert "setup" in names
    assert all(c["description"] for c in standin.global_commands)
    async with start_kinship(standin, database_url):
        pass
    assert standin.command_syncs == 1
    assert not standin.unknown_routes


async def test_dev_guild_gets_its_own_sync(standin: DiscordStandIn, database_url: str) -> None:
    guild = standin.add_guild()
    async with start_kinship(standin, database_url, dev_guild_id=guild.id):
        pass
    assert {c["name"] for c in standin.guild_commands[guild.id]} >= {"setup", "help-now"}
    assert standin.global_commands == []


async def test_owner_configures_roles_and_channels_from_the_panel(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild("Peer Circle")
    mods = standin.add_role(guild.id, "Moderators")
    private = standin.add_private_channel(guild.id, "mod-alerts")
    announcements = standin.add_channel(guild.id, "announcements")
    await standin.wait_for(lambda: kinship.get_guild(guild.id) is not None)
    await standin.wait_for(lambda: kinship.get_channel(int(announcements["id"])) is not None)

    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    assert panel.ephemeral
    assert "Still to choose" in panel.embeds[0]["description"]
    assert field(panel, "Moderator role") == "*not set*"

    chosen = await standin.select(
        guild.id, guild.owner_id, panel.original, "setup:set:moderator_role_id", [mods["id"]]
    )
    await chosen.wait_response()
    assert chosen.response_type == 7
    chosen = await standin.select(
        guild.id, guild.owner_id, panel.original, "setup:set:escalation_channel_id", [private["id"]]
    )
    await chosen.wait_response()
    assert field(panel.original, "Private escalation channel") == f"<#{private['id']}>"

    page = await standin.click(guild.id, guild.owner_id, panel.original, "setup:page:community")
    await page.wait_response()
    chosen = await standin.select(
        guild.id,
        guild.owner_id,
        panel.original,
        "setup:set:announcements_channel_id",
        [announcements["id"]],
    )
    await chosen.wait_response()

    config = await saved_config(kinship, guild.id)
    assert config.moderator_role_id == int(mods["id"])
    assert config.escalation_channel_id == int(private["id"])
    assert config.announcements_channel_id == int(announcements["id"])

    again = await standin.slash(guild.id, guild.owner_id, "setup")
    await again.wait_response()
    assert field(again, "Moderator role") == f"<@&{mods['id']}>"
    assert field(again, "Private escalation channel") == f"<#{private['id']}>"
    assert field(again, "Announcements channel") == f"<#{announcements['id']}>"
    assert not standin.unknown_routes


async def test_escalation_channel_readable_by_everyone_is_refused(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    public = standin.add_channel(guild.id, "public-chat")
    await standin.wait_for(lambda: kinship.get_channel(int(public["id"])) is not None)
    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    refused = await standin.select(
        guild.id, guild.owner_id, panel.original, "setup:set:escalation_channel_id", [public["id"]]
    )
    await refused.wait_response()
    assert "Not saved" in panel.original["embeds"][0]["description"]
    assert "@everyone" in panel.original["embeds"][0]["description"]
    assert (await saved_config(kinship, guild.id)).escalation_channel_id is None


async def test_channel_the_bot_cannot_post_in_is_refused(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    muted = standin.add_channel(
        guild.id,
        "read-only",
        overwrites=[
            {"id": str(guild.bot_role_id), "type": 0, "deny": str(SEND_MESSAGES), "allow": "0"}
        ],
    )
    await standin.wait_for(lambda: kinship.get_channel(int(muted["id"])) is not None)
    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    page = await standin.click(guild.id, guild.owner_id, panel.original, "setup:page:community")
    await page.wait_response()
    refused = await standin.select(
        guild.id, guild.owner_id, panel.original, "setup:set:checkin_channel_id", [muted["id"]]
    )
    await refused.wait_response()
    assert "Send Messages" in panel.original["embeds"][0]["description"]
    assert (await saved_config(kinship, guild.id)).checkin_channel_id is None


async def test_member_without_manage_server_is_refused_and_nothing_saved(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    member = standin.add_user("member")
    standin.add_member(guild.id, member.id)
    # An admin opened /setup to everyone in Integrations: the run-time check must still hold.
    standin.command_overrides.add((guild.id, "setup"))
    refused = await standin.slash(guild.id, member.id, "setup", {"timezone": "Europe/London"})
    await refused.wait_response()
    assert refused.ephemeral
    assert "Manage Server" in refused.content
    assert (await saved_config(kinship, guild.id)).timezone is None

    # Nor can they use an owner's panel if it reaches them.
    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    role = standin.add_role(guild.id, "Anyone")
    await standin.wait_for(lambda: kinship.get_guild(guild.id).get_role(int(role["id"])))
    hijack = await standin.select(
        guild.id, member.id, panel.original, "setup:set:moderator_role_id", [role["id"]]
    )
    await hijack.wait_response()
    assert hijack.ephemeral and "Manage Server" in hijack.content
    assert (await saved_config(kinship, guild.id)).moderator_role_id is None


async def test_unknown_timezone_is_refused_with_suggestions_and_nothing_saved(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    refused = await standin.slash(
        guild.id, guild.owner_id, "setup", {"timezone": "Europe/Londn", "region": "Ireland"}
    )
    await refused.wait_response()
    assert refused.ephemeral
    assert "not a time zone" in refused.content and "Europe/London" in refused.content
    config = await saved_config(kinship, guild.id)
    assert (config.timezone, config.region) == (None, None)

    accepted = await standin.slash(
        guild.id, guild.owner_id, "setup", {"timezone": "europe/london", "region": "Ireland"}
    )
    await accepted.wait_response()
    assert field(accepted, "Time zone") == "Europe/London"
    config = await saved_config(kinship, guild.id)
    assert (config.timezone, config.region) == ("Europe/London", "IE")


async def test_timezone_and_region_autocomplete(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    zones = await standin.autocomplete(
        guild.id, guild.owner_id, "setup", {"timezone": "lond"}, "timezone"
    )
    assert {"name": "Europe/London", "value": "Europe/London"} in zones
    regions = await standin.autocomplete(
        guild.id, guild.owner_id, "setup", {"region": "irel"}, "region"
    )
    assert any(choice["value"] == "IE" for choice in regions)


async def test_deleted_channel_is_cleared_and_moderators_are_told(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild()
    channel = standin.add_channel(guild.id, "checkins")
    async with kinship.sessions() as session:
        await guild_config.set_item(
            session, guild.id, guild_config.ConfigItem.CHECKIN_CHANNEL, int(channel["id"])
        )
    await standin.wait_for(lambda: kinship.get_channel(int(channel["id"])) is not None)
    await standin.delete_channel(guild.id, int(channel["id"]))

    async def cleared() -> bool:
        return (await saved_config(kinship, guild.id)).checkin_channel_id is None

    await eventually(cleared, timeout=5)
    panel = await standin.slash(guild.id, guild.owner_id, "setup")
    await panel.wait_response()
    assert "check-in channel was deleted" in panel.embeds[0]["description"]


async def test_greets_the_owner_when_added_to_a_server(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild("New Home")
    await standin.wait_for(lambda: bool(standin.dms_to(guild.owner_id)))
    greeting = standin.dms_to(guild.owner_id)[0]["content"]
    assert "/setup" in greeting and "New Home" in greeting


async def test_greeting_falls_back_to_the_system_channel_when_dms_are_closed(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    owner = standin.add_user("private-owner")
    standin.close_dms(owner.id)
    guild = standin.add_guild("Quiet Owner", owner_id=owner.id)
    message = await standin.wait_for_message(guild.system_channel_id)
    assert "/setup" in message["content"]
