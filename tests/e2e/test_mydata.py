"""/mydata end to end: a member gets their data as a private file, or deletes it, anywhere."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from bot.bot import KinshipBot
from bot.services import crisis_preferences
from standin import DiscordStandIn, InteractionRecord

from .test_crisis import CRISIS, alerts_in, build_community, cases


async def _message_with_file(record: InteractionRecord) -> dict[str, Any]:
    await record.wait_response()
    return await record.wait_original(lambda m: bool(m.get("attachments")))


def _document(standin: DiscordStandIn, message: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = message["attachments"]
    assert attachment["filename"].endswith(".json")
    return json.loads(standin.attachment_bytes[int(attachment["id"])])


async def _crisis_case(standin: DiscordStandIn, kinship: KinshipBot) -> Any:
    c = await build_community(standin, kinship)
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await standin.wait_for(lambda: alerts_in(standin, c.alerts))
    return c


async def test_export_in_a_server_is_a_private_json_file(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await _crisis_case(standin, kinship)
    record = await standin.slash(c.guild.id, c.member, "mydata", subcommand="export")
    message = await _message_with_file(record)
    assert record.ephemeral
    document = _document(standin, message)
    assert document["server_id"] == str(c.guild.id)
    assert [row["member_id"] for row in document["tables"]["crisis_case"]["rows"]] == [c.member]

    empty = await standin.slash(c.guild.id, c.bystander, "mydata", subcommand="export")
    assert (
        _document(standin, await _message_with_file(empty))["tables"]["crisis_case"]["rows"] == []
    )


async def test_delete_asks_first_then_removes_everything_and_empties_the_alert(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await _crisis_case(standin, kinship)
    record = await standin.slash(c.guild.id, c.member, "mydata", subcommand="delete")
    await record.wait_response()
    assert record.ephemeral and "cannot be undone" in (record.content or "")
    assert len(await cases(kinship, c.guild.id)) == 1  # nothing deleted before confirming

    confirm = f"mydata:delete:{c.guild.id}:{c.member}"
    message = record.original
    assert message is not None
    stranger = await standin.click(c.guild.id, c.bystander, message, confirm)
    await stranger.wait_response()
    assert "someone else" in (stranger.content or "")
    assert len(await cases(kinship, c.guild.id)) == 1

    pressed = await standin.click(c.guild.id, c.member, message, confirm)
    await pressed.wait_response()
    assert await cases(kinship, c.guild.id) == []
    (alert,) = await standin.wait_for(
        lambda: [m for m in standin.messages[c.alerts] if "deleted their data" in m["content"]]
    )
    assert alert["embeds"] == [] and alert["components"] == []
    async with kinship.sessions() as session:
        assert await crisis_preferences.opted_out_members(session, c.guild.id) == []


async def test_in_a_dm_the_member_picks_the_server(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    c = await _crisis_case(standin, kinship)
    record = await standin.dm_interaction(c.member, "mydata", subcommand="export")
    await record.wait_response()
    assert "Which server" in (record.content or "")
    picker = f"mydata:pick:export:{c.member}"
    assert picker in record.custom_ids()
    assert record.original is not None
    chosen = await standin.select(None, c.member, record.original, picker, [str(c.guild.id)])
    document = _document(standin, await _message_with_file(chosen))
    assert document["server_id"] == str(c.guild.id)

    nobody = standin.add_user("newcomer")
    none = await standin.dm_interaction(nobody.id, "mydata", subcommand="delete")
    await none.wait_response()
    assert "stores nothing about you" in (none.content or "")


async def test_an_alert_still_on_its_way_when_the_member_deletes_is_emptied_too(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    c = await build_community(standin, kinship)
    in_flight = standin.hold("POST", rf"/channels/{c.alerts}/messages$")
    await standin.post_message(c.guild.id, c.general, c.member, CRISIS)
    await standin.wait_for(lambda: alerts_in(standin, c.alerts))  # posted; the bot not yet told

    record = await standin.slash(c.guild.id, c.member, "mydata", subcommand="delete")
    await record.wait_response()
    assert record.original is not None
    confirm = f"mydata:delete:{c.guild.id}:{c.member}"
    pressed = await standin.click(c.guild.id, c.member, record.original, confirm)
    await pressed.wait_response()
    assert await cases(kinship, c.guild.id) == []

    in_flight.set()
    (alert,) = await standin.wait_for(
        lambda: [m for m in standin.messages[c.alerts] if "deleted their data" in m["content"]]
    )
    assert alert["embeds"] == [] and alert["components"] == []
    intake = [t for t in asyncio.all_tasks() if t.get_name() == "crisis-intake"]
    await asyncio.wait(intake) if intake else None
    assert all(t.exception() is None for t in intake)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
