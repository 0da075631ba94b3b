"""Resource look-up: crisis lines by country, and the community's own library.

Thin: parse the interaction, call bot.services.crisis_lines / bot.services.resources, render."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import KinshipBot
from bot.checks import moderator_only
from bot.errors import InvalidInput
from bot.options import RowId
from bot.services import crisis_lines, crisis_preferences, guild_config, resources
from bot.services.resources import (
    DESCRIPTION_LIMIT,
    KIND_LABELS,
    TAGS_LIMIT,
    TITLE_LIMIT,
    URL_LIMIT,
    LibraryCache,
    ResourceInput,
)
from bot.tree import reply, report_error
from cogs._resources_ui import (
    FlagButton,
    PageButton,
    flagged_embed,
    lines_embed,
    lines_view,
    resource_embed,
    results_embed,
    results_view,
)
from db.models import Resource

log = logging.getLogger(__name__)

DYNAMIC_ITEMS = (FlagButton, PageButton)
PURGE_EVERY = timedelta(hours=1)
KIND_CHOICES = [app_commands.Choice(name=label, value=kind) for kind, label in KIND_LABELS.items()]


async def country_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Countries in the directory by name or code, then any other country by name."""
    found = crisis_lines.country_suggestions(current)
    if len(found) < 25 and current.strip():
        known = {code for _, code in found}
        found += [
            (name, code)
            for name, code in guild_config.region_suggestions(current)
            if code not in known
        ]
    return [
        app_commands.Choice(name=f"{name} ({code})"[:100], value=code) for name, code in found[:25]
    ]


def resolve_country(text: str) -> str:
    """A directory country by code or exact name first, else any ISO country (or suggestions)."""
    key = text.strip()
    found = crisis_lines.country_suggestions(key, limit=1)
    if found and key.casefold() in (found[0][0].casefold(), found[0][1].casefold()):
        return found[0][1]
    return guild_config.resolve_region(key)


class ResourceModal(discord.ui.Modal):
    """Title, link, description and tags for a new or edited library entry."""

    def __init__(
        self,
        cog: Resources,
        *,
        kind: str,
        country: str | None,
        language: str | None,
        row: Resource | None = None,
    ) -> None:
        super().__init__(
            title="Edit resource" if row else "Add a resource",
            custom_id=f"resources:modal:{row.id}" if row else "resources:modal:new",
        )
        self.cog, self.kind, self.country, self.language, self.row = (
            cog,
            kind,
            country,
            language,
            row,
        )
        self.resource_title: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Title",
            custom_id="title",
            max_length=TITLE_LIMIT,
            default=row.title if row else None,
        )
        self.link: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Link (http or https)",
            custom_id="link",
            max_length=URL_LIMIT,
            placeholder="https://",
            default=row.url if row else None,
        )
        self.description: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Description",
            custom_id="description",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=DESCRIPTION_LIMIT,
            default=row.description if row else None,
        )
        self.tags: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Tags, separated by commas",
            custom_id="tags",
            required=False,
            max_length=TAGS_LIMIT,
            placeholder="grief, support groups, parents",
            default=row.tags.replace(",", ", ") if row else None,
        )
        for item in (self.resource_title, self.link, self.description, self.tags):
            self.add_item(item)

    def values(self) -> ResourceInput:
        return ResourceInput(
            title=self.resource_title.value,
            url=self.link.value,
            kind=self.kind,
            description=self.description.value or "",
            tags=self.tags.value or "",
            country=self.country,
            language=self.language,
        )

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        await self.cog.save_resource(interaction, self)

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:  # type: ignore[override]
        await report_error(interaction, error)


