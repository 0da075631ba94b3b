"""In-memory Discord world: users, guilds, roles, channels, members and permission maths.

Everything is stored as Discord API payload dicts (snowflakes as strings) so the REST and
gateway layers can hand them out verbatim; lookups are keyed by ``int`` ids.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits (https://discord.com/developers/docs/topics/permissions)
CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CONNECT = 1 << 20
SPEAK = 1 << 21
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
MODERATE_MEMBERS = 1 << 40
# Every defined bit / every channel-scoped bit, as of discord.py 2.7.1's Permissions.all()
# and Permissions.all_channel(), so both sides agree on owner/admin and "no view" results.
ALL_PERMISSIONS = 8866461766385663
ALL_CHANNEL_PERMISSIONS = 8555290110197585

DEFAULT_EVERYONE_PERMISSIONS = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CONNECT
    | SPEAK
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | SEND_MESSAGES_IN_THREADS
)

# Deliberately not ADMINISTRATOR: an admin bot ignores every overwrite, which would make
# "can the bot see the escalation channel" tests pass vacuously.
DEFAULT_BOT_PERMISSIONS = (
    DEFAULT_EVERYONE_PERMISSIONS
    | MANAGE_CHANNELS
    | MANAGE_ROLES
    | MANAGE_MESSAGES
    | MANAGE_THREADS
    | CREATE_PRIVATE_THREADS
    | MENTION_EVERYONE
    | MODERATE_MEMBERS
    | KICK_MEMBERS
)

TEXT_CHANNEL_TYPES = {0, 5}
THREAD_TYPES = {10, 11, 12}
DM_TYPES = {1, 3}

JOINED_AT = "2024-01-01T00:00:00.000000+00:00"


class SnowflakeFactory:
    """Monotonic snowflakes whose timestamp part is "now" (discord.py derives created_at)."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(candidate, self._last + 1)
        return self._last


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass(slots=True)
class FakeUser:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None
    locale: str = "en-US"  # the user's client language, sent with their interactions

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "banner": None,
            "accent_color": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
            "avatar_decoration_data": None,
        }


@dataclass(slots=True)
class FakeGuild:
    id: int
    name: str
    owner_id: int
    system_channel_id: int = 0
    bot_role_id: int = 0
    roles: dict[int, dict[str, Any]] = field(default_factory=dict)
    channels: dict[int, dict[str, Any]] = field(default_factory=dict)
    # user id -> member payload *without* the "user" key (added on output).
    members: dict[int, dict[str, Any]] = field(default_factory=dict)
    thread_members: dict[int, set[int]] = field(default_factory=dict)
    automod_rules: list[dict[str, Any]] = field(default_factory=list)
    preferred_locale: str = "en-US"

    @property
    def member_count(self) -> int:
        return len(self.members)

    @property
    def large(self) -> bool:
        return self.member_count > 250

    @property
    def everyone_role(self) -> dict[str, Any]:
        return self.roles[self.id]

    def channel_by_name(self, name: str) -> dict[str, Any]:
        for channel in self.channels.values():
            if channel["name"] == name:
                return channel
        raise KeyError(name)

    def role_by_name(self, name: str) -> dict[str, Any]:
        for role in self.roles.values():
            if role["name"] == name:
                return role
        raise KeyError(name)

    def base_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "icon_hash": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "widget_enabled": False,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": list(self.roles.values()),
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.system_channel_id) if self.system_channel_id else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.preferred_locale,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }


def role_payload(
    role_id: int,
    name: str,
    permissions: int,
    position: int,
    *,
    managed: bool = False,
    tags: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": managed,
        "mentionable": False,
        "flags": 0,
    }
    if tags is not None:
        payload["tags"] = tags
    return payload


def normalize_overwrites(overwrites: Any) -> list[dict[str, Any]]:
    """Accept ints or strings from tests; emit Discord's wire shape."""
    return [
        {
            "id": str(ow["id"]),
            "type": int(ow.get("type", 0)),
            "allow": str(int(ow.get("allow", 0))),
            "deny": str(int(ow.get("deny", 0))),
        }
        for ow in overwrites or ()
    ]


