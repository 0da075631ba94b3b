"""What check-ins look like: mood buttons (persistent), the note modal, replies and summaries.

Buttons only parse their custom id and hand over to the Checkins cog, which owns the work."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import discord

from bot.checks import MEMBER, Gated, admit_only
from bot.components import FromCustomId
from bot.services.checkins import MOODS, NOTE_LIMIT, CheckinResult, GuildStats, History
from bot.services.crisis_lines import CrisisLine
from bot.tree import guarded

if TYPE_CHECKING:
    from cogs.checkins import Checkins

MOOD_EMOJI = {1: "😞", 2: "😕", 3: "😐", 4: "🙂", 5: "😄"}
MOOD_STYLE = {
    1: discord.ButtonStyle.secondary,
    2: discord.ButtonStyle.secondary,
    3: discord.ButtonStyle.secondary,
    4: discord.ButtonStyle.primary,
    5: discord.ButtonStyle.primary,
}


def _cog(interaction: discord.Interaction[Any]) -> Checkins:
    from cogs.checkins import Checkins

    cog = interaction.client.get_cog(Checkins.__cog_name__)
    assert isinstance(cog, Checkins)
    return cog


def _button(custom_id: str, mood: int) -> discord.ui.Button[Any]:
    return discord.ui.Button(
        label=f"{mood} {MOODS[mood]}",
        emoji=MOOD_EMOJI[mood],
        style=MOOD_STYLE[mood],
        custom_id=custom_id,
    )


def day_key(day: date) -> int:
    return int(day.strftime("%Y%m%d"))


def day_from_key(key: int) -> date:
    text = f"{key:08d}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


class MoodButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"checkin:mood:(?P<day>\d{8}):(?P<mood>[1-5])",
):
    """On the private /checkin reply: pick a mood, then add an optional note and tags."""

    gate = MEMBER  # records a check-in for whoever presses it, never for anyone else

    def __init__(
        self, button: discord.ui.Button[Any] | None = None, *, day: int, mood: int
    ) -> None:
        super().__init__(button or _button(f"checkin:mood:{day}:{mood}", mood))
        self.day, self.mood = day, mood

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, _cog(interaction).open_note(interaction, self.day, self.mood))


class DmMoodButton(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"checkin:dm:(?P<guild_id>\d+):(?P<user_id>\d+):(?P<mood>[1-5])",
):
    """On a reminder DM: records a check-in for the member the reminder was sent to."""

    def __init__(
        self,
        button: discord.ui.Button[Any] | None = None,
        *,
        guild_id: int,
        user_id: int,
        mood: int,
    ) -> None:
        super().__init__(button or _button(f"checkin:dm:{guild_id}:{user_id}:{mood}", mood))
        self.guild_id, self.user_id, self.mood = guild_id, user_id, mood

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(
            interaction, _cog(interaction).quick_checkin(interaction, self.guild_id, self.mood)
        )


class PromptMoodButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"checkin:prompt:(?P<mood>[1-5])",
):
    """On the server's daily prompt: a private check-in for whoever presses it."""

    gate = MEMBER

    def __init__(self, button: discord.ui.Button[Any] | None = None, *, mood: int) -> None:
        super().__init__(button or _button(f"checkin:prompt:{mood}", mood))
        self.mood = mood

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        await guarded(
            interaction,
            _cog(interaction).quick_checkin(interaction, interaction.guild_id, self.mood),
        )


DYNAMIC_ITEMS = (MoodButton, DmMoodButton, PromptMoodButton)


def mood_view(day: date) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for mood in MOODS:
        view.add_item(MoodButton(day=day_key(day), mood=mood))
    return view


