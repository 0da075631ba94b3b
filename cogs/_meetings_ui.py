"""What meeting announcements, DMs and lists look like, and their persistent buttons.

The buttons only parse their custom id and hand over to the Meetings cog."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import discord

from bot.checks import MEMBER, Gated
from bot.components import FromCustomId
from bot.services.meeting_time import Recurrence, describe
from bot.services.meetings import Counts, local_start
from bot.tree import guarded
from db.models import Meeting, MeetingOccurrence

if TYPE_CHECKING:
    from cogs.meetings import Meetings

KIND_TEXT = {
    "support": ("🤝", "Support group meeting", "Everyone is welcome, come as you are."),
    "talk": ("🎤", "Guest talk", "A guest shares their experience; questions welcome."),
    "social": ("☕", "Social gathering", "Informal time together: no agenda, just company."),
}
ANSWER_LABELS = {"going": "Going", "maybe": "Maybe", "no": "Can't go"}
ANSWER_STYLES = {
    "going": discord.ButtonStyle.success,
    "maybe": discord.ButtonStyle.primary,
    "no": discord.ButtonStyle.secondary,
}
RATING_LABELS = {"good": "😊 Good", "okay": "😐 Okay", "hard": "😔 Hard"}


def safe(text: str | None, limit: int) -> str:
    text = discord.utils.escape_mentions(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stamp(moment: datetime) -> str:
    return f"{discord.utils.format_dt(moment, 'F')} ({discord.utils.format_dt(moment, 'R')})"


def where_text(meeting: Meeting) -> str:
    if meeting.voice_channel_id:
        return f"<#{meeting.voice_channel_id}>"
    return safe(meeting.location, 200) or "to be announced"


def _minutes_text(minutes: int) -> str:
    if minutes % 1440 == 0:
        days = minutes // 1440
        return f"{days} day{'s' * (days != 1)}"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' * (hours != 1)}"
    return f"{minutes} minute{'s' * (minutes != 1)}"


def headline(occurrence: MeetingOccurrence, moved_to: datetime | None = None) -> str:
    if occurrence.state == "cancelled":
        return "❌ **Cancelled.** This meeting will not take place."
    if occurrence.state == "skipped":
        return "⏭️ **Skipped this time.** The series continues as usual."
    if occurrence.state == "replaced" and moved_to is not None:
        return f"🔁 **Moved to {stamp(moved_to)}.** The new time gets its own announcement."
    if occurrence.state == "replaced":
        return "🔁 **Moved.** See the new announcement for the new time."
    if occurrence.announced_minutes == 0:
        return "🟢 **Starting now.** Join below."
    if occurrence.announced_minutes:
        return f"⏰ **Reminder:** starts in {_minutes_text(occurrence.announced_minutes)}."
    return "📅 **Coming up.**"


def announcement_embed(
    meeting: Meeting,
    occurrence: MeetingOccurrence,
    counts: Counts,
    rules: tuple[str, ...],
    *,
    moved_to: datetime | None = None,
) -> discord.Embed:
    emoji, kind_label, welcome = KIND_TEXT.get(meeting.kind, KIND_TEXT["support"])
    live = occurrence.state == "scheduled"
    embed = discord.Embed(
        title=f"{emoji} {safe(meeting.title, 200)}",
        colour=discord.Colour.teal() if live else discord.Colour.dark_grey(),
    )
    parts = [headline(occurrence, moved_to), f"*{kind_label}.* {welcome}"]
    if meeting.description:
        parts.append(safe(meeting.description, 1000))
    embed.description = "\n\n".join(parts)
    embed.add_field(name="When", value=stamp(occurrence.starts_at), inline=False)
    first_local = local_start(meeting, occurrence)
    embed.add_field(
        name="How long",
        value=f"{_minutes_text(meeting.duration_minutes)} · "
        f"{describe(Recurrence(meeting.recurrence), first_local)}",
        inline=True,
    )
    embed.add_field(name="Where", value=where_text(meeting), inline=True)
    if meeting.kind == "talk":
        speaker = safe(meeting.speaker_name, 100)
        if meeting.speaker_role:
            speaker += f", {safe(meeting.speaker_role, 100)}"
        embed.add_field(name="Speaker", value=speaker or "-", inline=False)
        embed.add_field(name="Host", value=f"<@{meeting.facilitator_id}>", inline=True)
    elif meeting.kind == "social":
        embed.add_field(name="Host", value=f"<@{meeting.facilitator_id}>", inline=True)
    else:
        embed.add_field(name="Facilitator", value=f"<@{meeting.facilitator_id}>", inline=True)
    if meeting.content_notes:
        embed.add_field(
            name="Content notes", value=f"||{safe(meeting.content_notes, 500)}||", inline=False
        )
    if meeting.kind != "social" and rules:
        text = "\n".join(f"• {safe(rule, 200)}" for rule in rules)
        embed.add_field(name="Ground rules", value=text[:1024], inline=False)
    embed.add_field(
        name="Who's coming",
        value=f"Going **{counts.going}** · Maybe **{counts.maybe}** · Can't go **{counts.no}**",
        inline=False,
    )
    embed.set_footer(
        text=f"Meeting #{meeting.id} · times are shown in your own time zone · "
        "/meeting notify turns DM reminders on or off"
    )
    return embed


def rsvp_view(occurrence: MeetingOccurrence, counts: Counts) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    open_ = occurrence.state == "scheduled"
    for answer in ("going", "maybe", "no"):
        view.add_item(
            RsvpButton(
                occurrence_id=occurrence.id or 0,
                answer=answer,
                count=getattr(counts, answer),
                disabled=not open_,
            )
        )
    return view


def start_text(meeting: Meeting) -> str:
    ping = f"<@&{meeting.ping_role_id}> " if meeting.ping_role_id else ""
    verb = "is starting now" if meeting.kind != "social" else "is on now, drop in any time"
    return f"{ping}**{safe(meeting.title, 200)}** {verb}: {where_text(meeting)}"


def dm_reminder_embed(
    meeting: Meeting, occurrence: MeetingOccurrence, guild_name: str
) -> discord.Embed:
    embed = discord.Embed(
        title=f"Reminder: {safe(meeting.title, 200)}",
        colour=discord.Colour.teal(),
        description=f"In **{safe(guild_name, 100)}**, {stamp(occurrence.starts_at)}.\n"
        f"Where: {where_text(meeting)}",
    )
    embed.set_footer(text="You said you might come. Turn these off with /meeting notify off.")
    return embed


def feedback_view(occurrence_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for rating in RATING_LABELS:
        view.add_item(FeedbackButton(occurrence_id=occurrence_id, rating=rating))
    return view


def confirm_view(occurrence_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ConfirmButton(occurrence_id=occurrence_id))
    return view


async def _hand_over(interaction: discord.Interaction[Any], handler: str, *args: Any) -> None:
    cog: Meetings = interaction.client.get_cog("Meetings")
    await guarded(interaction, getattr(cog, handler)(interaction, *args))


class RsvpButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"meeting:rsvp:(?P<occurrence_id>\d+):(?P<answer>going|maybe|no)",
):
    gate = MEMBER  # anyone who sees the announcement answers for themselves

    def __init__(
        self,
        button: discord.ui.Button[Any] | None = None,
        *,
        occurrence_id: int,
        answer: str,
        count: int = 0,
        disabled: bool = False,
    ) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label=f"{ANSWER_LABELS[answer]} ({count})",
                style=ANSWER_STYLES[answer],
                custom_id=f"meeting:rsvp:{occurrence_id}:{answer}",
                disabled=disabled,
            )
        )
        self.occurrence_id, self.answer = occurrence_id, answer

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _hand_over(interaction, "on_rsvp", self.occurrence_id, self.answer)


class FeedbackButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"meeting:feedback:(?P<occurrence_id>\d+):(?P<rating>good|okay|hard)",
):
    gate = MEMBER  # private feedback from whoever presses it

    def __init__(
        self, button: discord.ui.Button[Any] | None = None, *, occurrence_id: int, rating: str
    ) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label=RATING_LABELS[rating],
                style=discord.ButtonStyle.secondary,
                custom_id=f"meeting:feedback:{occurrence_id}:{rating}",
            )
        )
        self.occurrence_id, self.rating = occurrence_id, rating

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _hand_over(interaction, "on_feedback", self.occurrence_id, self.rating)


class ConfirmButton(
    Gated,
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"meeting:confirm:(?P<occurrence_id>\d+)",
):
    """In a facilitator's DM; who may press it is checked against the meeting in the cog."""

    gate = MEMBER  # the service refuses anyone who is not this occurrence's facilitator

    def __init__(self, button: discord.ui.Button[Any] | None = None, *, occurrence_id: int) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label="I'll be there",
                style=discord.ButtonStyle.success,
                custom_id=f"meeting:confirm:{occurrence_id}",
            )
        )
        self.occurrence_id = occurrence_id

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _hand_over(interaction, "on_confirm", self.occurrence_id)