def lines_command(name: str) -> Any:
    """One of the two names of the crisis-lines command (Discord has no aliases)."""

    async def show(
        self: Resources,
        interaction: discord.Interaction[KinshipBot],
        country: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        await self.show_lines(interaction, country)

    # discord.py binds a callback to its cog only when it looks defined in the class.
    show.__qualname__ = f"Resources.{name}"
    described = app_commands.describe(country="A country name or code; default: yours")
    completed = app_commands.autocomplete(country=country_choices)
    return app_commands.command(
        name=name, description="Crisis lines and the emergency number for a country."
    )(described(completed(show)))


class Resources(commands.Cog):
    resources_group = app_commands.Group(
        name="resources",
        description="Helpful resources: search the community library, set your country.",
        guild_only=True,
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        self.library = LibraryCache()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.timers.every("resources:purge", PURGE_EVERY, self._purge)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.timers.cancel_prefix("resources:")

    def _written(self, guild_id: int) -> None:
        """After a write the index was dropped; rebuild it now, not on a member's keystroke."""
        self.bot.spawn(self._warm(guild_id), name="resources-warm")

    async def _warm(self, guild_id: int) -> None:
        async with self.bot.sessions() as session:
            await self.library.index(session, guild_id)

    async def _purge(self) -> None:
        async with self.bot.sessions() as session:
            purged = await resources.purge_searches(session, self.bot.clock.now())
        if purged:
            log.info("Purged %d expired resource searches", purged)

    # --- each server's preferred locale, for the crisis DM's fallback ----------------------------

    async def _remember(self, guilds: list[discord.Guild]) -> None:
        locales = {g.id: str(g.preferred_locale) for g in guilds if g.preferred_locale}
        async with self.bot.sessions() as session:
            await crisis_lines.remember_locales(session, locales, self.bot.clock.now())

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        await self._remember(list(self.bot.guilds))

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._remember([guild])

    @commands.Cog.listener()
    async def on_guild_update(self, before: discord.Guild, after: discord.Guild) -> None:
        if before.preferred_locale != after.preferred_locale:
            await self._remember([after])

    # --- crisis lines ---------------------------------------------------------------------------

    async def show_lines(
        self, interaction: discord.Interaction[KinshipBot], country: str | None
    ) -> None:
        requested = resolve_country(country) if country else None
        async with self.bot.sessions() as session:
            choice = await crisis_lines.country_for(
                session,
                interaction.guild_id,
                interaction.user.id,
                requested=requested,
                locale=str(interaction.locale),
                guild_locale=str(interaction.guild_locale) if interaction.guild_locale else None,
            )
        lines = crisis_lines.lines_view(choice, self.bot.clock.now())
        name = guild_config.country_name(requested) if requested else None
        view = lines_view(lines, interaction.guild_id is not None)
        extra: dict[str, Any] = {"view": view} if view else {}
        await reply(interaction, embed=lines_embed(lines, name), **extra)

    # Discord has no command aliases: /helplines is a second command with the same callback.
    crisis_lines_command = lines_command("crisis-lines")
    helplines_command = lines_command("helplines")

    async def on_flag(
        self, interaction: discord.Interaction[KinshipBot], country: str, index: int
    ) -> None:
        if interaction.guild_id is None:
            raise InvalidInput("Reports are collected per server; please use this in a server.")
        async with self.bot.sessions() as session:
            created, name = await resources.flag_line(
                session,
                interaction.guild_id,
                interaction.user.id,
                country,
                index,
                self.bot.clock.now(),
            )
        text = (
            f"Thank you: your report about **{name}** was passed to the moderators, who check it "
            "and tell Kinship's maintainers."
            if created
            else f"You have already reported **{name}**; thank you, the moderators have it."
        )
        await reply(interaction, text)

    @resources_group.command(
        name="country", description="Choose the country whose crisis lines you are shown."
    )
    @app_commands.describe(country="Your country, e.g. Ireland or IE")
    @app_commands.autocomplete(country=country_choices)
    async def resources_country(
        self, interaction: discord.Interaction[KinshipBot], country: app_commands.Range[str, 1, 64]
    ) -> None:
        assert interaction.guild_id is not None
        code = resolve_country(country)
        async with self.bot.sessions() as session:
            await crisis_preferences.set_member_region(
                session, interaction.guild_id, interaction.user.id, code, self.bot.clock.now()
            )
        missing = (
            ""
            if crisis_lines.directory().get(code)
            else " Kinship's directory has no lines for it yet, so you'll see international "
            "directories and emergency advice."
        )
        await reply(
            interaction,
            f"You'll be shown crisis lines for {guild_config.country_name(code)}.{missing}",
        )

    @resources_group.command(
        name="flagged", description="Moderators: crisis lines members reported as outdated."
    )
    @moderator_only()
    async def resources_flagged(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            summaries = await resources.flagged(session, interaction.guild_id)
        await reply(interaction, embed=flagged_embed(summaries))

    # --- the library ----------------------------------------------------------------------------

    async def query_choices(
        self, interaction: discord.Interaction[KinshipBot], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        async with self.bot.sessions() as session:
            index = await self.library.index(session, interaction.guild_id)
        hits = index.search(current[:100], limit=25)
        return [
            app_commands.Choice(name=h.entry.title[:100], value=h.entry.title[:100]) for h in hits
        ]

    async def tag_choices(
        self, interaction: discord.Interaction[KinshipBot], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        async with self.bot.sessions() as session:
            index = await self.library.index(session, interaction.guild_id)
        return [app_commands.Choice(name=t, value=t) for t in index.tag_suggestions(current)]

    async def _show_results(
        self,
        interaction: discord.Interaction[KinshipBot],
        *,
        query: str = "",
        kind: str | None = None,
        tag: str | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            search = await resources.start_search(
                session,
                interaction.guild_id,
                interaction.user.id,
                self.bot.clock.now(),
                query=query,
                kind=kind,
                tag=tag,
            )
            page = await resources.results_page(session, self.library, search, 0)
        view = results_view(page)
        extra: dict[str, Any] = {"view": view} if view else {}
        await reply(interaction, embed=results_embed(page, _results_title(search)), **extra)

    async def on_page(
        self, interaction: discord.Interaction[KinshipBot], search_id: int, page_number: int
    ) -> None:
        async with self.bot.sessions() as session:
            search = await resources.get_search(session, search_id)
            page = await resources.results_page(session, self.library, search, page_number)
        await interaction.response.edit_message(
            embed=results_embed(page, _results_title(search)), view=results_view(page)
        )

    @resources_group.command(name="search", description="Search this community's resources.")
    @app_commands.describe(
        query="What you are looking for, e.g. grief or sleep",
        type="Only resources of this type",
        tag="Only resources with this tag",
    )
    @app_commands.choices(type=KIND_CHOICES)
    @app_commands.autocomplete(query=query_choices, tag=tag_choices)
    async def resources_search(
        self,
        interaction: discord.Interaction[KinshipBot],
        query: app_commands.Range[str, 1, 100],
        type: str | None = None,
        tag: app_commands.Range[str, 1, 30] | None = None,
    ) -> None:
        await self._show_results(interaction, query=query, kind=type, tag=tag)

    @resources_group.command(name="list", description="List this community's resources.")
    @app_commands.describe(tag="Only resources with this tag")
    @app_commands.autocomplete(tag=tag_choices)
    async def resources_list(
        self,
        interaction: discord.Interaction[KinshipBot],
        tag: app_commands.Range[str, 1, 30] | None = None,
    ) -> None:
        await self._show_results(interaction, tag=tag)

    @resources_group.command(name="add", description="Moderators: add a resource to the library.")
    @app_commands.describe(
        type="What kind of resource it is",
        country="Only relevant in this country (optional)",
        language="Language code, e.g. en or pt-BR (optional)",
    )
    @app_commands.choices(type=KIND_CHOICES)
    @app_commands.autocomplete(country=country_choices)
    @moderator_only()
    async def resources_add(
        self,
        interaction: discord.Interaction[KinshipBot],
        type: str,
        country: app_commands.Range[str, 1, 64] | None = None,
        language: app_commands.Range[str, 2, 8] | None = None,
    ) -> None:
        code = resolve_country(country) if country else None
        await interaction.response.send_modal(
            ResourceModal(self, kind=type, country=code, language=language)
        )

    @resources_group.command(name="edit", description="Moderators: edit a library resource.")
    @app_commands.describe(
        resource_id="The number shown in search results, e.g. 12",
        type="Change its type (optional)",
        country="Change its country (optional)",
        language="Change its language code (optional)",
    )
    @app_commands.choices(type=KIND_CHOICES)
    @app_commands.autocomplete(country=country_choices)
    @moderator_only()
    async def resources_edit(
        self,
        interaction: discord.Interaction[KinshipBot],
        resource_id: RowId,
        type: str | None = None,
        country: app_commands.Range[str, 1, 64] | None = None,
        language: app_commands.Range[str, 2, 8] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            row = await resources.get_resource(session, interaction.guild_id, resource_id)
        modal = ResourceModal(
            self,
            kind=type or row.kind,
            country=resolve_country(country) if country else row.country,
            language=language or row.language,
            row=row,
        )
        await interaction.response.send_modal(modal)

    async def save_resource(
        self, interaction: discord.Interaction[KinshipBot], modal: ResourceModal
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            if modal.row is None:
                row = await resources.add_resource(
                    session,
                    self.library,
                    interaction.guild_id,
                    interaction.user.id,
                    modal.values(),
                    self.bot.clock.now(),
                )
                verb = "Added"
            else:
                assert modal.row.id is not None
                row = await resources.edit_resource(
                    session,
                    self.library,
                    interaction.guild_id,
                    modal.row.id,
                    modal.values(),
                    self.bot.clock.now(),
                )
                verb = "Updated"
        self._written(interaction.guild_id)
        await reply(interaction, embed=resource_embed(row, verb))

    @resources_group.command(name="remove", description="Moderators: remove a library resource.")
    @app_commands.describe(resource_id="The number shown in search results, e.g. 12")
    @moderator_only()
    async def resources_remove(
        self, interaction: discord.Interaction[KinshipBot], resource_id: RowId
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            row = await resources.remove_resource(
                session, self.library, interaction.guild_id, resource_id, self.bot.clock.now()
            )
        self._written(interaction.guild_id)
        await reply(interaction, f"Removed #{resource_id} “{row.title}” from the library.")

    @resources_group.command(
        name="defaults", description="Moderators: show or hide Kinship's built-in resources."
    )
    @app_commands.describe(state="show: list the built-in peer-support resources; hide: don't")
    @moderator_only()
    async def resources_defaults(
        self, interaction: discord.Interaction[KinshipBot], state: Literal["show", "hide"]
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await resources.set_defaults_hidden(
                session, self.library, interaction.guild_id, state == "hide", self.bot.clock.now()
            )
        self._written(interaction.guild_id)
        await reply(
            interaction,
            "The built-in resources are hidden in this server."
            if state == "hide"
            else "The built-in resources are listed again.",
        )


def _results_title(search: resources.ResourceSearch) -> str:
    parts = []
    if search.query:
        parts.append(f"“{search.query}”")
    if search.kind:
        parts.append(KIND_LABELS.get(search.kind, search.kind))
    if search.tag:
        parts.append(f"tagged {search.tag}")
    return "Resources: " + (" · ".join(parts) if parts else "all")


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Resources(bot))