def dm_view(guild_id: int, user_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for mood in MOODS:
        view.add_item(DmMoodButton(guild_id=guild_id, user_id=user_id, mood=mood))
    return view


def prompt_view() -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for mood in MOODS:
        view.add_item(PromptMoodButton(mood=mood))
    return view


class NoteModal(discord.ui.Modal):
    """The optional note (up to 1,000 characters) and tags for one check-in."""

    def __init__(self, cog: Checkins, day: date, mood: int, tags: list[str]) -> None:
        super().__init__(title=f"Check-in: {MOODS[mood]}"[:45], custom_id="checkin:note")
        self.cog, self.day, self.mood = cog, day, mood
        self.note: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Anything you'd like to note? (optional)",
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=NOTE_LIMIT,
            custom_id="checkin:note:text",
        )
        self.add_item(self.note)
        self.tags: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="checkin:note:tags",
            placeholder="Pick any that fit",
            required=False,
            min_values=0,
            max_values=len(tags),
            options=[discord.SelectOption(label=t[:100], value=t[:100]) for t in tags],
        )
        self.add_item(discord.ui.Label(text="Tags (optional)", component=self.tags))

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(
            interaction,
            self.cog.finish_checkin(
                interaction, self.day, self.mood, self.note.value or "", list(self.tags.values)
            ),
        )


def result_text(result: CheckinResult, when: str) -> str:
    mood = result.checkin.mood
    lines = [f"{MOOD_EMOJI[mood]} Checked in{when}: **{MOODS[mood]}**. Only you can see this."]
    if result.milestone == 7:
        lines.append(
            "🌱 That's a week of check-ins in a row. Thank you for looking after yourself."
        )
    elif result.milestone == 30:
        lines.append("🌳 Thirty days of check-ins in a row. That's real care for yourself.")
    if result.offer_support and not result.escalate:
        lines.append(
            "💙 It sounds like things have been heavy lately. You don't have to carry it alone."
        )
    return "\n".join(lines)


def support_embed(lines: tuple[CrisisLine, ...]) -> discord.Embed:
    embed = discord.Embed(
        title="💙 Support is here if you want it",
        colour=discord.Colour.blurple(),
        description=(
            "If things feel like too much, you can reach a moderator privately with "
            "**/help-now**, or ask for a buddy to check in with you (buddy pairing). "
            "If you are in danger right now, please contact one of these:"
        ),
    )
    for line in lines[:10]:
        value = f"{line.contact}\n{line.url}" if line.url else line.contact
        embed.add_field(name=line.name, value=value, inline=False)
    return embed


def history_text(h: History) -> str:
    if h.average is None:
        shown = "%d %b" if h.start.year == h.end.year else "%d %b %Y"  # a year back: say which
        return (
            f"No check-ins between {h.start:{shown}} and {h.end:{shown}} yet. Use `/checkin` "
            "whenever you like; there's no wrong time."
        )
    parts = [f"**Average:** {h.average:.1f} ({MOODS[round(h.average)]})"]
    trend = h.trend
    if trend is None:
        parts.append("**Trend:** nothing to compare with from the period before")
    elif abs(trend) < 0.25:
        parts.append("**Trend:** about the same as the period before")
    else:
        word = "up" if trend > 0 else "down"
        parts.append(f"**Trend:** {word} {abs(trend):.1f} from the period before")
    parts.append(f"**Days with a check-in:** {len(h.daily)} (current streak {h.streak})")
    if h.top_tags:
        parts.append("**Most common tags:** " + ", ".join(f"{t} ({n})" for t, n in h.top_tags))
    return "\n".join(parts)


def stats_text(stats: GuildStats) -> str:
    if stats.members is None:
        return (
            f"Fewer than 5 members checked in over the last {stats.days} days, so no figures "
            "are shown (small groups could identify people)."
        )
    lines = [f"**{stats.members}** members checked in over the last {stats.days} days.", ""]
    for week in stats.weeks:
        if week.members is None or week.moods is None:
            lines.append(f"`{week.week}`: fewer than 5 members; not shown")
            continue
        spread = " · ".join(f"{MOOD_EMOJI[m]} {week.moods.get(m, 0)}" for m in MOODS)
        lines.append(f"`{week.week}`: {week.members} members: {spread}")
    return "\n".join(lines)[:1990]
