"""/setup: the server owner's panel for roles, channels, time zone and region; plus the greeting
on join and the clean-up when a configured channel or role is deleted."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import region_choices, timezone_choices
from bot.bot import KinshipBot
from bot.checks import SERVER_MANAGER, Gated, server_manager_only
from bot.components import FromCustomId
from bot.errors import InvalidInput
from bot.services import guild_config
from bot.services.guild_config import ChannelAccess, ConfigItem
from bot.tree import guarded
from db.models import GuildConfig

log = logging.getLogger(__name__)

PAGES: dict[str, tuple[str, tuple[ConfigItem, ...]]] = {
    "safety": (
        "Safety",
        (
            ConfigItem.MODERATOR_ROLE,
            ConfigItem.ESCALATION_CHANNEL,
            ConfigItem.SUPPORTER_ROLE,
            ConfigItem.BACKUP_ROLE,
        ),
    ),
    "community": (
        "Community channels",
        (ConfigItem.ANNOUNCEMENTS_CHANNEL, ConfigItem.CHECKIN_CHANNEL, ConfigItem.BUDDY_CHANNEL),
    ),
}

GREETING = (
    "Thanks for adding **Kinship** to {guild}. I help peer-support communities look after each "
    "other: private mood check-ins, meeting reminders, buddy pairing, a resource library, and "
    "quiet escalation of crisis messages to your human moderators.\n\n"
    "**Next step:** run `/setup` in the server (you need Manage Server). It shows what is "
    "configured and lets you choose the moderator role and a private escalation channel."
)


def _mention(config: GuildConfig, item: ConfigItem) -> str:
    value = getattr(config, item.value)
    if value is None:
        return "*not set*"
    return f"<@&{value}>" if item.is_role else f"<#{value}>"


def panel_embed(
    guild_name: str, config: GuildConfig, notices: list[str], *, warning: str | None = None
) -> discord.Embed:
    missing = guild_config.missing_items(config)
    lines = []
    if warning:
        lines.append(f"⚠️ **Not saved.** {warning}")
    if notices:
        lines.extend(f"📌 Since you last looked, {notice}." for notice in notices)
    lines.append(
        "Everything is set up."
        if not missing
        else "Still to choose: " + ", ".join(item.label for item in missing) + "."
    )
    lines.append("Pick from the menus below; each choice is checked and saved straight away.")
    embed = discord.Embed(
        title=f"Kinship setup: {guild_name}"[:256],
        description="\n".join(lines)[:4096],
        colour=discord.Colour.orange() if warning else discord.Colour.blurple(),
    )
    for item in ConfigItem:
        embed.add_field(name=item.label.capitalize(), value=_mention(config, item), inline=True)
    region = config.region and f"{guild_config.country_name(config.region)} ({config.region})"
    embed.add_field(name="Time zone", value=config.timezone or "*not set* (UTC)", inline=True)
    embed.add_field(name="Region", value=region or "*not set*", inline=True)
    embed.set_footer(text="Run /setup timezone:… region:… to change those two.")
    return embed


def panel_view(bot: KinshipBot, config: GuildConfig, page: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for row, item in enumerate(PAGES[page][1]):
        view.add_item(ConfigSelect.build(item, getattr(config, item.value), row=row))
    for name, (label, _) in PAGES.items():
        if name != page:
            view.add_item(PageButton.build(name, label, row=4))
    if page == "safety":
        for make_button in bot.setup_buttons:
            view.add_item(make_button())
    return view


async def render_panel(
    interaction: discord.Interaction[KinshipBot], page: str, *, warning: str | None = None
) -> dict[str, Any]:
    assert interaction.guild is not None
    async with interaction.client.sessions() as session:
        config = await guild_config.get_config(session, interaction.guild.id)
        notices = await guild_config.notices(session, interaction.guild.id)
    return {
        "embed": panel_embed(interaction.guild.name, config, notices, warning=warning),
        "view": panel_view(interaction.client, config, page),
    }


def channel_access(channel: discord.abc.GuildChannel) -> ChannelAccess:
    me = channel.guild.me
    mine = channel.permissions_for(me)
    everyone = channel.permissions_for(channel.guild.default_role)
    return ChannelAccess(
        name=channel.name,
        bot_can_view=mine.view_channel,
        bot_can_send=mine.send_messages,
        bot_can_embed=mine.embed_links,
        everyone_can_view=everyone.view_channel,
    )


def validate_choice(guild: discord.Guild, item: ConfigItem, chosen_id: int) -> None:
    """Turn what Discord knows about the chosen role or channel into a service verdict."""
    if item.is_role:
        role = guild.get_role(chosen_id)
        if role is None:
            raise InvalidInput("That role no longer exists. Pick another one.")
        if role.is_default() or role.managed:
            raise InvalidInput(
                f"@{role.name} can't be the {item.label}: pick a role you give to people."
            )
        return
    channel = guild.get_channel(chosen_id)
    if channel is None:
        raise InvalidInput("That channel no longer exists or I can't see it. Pick another one.")
    guild_config.check_channel_access(item, channel_access(channel))


# A role menu or a channel menu: discord.py's RoleSelect and ChannelSelect are siblings under
# BaseSelect (not Select, whose values are strings), and both have values with an ``id``.
EntitySelect = discord.ui.RoleSelect[Any] | discord.ui.ChannelSelect[Any]


class ConfigSelect(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[EntitySelect],
    template=r"setup:set:(?P<column>\w+)",
):
    """One role or channel menu of the panel; survives restarts, re-checks its presser."""

    gate = SERVER_MANAGER

    def __init__(self, select: EntitySelect, *, column: str) -> None:
        super().__init__(select)
        self.config_item = ConfigItem(column)

    @classmethod
    def build(cls, item: ConfigItem, current: int | None, *, row: int) -> ConfigSelect:
        custom_id = f"setup:set:{item.value}"
        placeholder = f"Choose the {item.label}"
        if item.is_role:
            select: EntitySelect = discord.ui.RoleSelect(
                custom_id=custom_id,
                placeholder=placeholder,
                min_values=0,
                default_values=[discord.Object(current)] if current else [],
                row=row,
            )
        else:
            kind = discord.SelectDefaultValueType.channel
            select = discord.ui.ChannelSelect(
                custom_id=custom_id,
                placeholder=placeholder,
                min_values=0,
                channel_types=[discord.ChannelType.text]
                if item is ConfigItem.ESCALATION_CHANNEL
                else [discord.ChannelType.text, discord.ChannelType.news],
                default_values=[discord.SelectDefaultValue(id=current, type=kind)]
                if current
                else [],
                row=row,
            )
        return cls(select, column=item.value)

    async def callback(self, interaction: discord.Interaction[KinshipBot]) -> None:  # type: ignore[override]
        await guarded(interaction, self._save(interaction))

    async def _save(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild is not None
        item = self.config_item
        page = next(name for name, (_, items) in PAGES.items() if item in items)
        chosen = self.item.values[0].id if self.item.values else None
        try:
            if chosen is not None:
                validate_choice(interaction.guild, item, chosen)
        except InvalidInput as refused:
            await interaction.response.edit_message(
                **await render_panel(interaction, page, warning=refused.message)
            )
            return
        async with interaction.client.sessions() as session:
            await guild_config.set_item(session, interaction.guild.id, item, chosen)
        log.info("Guild %s set %s", interaction.guild.id, item.name)
        interaction.client.dispatch("kinship_config_changed", interaction.guild.id)
        await interaction.response.edit_message(**await render_panel(interaction, page))


class PageButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"setup:page:(?P<page>\w+)",
):
    gate = SERVER_MANAGER

    def __init__(self, button: discord.ui.Button[Any], *, page: str) -> None:
        super().__init__(button)
        self.page = page

    @classmethod
    def build(cls, page: str, label: str, *, row: int) -> PageButton:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label,
            style=discord.ButtonStyle.secondary,
            custom_id=f"setup:page:{page}",
            row=row,
        )
        return cls(button, page=page)

    async def callback(self, interaction: discord.Interaction[KinshipBot]) -> None:  # type: ignore[override]
        await guarded(interaction, self._show(interaction))

    async def _show(self, interaction: discord.Interaction[KinshipBot]) -> None:
        if self.page not in PAGES:
            raise InvalidInput("That part of the setup panel no longer exists; run /setup again.")
        await interaction.response.edit_message(**await render_panel(interaction, self.page))


class Setup(commands.Cog):
    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ConfigSelect, PageButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ConfigSelect, PageButton)

    @app_commands.command(
        name="setup", description="Show and change how Kinship works in this server."
    )
    @app_commands.describe(
        timezone="The server's time zone, e.g. Europe/London (used for meetings and reminders)",
        region="The server's country, used to pick crisis lines for members",
    )
    @app_commands.autocomplete(timezone=timezone_choices, region=region_choices)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @server_manager_only()
    async def setup(
        self,
        interaction: discord.Interaction[KinshipBot],
        timezone: app_commands.Range[str, 1, 64] | None = None,
        region: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        if timezone is not None or region is not None:
            async with self.bot.sessions() as session:
                await guild_config.set_locale(
                    session, interaction.guild_id, timezone=timezone, region=region
                )
        await interaction.response.send_message(
            **await render_panel(interaction, "safety"), ephemeral=True
        )

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        text = GREETING.format(guild=guild.name)
        try:
            owner = await self.bot.fetch_user(guild.owner_id) if guild.owner_id else None
            if owner is not None:
                await owner.send(text)
                return
        except discord.HTTPException:
            log.info("Could not DM the owner of guild %s; trying the system channel", guild.id)
        channel = guild.system_channel
        if channel is not None and channel.permissions_for(guild.me).send_messages:
            try:
                await channel.send(text)
            except discord.HTTPException:
                log.warning("Could not greet guild %s anywhere", guild.id)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._forget(channel.guild.id, channel.id, is_role=False)

    @commands.Cog.listener()
    async def on_guild_role_delete(self, role: discord.Role) -> None:
        await self._forget(role.guild.id, role.id, is_role=True)

    async def _forget(self, guild_id: int, object_id: int, *, is_role: bool) -> None:
        async with self.bot.sessions() as session:
            cleared = await guild_config.forget_deleted(
                session, guild_id, object_id, is_role=is_role
            )
        if cleared:
            log.info("Guild %s: cleared %s after deletion", guild_id, [i.name for i in cleared])


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Setup(bot))
