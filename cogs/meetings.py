"""Meetings: /meeting commands, exactly-once announcements, RSVP buttons and native events.

Thin: the service decides; this cog parses interactions, posts, and keeps the Events tab in
step. Timers are only wake-ups: each announcement starts with the service's atomic claim."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import timezone_choices
from bot.bot import KinshipBot
from bot.checks import MODERATOR, Gate, is_moderator
from bot.errors import InvalidInput
from bot.locks import KeyedLocks
from bot.options import RowId
from bot.services import guild_config, meetings
from bot.services.meeting_time import (
    Recurrence,
    describe,
    format_reminders,
    parse_reminders,
    parse_when,
)
from bot.services.meetings import Claim, Kind, MeetingInput, Scheduled, Work
from bot.text import clean_lines, clean_user_text
from bot.tree import reply
from cogs._meetings_ui import (
    ConfirmButton,
    FeedbackButton,
    RsvpButton,
    announcement_embed,
    confirm_view,
    dm_reminder_embed,
    feedback_view,
    rsvp_view,
    safe,
    stamp,
    start_text,
    where_text,
)
from db.models import Meeting, MeetingOccurrence

log = logging.getLogger(__name__)

DYNAMIC_ITEMS = (RsvpButton, FeedbackButton, ConfirmButton)
WINDOW = timedelta(hours=2)  # timers are armed this far ahead; the sweep arms the rest
SWEEP_EVERY = timedelta(hours=1)
EVENT_STATUS_ACTIVE, EVENT_STATUS_COMPLETED, EVENT_STATUS_CANCELED = 2, 3, 4


async def is_meeting_organiser(interaction: discord.Interaction[Any]) -> bool:
    """Moderators, or members with Manage Events."""
    if interaction.guild_id is not None and interaction.permissions.manage_events:
        return True
    return await is_moderator(interaction)


ORGANISER = Gate(
    "meeting organiser",
    is_meeting_organiser,
    "Only moderators or members with the Manage Events permission can manage meetings.",
)

KIND_CHOICES = [
    app_commands.Choice(name="Support group", value="support"),
    app_commands.Choice(name="Guest talk", value="talk"),
    app_commands.Choice(name="Social gathering", value="social"),
]
REPEAT_CHOICES = [
    app_commands.Choice(name="Once", value="once"),
    app_commands.Choice(name="Every day", value="daily"),
    app_commands.Choice(name="Every week", value="weekly"),
    app_commands.Choice(name="Every two weeks", value="biweekly"),
    app_commands.Choice(name="Every month on the same nth weekday", value="monthly"),
]


_U = TypeVar("_U", bound=discord.abc.User)


def _person(member: _U, role: str) -> _U:
    """Facilitators are people who answer DMs; a bot (Kinship included) can't confirm."""
    if member.bot:
        raise InvalidInput(f"The {role} must be a person, not a bot.")
    return member


class ChannelGone(Exception):
    """The announcement channel was deleted; the announcement fails (ids logged)."""


def _clean(text: str | None, limit: int, what: str, *, required: bool = False) -> str:
    return clean_user_text(text or "", limit=limit, what=what, required=required)


