"""What buddy introductions, follow-ups and reports look like, and their persistent buttons.

The buttons parse their custom id, admit only the member they were sent to, and hand over to
the Buddy cog, which owns the logic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.checks import admit_only
from bot.components import FromCustomId
from bot.services import buddy
from bot.services.buddy import RoundPlan, RoundStats, Status
from bot.tree import guarded
from db.models import BuddyReport

if TYPE_CHECKING:
    from cogs.buddy import Buddy

ANSWER_LABELS = {"yes": "Yes", "not_yet": "Not yet", "bad_match": "Not a good match"}
ANSWER_REPLIES = {
    "yes": "Thank you, that's lovely to hear. Your answer stays private.",
    "not_yet": "Thanks for letting me know. There's still time; a short hello is a good start.",
    "bad_match": (
        "Thank you for telling me. You won't be matched like this again soon. If something "
        "felt unsafe, please use `/buddy report` or `/buddy block` in the server."
    ),
}
GHOST_LABELS = {"active": "Stay active", "pause": "Pause for 4 weeks", "leave": "Leave pairing"}
GHOST_REPLIES = {
    "active": "Great, you'll be in the next round.",
    "pause": "Paused for 4 weeks. Take care of yourself; you'll be back in after that.",
    "leave": "You've left buddy pairing. You're welcome back any time with `/buddy join`.",
}


def _escape(text: str, limit: int) -> str:
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def introduction(
    members: Sequence[int], shared: Sequence[str], rules: Sequence[str]
) -> tuple[str, discord.Embed]:
    """The welcome posted in the pair's thread, or sent by DM when threads are not possible."""
    names = " and ".join(", ".join(f"<@{m}>" for m in members).rsplit(", ", 1))
    why = (
        f"You both chose **{', '.join(shared)}**."
        if shared
        else "You're awake at similar times, and both here to support each other."
    )
    embed = discord.Embed(
        title="Meet your buddy 👋",
        colour=discord.Colour.green(),
        description=(
            f"{names}: you've been matched for this round. {why}\n\n"
            "Say hello when it suits you; there's no pressure to share more than you want."
        ),
    )
    embed.add_field(
        name="A few ways to start", value=bullets(buddy.CONVERSATION_STARTERS), inline=False
    )
    embed.add_field(name="Ground rules", value=bullets(rules)[:1024], inline=False)
    embed.set_footer(
        text="Moderators can see this thread to keep everyone safe. /buddy rematch ends a pair "
        "early; /buddy block and /buddy report are private."
    )
    return f"{names}, meet your buddy!", embed


def followup_view(pair_id: int, user_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for answer in buddy.ANSWERS:
        view.add_item(FollowUpButton(None, pair_id=pair_id, user_id=user_id, answer=answer))
    return view


def ghost_view(guild_id: int, user_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice in buddy.GHOST_CHOICES:
        view.add_item(StayButton(None, guild_id=guild_id, user_id=user_id, choice=choice))
    return view


class FollowUpButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"buddy:fu:(?P<pair_id>\d+):(?P<user_id>\d+):(?P<answer>yes|not_yet|bad_match)",
):
    """ "Did you connect?": only the member it was sent to can answer."""

    def __init__(
        self, item: discord.ui.Button[Any] | None, *, pair_id: int, user_id: int, answer: str
    ) -> None:
        style = discord.ButtonStyle.danger if answer == "bad_match" else discord.ButtonStyle.primary
        super().__init__(
            item
            or discord.ui.Button(
                label=ANSWER_LABELS[answer],
                style=style if answer != "not_yet" else discord.ButtonStyle.secondary,
                custom_id=f"buddy:fu:{pair_id}:{user_id}:{answer}",
            )
        )
        self.pair_id, self.user_id, self.answer = pair_id, user_id, answer

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog: Buddy = interaction.client.get_cog("Buddy")
        await guarded(interaction, cog.record_answer(interaction, self.pair_id, self.answer))


class StayButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"buddy:stay:(?P<guild_id>\d+):(?P<user_id>\d+):(?P<choice>active|pause|leave)",
):
    """After three silent rounds: stay active, pause, or leave."""

    def __init__(
        self, item: discord.ui.Button[Any] | None, *, guild_id: int, user_id: int, choice: str
    ) -> None:
        super().__init__(
            item
            or discord.ui.Button(
                label=GHOST_LABELS[choice],
                style=discord.ButtonStyle.primary
                if choice == "active"
                else discord.ButtonStyle.secondary,
                custom_id=f"buddy:stay:{guild_id}:{user_id}:{choice}",
            )
        )
        self.guild_id, self.user_id, self.choice = guild_id, user_id, choice

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog: Buddy = interaction.client.get_cog("Buddy")
        await guarded(interaction, cog.record_stay(interaction, self.guild_id, self.choice))


def followup_embed() -> discord.Embed:
    return discord.Embed(
        title="Did you connect with your buddy?",
        colour=discord.Colour.blurple(),
        description=(
            "Just checking in, privately: your answer is only used to make better matches and "
            "is never shown to your buddy. You can change it later."
        ),
    )


