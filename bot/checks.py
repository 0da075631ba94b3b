"""The one "moderator" check shared by every moderator command and button."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.services import guild_config
from bot.tree import NotModerator


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """True for members with the configured moderator role or Manage Server, checked live."""
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True
    async with interaction.client.sessions() as session:
        config = await guild_config.get_config(session, interaction.guild_id)
    return (
        config.moderator_role_id is not None
        and member.get_role(config.moderator_role_id) is not None
    )


def moderator_only() -> Any:
    """Decorator for app commands: refuse non-moderators at run time."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if not await is_moderator(interaction):
            raise NotModerator()
        return True

    return app_commands.check(predicate)


async def is_responder(interaction: discord.Interaction[Any]) -> bool:
    """Moderators, or members with the trained supporter role: those who act on crisis alerts."""
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    async with interaction.client.sessions() as session:
        config = await guild_config.get_config(session, interaction.guild_id)
    return guild_config.grants_responder(
        config,
        role_ids=(role.id for role in member.roles),
        manage_guild=interaction.permissions.manage_guild,
    )


class NotResponder(app_commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__(
            "Only moderators and trained supporters can do this: members with this server's "
            "moderator or supporter role, or the Manage Server permission."
        )


def responder_only() -> Any:
    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if not await is_responder(interaction):
            raise NotResponder()
        return True

    return app_commands.check(predicate)