def channel_payload(
    channel_id: int,
    guild_id: int,
    name: str,
    *,
    type: int = 0,
    position: int = 0,
    overwrites: Any = (),
    parent_id: int | str | None = None,
    topic: str | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": str(channel_id),
        "type": type,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": normalize_overwrites(overwrites),
        "parent_id": str(parent_id) if parent_id is not None else None,
        "nsfw": False,
        "flags": 0,
    }
    if type in (0, 5, 15, 16):
        payload.update(topic=topic, rate_limit_per_user=0, last_message_id=None)
    if type in (2, 13):
        payload.update(bitrate=64000, user_limit=0, rtc_region=None, rate_limit_per_user=0)
    if type in (15, 16):
        payload.update(available_tags=[], default_reaction_emoji=None, default_sort_order=None)
        payload["default_forum_layout"] = 0
    return payload


def thread_payload(
    thread_id: int,
    guild_id: int,
    parent_id: int,
    owner_id: int,
    name: str,
    *,
    type: int = 11,
    auto_archive_duration: int = 1440,
    invitable: bool = True,
) -> dict[str, Any]:
    now = iso_now()
    metadata: dict[str, Any] = {
        "archived": False,
        "auto_archive_duration": auto_archive_duration,
        "archive_timestamp": now,
        "locked": False,
        "create_timestamp": now,
    }
    if type == 12:
        metadata["invitable"] = invitable
    return {
        "id": str(thread_id),
        "type": type,
        "guild_id": str(guild_id),
        "parent_id": str(parent_id),
        "owner_id": str(owner_id),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "flags": 0,
        "applied_tags": [],
        "thread_metadata": metadata,
    }


def _apply_overwrite(perms: int, overwrite: dict[str, Any]) -> int:
    return (perms & ~int(overwrite["deny"])) | int(overwrite["allow"])


def base_permissions(guild: FakeGuild, user_id: int) -> int:
    if user_id == guild.owner_id:
        return ALL_PERMISSIONS
    member = guild.members.get(user_id)
    if member is None:
        return 0
    perms = int(guild.everyone_role["permissions"])
    for role_id in member["roles"]:
        role = guild.roles.get(int(role_id))
        if role is not None:
            perms |= int(role["permissions"])
    if perms & ADMINISTRATOR:
        return ALL_PERMISSIONS
    return perms


def channel_permissions(guild: FakeGuild, channel: dict[str, Any], user_id: int) -> int:
    """Discord's documented algorithm: base, then @everyone, role and member overwrites."""
    if int(channel["type"]) in THREAD_TYPES:
        parent = guild.channels.get(int(channel["parent_id"]))
        if parent is None:
            return 0
        perms = channel_permissions(guild, parent, user_id)
        # Inside threads "send" is governed by SEND_MESSAGES_IN_THREADS.
        if perms & SEND_MESSAGES_IN_THREADS:
            perms |= SEND_MESSAGES
        else:
            perms &= ~SEND_MESSAGES
        is_private = int(channel["type"]) == 12
        thread_id = int(channel["id"])
        if (
            is_private
            and not perms & MANAGE_THREADS
            and user_id not in guild.thread_members.get(thread_id, set())
        ):
            return 0
        return perms

    base = base_permissions(guild, user_id)
    if base & ADMINISTRATOR:
        return ALL_PERMISSIONS
    member = guild.members.get(user_id)
    if member is None:
        return 0
    overwrites = {int(ow["id"]): ow for ow in channel.get("permission_overwrites", ())}
    perms = base
    everyone = overwrites.get(guild.id)
    if everyone is not None:
        perms = _apply_overwrite(perms, everyone)
    allow = deny = 0
    for role_id in member["roles"]:
        ow = overwrites.get(int(role_id))
        if ow is not None and ow["type"] == 0:
            allow |= int(ow["allow"])
            deny |= int(ow["deny"])
    perms = (perms & ~deny) | allow
    member_ow = overwrites.get(user_id)
    if member_ow is not None and member_ow["type"] == 1:
        perms = _apply_overwrite(perms, member_ow)

    # Implicit permissions: no view means nothing; no send means no send-dependent perms.
    if not perms & VIEW_CHANNEL:
        return perms & ~ALL_CHANNEL_PERMISSIONS
    if int(channel["type"]) in TEXT_CHANNEL_TYPES and not perms & SEND_MESSAGES:
        perms &= ~(SEND_TTS_MESSAGES | MENTION_EVERYONE | EMBED_LINKS | ATTACH_FILES)
    return perms


