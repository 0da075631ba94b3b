"""What crisis alerts, follow-ups and member messages look like: Discord markup lives here.

Services return ids; this module turns them into mentions, embeds and allowed mentions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import discord

from bot.services.crisis_lines import CrisisLine
from bot.services.crisis_policy import CrisisPolicy
from bot.services.duty import AlertTargets
from bot.services.escalation import OUTCOME_LABELS, CaseStats, Outcome
from db.models import CaseEvent, CrisisCase

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

SCRUBBED_ALERT = "Case details removed: the member deleted their data with `/mydata delete`."


def _clean(text: str, limit: int) -> str:
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(moment: Any) -> str:
    return discord.utils.format_dt(moment, "R") if moment else "?"


def state_text(case: CrisisCase) -> str:
    if case.state == "claimed":
        return f"Claimed by {user(case.claimed_by or 0)} {_when(case.claimed_at)}"
    if case.state in {"resolved", "false_alarm"}:
        outcome = (
            OUTCOME_LABELS.get(Outcome(case.outcome), case.outcome) if case.outcome else case.state
        )
        return f"Closed by {user(case.closed_by or 0)} {_when(case.closed_at)}: {outcome}"
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
    embed.add_field(
        name="Member", value=f"{user(case.member_id)} (`{case.member_id}`)", inline=True
    )
    if case.channel_id:
        where = f"<#{case.channel_id}>"
        if case.message_id:
            where += (
                f" · [jump to message]({jump_url(case.guild_id, case.channel_id, case.message_id)})"
            )
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


def history_embed(case: CrisisCase, events: list[CaseEvent]) -> discord.Embed:
    embed = alert_embed(case)
    lines = []
    for event in events[-20:]:
        who = f" by {user(event.actor_id)}" if event.actor_id else ""
        detail = f": {event.detail}" if event.detail else ""
        lines.append(
            f"{discord.utils.format_dt(event.created_at, 'f')} "
            f"{event.action.replace('_', ' ')}{who}{detail}"
        )
    embed.add_field(name="History", value="\n".join(lines)[:1024] or "nothing yet", inline=False)
    return embed


def stats_embed(stats: CaseStats, weeks: int) -> discord.Embed:
    embed = discord.Embed(
        title=f"Escalations in the last {weeks} week{'s' if weeks != 1 else ''}",
        colour=discord.Colour.blurple(),
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


def user(user_id: int) -> str:
    return f"<@{user_id}>"


def users(user_ids: Iterable[int]) -> str:
    return ", ".join(user(u) for u in user_ids)


def mentions(targets: AlertTargets) -> str:
    """The pings for an alert or follow-up, as message text."""
    return " ".join([user(u) for u in targets.user_ids] + [f"<@&{r}>" for r in targets.role_ids])


def allowed(targets: AlertTargets) -> discord.AllowedMentions:
    """Ping exactly the chosen responders: never @everyone, never the member."""
    return discord.AllowedMentions(
        everyone=False,
        users=[discord.Object(u) for u in targets.user_ids],
        roles=[discord.Object(r) for r in targets.role_ids],
    )


def open_cases_embed(cases: list[CrisisCase]) -> discord.Embed:
    lines = []
    for case in cases[:25]:
        claimer = f"claimed by {user(case.claimed_by)}" if case.claimed_by else "**unclaimed**"
        lines.append(
            f"`#{case.id}` {case.severity} · opened {_when(case.created_at)} · {claimer} · "
            f"{user(case.member_id)}"
        )
    more = f"\n…and {len(cases) - 25} more." if len(cases) > 25 else ""
    return discord.Embed(title=f"Open cases ({len(cases)})", description="\n".join(lines) + more)


def policy_text(policy: CrisisPolicy) -> str:
    def after(severity: str) -> str:
        delay = policy.reping_after.get(severity)
        return f"{int(delay.total_seconds()) // 60} min" if delay else "never"

    return (
        f"Scanning: **{'on' if policy.scanning else 'off'}** · "
        f"Member contact: **{policy.contact}** · "
        f"Re-ping after: imminent {after('imminent')}, high {after('high')}, "
        f"concern {after('concern')} · "
        f"Daily cap per supporter: {policy.daily_cap} · "
        f"Closed cases kept {policy.retention_days} days"
    )


def waited_minutes(case: CrisisCase, now: datetime) -> int:
    return max(1, round((now - case.created_at).total_seconds() / 60))


def jump_url(guild_id: int, channel_id: int | None, message_id: int | None) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"
