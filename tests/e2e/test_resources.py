"""Resource look-up end to end: crisis lines by country, reports, and the community library."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.bot import KinshipBot
from bot.clock import ManualClock
from bot.services import crisis_lines, guild_config, resources
from bot.services.guild_config import ConfigItem
from bot.services.resources import LibraryCache, ResourceInput
from standin import DiscordStandIn, FakeGuild

CRISIS = "honestly i want to die, i can't do this anymore"


@dataclass
class Circle:
    guild: FakeGuild
    mod_role: int
    alerts: int
    moderator: int
    member: int


async def build(standin: DiscordStandIn, bot: KinshipBot) -> Circle:
    guild = standin.add_guild("Peer Circle")
    mod_role = int(standin.add_role(guild.id, "Moderators")["id"])
    alerts = int(standin.add_private_channel(guild.id, "mod-alerts")["id"])
    moderator = standin.add_user("mod")
    standin.add_member(guild.id, moderator.id, roles=[mod_role])
    member = standin.add_user("member")
    standin.add_member(guild.id, member.id)
    async with bot.sessions() as session:
        await guild_config.set_item(session, guild.id, ConfigItem.MODERATOR_ROLE, mod_role)
        await guild_config.set_item(session, guild.id, ConfigItem.ESCALATION_CHANNEL, alerts)
    await standin.wait_for(lambda: bot.get_guild(guild.id) is not None)
    await locale_stored(bot, guild.id, "en-US")
    return Circle(guild, mod_role, alerts, moderator.id, member.id)


async def locale_stored(bot: KinshipBot, guild_id: int, locale: str) -> None:
    """The bot saves a joined server's preferred locale in the background; wait for it."""

    async def stored() -> str | None:
        async with bot.sessions() as session:
            return await crisis_lines.server_locale(session, guild_id)

    for _ in range(200):
        if await stored() == locale:
            return
        await asyncio.sleep(0.01)
    assert await stored() == locale


def fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


async def lines(
    standin: DiscordStandIn, c: Circle, command: str = "crisis-lines", **options: Any
) -> dict[str, Any]:
    asked = await standin.slash(c.guild.id, c.member, command, options or None)
    await asked.wait_response()
    assert asked.ephemeral
    return asked.embeds[0]