class World:
    """All entities, independent of the transport."""

    def __init__(self, snowflakes: SnowflakeFactory) -> None:
        self.snowflakes = snowflakes
        self.users: dict[int, FakeUser] = {}
        self.guilds: dict[int, FakeGuild] = {}
        # channel id -> guild id for every guild channel and thread.
        self.channel_guild: dict[int, int] = {}
        # DM channel id -> payload; user id -> DM channel id.
        self.dm_channels: dict[int, dict[str, Any]] = {}
        self.dm_by_user: dict[int, int] = {}
        self._generated = itertools.count(1)

    def new_user(self, username: str, *, bot: bool = False) -> FakeUser:
        user = FakeUser(id=self.snowflakes.next(), username=username, bot=bot)
        self.users[user.id] = user
        return user

    def member_payload(
        self, guild: FakeGuild, user_id: int, *, with_user: bool = True
    ) -> dict[str, Any]:
        payload = dict(guild.members[user_id])
        if with_user:
            payload["user"] = self.users[user_id].payload()
        return payload

    def new_member(self, guild: FakeGuild, user_id: int, roles: list[int]) -> dict[str, Any]:
        guild.members[user_id] = {
            "nick": None,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in roles],
            "joined_at": JOINED_AT,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        return guild.members[user_id]

    def channel(self, channel_id: int) -> dict[str, Any] | None:
        guild_id = self.channel_guild.get(channel_id)
        if guild_id is not None:
            return self.guilds[guild_id].channels.get(channel_id)
        return self.dm_channels.get(channel_id)

    def guild_of_channel(self, channel_id: int) -> FakeGuild | None:
        guild_id = self.channel_guild.get(channel_id)
        return self.guilds.get(guild_id) if guild_id is not None else None

    def permissions_for(self, guild_id: int, channel_id: int | None, user_id: int) -> int:
        guild = self.guilds[guild_id]
        if channel_id is None:
            return base_permissions(guild, user_id)
        channel = guild.channels.get(channel_id)
        if channel is None:
            raise KeyError(f"channel {channel_id} not in guild {guild_id}")
        return channel_permissions(guild, channel, user_id)

    def dm_channel_for(self, user_id: int, bot_user_id: int) -> dict[str, Any]:
        channel_id = self.dm_by_user.get(user_id)
        if channel_id is None:
            channel_id = self.snowflakes.next()
            self.dm_channels[channel_id] = {
                "id": str(channel_id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [self.users[user_id].payload()],
            }
            self.dm_by_user[user_id] = channel_id
        return self.dm_channels[channel_id]

    def guild_create_payload(
        self, guild: FakeGuild, *, full_members: bool, bot_id: int, joined: bool = False
    ) -> dict:
        payload = guild.base_payload()
        channels = []
        threads = []
        for ch in guild.channels.values():
            (threads if int(ch["type"]) in THREAD_TYPES else channels).append(ch)
        # Without presences Discord only sends the bot (and voice users); discord.py then
        # chunks with op 8. We shortcut that for small guilds when the client has the
        # members intent, which yields the same cache with far fewer round trips.
        member_ids = list(guild.members) if full_members else [bot_id]
        payload.update(
            joined_at=JOINED_AT,
            large=guild.large,
            unavailable=False,
            member_count=guild.member_count,
            voice_states=[],
            members=[self.member_payload(guild, uid) for uid in member_ids if uid in guild.members],
            channels=channels,
            threads=threads,
            presences=[],
            stage_instances=[],
            guild_scheduled_events=[],
            soundboard_sounds=[],
        )
        if joined:
            # A guild the bot has just joined carries no "unavailable" flag; discord.py tells a
            # join (on_guild_join) from an outage ending (on_guild_available) by its absence.
            del payload["unavailable"]
        return payload
