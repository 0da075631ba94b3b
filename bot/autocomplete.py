"""Autocomplete callbacks shared by every command that asks for a time zone or a country."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.services import guild_config


async def timezone_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=z, value=z) for z in guild_config.timezone_suggestions(current)
    ]


async def region_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=f"{name} ({code})"[:100], value=code)
        for name, code in guild_config.region_suggestions(current)
    ]
