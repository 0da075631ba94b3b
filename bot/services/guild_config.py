"""Server configuration: what /setup shows and saves, and what other capabilities require."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from zoneinfo import available_timezones

import pycountry
from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.errors import InvalidInput, NotConfigured
from db.models import ConfigNotice, GuildConfig
from db.types import utcnow
from db.upsert import insert_ignore


class ConfigItem(StrEnum):
    """The role and channels a server can configure; values are GuildConfig column names."""

    MODERATOR_ROLE = "moderator_role_id"
    SUPPORTER_ROLE = "supporter_role_id"
    BACKUP_ROLE = "backup_role_id"
    ESCALATION_CHANNEL = "escalation_channel_id"
    ANNOUNCEMENTS_CHANNEL = "announcements_channel_id"
    CHECKIN_CHANNEL = "checkin_channel_id"
    BUDDY_CHANNEL = "buddy_channel_id"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_role(self) -> bool:
        return self.value.endswith("_role_id")


_LABELS = {
    ConfigItem.MODERATOR_ROLE: "moderator role",
    ConfigItem.SUPPORTER_ROLE: "trained supporter role",
    ConfigItem.BACKUP_ROLE: "backup role for unanswered alerts",
    ConfigItem.ESCALATION_CHANNEL: "private escalation channel",
    ConfigItem.ANNOUNCEMENTS_CHANNEL: "announcements channel",
    ConfigItem.CHECKIN_CHANNEL: "check-in channel",
    ConfigItem.BUDDY_CHANNEL: "buddy channel",
}

CHANNEL_ITEMS = tuple(item for item in ConfigItem if not item.is_role)
ROLE_ITEMS = tuple(item for item in ConfigItem if item.is_role)


@dataclass(frozen=True, slots=True)
class ChannelAccess:
    """What Discord says the bot and @everyone may do in a channel, gathered by the cog."""

    name: str
    bot_can_view: bool
    bot_can_send: bool
    bot_can_embed: bool
    everyone_can_view: bool


def check_channel_access(item: ConfigItem, access: ChannelAccess) -> None:
    """Refuse a channel the bot cannot use, or an escalation channel that is not private."""
    missing = [
        permission
        for permission, granted in (
            ("View Channel", access.bot_can_view),
            ("Send Messages", access.bot_can_send),
            ("Embed Links", access.bot_can_embed),
        )
        if not granted
    ]
    if missing:
        raise InvalidInput(
            f"I can't use #{access.name} as the {item.label}: I'm missing "
            f"{', '.join(missing)} there. Give my role those permissions in the channel's "
            "settings (Edit Channel > Permissions), then choose it again."
        )
    if item is ConfigItem.ESCALATION_CHANNEL and access.everyone_can_view:
        raise InvalidInput(
            f"#{access.name} can be read by @everyone, and escalations are private. In Edit "
            "Channel > Permissions, deny View Channel to @everyone and allow it for your "
            "moderator role and for me, then choose it again."
        )


async def get_config(session: AsyncSession, guild_id: int) -> GuildConfig:
    """The server's configuration; an unsaved blank one if it has never been set up."""
    config = await session.get(GuildConfig, guild_id)
    return config if config is not None else GuildConfig(guild_id=guild_id)


async def update_columns(
    session: AsyncSession, guild_id: int, values: dict[str, object]
) -> GuildConfig:
    """Save columns of the server's row (creating it if needed). For services that own settings
    kept on this table (e.g. ``crisis_policy``), which validate values first; not for cogs."""
    await insert_ignore(
        session, GuildConfig, guild_id=guild_id, created_at=utcnow(), updated_at=utcnow()
    )
    await session.execute(
        update(GuildConfig)
        .where(col(GuildConfig.guild_id) == guild_id)
        .values(**values, updated_at=utcnow())
    )
    await session.commit()
    config = await session.get(GuildConfig, guild_id, populate_existing=True)
    assert config is not None
    return config


async def set_item(
    session: AsyncSession, guild_id: int, item: ConfigItem, value: int | None
) -> GuildConfig:
    """Save (or clear, with None) one role or channel; any notice about that item is settled."""
    await session.execute(
        delete(ConfigNotice).where(
            col(ConfigNotice.guild_id) == guild_id, col(ConfigNotice.item) == item.value
        )
    )
    return await update_columns(session, guild_id, {item.value: value})


async def set_locale(
    session: AsyncSession, guild_id: int, *, timezone: str | None, region: str | None
) -> GuildConfig:
    """Validate both values first, so a bad one saves neither."""
    values: dict[str, str] = {}
    if timezone is not None:
        values["timezone"] = resolve_timezone(timezone)
    if region is not None:
        values["region"] = resolve_region(region)
    if not values:
        return await get_config(session, guild_id)
    return await update_columns(session, guild_id, dict(values))


def grants_responder(config: GuildConfig, *, role_ids: Iterable[int], manage_guild: bool) -> bool:
    """Responders act on crisis alerts: moderators, plus the trained supporter role if set."""
    role_ids = set(role_ids)
    if config.supporter_role_id is not None and config.supporter_role_id in role_ids:
        return True
    return grants_moderator(config, role_ids=role_ids, manage_guild=manage_guild)


def grants_moderator(config: GuildConfig, *, role_ids: Iterable[int], manage_guild: bool) -> bool:
    """Moderators are members with Manage Server or the configured moderator role."""
    if manage_guild:
        return True
    return config.moderator_role_id is not None and config.moderator_role_id in set(role_ids)