class Meetings(commands.Cog):
    meeting = app_commands.Group(
        name="meeting",
        description="Support-group meetings: schedule, list and RSVP.",
        guild_only=True,
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        # Held while a series' post is made and recorded, and while an organiser changes the
        # series: a change then never misses a post, and a post never shows a stale series.
        self._series_lock = KeyedLocks()

    # --- lifecycle ------------------------------------------------------------------------------

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        await self.rebuild_timers()
        self.bot.timers.every("meetings:sweep", SWEEP_EVERY, self._sweep)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.timers.cancel_prefix("meetings:")

    async def rebuild_timers(self) -> int:
        """The database is the truth: roll series forward after downtime, arm what is due soon."""
        now = self.bot.clock.now()
        rolled: list[Scheduled] = []
        async with self.bot.sessions() as session:
            for meeting_id in await meetings.series_needing_roll(session, now):
                result = await meetings.roll_forward(session, meeting_id, now)
                if result is not None and result.occurrence is not None:
                    rolled.append(result)
            pending = await meetings.pending_until(session, now + WINDOW)
        for due_at in {due_at for _, due_at in pending}:
            self._arm(due_at)
        if rolled:
            self.bot.spawn(self._events_when_ready(rolled), name="meetings-events")
        log.info("Armed %d meeting timers (%d series rolled forward)", len(pending), len(rolled))
        return len(pending)

    async def _events_when_ready(self, rolled: list[Scheduled]) -> None:
        await self.bot.wait_until_ready()
        for result in rolled:
            await self._create_event(result)

    async def _sweep(self) -> None:
        await self.rebuild_timers()

    def _arm(self, due_at: datetime) -> None:
        """One wake-up per due time: announcements due together are claimed together."""
        self.bot.timers.at(f"meetings:due:{due_at.isoformat()}", due_at, self._run)

    def _arm_scheduled(self, result: Scheduled) -> None:
        horizon = self.bot.clock.now() + WINDOW
        for row in result.announcements:
            if row.state == "pending" and row.due_at <= horizon and row.id is not None:
                self._arm(row.due_at)

    # --- announcements --------------------------------------------------------------------------

    async def _run(self) -> None:
        """Timer work, tracked so that shutdown lets announcements in flight finish."""
        task = self.bot.spawn(self._send_due(), name="meetings-announce")
        await asyncio.shield(task)

    async def _send_due(self) -> None:
        """Claim everything due in one transaction, then send it all concurrently."""
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            claimed = await meetings.claim_due(session, now)
        await asyncio.gather(*(self._perform(work, now) for _, work in claimed if work is not None))
        # Series whose start was skipped as too late still move on (the sweep finds them).
        if any(outcome is Claim.LATE for outcome, _ in claimed):
            await self._roll_stalled(now)

    async def _perform(self, work: Work, now: datetime) -> None:
        if work.announcement.kind in ("reminder", "start"):
            async with self._series_lock(work.meeting.id):
                following = await self._carry_out(work, now)
        else:
            following = await self._carry_out(work, now)
        if following is not None and following.occurrence is not None:
            self._arm_scheduled(following)
            await self._create_event(following)

    async def _carry_out(self, claimed: Work, now: datetime) -> Scheduled | None:
        async with self.bot.sessions() as session:
            work = await meetings.recheck(session, claimed)
        if work is None:
            return None
        kind = work.announcement.kind
        state, post = "sent", None
        try:
            if kind in ("reminder", "start"):
                post = await self._announce(work)
            elif kind == "dm":
                await self._dm_reminders(work)
            elif kind in ("confirm", "backup"):
                await self._ask_facilitator(work)
            elif kind == "feedback":
                await self._ask_feedback(work)
        except (discord.HTTPException, ChannelGone) as error:
            log.warning(
                "Meeting announcement %s (%s) failed: %s",
                work.announcement.id,
                kind,
                type(error).__name__,
            )
            state = "failed"
        # Discord starts and ends nothing by itself: the Events tab shows a meeting as live from
        # its start until its end only if we say so.
        if kind == "start":
            await self._set_event_status(work.occurrence, EVENT_STATUS_ACTIVE)
        elif kind == "feedback":
            await self._set_event_status(work.occurrence, EVENT_STATUS_COMPLETED)
        async with self.bot.sessions() as session:
            return await meetings.complete(session, work, now, state=state, post=post)

    async def _roll_stalled(self, now: datetime) -> None:
        async with self.bot.sessions() as session:
            stalled = await meetings.series_needing_roll(session, now)
            rolled = [await meetings.roll_forward(session, m, now) for m in stalled]
        for following in rolled:
            if following is not None and following.occurrence is not None:
                self._arm_scheduled(following)
                await self._create_event(following)

    async def _render(
        self, meeting: Meeting, occurrence: MeetingOccurrence, moved_to: datetime | None = None
    ) -> tuple[discord.Embed, discord.ui.View]:
        assert occurrence.id is not None
        async with self.bot.sessions() as session:
            counts = await meetings.counts(session, occurrence.id)
            rules = await meetings.ground_rules(session, meeting.guild_id)
        embed = announcement_embed(meeting, occurrence, counts, rules, moved_to=moved_to)
        return embed, rsvp_view(occurrence, counts)

    def _channel(self, channel_id: int | None) -> discord.abc.Messageable | None:
        channel = self.bot.get_channel(channel_id) if channel_id else None
        return channel if isinstance(channel, discord.abc.Messageable) else None

    async def _announce(self, work: Work) -> tuple[int, int]:
        """Post the announcement, or edit the one already posted; returns (channel, message)."""
        meeting, occurrence = work.meeting, work.occurrence
        minutes = work.announcement.offset_minutes if work.announcement.kind == "reminder" else 0
        occurrence.announced_minutes = minutes
        embed = announcement_embed(meeting, occurrence, work.counts, work.rules)
        view = rsvp_view(occurrence, work.counts)
        pings = discord.AllowedMentions(
            roles=[discord.Object(meeting.ping_role_id)] if meeting.ping_role_id else False
        )
        existing = self._channel(occurrence.message_channel_id)
        message_id = occurrence.message_id
        if existing is not None and message_id is not None:
            try:
                await existing.get_partial_message(message_id).edit(embed=embed, view=view)  # type: ignore[attr-defined]
            except discord.NotFound:  # someone deleted the post: post it again below
                existing = message_id = None
            else:
                channel_id = existing.id  # type: ignore[attr-defined]
        if existing is None or message_id is None:
            channel = self._channel(meeting.announce_channel_id)
            if channel is None:
                raise ChannelGone(meeting.announce_channel_id)
            content = f"<@&{meeting.ping_role_id}>" if meeting.ping_role_id else None
            message = await channel.send(content, embed=embed, view=view, allowed_mentions=pings)
            channel_id, message_id = message.channel.id, message.id
            existing = channel
        if minutes == 0:
            await existing.send(start_text(meeting), allowed_mentions=pings)
        return channel_id, message_id

    async def _dm(self, user_id: int, **kwargs: Any) -> bool:
        try:
            user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
            if not isinstance(user, discord.User):
                return False  # Kinship itself (a ClientUser), e.g. on a meeting saved before
            await user.send(**kwargs)
        except discord.HTTPException:
            log.info("Could not DM user %s about a meeting (DMs closed?)", user_id)
            return False
        return True

    async def _dm_reminders(self, work: Work) -> None:
        async with self.bot.sessions() as session:
            users = await meetings.dm_recipients(session, work.occurrence, ("going", "maybe"))
        guild = self.bot.get_guild(work.meeting.guild_id)
        for user_id in users:
            embed = dm_reminder_embed(work.meeting, work.occurrence, guild.name if guild else "")
            await self._dm(user_id, embed=embed)

    async def _ask_facilitator(self, work: Work) -> None:
        meeting, occurrence = work.meeting, work.occurrence
        assert occurrence.id is not None
        if work.announcement.kind == "confirm":
            if occurrence.facilitator_confirmed:
                return
            text = (
                f"You're down to facilitate **{safe(meeting.title, 100)}** "
                f"{stamp(occurrence.starts_at)}. Please confirm you'll be there."
            )
            await self._dm(meeting.facilitator_id, content=text, view=confirm_view(occurrence.id))
            return
        if occurrence.facilitator_confirmed or meeting.backup_facilitator_id is None:
            return
        text = (
            f"The facilitator of **{safe(meeting.title, 100)}** ({stamp(occurrence.starts_at)}) "
            "hasn't confirmed yet. As the backup facilitator, could you step in if needed?"
        )
        await self._dm(
            meeting.backup_facilitator_id, content=text, view=confirm_view(occurrence.id)
        )

    async def _ask_feedback(self, work: Work) -> None:
        assert work.occurrence.id is not None
        async with self.bot.sessions() as session:
            users = await meetings.dm_recipients(session, work.occurrence, ("going",))
        for user_id in users:
            await self._dm(
                user_id,
                content=f"How was **{safe(work.meeting.title, 100)}** for you? Only you see this; "
                "moderators only see totals. Answering is optional.",
                view=feedback_view(work.occurrence.id),
            )

    async def _refresh_post(
        self, meeting: Meeting, occurrence: MeetingOccurrence, moved_to: datetime | None = None
    ) -> None:
        channel = self._channel(occurrence.message_channel_id)
        if channel is None or occurrence.message_id is None:
            return
        embed, view = await self._render(meeting, occurrence, moved_to)
        try:
            await channel.get_partial_message(occurrence.message_id).edit(embed=embed, view=view)  # type: ignore[attr-defined]
        except discord.HTTPException:
            log.info("Could not update the post for meeting occurrence %s", occurrence.id)

    # --- native scheduled events ----------------------------------------------------------------

    def _event_fields(self, meeting: Meeting, occurrence: MeetingOccurrence) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "name": meeting.title[:100],
            "description": (meeting.description or "")[:1000],
            "privacy_level": 2,
            "scheduled_start_time": occurrence.starts_at.isoformat(),
            "scheduled_end_time": occurrence.ends_at.isoformat(),
        }
        channel = (
            self.bot.get_channel(meeting.voice_channel_id) if meeting.voice_channel_id else None
        )
        if isinstance(channel, discord.StageChannel):
            fields.update(entity_type=1, channel_id=channel.id, entity_metadata=None)
        elif isinstance(channel, discord.VoiceChannel):
            fields.update(entity_type=2, channel_id=channel.id, entity_metadata=None)
        else:
            location = meeting.location or "See the announcement"
            fields.update(
                entity_type=3, channel_id=None, entity_metadata={"location": location[:100]}
            )
        return fields

    async def _create_event(self, result: Scheduled) -> str | None:
        """Add the occurrence to the Events tab; returns what is missing, if it couldn't."""
        occurrence = result.occurrence
        if occurrence is None or occurrence.id is None:
            return None
        try:
            data = await self.bot.http.create_guild_scheduled_event(
                result.meeting.guild_id, **self._event_fields(result.meeting, occurrence)
            )
        except discord.Forbidden:
            return (
                "It isn't in the server's Events tab: I need the **Manage Events** permission. "
                "Everything else (announcements, reminders, RSVP) works without it."
            )
        except discord.HTTPException as error:
            log.warning(
                "Discord refused a scheduled event for meeting %s: %s",
                result.meeting.id,
                error.code,
            )
            return "Discord refused to add it to the Events tab; announcements still work."
        async with self.bot.sessions() as session:
            await meetings.set_event_id(session, occurrence.id, int(data["id"]))
        occurrence.discord_event_id = int(data["id"])
        return None

    async def _set_event_status(self, occurrence: MeetingOccurrence, status: int) -> None:
        if occurrence.discord_event_id is None:
            return
        try:
            await self.bot.http.edit_scheduled_event(
                occurrence.guild_id, occurrence.discord_event_id, status=status
            )
        except discord.HTTPException:
            # Someone may have started, ended or deleted it by hand.
            log.info(
                "Could not set scheduled event %s to status %s",
                occurrence.discord_event_id,
                status,
            )

    async def _update_event(self, meeting: Meeting, occurrence: MeetingOccurrence) -> None:
        if occurrence.discord_event_id is None:
            return
        try:
            await self.bot.http.edit_scheduled_event(
                occurrence.guild_id,
                occurrence.discord_event_id,
                **self._event_fields(meeting, occurrence),
            )
        except discord.HTTPException:
            log.info("Could not update scheduled event %s", occurrence.discord_event_id)

    @commands.Cog.listener()
    async def on_scheduled_event_interest(
        self, event_id: int, user_id: int, interested: bool
    ) -> None:
        """Interested on the native event counts as Going; taking it back withdraws that."""
        if interested:
            await self._interest_added(event_id, user_id)
        else:
            await self._interest_removed(event_id, user_id)

    async def _interest_added(self, event_id: int, user_id: int) -> None:
        async with self.bot.sessions() as session:
            occurrence = await meetings.occurrence_for_event(session, event_id)
            if occurrence is None or occurrence.id is None:
                return
            if await meetings.answer_of(session, occurrence.id, user_id) is not None:
                return  # an answer given with the buttons wins
            try:
                await meetings.set_rsvp(
                    session, occurrence.id, user_id, "going", self.bot.clock.now(), source="event"
                )
            except InvalidInput:
                return
            occurrence, meeting = await meetings.occurrence_with_meeting(session, occurrence.id)
        await self._refresh_post(meeting, occurrence)

    async def _interest_removed(self, event_id: int, user_id: int) -> None:
        async with self.bot.sessions() as session:
            occurrence = await meetings.occurrence_for_event(session, event_id)
            if occurrence is None or occurrence.id is None:
                return
            await meetings.withdraw_interest(session, occurrence.id, user_id)
            occurrence, meeting = await meetings.occurrence_with_meeting(session, occurrence.id)
        await self._refresh_post(meeting, occurrence)

    # --- components -----------------------------------------------------------------------------

    async def on_rsvp(
        self, interaction: discord.Interaction[Any], occurrence_id: int, answer: str
    ) -> None:
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            counts = await meetings.set_rsvp(
                session, occurrence_id, interaction.user.id, answer, now
            )
            occurrence, meeting = await meetings.occurrence_with_meeting(session, occurrence_id)
            rules = await meetings.ground_rules(session, meeting.guild_id)
        await interaction.response.edit_message(
            embed=announcement_embed(meeting, occurrence, counts, rules),
            view=rsvp_view(occurrence, counts),
        )
        label = {"going": "Going", "maybe": "Maybe", "no": "Can't go"}[answer]
        note = (
            " I'll DM you a reminder before it starts (turn that off with `/meeting notify off`)."
            if answer != "no"
            else ""
        )
        await reply(
            interaction, f"You're down as **{label}**. Press another button to change.{note}"
        )

    async def on_feedback(
        self, interaction: discord.Interaction[Any], occurrence_id: int, rating: str
    ) -> None:
        async with self.bot.sessions() as session:
            await meetings.record_feedback(
                session, occurrence_id, interaction.user.id, rating, self.bot.clock.now()
            )
        await reply(interaction, "Thank you. Your answer is private; moderators only see totals.")

    async def on_confirm(self, interaction: discord.Interaction[Any], occurrence_id: int) -> None:
        async with self.bot.sessions() as session:
            await meetings.confirm_facilitator(session, occurrence_id, interaction.user.id)
        await reply(interaction, "Thanks for confirming. See you there!")

    # --- commands -------------------------------------------------------------------------------

    async def meeting_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        async with self.bot.sessions() as session:
            found = await meetings.search(session, interaction.guild_id, current)
        return [
            app_commands.Choice(name=f"#{m.id} {m.title}"[:100], value=m.id or 0) for m in found
        ]

    async def _announce_channel(
        self, guild: discord.Guild, chosen: discord.TextChannel | None
    ) -> int:
        if chosen is not None:
            channel_id = chosen.id
        else:
            async with self.bot.sessions() as session:
                config = await guild_config.get_config(session, guild.id)
            if config.announcements_channel_id is None:
                raise InvalidInput(
                    "Choose an announcement `channel`, or set this server's announcements "
                    "channel with `/setup`."
                )
            channel_id = config.announcements_channel_id
        channel = guild.get_channel(channel_id)
        if not isinstance(channel, discord.TextChannel):
            raise InvalidInput(
                "The announcements channel no longer exists (was it deleted?). Choose another "
                "`channel`, or set one with `/setup`."
            )
        perms = channel.permissions_for(guild.me)
        if not (perms.view_channel and perms.send_messages and perms.embed_links):
            raise InvalidInput(
                f"I can't post in {channel.mention}: I need View Channel, Send Messages and "
                "Embed Links there."
            )
        return channel.id

    @meeting.command(
        name="schedule", description="Schedule a meeting (moderators or Manage Events)."
    )
    @app_commands.describe(
        title="What the meeting is called",
        when="Start, e.g. 2026-12-01 19:00, Monday 19:00 or tomorrow 19:00",
        duration="Length in minutes (at most 24 hours)",
        repeat="How often it happens",
        voice_channel="The voice or stage channel it happens in",
        location="Or a link or in-person address",
        channel="Where announcements go (default: the server's announcements channel)",
        description="What the meeting is about",
        facilitator="Who facilitates (default: you)",
        backup="A backup facilitator, asked if the facilitator hasn't confirmed an hour before",
        content_notes="Topics people may want to know about beforehand",
        reminders="Reminder times before the start, e.g. 24h, 15m (default), or none",
        kind="Support group (default), guest talk or social gathering",
        speaker="Guest talk: the speaker's name",
        speaker_role="Guest talk: the speaker's role",
        ping="A role to ping when announcing",
        timezone="Time zone of the start time (default: the server's)",
    )
    @app_commands.choices(kind=KIND_CHOICES, repeat=REPEAT_CHOICES)
    @app_commands.autocomplete(timezone=timezone_choices)
    @ORGANISER.check()
    async def schedule(
        self,
        interaction: discord.Interaction[Any],
        title: app_commands.Range[str, 1, 100],
        when: app_commands.Range[str, 1, 60],
        duration: app_commands.Range[int, 5, 1440] = 60,
        repeat: str = "once",
        voice_channel: discord.VoiceChannel | discord.StageChannel | None = None,
        location: app_commands.Range[str, 1, 200] | None = None,
        channel: discord.TextChannel | None = None,
        description: app_commands.Range[str, 1, 1000] | None = None,
        facilitator: discord.Member | None = None,
        backup: discord.Member | None = None,
        content_notes: app_commands.Range[str, 1, 500] | None = None,
        reminders: app_commands.Range[str, 1, 60] | None = None,
        kind: str = "support",
        speaker: app_commands.Range[str, 1, 100] | None = None,
        speaker_role: app_commands.Range[str, 1, 100] | None = None,
        ping: discord.Role | None = None,
        timezone: str | None = None,
    ) -> None:
        guild = interaction.guild
        assert guild is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            config = await guild_config.get_config(session, guild.id)
        zone = guild_config.resolve_timezone(timezone) if timezone else config.timezone or "UTC"
        parsed = parse_when(when, zone, now)
        if ping is not None and ping.is_default():
            raise InvalidInput("Kinship never pings @everyone; choose a role instead.")
        try:
            chosen_repeat, chosen_kind = Recurrence(repeat), Kind(kind)
        except ValueError:
            raise InvalidInput("Please pick one of the offered choices.") from None
        data = MeetingInput(
            guild_id=guild.id,
            created_by=interaction.user.id,
            title=_clean(title, 100, "title", required=True),
            starts_at=parsed.starts_at,
            timezone=zone,
            duration_minutes=duration,
            recurrence=chosen_repeat,
            announce_channel_id=await self._announce_channel(guild, channel),
            facilitator_id=_person(facilitator or interaction.user, "facilitator").id,
            backup_facilitator_id=_person(backup, "backup facilitator").id if backup else None,
            reminder_minutes=parse_reminders(reminders),
            kind=chosen_kind,
            description=_clean(description, 1000, "description"),
            voice_channel_id=voice_channel.id if voice_channel else None,
            location=_clean(location, 200, "location") or None,
            content_notes=_clean(content_notes, 500, "content notes"),
            ping_role_id=ping.id if ping else None,
            speaker_name=_clean(speaker, 100, "speaker name") or None,
            speaker_role=_clean(speaker_role, 100, "speaker role") or None,
        )
        async with self.bot.sessions() as session:
            result = await meetings.schedule(session, data, now)
        assert result.occurrence is not None
        problem = await self._create_event(result)
        self._arm_scheduled(result)
        meeting = result.meeting
        lines = [
            f"Scheduled **{safe(meeting.title, 100)}** (meeting #{meeting.id}): first "
            f"{stamp(result.occurrence.starts_at)}, {describe(chosen_repeat, parsed.local)} "
            f"({zone}).",
            f"Where: {where_text(meeting)} · announcements in <#{meeting.announce_channel_id}> · "
            f"reminders: {format_reminders(data.reminder_minutes)}.",
        ]
        if problem:
            lines.append(f"⚠️ {problem}")
        await reply(interaction, "\n".join(lines))

    @meeting.command(name="list", description="Upcoming meetings in this server.")
    async def list_meetings(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            found = await meetings.upcoming(session, interaction.guild_id, self.bot.clock.now())
        if not found:
            await reply(interaction, "No meetings are scheduled right now.")
            return
        lines = []
        for meeting, occurrence in found[:25]:
            repeat = describe(
                Recurrence(meeting.recurrence), meetings.local_start(meeting, occurrence)
            )
            lines.append(
                f"**#{meeting.id} {safe(meeting.title, 100)}**: {stamp(occurrence.starts_at)}, "
                f"{repeat} · {where_text(meeting)}"
            )
        embed = discord.Embed(
            title="Upcoming meetings",
            description="\n".join(lines)[:4000],
            colour=discord.Colour.teal(),
        )
        embed.set_footer(text="Times are shown in your own time zone.")
        await reply(interaction, embed=embed)

    @meeting.command(name="edit", description="Change a meeting (moderators or Manage Events).")
    @app_commands.describe(
        meeting="The meeting",
        title="New title",
        when="New start (the series moves), e.g. Monday 19:30",
        duration="New length in minutes",
        description="New description",
        content_notes="New content notes",
        voice_channel="New voice or stage channel",
        location="New link or address",
        facilitator="New facilitator",
        backup="New backup facilitator",
    )
    @app_commands.autocomplete(meeting=meeting_choices)
    @ORGANISER.check()
    async def edit(
        self,
        interaction: discord.Interaction[Any],
        meeting: RowId,
        title: app_commands.Range[str, 1, 100] | None = None,
        when: app_commands.Range[str, 1, 60] | None = None,
        duration: app_commands.Range[int, 5, 1440] | None = None,
        description: app_commands.Range[str, 1, 1000] | None = None,
        content_notes: app_commands.Range[str, 1, 500] | None = None,
        voice_channel: discord.VoiceChannel | discord.StageChannel | None = None,
        location: app_commands.Range[str, 1, 200] | None = None,
        facilitator: discord.Member | None = None,
        backup: discord.Member | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.bot.clock.now()
        changes: dict[str, object] = {}
        async with self.bot.sessions() as session:
            current = await meetings.get_meeting(session, interaction.guild_id, meeting)
        if title is not None:
            changes["title"] = _clean(title, 100, "title", required=True)
        if when is not None:
            changes["first_start"] = parse_when(when, current.timezone, now).starts_at
        if duration is not None:
            changes["duration_minutes"] = duration
        if description is not None:
            changes["description"] = _clean(description, 1000, "description")
        if content_notes is not None:
            changes["content_notes"] = _clean(content_notes, 500, "content notes")
        if voice_channel is not None:
            changes.update(voice_channel_id=voice_channel.id, location=None)
        if location is not None:
            changes.update(location=_clean(location, 200, "location"), voice_channel_id=None)
        if facilitator is not None:
            changes["facilitator_id"] = _person(facilitator, "facilitator").id
        if backup is not None:
            changes["backup_facilitator_id"] = _person(backup, "backup facilitator").id
        if not changes:
            raise InvalidInput("Nothing to change: give at least one new value.")
        async with self._series_lock(meeting):
            async with self.bot.sessions() as session:
                edited = await meetings.edit(
                    session, interaction.guild_id, meeting, now, changes=changes
                )
            moved_to = None
            if edited.scheduled is not None and edited.scheduled.occurrence is not None:
                moved_to = edited.scheduled.occurrence.starts_at
            for occurrence in edited.replaced:
                await self._set_event_status(occurrence, EVENT_STATUS_CANCELED)
                await self._refresh_post(edited.meeting, occurrence, moved_to)
            for occurrence in edited.kept:
                await self._update_event(edited.meeting, occurrence)
                await self._refresh_post(edited.meeting, occurrence)
        text = f"Updated **{safe(edited.meeting.title, 100)}** (meeting #{meeting})."
        if edited.scheduled is not None and edited.scheduled.occurrence is not None:
            self._arm_scheduled(edited.scheduled)
            problem = await self._create_event(edited.scheduled)
            text += f" Next: {stamp(edited.scheduled.occurrence.starts_at)}."
            if problem:
                text += f"\n⚠️ {problem}"
        await reply(interaction, text)

    async def _call_off(
        self, interaction: discord.Interaction[Any], meeting: int, state: str
    ) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.bot.clock.now()
        async with self._series_lock(meeting):
            async with self.bot.sessions() as session:
                occurrence, following = await meetings.call_off_next(
                    session, interaction.guild_id, meeting, now, state=state
                )
                _, series = await meetings.occurrence_with_meeting(session, occurrence.id or 0)
            await self._set_event_status(occurrence, EVENT_STATUS_CANCELED)
            await self._refresh_post(series, occurrence)
        verb = "Skipped" if state == "skipped" else "Cancelled"
        text = f"{verb} **{safe(series.title, 100)}** on {stamp(occurrence.starts_at)}."
        if following is not None and following.occurrence is not None:
            self._arm_scheduled(following)
            await self._create_event(following)
            text += f" Next: {stamp(following.occurrence.starts_at)}."
        await reply(interaction, text)

    @meeting.command(name="cancel", description="Cancel the next occurrence or the whole series.")
    @app_commands.describe(meeting="The meeting", scope="Only the next occurrence, or the series")
    @app_commands.autocomplete(meeting=meeting_choices)
    @ORGANISER.check()
    async def cancel(
        self,
        interaction: discord.Interaction[Any],
        meeting: RowId,
        scope: Literal["next", "series"] = "next",
    ) -> None:
        assert interaction.guild_id is not None
        if scope == "next":
            await self._call_off(interaction, meeting, "cancelled")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        async with self._series_lock(meeting):
            async with self.bot.sessions() as session:
                called_off = await meetings.cancel_series(
                    session, interaction.guild_id, meeting, self.bot.clock.now()
                )
                series = await meetings.get_meeting(session, interaction.guild_id, meeting)
            for occurrence in called_off:
                await self._set_event_status(occurrence, EVENT_STATUS_CANCELED)
                await self._refresh_post(series, occurrence)
        await reply(interaction, f"Cancelled the whole series **{safe(series.title, 100)}**.")

    @meeting.command(name="skip", description="Skip the next occurrence of a series.")
    @app_commands.describe(meeting="The meeting")
    @app_commands.autocomplete(meeting=meeting_choices)
    @ORGANISER.check()
    async def skip(self, interaction: discord.Interaction[Any], meeting: RowId) -> None:
        await self._call_off(interaction, meeting, "skipped")

    @meeting.command(
        name="notify", description="Turn DM reminders for meetings you RSVP'd to on or off."
    )
    @app_commands.describe(setting="on or off")
    async def notify(
        self, interaction: discord.Interaction[Any], setting: Literal["on", "off"]
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await meetings.set_notify(
                session,
                interaction.guild_id,
                interaction.user.id,
                setting == "on",
                self.bot.clock.now(),
            )
        await reply(
            interaction,
            "DM reminders are **on**: I'll remind you before meetings you said you'd go to."
            if setting == "on"
            else "DM reminders are **off**. You can still see meetings with `/meeting list`.",
        )

    @meeting.command(name="feedback", description="Moderators: totals of 'How was it?' answers.")
    @app_commands.describe(meeting="One meeting (default: all)")
    @app_commands.autocomplete(meeting=meeting_choices)
    @MODERATOR.check()
    async def feedback(
        self, interaction: discord.Interaction[Any], meeting: RowId | None = None
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            totals = await meetings.feedback_summary(session, interaction.guild_id, meeting)
        answered = sum(totals.values())
        text = " · ".join(f"{rating}: **{n}**" for rating, n in totals.items())
        await reply(interaction, f"{answered} answers. {text}")

    @meeting.command(
        name="rules", description="Moderators: set the ground rules shown on meetings."
    )
    @app_commands.describe(rules="One rule per line or separated by ';' — or 'default' to reset")
    @MODERATOR.check()
    async def rules(
        self, interaction: discord.Interaction[Any], rules: app_commands.Range[str, 1, 1500]
    ) -> None:
        assert interaction.guild_id is not None
        text = None
        if rules.strip().lower() != "default":
            text = "\n".join(clean_lines(rules, limit=1500, what="ground rules"))
        async with self.bot.sessions() as session:
            saved = await meetings.set_ground_rules(
                session, interaction.guild_id, text, self.bot.clock.now()
            )
        await reply(interaction, "Ground rules:\n" + "\n".join(f"• {safe(r, 200)}" for r in saved))


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Meetings(bot))