def ghost_embed(guild_name: str) -> discord.Embed:
    return discord.Embed(
        title="Still up for buddy pairing?",
        colour=discord.Colour.blurple(),
        description=(
            f"I haven't heard back from you for a few rounds in **{_escape(guild_name, 100)}**. "
            "That's completely fine. Would you like to stay active, take a break, or leave? "
            "I'll leave you out of pairing until you choose."
        ),
    )


def listener_role_embed(guild_name: str) -> discord.Embed:
    """Sent once, when a round finds a listener without the server's listener role."""
    return discord.Embed(
        title="You weren't paired this round",
        colour=discord.Colour.blurple(),
        description=(
            f"You signed up for buddy pairing in **{_escape(guild_name, 100)}** as a listener, "
            "but you no longer have the server's listener role, so I left you out of this round "
            "rather than pair you as a listener. Nothing else has changed.\n\n"
            "• To be paired as a peer instead, use `/buddy preferences role:peer` in the server.\n"
            "• If you get the listener role back, you'll be paired as a listener again from the "
            "next round; there's nothing to do.\n"
            "• To stop pairing altogether, use `/buddy leave`.\n\n"
            "I won't message you about this again."
        ),
    )


def report_embed(row: BuddyReport) -> discord.Embed:
    embed = discord.Embed(
        title=f"Buddy report #{row.id} (not a crisis)",
        colour=discord.Colour.orange(),
        timestamp=row.created_at,
        description=(
            "A member reported their buddy. The reported member is left out of pairing until a "
            f"moderator runs `/buddy resolve-report {row.id}`."
        ),
    )
    embed.add_field(name="Reported member", value=f"<@{row.reported_id}>", inline=True)
    embed.add_field(name="Reported by", value=f"<@{row.reporter_id}>", inline=True)
    embed.add_field(name="Reason", value=f">>> {_escape(row.reason, 1000)}", inline=False)
    return embed


def status_text(status: Status) -> str:
    p = status.profile
    lines = []
    if status.buddies:
        who = ", ".join(f"<@{b}>" for b in status.buddies)
        where = f" in <#{status.thread_id}>" if status.thread_id else " (introduced by DM)"
        lines.append(f"**Current buddy:** {who}{where}")
    else:
        lines.append("**Current buddy:** none this round")
    if p.state == "paused" and p.paused_until:
        lines.append(f"**Paused until** {discord.utils.format_dt(p.paused_until, 'D')}")
    elif p.state == "asked":
        lines.append("**Waiting for you:** answer my DM to stay active, pause, or leave.")
    elif p.state == buddy.NEEDS_ROLE:
        lines.append(
            "**Not being paired:** you joined as a listener but no longer have the listener "
            "role. Use `/buddy preferences role:peer` to be paired as a peer; if the role comes "
            "back, you're paired as a listener again."
        )
    if status.next_round_at:
        lines.append(f"**Next round:** {discord.utils.format_dt(status.next_round_at, 'F')}")
    topics = p.topics.replace(",", ", ") or "none chosen"
    lines += [
        f"**Topics:** {topics}",
        f"**Time zone:** {p.timezone} · **Times:** {p.times.replace(',', ', ')}",
        f"**Role:** {p.role}",
    ]
    return "\n".join(lines)


def round_summary(plan: RoundPlan) -> str:
    """What a moderator running /buddy pair-now is told: totals, never names."""
    trios = sum(len(g.members) == 3 for g in plan.groups)
    lines = [
        f"Round {plan.round.id}: {len(plan.groups)} pairs ({trios} trios) from "
        f"{plan.round.pool_size} members; {len(plan.unmatched)} couldn't be paired this time."
    ]
    if plan.lost_listener_role:
        lines.append(
            f"{len(plan.lost_listener_role)} listener(s) no longer have the listener role and "
            "were left out; I've told them privately how to rejoin."
        )
    if plan.unconfirmed_listeners:
        lines.append(
            f"I couldn't check listener roles with Discord, so {plan.unconfirmed_listeners} "
            "listener(s) sat this round out."
        )
    return "\n".join(lines)


def stats_embed(rounds: Sequence[RoundStats]) -> discord.Embed:
    embed = discord.Embed(title="Buddy rounds", colour=discord.Colour.blurple())
    if not rounds:
        embed.description = "No rounds yet."
        return embed
    for r in rounds:
        a = r.answers
        embed.add_field(
            name=f"Round {r.round_id} · {discord.utils.format_dt(r.started_at, 'd')}",
            value=(
                f"{r.pool} in the pool · {r.groups} pairs · {r.unmatched} unpaired\n"
                f"Connected: {a.get('yes', 0)} · not yet: {a.get('not_yet', 0)} · "
                f"not a good match: {a.get('bad_match', 0)} · no answer: {a.get('none', 0)}"
            ),
            inline=False,
        )
    return embed
