"""Local Discord stand-in (gateway + REST v10) for end-to-end tests of discord.py bots."""

from .core import DiscordStandIn
from .records import InteractionRecord, RequestLog
from .world import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    DEFAULT_BOT_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    EMBED_LINKS,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    FakeGuild,
    FakeUser,
)

# A well-formed bot token (its first part is a base64 user id) for bots talking to the stand-in.
TEST_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"

__all__ = [
    "ADMINISTRATOR",
    "ALL_PERMISSIONS",
    "DEFAULT_BOT_PERMISSIONS",
    "DEFAULT_EVERYONE_PERMISSIONS",
    "EMBED_LINKS",
    "SEND_MESSAGES",
    "TEST_TOKEN",
    "VIEW_CHANNEL",
    "DiscordStandIn",
    "FakeGuild",
    "FakeUser",
    "InteractionRecord",
    "RequestLog",
]
