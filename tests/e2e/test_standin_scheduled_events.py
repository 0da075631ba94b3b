"""The stand-in's scheduled-event routes behave like Discord's: permission, shapes and the cap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import discord
import pytest

from bot.bot import KinshipBot
from standin import DEFAULT_BOT_PERMISSIONS, DiscordStandIn
from standin.scheduled_events import MANAGE_EVENTS


def external(n: int) -> dict[str, object]:
    start = datetime.now(UTC) + timedelta(days=1, minutes=n)
    return {
        "name": f"Event {n}",
        "privacy_level": 2,
        "entity_type": 3,
        "entity_metadata": {"location": "Hall"},
        "scheduled_start_time": start.isoformat(),
        "scheduled_end_time": (start + timedelta(hours=1)).isoformat(),
    }


async def test_permission_shapes_status_and_the_100_event_cap(
    standin: DiscordStandIn, kinship: KinshipBot
) -> None:
    without = standin.add_guild(bot_permissions=DEFAULT_BOT_PERMISSIONS)
    with pytest.raises(discord.Forbidden):
        await kinship.http.create_guild_scheduled_event(without.id, **external(0))

    guild = standin.add_guild(bot_permissions=DEFAULT_BOT_PERMISSIONS | MANAGE_EVENTS)
    with pytest.raises(discord.HTTPException) as missing:
        await kinship.http.create_guild_scheduled_event(
            guild.id, **{**external(0), "scheduled_end_time": None}
        )
    assert missing.value.code == 50035
    created = [
        await kinship.http.create_guild_scheduled_event(guild.id, **external(n)) for n in range(100)
    ]
    with pytest.raises(discord.HTTPException) as capped:
        await kinship.http.create_guild_scheduled_event(guild.id, **external(100))
    assert capped.value.code == 30038
    # Cancelling one frees a place; a cancelled event cannot be started again.
    first = created[0]["id"]
    await kinship.http.edit_scheduled_event(guild.id, first, status=4)
    with pytest.raises(discord.HTTPException):
        await kinship.http.edit_scheduled_event(guild.id, first, status=2)
    await kinship.http.create_guild_scheduled_event(guild.id, **external(101))
    listed = await kinship.http.get_scheduled_events(guild.id, True)
    assert len(listed) == 101 and listed[0]["user_count"] == 0
    await kinship.http.delete_scheduled_event(guild.id, first)
    with pytest.raises(discord.NotFound):
        await kinship.http.get_scheduled_event(guild.id, first, False)
