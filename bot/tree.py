"""The command tree: one error handler for every command and component, and one way to reply."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable
from typing import Any

import discord
from discord import app_commands

from bot.errors import KinshipError
from bot.text import without_bidi_controls

log = logging.getLogger(__name__)


async def reply(
    interaction: discord.Interaction[Any], content: str | None = None, **kwargs: Any
) -> None:
    """Answer once, or follow up if already answered; private unless told otherwise."""
    kwargs.setdefault("ephemeral", True)
    if interaction.response.is_done():
        if content is not None:
            kwargs["content"] = content
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(content, **kwargs)


def user_message(error: BaseException) -> str | None:
    """The safe message for an expected failure, or None for a bug."""
    if isinstance(error, app_commands.CommandInvokeError | app_commands.TransformerError):
        inner = error.__cause__ or getattr(error, "original", None)
        if isinstance(error, app_commands.TransformerError) and not isinstance(inner, KinshipError):
            value = without_bidi_controls(str(error.value))
            return f"`{value}` is not a valid value here. Please check it and try again."
        return user_message(inner) if inner is not None else None
    if isinstance(error, KinshipError):
        # Refusals often quote the member's input back ("`25:99` is not a time...").
        return without_bidi_controls(error.message)
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(
            p.replace("_", " ").replace("guild", "server").title()
            for p in error.missing_permissions
        )
        return f"You need the {needed} permission to do this."
    if isinstance(error, app_commands.BotMissingPermissions):
        needed = ", ".join(
            p.replace("_", " ").replace("guild", "server").title()
            for p in error.missing_permissions
        )
        return f"I need the {needed} permission here to do this. Ask a server admin to grant it."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works inside a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You can't use this here."
    return None


async def report_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Tell the member what went wrong, privately; log bugs with a reference they can quote."""
    message = user_message(error)
    if message is None:
        reference = uuid.uuid4().hex[:8]
        # Only ids go in the log: message text and options may be someone's health data.
        log.error(
            "Unexpected error [ref %s] in %s (guild %s, user %s)",
            reference,
            _describe(interaction),
            interaction.guild_id,
            interaction.user.id,
            exc_info=error,
        )
        message = (
            "Sorry, something went wrong on my side and nothing was changed. If it keeps "
            f"happening, give a moderator this reference: `{reference}`."
        )
    try:
        await reply(interaction, message)
    except discord.HTTPException:
        log.warning("Could not deliver an error message for %s", _describe(interaction))


def _describe(interaction: discord.Interaction[Any]) -> str:
    if interaction.command is not None:
        return f"/{interaction.command.qualified_name}"
    data: dict[str, Any] = dict(interaction.data or {})
    custom_id = data.get("custom_id", "?")
    return f"component {custom_id!s:.40}"


async def guarded(interaction: discord.Interaction[Any], work: Awaitable[None]) -> None:
    """Run a component's work; its failures get the same private answer as a command's."""
    try:
        await work
    except Exception as error:
        await report_error(interaction, error)


class KinshipTree(app_commands.CommandTree[Any]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        await report_error(interaction, error)
