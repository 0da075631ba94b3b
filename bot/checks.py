"""The one way Kinship authorises anyone: commands and persistent components use the same gates.

A gate is a rule and its one refusal text. Commands use ``gate.check()`` as a decorator;
components subclass ``Gated`` (or call ``admit``) so ``interaction_check`` answers a refused
presser privately with the same text a refused command gets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import discord
from discord import app_commands

from bot.services import guild_config
from bot.tree import reply


class Refused(app_commands.CheckFailure):
    """A gate said no; the message is safe to show the presser."""


@dataclass(frozen=True, slots=True)
class Gate:
    name: str
    allows: Callable[[discord.Interaction[Any]], Awaitable[bool]]
    refusal: str
    guild_only: bool = True

    def check(self) -> Any:
        """Decorator for app commands: refuse at run time (``default_permissions`` is a hint)."""

        async def predicate(interaction: discord.Interaction[Any]) -> bool:
            if self.guild_only and interaction.guild_id is None:
                raise app_commands.NoPrivateMessage()
            if not await self.allows(interaction):
                raise Refused(self.refusal)
            return True

        # Lets tests walking the command tree find which gate guards a command.
        predicate.kinship_gate = self  # type: ignore[attr-defined]
        return app_commands.check(predicate)

    async def admit(self, interaction: discord.Interaction[Any]) -> bool:
        """For components: True, or tell the presser privately why not and return False."""
        if await self.allows(interaction):
            return True
        await reply(interaction, self.refusal)
        return False


def _roles(interaction: discord.Interaction[Any]) -> list[int] | None:
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return None
    return [role.id for role in member.roles]


async def _config_grants(interaction: discord.Interaction[Any], rule: Callable[..., bool]) -> bool:
    role_ids = _roles(interaction)
    if role_ids is None or interaction.guild_id is None:
        return False
    if interaction.permissions.manage_guild:
        return True  # every rule grants Manage Server; no need to read the configuration
    async with interaction.client.sessions() as session:
        config = await guild_config.get_config(session, interaction.guild_id)
    return rule(config, role_ids=role_ids, manage_guild=False)


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Members with the configured moderator role or Manage Server, checked live."""
    return await _config_grants(interaction, guild_config.grants_moderator)


async def is_responder(interaction: discord.Interaction[Any]) -> bool:
    """Moderators, or members with the trained supporter role: those who act on crisis alerts."""
    return await _config_grants(interaction, guild_config.grants_responder)


async def is_server_manager(interaction: discord.Interaction[Any]) -> bool:
    return interaction.guild_id is not None and interaction.permissions.manage_guild


async def is_anyone(interaction: discord.Interaction[Any]) -> bool:
    return True


MODERATOR = Gate(
    "moderator",
    is_moderator,
    "Only moderators can do this: members with this server's moderator role or the Manage "
    "Server permission.",
)
RESPONDER = Gate(
    "responder",
    is_responder,
    "Only moderators and trained supporters can do this: members with this server's moderator "
    "or supporter role, or the Manage Server permission.",
)
SERVER_MANAGER = Gate(
    "server manager",
    is_server_manager,
    "Only members with the Manage Server permission can change Kinship's setup.",
)
MEMBER = Gate("member", is_anyone, "", guild_only=False)


def moderator_only() -> Any:
    return MODERATOR.check()


def responder_only() -> Any:
    return RESPONDER.check()


def server_manager_only() -> Any:
    return SERVER_MANAGER.check()


NOT_YOURS = "This button is for someone else, so nothing was changed."


async def admit_only(interaction: discord.Interaction[Any], user_id: int) -> bool:
    """For components addressed to one person (a DM reminder, a case's member, a buddy pair)."""
    if interaction.user.id == user_id:
        return True
    await reply(interaction, NOT_YOURS)
    return False


class Gated:
    """Mixin for a DynamicItem: who may press it, checked before the callback runs.

    Set ``gate`` on the class, or override ``interaction_check`` with ``admit_only`` for items
    addressed to one person. discord.py treats an error raised here as a silent refusal, so the
    refusal is answered here, never raised."""

    gate: ClassVar[Gate]

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await self.gate.admit(interaction)
