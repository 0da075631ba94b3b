"""What crisis lines and library results look like, and their persistent buttons.

The buttons only parse their custom id and hand over to the Resources cog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.checks import MEMBER, Gated, admit_only
from bot.components import FromCustomId
from bot.services.crisis_lines import Basis, CountryLines, ServiceView
from bot.services.resources import KIND_LABELS, FlagSummary, Page
from bot.tree import guarded
from db.models import Resource

if TYPE_CHECKING:
    from cogs.resources import Resources

BASIS_TEXT = {
    Basis.REQUESTED: "",
    Basis.MEMBER: "Your country (change it with `/resources country`).",
    Basis.SERVER: "This server's country. Set your own with `/resources country`.",
    Basis.LOCALE: "Guessed from your Discord language. Set your country with `/resources country`.",
    Basis.NONE: "",
}


def _clean(text: str, limit: int) -> str:
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flag(code: str) -> str:
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code.upper())


def _service_value(view: ServiceView) -> str:
    service = view.service
    ways = []
    if service.phone:
        ways.append(f"📞 Call **{service.phone}**")
    if service.sms:
        ways.append(f"💬 {service.sms}")
    if service.chat_url:
        ways.append(f"🌐 [Chat online]({service.chat_url})")
    elif service.web_url:
        ways.append(f"🌐 [Website]({service.web_url})")
    state = {True: " · 🟢 open now", False: " · 🔴 closed now", None: ""}[view.open_now]
    ways.append(f"🕒 {view.hours}{state}")
    who = ", ".join(s.replace("_", " ").replace("lgbtq", "LGBTQ+") for s in service.serves)
    ways.append(f"For: {who} · Languages: {', '.join(service.languages)}")
    if service.notes:
        ways.append(f"*{service.notes}*")
    return "\n".join(ways)[:1024]


def lines_embed(lines: CountryLines, requested_name: str | None = None) -> discord.Embed:
    if lines.country is None:
        where = requested_name or "your country"
        embed = discord.Embed(
            title="Crisis lines",
            colour=discord.Colour.teal(),
            description=(
                (
                    f"Kinship's directory has no lines for **{_clean(where, 100)}** yet. "
                    if requested_name
                    else "I don't know your country yet: choose it with `/resources country`, "
                    "or ask for one with `/crisis-lines country:`.\n\n"
                )
                + f"**In immediate danger:** {lines.emergency}"
            ),
        )
        links = "\n".join(f"[{link.name}]({link.url})" for link in lines.international)
        embed.add_field(name="Find a helpline anywhere", value=links, inline=False)
        return embed
    country = lines.country
    basis = BASIS_TEXT[lines.choice.basis]
    embed = discord.Embed(
        title=f"{_flag(country.code)} Crisis lines: {country.name}",
        colour=discord.Colour.teal(),
        description=(
            f"**In immediate danger:** {lines.emergency}"
            + (f"\n-# {basis}" if basis else "")
            + "\nYou are not alone. These services are free and confidential."
        ),
    )
    for view in lines.services[:20]:
        name = view.service.name + ("" if view.service.verified else " (not yet verified)")
        embed.add_field(name=name[:256], value=_service_value(view), inline=False)
    others = " · ".join(f"[{link.name}]({link.url})" for link in lines.international)
    embed.add_field(name="Elsewhere", value=others[:1024], inline=False)
    checked = max(v.service.last_checked for v in lines.services)
    embed.set_footer(
        text=f"Directory compiled {checked.isoformat()}. A number looks wrong? "
        "Press Report outdated."
    )
    return embed


def lines_view(lines: CountryLines, in_guild: bool) -> discord.ui.View | None:
    if lines.country is None or not in_guild or not lines.services:
        return None
    view = discord.ui.View(timeout=None)
    for service in lines.services[:20]:
        view.add_item(
            FlagButton(country=lines.country.code, index=service.index, name=service.service.name)
        )
    return view


def results_embed(page: Page, title: str) -> discord.Embed:
    embed = discord.Embed(title=title[:256], colour=discord.Colour.blurple())
    if not page.hits:
        hint = (
            "Closest tags: "
            + ", ".join(f"`{_clean(t, 30)}`" for t in page.closest_tags)
            + ". Try `/resources list tag:`."
            if page.closest_tags
            else "The library is empty so far."
        )
        embed.description = f"Nothing matched. {hint}"
        return embed
    blocks = []
    for hit in page.hits:
        entry = hit.entry
        ref = "built-in" if entry.builtin else f"#{entry.id}"
        kind = KIND_LABELS.get(entry.kind, entry.kind)
        head = f"**[{_clean(entry.title, 100)}]({entry.url})** · {kind} · {ref}"
        body = _clean(entry.description, 160) if entry.description else ""
        tags = " ".join(f"`{t}`" for t in entry.tags[:5])
        blocks.append("\n".join(x for x in (head, body, tags) if x))
    embed.description = "\n\n".join(blocks)[:4096]
    embed.set_footer(text=f"Page {page.page + 1} of {page.pages} · {page.total} results")
    return embed


def results_view(page: Page) -> discord.ui.View | None:
    if page.pages <= 1 or page.search.id is None:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(
        PageButton(
            search_id=page.search.id,
            user_id=page.search.user_id,
            page=max(page.page - 1, 0),
            label="◀ Prev",
            disabled=page.page == 0,
        )
    )
    view.add_item(
        PageButton(
            search_id=page.search.id,
            user_id=page.search.user_id,
            page=page.page + 1,
            label="Next ▶",
            disabled=page.page >= page.pages - 1,
        )
    )
    return view


def resource_embed(row: Resource, verb: str) -> discord.Embed:
    embed = discord.Embed(
        title=f"{verb}: #{row.id} {_clean(row.title, 200)}",
        url=row.url,
        colour=discord.Colour.green(),
        description=_clean(row.description, 1000) or None,
    )
    embed.add_field(name="Type", value=KIND_LABELS.get(row.kind, row.kind))
    if row.tags:
        embed.add_field(name="Tags", value=", ".join(row.tags.split(","))[:1024])
    if row.country:
        embed.add_field(name="Country", value=row.country)
    if row.language:
        embed.add_field(name="Language", value=row.language)
    return embed


def flagged_embed(summaries: list[FlagSummary]) -> discord.Embed:
    embed = discord.Embed(title="Crisis lines reported as outdated", colour=discord.Colour.orange())
    if not summaries:
        embed.description = "No reports. 💙"
        return embed
    lines = []
    for s in summaries[:30]:
        gone = "" if s.still_listed else " (entry changed since)"
        lines.append(
            f"{_flag(s.country)} **{_clean(s.name, 80)}** ({s.country} #{s.index}){gone}: "
            f"{s.reports} report{'s' if s.reports != 1 else ''}, latest "
            f"{discord.utils.format_dt(s.last, 'R')}"
        )
    embed.description = "\n".join(lines)[:4096]
    embed.set_footer(
        text="Check each number on the service's own site, then tell Kinship's maintainers "
        "(see the README) so every server gets the fix."
    )
    return embed


def _cog(interaction: discord.Interaction[Any]) -> Resources:
    from cogs.resources import Resources

    cog = interaction.client.get_cog("Resources")
    assert isinstance(cog, Resources)
    return cog


class FlagButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"resources:flag:(?P<country>[A-Z]{2}):(?P<index>\d+)",
):
    gate = MEMBER

    def __init__(
        self,
        button: discord.ui.Button[Any] | None = None,
        *,
        country: str,
        index: int,
        name: str = "",
    ) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label=f"Report outdated: {name}"[:80] if name else "Report outdated",
                emoji="🚩",
                style=discord.ButtonStyle.secondary,
                custom_id=f"resources:flag:{country}:{index}",
            )
        )
        self.country, self.index = country, index

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, _cog(interaction).on_flag(interaction, self.country, self.index))


class PageButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"resources:page:(?P<search_id>\d+):(?P<user_id>\d+):(?P<page>\d+)",
):
    def __init__(
        self,
        button: discord.ui.Button[Any] | None = None,
        *,
        search_id: int,
        user_id: int,
        page: int,
        label: str = "Page",
        disabled: bool = False,
    ) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=f"resources:page:{search_id}:{user_id}:{page}",
                disabled=disabled,
            )
        )
        self.search_id, self.user_id, self.page = search_id, user_id, page

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog = _cog(interaction)
        await guarded(interaction, cog.on_page(interaction, self.search_id, self.page))
