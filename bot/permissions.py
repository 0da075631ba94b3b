"""The permissions Kinship asks for when invited, each with the reason it is needed."""

from __future__ import annotations

import discord

# Why each permission is needed; the invite URL is computed from this table.
REASONS: dict[str, str] = {
    "view_channel": "see the channels it posts in and scans",
    "send_messages": "post alerts, announcements and check-in prompts",
    "send_messages_in_threads": "talk in buddy threads",
    "create_private_threads": "open private buddy threads",
    "embed_links": "show alerts and panels as embeds",
    "read_message_history": "link moderators to the message that raised an alert",
    "mention_everyone": "ping the moderator role even when it is not set mentionable "
    "(the bot never pings @everyone)",
    "manage_events": "mirror meetings as Discord events",
    "manage_guild": "receive AutoMod alerts, so crisis words are caught where it cannot read",
}


def required_permissions() -> discord.Permissions:
    return discord.Permissions(**dict.fromkeys(REASONS, True))


def invite_url(application_id: int) -> str:
    return discord.utils.oauth_url(
        application_id,
        permissions=required_permissions(),
        scopes=("bot", "applications.commands"),
    )