# Optional items: a server works well without them, so /setup does not nag about them.
OPTIONAL_ITEMS = (ConfigItem.SUPPORTER_ROLE, ConfigItem.BACKUP_ROLE)


def missing_items(config: GuildConfig) -> list[ConfigItem]:
    return [
        item
        for item in ConfigItem
        if item not in OPTIONAL_ITEMS and getattr(config, item.value) is None
    ]


async def require(session: AsyncSession, guild_id: int, item: ConfigItem) -> int:
    """The configured id for `item`, or NotConfigured saying why it is missing."""
    value = getattr(await get_config(session, guild_id), item.value)
    if value is not None:
        return value
    notice = await session.scalar(
        select(col(ConfigNotice.message)).where(
            col(ConfigNotice.guild_id) == guild_id, col(ConfigNotice.item) == item.value
        )
    )
    raise NotConfigured(item.label, notice)


async def notices(session: AsyncSession, guild_id: int) -> list[str]:
    rows = await session.scalars(
        select(col(ConfigNotice.message))
        .where(col(ConfigNotice.guild_id) == guild_id)
        .order_by(col(ConfigNotice.id))
    )
    return list(rows)


async def forget_deleted(
    session: AsyncSession, guild_id: int, object_id: int, *, is_role: bool
) -> list[ConfigItem]:
    """Clear every item that pointed at a deleted channel or role; leave moderators a notice."""
    candidates = ROLE_ITEMS if is_role else CHANNEL_ITEMS
    config = await session.get(GuildConfig, guild_id)
    if config is None:
        return []
    cleared = [item for item in candidates if getattr(config, item.value) == object_id]
    if not cleared:
        return []
    kind = "role" if is_role else "channel"
    for item in cleared:
        await insert_ignore(
            session,
            ConfigNotice,
            guild_id=guild_id,
            item=item.value,
            message=f"the {item.label} was deleted; choose a new {kind} with /setup",
            created_at=utcnow(),
        )
    await session.execute(
        update(GuildConfig)
        .where(
            col(GuildConfig.guild_id) == guild_id,
            or_(*(col(getattr(GuildConfig, i.value)) == object_id for i in cleared)),
        )
        .values({**{item.value: None for item in cleared}, "updated_at": utcnow()})
    )
    await session.commit()
    return cleared


# --- time zones and regions -------------------------------------------------------------------


@cache
def _timezones() -> dict[str, str]:
    return {
        name.casefold(): name
        for name in sorted(available_timezones())
        if "/" in name or name == "UTC"
    }


def resolve_timezone(text: str) -> str:
    """The canonical IANA name for `text` (any case), or InvalidInput with close matches."""
    key = text.strip().replace(" ", "_").casefold()
    zones = _timezones()
    if key in zones:
        return zones[key]
    close = difflib.get_close_matches(key, zones, n=3, cutoff=0.6)
    close += [k for k in zones if key and key in k and k not in close][: 3 - len(close)]
    hint = f" Did you mean {', '.join(f'`{zones[k]}`' for k in close)}?" if close else ""
    raise InvalidInput(
        f"`{_clip(text)}` is not a time zone I know. Use an IANA name such as `Europe/London` "
        f"or `America/New_York` (pick one from the suggestions as you type).{hint}"
    )


def timezone_suggestions(text: str, limit: int = 25) -> list[str]:
    key = text.strip().replace(" ", "_").casefold()
    zones = _timezones()
    if not key:
        return list(zones.values())[:limit]
    starts = [
        name for k, name in zones.items() if k.split("/")[-1].startswith(key) or k.startswith(key)
    ]
    contains = [name for k, name in zones.items() if key in k and name not in starts]
    return (starts + contains)[:limit]


@cache
def _countries() -> dict[str, str]:
    """Map casefolded names and codes to the ISO alpha-2 code."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (
            country.alpha_2,
            country.alpha_3,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if name:
                index.setdefault(name.casefold(), country.alpha_2)
    index.setdefault("uk", "GB")
    index.setdefault("usa", "US")
    return index


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name if country else code


def resolve_region(text: str) -> str:
    """The ISO 3166-1 alpha-2 code for a country name or code, or InvalidInput with suggestions."""
    key = text.strip().casefold()
    index = _countries()
    if key in index:
        return index[key]
    close = difflib.get_close_matches(key, index, n=3, cutoff=0.6)
    hint = (
        f" Did you mean {', '.join(country_name(index[k]) for k in dict.fromkeys(close))}?"
        if close
        else ""
    )
    raise InvalidInput(
        f"`{_clip(text)}` is not a country I know. Type a country name such as `Ireland` or a "
        f"two-letter code such as `IE`.{hint}"
    )


def region_suggestions(text: str, limit: int = 25) -> list[tuple[str, str]]:
    """(display name, alpha-2) pairs matching `text`, best first."""
    key = text.strip().casefold()
    seen: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: country_name(c.alpha_2)):
        name = country_name(country.alpha_2)
        if not key or name.casefold().startswith(key) or country.alpha_2.casefold() == key:
            seen.setdefault(country.alpha_2, name)
    if len(seen) < limit and key:
        for country in pycountry.countries:
            name = country_name(country.alpha_2)
            if key in name.casefold():
                seen.setdefault(country.alpha_2, name)
    return [(name, code) for code, name in list(seen.items())[:limit]]


def _clip(text: str, limit: int = 60) -> str:
    """Echo user input safely: short, and without characters that break Markdown code spans."""
    cleaned = "".join(ch for ch in text if ch.isprintable()).replace("`", "'")
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
