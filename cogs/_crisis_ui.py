"""What crisis alerts and member messages look like, and their persistent buttons.

The buttons only parse their custom id and hand over to the Crisis cog, which owns the logic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.components import FromCustomId
from bot.services.crisis_lines import CrisisLine
from bot.services.escalation import OUTCOME_LABELS, CaseStats, Outcome
from bot.tree import guarded
from db.models import CaseEvent, CrisisCase

if TYPE_CHECKING:
    from cogs.crisis import Crisis

SEVERITY_STYLE = {
    "imminent": ("🔴", discord.Colour.red()),
    "high": ("🟠", discord.Colour.orange()),
    "concern": ("🟡", discord.Colour.gold()),
}
CONTACT_TEXT = {
    "pending": "Contacting them now…",
    "sent": "Crisis lines sent to them by DM",
    "dms_closed": "Their DMs are closed: reach out another way (nothing was posted publicly)",
    "awaiting_approval": "Not contacted yet: press **Send resources** to DM them crisis lines",
    "not_needed": "Not contacted (test)",
    "shown_in_reply": "Crisis lines shown to them privately when they asked",
}
SOURCE_TEXT = {
    "message": "Message scan",
    "automod": "Discord AutoMod",
    "requested": "Asked for help with /help-now",
    "test": "Test from /setup",
    "checkin": "A private check-in (the note stays private)",
}


def _clean(text: str, limit: int) -> str:
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(moment: Any) -> str:
    return discord.utils.format_dt(moment, "R") if moment else "?"


def state_text(case: CrisisCase) -> str:
    if case.state == "claimed":
        return f"Claimed by <@{case.claimed_by}> {_when(case.claimed_at)}"
    if case.state in {"resolved", "false_alarm"}:
        outcome = (
            OUTCOME_LABELS.get(Outcome(case.outcome), case.outcome) if case.outcome else case.state
        )
        return f"Closed by <@{case.closed_by}> {_when(case.closed_at)}: {outcome}"
    return "Open: waiting for someone to claim it"


def alert_embed(case: CrisisCase) -> discord.Embed:
    emoji, colour = SEVERITY_STYLE.get(case.severity, ("⚪", discord.Colour.light_grey()))
    if case.source == "test":
        title = f"🧪 TEST ALERT (case #{case.id}): no one is in danger"
        colour = discord.Colour.blurple()
    else:
        title = f"{emoji} {case.severity.capitalize()} risk: case #{case.id}"
    if not case.is_open:
        colour = discord.Colour.dark_grey()
    embed = discord.Embed(title=title, colour=colour, timestamp=case.created_at)
    embed.description = (
        "This is how a real alert will look. Try the buttons."
        if case.source == "test"
        else "Someone may need support. Claim the case, check in with care, then resolve it."
    )
    embed.add_field(name="Member", value=f"<@{case.member_id}> (`{case.member_id}`)", inline=True)
    if case.channel_id:
        where = f"<#{case.channel_id}>"
        if case.message_id:
            url = (
                f"https://discord.com/channels/{case.guild_id}/{case.channel_id}/{case.message_id}"
            )
            where += f" · [jump to message]({url})"
        embed.add_field(name="Where", value=where, inline=True)
    embed.add_field(
        name="Severity", value=f"{case.severity} · {case.category.replace('_', ' ')}", inline=True
    )
    embed.add_field(name="Source", value=SOURCE_TEXT.get(case.source, case.source), inline=True)
    if case.matched:
        embed.add_field(name="What fired", value=_clean(case.matched, 100), inline=True)
    if case.detections > 1:
        embed.add_field(
            name="Messages", value=f"{case.detections} (latest excerpt below)", inline=True
        )
    if case.excerpt:
        embed.add_field(name="Excerpt", value=f">>> {_clean(case.excerpt, 900)}", inline=False)
    embed.add_field(name="State", value=state_text(case), inline=False)
    contact = CONTACT_TEXT.get(case.member_contact, case.member_contact)
    if case.member_ok_at:
        contact += (
            f"\nThey pressed **I'm OK** {_when(case.member_ok_at)} (the case stays open until "
            "you close it)"
        )
    embed.add_field(name="Member contact", value=contact, inline=False)
    embed.set_footer(
        text="Kinship never posts publicly about the member. Keep details in this channel."
    )
    return embed


def alert_view(case: CrisisCase) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    closed = not case.is_open
    for action, label, style in (
        ("claim", "Claim", discord.ButtonStyle.primary),
        ("resources", "Send resources", discord.ButtonStyle.secondary),
        ("resolve", "Resolve", discord.ButtonStyle.success),
        ("false", "False alarm", discord.ButtonStyle.secondary),
    ):
        disabled = closed or (action == "claim" and case.state == "claimed")
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label, style=style, custom_id=f"crisis:{action}:{case.id}", disabled=disabled
        )
        view.add_item(CaseButton(button, action=action, case_id=case.id or 0))
    return view


def member_embed(
    guild_name: str, lines: tuple[CrisisLine, ...], *, requested: bool = False
) -> discord.Embed:
    opening = (
        "A moderator has been asked to reach out to you privately."
        if requested
        else f"Something you wrote in **{_clean(guild_name, 100)}** made us want to check on you. "
        "Someone from the community's support team will reach out privately."
    )
    embed = discord.Embed(
        title="You're not alone 💙",
        colour=discord.Colour.teal(),
        description=(
            f"{opening}\n\nYou are not in trouble, and nothing was posted about you. If you are "
            "in danger right now, please contact one of these:"
        ),
    )
    for line in lines[:10]:
        value = line.contact + (f"\n{line.url}" if line.url else "")
        embed.add_field(name=line.name[:256], value=value[:1024], inline=False)
    return embed


def member_view(case_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action, label, style in (
        ("ok", "I'm OK, this was a misunderstanding", discord.ButtonStyle.secondary),
        ("optout", "Don't scan my messages", discord.ButtonStyle.secondary),
    ):
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label, style=style, custom_id=f"crisis:member:{action}:{case_id}"
        )
        view.add_item(MemberButton(button, action=action, case_id=case_id))
    return view


def history_embed(case: CrisisCase, events: list[CaseEvent]) -> discord.Embed:
    embed = alert_embed(case)
    lines = []
    for event in events[-20:]:
        who = f" by <@{event.actor_id}>" if event.actor_id else ""
        detail = f": {event.detail}" if event.detail else ""
        lines.append(
            f"{discord.utils.format_dt(event.created_at, 'f')} "
            f"{event.action.replace('_', ' ')}{who}{detail}"
        )
    embed.add_field(name="History", value="\n".join(lines)[:1024] or "nothing yet", inline=False)
    return embed


def stats_embed(stats: CaseStats, weeks: int) -> discord.Embed:
    embed = discord.Embed(
        title=f"Escalations in the last {weeks} weeks", colour=discord.Colour.blurple()
    )
    embed.add_field(name="Cases", value=str(stats.total), inline=True)
    embed.add_field(name="Still open", value=str(stats.open), inline=True)
    median = (
        "none claimed yet"
        if stats.median_minutes_to_claim is None
        else f"{stats.median_minutes_to_claim:.1f} min"
    )
    embed.add_field(name="Median time to claim", value=median, inline=True)
    for week, outcomes in list(stats.outcomes_by_week.items())[-8:]:
        text = ", ".join(
            f"{OUTCOME_LABELS.get(Outcome(o), o) if o != 'open' else 'open'}: {n}"
            for o, n in sorted(outcomes.items())
        )
        embed.add_field(name=week, value=text[:1024], inline=False)
    return embed


async def _hand_over(interaction: discord.Interaction[Any], handler: str, *args: Any) -> None:
    """Components only parse their custom id; the Crisis cog does the work."""
    cog: Crisis = interaction.client.get_cog("Crisis")  # type: ignore[assignment]
    await guarded(interaction, getattr(cog, handler)(interaction, *args))


class CaseButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"crisis:(?P<action>claim|resources|resolve|false):(?P<case_id>\d+)",
):
    def __init__(self, button: discord.ui.Button[Any], *, action: str, case_id: int) -> None:
        super().__init__(button)
        self.action, self.case_id = action, case_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:  # type: ignore[override]
        await _hand_over(interaction, "on_case_button", self.action, self.case_id)


class OutcomeSelect(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"crisis:outcome:(?P<case_id>\d+)",
):
    def __init__(self, select: discord.ui.Select[Any] | None = None, *, case_id: int) -> None:
        super().__init__(
            select
            or discord.ui.Select(
                custom_id=f"crisis:outcome:{case_id}",
                placeholder="How was it resolved?",
                options=[
                    discord.SelectOption(label=o.label, value=o.value)
                    for o in Outcome
                    if o is not Outcome.FALSE_ALARM
                ],
            )
        )
        self.case_id = case_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:  # type: ignore[override]
        await _hand_over(interaction, "on_outcome", self.case_id, Outcome(self.item.values[0]))


class MemberButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"crisis:member:(?P<action>ok|optout):(?P<case_id>\d+)",
):
    def __init__(self, button: discord.ui.Button[Any], *, action: str, case_id: int) -> None:
        super().__init__(button)
        self.action, self.case_id = action, case_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:  # type: ignore[override]
        await _hand_over(interaction, "on_member_button", self.action, self.case_id)


class TestAlertButton(
    FromCustomId, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"crisis:test_alert"
):
    def __init__(self, button: discord.ui.Button[Any] | None = None) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label="Send a test alert",
                emoji="🧪",
                style=discord.ButtonStyle.secondary,
                custom_id="crisis:test_alert",
                row=4,
            )
        )

    async def callback(self, interaction: discord.Interaction[Any]) -> None:  # type: ignore[override]
        await _hand_over(interaction, "on_test_alert")