async def test_crisis_lines_for_a_named_country_show_how_to_reach_each_service(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    asked = await standin.slash(c.guild.id, c.member, "crisis-lines", {"country": "gb"})
    await asked.wait_response()
    embed = asked.embeds[0]
    assert asked.ephemeral and "United Kingdom" in embed["title"]
    assert "999" in embed["description"]
    found = fields(embed)
    assert "116 123" in found["Samaritans"] and "24/7" in found["Samaritans"]
    assert "open now" in found["Samaritans"]
    assert "85258" in found["Shout"]
    assert "17:00-24:00" in found["CALM (Campaign Against Living Miserably)"]
    assert "resources:flag:GB:0" in asked.custom_ids()
    assert len(asked.custom_ids()) == len(embed["fields"]) - 1  # one per service
    # The alias answers with the same directory entry.
    assert (await lines(standin, c, "helplines", country="United Kingdom"))["title"] == embed[
        "title"
    ]


async def test_without_a_country_the_member_then_server_then_locale_decides(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    standin.world.users[c.member].locale = "de"
    embed = await lines(standin, c)
    assert "Germany" in embed["title"] and "Discord language" in embed["description"]
    assert "TelefonSeelsorge" in fields(embed)

    standin.world.users[c.member].locale = "es-419"
    assert "Mexico" in (await lines(standin, c))["title"]

    async with kinship.sessions() as session:
        await guild_config.set_locale(session, c.guild.id, timezone=None, region="IE")
    embed = await lines(standin, c, "helplines")
    assert "Ireland" in embed["title"] and "server's country" in embed["description"]

    chosen = await standin.slash(
        c.guild.id, c.member, "resources", {"country": "Australia"}, subcommand="country"
    )
    await chosen.wait_response()
    assert "Australia" in (chosen.content or "")
    embed = await lines(standin, c)
    assert "Australia" in embed["title"] and "13 11 14" in fields(embed)["Lifeline"]


async def test_a_country_missing_from_the_directory_gets_a_clear_fallback(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    embed = await lines(standin, c, country="Antarctica")
    assert "no lines for **Antarctica**" in embed["description"]
    assert "112" in embed["description"]
    assert "findahelpline.com" in fields(embed)["Find a helpline anywhere"]
    bad = await standin.slash(c.guild.id, c.member, "crisis-lines", {"country": "Narnia"})
    await bad.wait_response()
    assert bad.ephemeral and "Narnia" in (bad.content or "")


async def test_country_autocomplete_by_name_or_code(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    choices = await standin.autocomplete(
        c.guild.id, c.member, "crisis-lines", {"country": "ger"}, "country"
    )
    assert choices[0] == {"name": "Germany (DE)", "value": "DE"}
    choices = await standin.autocomplete(
        c.guild.id, c.member, "helplines", {"country": "nz"}, "country"
    )
    assert choices[0]["value"] == "NZ"


async def test_members_report_outdated_lines_and_moderators_see_the_reports(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    asked = await standin.slash(c.guild.id, c.member, "crisis-lines", {"country": "GB"})
    await asked.wait_response()
    assert asked.original is not None
    pressed = await standin.click(c.guild.id, c.member, asked.original, "resources:flag:GB:1")
    await pressed.wait_response()
    assert pressed.ephemeral and "Shout" in (pressed.content or "")
    again = await standin.click(c.guild.id, c.member, asked.original, "resources:flag:GB:1")
    await again.wait_response()
    assert "already reported" in (again.content or "")

    refused = await standin.slash(c.guild.id, c.member, "resources", subcommand="flagged")
    await refused.wait_response()
    assert "Only moderators" in (refused.content or "")
    listed = await standin.slash(c.guild.id, c.moderator, "resources", subcommand="flagged")
    await listed.wait_response()
    assert "Shout" in listed.embeds[0]["description"]
    assert "1 report," in listed.embeds[0]["description"]


async def test_the_crisis_dm_always_carries_a_number_even_with_no_region_set(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    await standin.post_message(c.guild.id, c.guild.system_channel_id, c.member, CRISIS)
    dm = await standin.wait_for(lambda: standin.dms_to(c.member))
    values = " ".join(f["value"] for f in dm[0]["embeds"][0]["fields"])
    # No member or server region: the server's preferred locale (en-US here) picks the lines.
    assert re.search(r"Call 988\b", values), values
    assert "Call 911" in values


async def test_a_moderator_adds_a_resource_through_the_modal_and_a_member_is_refused(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    refused = await standin.slash(
        c.guild.id, c.member, "resources", {"type": "group"}, subcommand="add"
    )
    await refused.wait_response()
    assert refused.response_type == 4 and "Only moderators" in (refused.content or "")

    opened = await standin.slash(
        c.guild.id, c.moderator, "resources", {"type": "group", "language": "en"}, subcommand="add"
    )
    submitted = await standin.submit_modal(
        opened,
        {
            "title": "Grief support circle",
            "link": "https://example.org/grief",
            "description": "Meets every Tuesday online.",
            "tags": "grief, loss",
        },
    )
    await submitted.wait_response()
    assert submitted.ephemeral and "Added" in submitted.embeds[0]["title"]

    # Over-long or bad input is refused with the reason, and nothing is saved.
    again = await standin.slash(
        c.guild.id, c.moderator, "resources", {"type": "article"}, subcommand="add"
    )
    duplicate = await standin.submit_modal(
        again, {"title": "Another", "link": "https://www.example.org/grief/"}
    )
    await duplicate.wait_response()
    assert "already has an entry with that link" in (duplicate.content or "")
    again = await standin.slash(
        c.guild.id, c.moderator, "resources", {"type": "article"}, subcommand="add"
    )
    bad_link = await standin.submit_modal(again, {"title": "Bad", "link": "ftp://example.org"})
    await bad_link.wait_response()
    assert "http" in (bad_link.content or "")

    found = await standin.slash(
        c.guild.id, c.member, "resources", {"query": "greif"}, subcommand="search"
    )
    await found.wait_response()
    assert "Grief support circle" in found.embeds[0]["description"]

    choices = await standin.autocomplete(
        c.guild.id, c.member, "resources", {"query": "greif sup"}, "query", subcommand="search"
    )
    assert choices[0]["value"] == "Grief support circle"


async def test_search_results_page_with_persistent_buttons(
    standin: DiscordStandIn, kinship: KinshipBot, clock: ManualClock
) -> None:
    c = await build(standin, kinship)
    cog: Any = kinship.get_cog("Resources")
    # The extension loader imports cogs.resources afresh, so compare by name, not class.
    assert type(cog).__name__ == "Resources" and isinstance(cog.library, LibraryCache)
    async with kinship.sessions() as session:
        await resources.set_defaults_hidden(session, cog.library, c.guild.id, True, clock.now())
        for i in range(12):
            await resources.add_resource(
                session,
                cog.library,
                c.guild.id,
                c.moderator,
                ResourceInput(f"Peer support circle {i:02}", f"https://example.org/{i}", "group"),
                clock.now(),
            )
    searched = await standin.slash(
        c.guild.id, c.member, "resources", {"query": "peer circle"}, subcommand="search"
    )
    await searched.wait_response()
    message = searched.original
    assert message is not None
    assert searched.embeds[0]["footer"]["text"].startswith("Page 1 of 3")
    ids = searched.custom_ids()
    assert len(ids) == 2 and ids[1].endswith(":1")

    # Someone else cannot turn the searcher's pages.
    other = await standin.click(c.guild.id, c.moderator, message, ids[1])
    await other.wait_response()
    assert "someone else" in (other.content or "")

    turned = await standin.click(c.guild.id, c.member, message, ids[1])
    update = await turned.wait_response()
    assert update["type"] == 7
    assert update["data"]["embeds"][0]["footer"]["text"].startswith("Page 2 of 3")
    current = standin._message_index[int(message["id"])]
    assert "Page 2 of 3" in current["embeds"][0]["footer"]["text"]
    back = [
        comp["custom_id"]
        for row in current["components"]
        for comp in row["components"]
        if comp["custom_id"].endswith(":0")
    ]
    turned = await standin.click(c.guild.id, c.member, current, back[0])
    update = await turned.wait_response()
    assert update["data"]["embeds"][0]["footer"]["text"].startswith("Page 1 of 3")

    listed = await standin.slash(c.guild.id, c.member, "resources", subcommand="list")
    await listed.wait_response()
    assert "12 results" in listed.embeds[0]["footer"]["text"]
    nothing = await standin.slash(
        c.guild.id, c.member, "resources", {"query": "zzzz qqqq"}, subcommand="search"
    )
    await nothing.wait_response()
    assert "Nothing matched" in nothing.embeds[0]["description"]

    # Searches are deleted after a day by the hourly purge; their buttons then say so.
    clock.advance(timedelta(hours=25))
    await kinship.timers.run_due()
    expired = await standin.click(c.guild.id, c.member, current, ids[1])
    await expired.wait_response()
    assert expired.ephemeral and "expired" in (expired.content or "")


async def test_the_crisis_dm_falls_back_to_the_servers_preferred_locale(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    guild = standin.add_guild("Selbsthilfe")
    guild.preferred_locale = "de"  # read when the stand-in sends GUILD_CREATE
    member = standin.add_user("mitglied")
    standin.add_member(guild.id, member.id)
    await standin.wait_for(lambda: kinship.get_guild(guild.id) is not None)
    await locale_stored(kinship, guild.id, "de")
    await standin.post_message(guild.id, guild.system_channel_id, member.id, CRISIS)
    dm = await standin.wait_for(lambda: standin.dms_to(member.id))
    names = [f["name"] for f in dm[0]["embeds"][0]["fields"]]
    assert "TelefonSeelsorge" in names
    assert "112" in " ".join(f["value"] for f in dm[0]["embeds"][0]["fields"])


async def test_a_moderator_edits_and_removes_a_resource(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await build(standin, kinship)
    opened = await standin.slash(
        c.guild.id, c.moderator, "resources", {"type": "article"}, subcommand="add"
    )
    added = await standin.submit_modal(
        opened, {"title": "Sleep basics", "link": "https://example.org/sleep", "tags": "sleep"}
    )
    await added.wait_response()
    resource_id = int(re.search(r"#(\d+)", added.embeds[0]["title"])[1])  # type: ignore[index]

    editing = await standin.slash(
        c.guild.id,
        c.moderator,
        "resources",
        {"resource_id": resource_id, "type": "video"},
        subcommand="edit",
    )
    modal = (await editing.wait_response())["data"]
    assert modal["custom_id"] == f"resources:modal:{resource_id}"
    edited = await standin.submit_modal(editing, {"title": "Sleep basics, explained"})
    await edited.wait_response()
    assert "Updated" in edited.embeds[0]["title"]
    assert fields(edited.embeds[0])["Type"] == "video"
    found = await standin.slash(
        c.guild.id, c.member, "resources", {"query": "slep basics"}, subcommand="search"
    )
    await found.wait_response()
    assert "Sleep basics, explained" in found.embeds[0]["description"]

    refused = await standin.slash(
        c.guild.id, c.member, "resources", {"resource_id": resource_id}, subcommand="remove"
    )
    await refused.wait_response()
    assert "Only moderators" in (refused.content or "")
    removed = await standin.slash(
        c.guild.id, c.moderator, "resources", {"resource_id": resource_id}, subcommand="remove"
    )
    await removed.wait_response()
    assert "Removed" in (removed.content or "")
    gone = await standin.slash(
        c.guild.id, c.member, "resources", {"query": "sleep basics"}, subcommand="search"
    )
    await gone.wait_response()
    assert "Sleep basics, explained" not in (gone.embeds[0].get("description") or "")


async def test_crisis_lines_work_in_a_direct_message_too(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    person = standin.add_user("alone")
    person.locale = "fr"
    asked = await standin.dm_interaction(person.id, "crisis-lines")
    await asked.wait_response()
    embed = asked.embeds[0]
    assert "France" in embed["title"]
    assert any("3114" in value for value in fields(embed).values())
    assert asked.custom_ids() == []  # reports are collected per server
