"""The shared run-time checks: "moderator" for moderator commands, "responder" for crisis alerts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.services import guild_config
from bot.tree import NotModerator


class NotResponder(app_commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__(
            "Only moderators and trained supporters can do this: members with this server's "
            "moderator or supporter role, or the Manage Server permission."
        )


async def _grants(
    interaction: discord.Interaction[Any],
    rule: Callable[..., bool],
) -> bool:
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True  # both rules grant Manage Server; no need to read the configuration
    async with interaction.client.sessions() as session:
        config = await guild_config.get_config(session, interaction.guild_id)
    return rule(config, role_ids=[role.id for role in member.roles], manage_guild=False)


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Members with the configured moderator role or Manage Server, checked live."""
    return await _grants(interaction, guild_config.grants_moderator)


async def is_responder(interaction: discord.Interaction[Any]) -> bool:
    """Moderators, or members with the trained supporter role: those who act on crisis alerts."""
    return await _grants(interaction, guild_config.grants_responder)


def _only(
    allowed: Callable[[discord.Interaction[Any]], Awaitable[bool]],
    refusal: type[app_commands.CheckFailure],
) -> Any:
    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        if not await allowed(interaction):
            raise refusal()
        return True

    return app_commands.check(predicate)


def moderator_only() -> Any:
    """Decorator for app commands: refuse non-moderators at run time."""
    return _only(is_moderator, NotModerator)


def responder_only() -> Any:
    """Decorator for app commands: refuse anyone who is not a moderator or supporter."""
    return _only(is_responder, NotResponder)
