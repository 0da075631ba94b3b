"""Check-ins: /checkin, the /mood commands, reminder DMs, the daily prompt and gentle follow-up.

Thin: parse the interaction, call bot.services.checkins, render. Scheduled work is one sweep
timer that reads what is due from the database and claims each item atomically, so a restart
or a second process never sends a reminder twice."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import time
from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands
from sqlalchemy.ext.asyncio import AsyncSession

from bot.autocomplete import timezone_choices
from bot.batching import Batcher
from bot.bot import KinshipBot
from bot.checks import moderator_only
from bot.errors import InvalidInput, KinshipError
from bot.pacing import Pacer
from bot.services import buddy, checkins, crisis_preferences, duty, guild_config
from bot.services.checkin_chart import render_history
from bot.services.checkins import CheckinRequest, CheckinResult, DueReminder, Sent
from bot.services.crisis_lines import lines_for
from bot.tree import reply
from cogs._checkins_ui import (
    DYNAMIC_ITEMS,
    NoteModal,
    day_from_key,
    dm_view,
    history_text,
    mood_view,
    prompt_view,
    result_text,
    stats_text,
    support_embed,
)
from cogs.crisis import render as crisis_render

log = logging.getLogger(__name__)

SWEEP_EVERY = timedelta(minutes=1)
SWEEP_BUDGET_SECONDS = 45.0
SILENCE_EVERY = timedelta(hours=1)
# Requests a second for bulk reminder DMs: under the 50/s asked of us (and Discord's global
# limit), with headroom because a request leaves a little after its slot.
SEND_RATE = 45.0


class Checkins(commands.Cog):
    mood = app_commands.Group(
        name="mood",
        description="Your private check-ins: history, reminders, quiet hours and alerts.",
        guild_only=True,
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        self.pacer = Pacer(SEND_RATE)
        # The buddy-pairing seam: returns the member's current buddy, or None (today, always).
        self._sweeping = asyncio.Lock()
        # SQLite takes its write lock at BEGIN and makes other writers poll for it with growing
        # sleeps (up to 100 ms each); queueing this cog's transactions here hands the lock over
        # in order instead. PostgreSQL needs no such queue.
        self._sqlite_queue: asyncio.Lock | None = (
            asyncio.Lock() if bot.engine.dialect.name == "sqlite" else None
        )

        # Concurrent check-ins share one transaction (group commit); see bot/batching.py.
        self._records: Batcher[CheckinRequest, CheckinResult | KinshipError] = Batcher(
            self._record_batch
        )
        self._openings: Batcher[tuple[int, int], checkins.Opening] = Batcher(self._open_batch)

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[AsyncSession]:
        """One unit of work on the database (one transaction at a time here on SQLite)."""
        if self._sqlite_queue is None:
            async with self.bot.sessions() as session:
                yield session
            return
        async with self._sqlite_queue, self.bot.sessions() as session:
            yield session

    # --- lifecycle ------------------------------------------------------------------------------

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        async with self._session() as session:
            recovered = await checkins.recover_interrupted(session, self.bot.clock.now())
        if recovered:
            log.info("Skipped %d reminders interrupted mid-send (never sent twice)", recovered)
        self.bot.timers.every("checkins:sweep", SWEEP_EVERY, self.sweep)
        self.bot.timers.every("checkins:silence", SILENCE_EVERY, self.silence_sweep)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.timers.cancel_prefix("checkins:")

    # --- /checkin -------------------------------------------------------------------------------

    @app_commands.command(name="checkin", description="Privately record how you're doing today.")
    @app_commands.guild_only()
    @app_commands.describe(
        date="Fill in a missed day, up to 7 days back: YYYY-MM-DD or 'yesterday'."
    )
    async def checkin(self, interaction: discord.Interaction[KinshipBot], date: str = "") -> None:
        assert interaction.guild_id is not None
        opening = await self._openings.submit((interaction.guild_id, interaction.user.id))
        today, notice = opening.today, opening.notice
        day = checkins.parse_day(date, today)
        when = "" if day == today else f" for {day:%A %d %B}"
        text = f"How are you doing{when or ' today'}? Only you will see this."
        await reply(interaction, _with_notice(notice, text), view=mood_view(day))

    async def open_note(self, interaction: discord.Interaction[Any], day: int, mood: int) -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            tags = await checkins.tags_for(session, interaction.guild_id)
        await interaction.response.send_modal(NoteModal(self, day_from_key(day), mood, tags))

    async def finish_checkin(
        self,
        interaction: discord.Interaction[Any],
        day: date,
        mood: int,
        note: str,
        tags: list[str],
    ) -> None:
        assert interaction.guild_id is not None
        result = await self._record(
            CheckinRequest(interaction.guild_id, interaction.user.id, mood, day, note, tuple(tags))
        )
        when = "" if day == result.today else f" for {day:%A %d %B}"
        await self._answer(interaction, interaction.guild_id, result, when)

    async def quick_checkin(
        self, interaction: discord.Interaction[Any], guild_id: int, mood: int
    ) -> None:
        """A mood button on a reminder DM or the daily prompt: record at once, answer privately."""
        result = await self._record(CheckinRequest(guild_id, interaction.user.id, mood))
        await self._answer(interaction, guild_id, result, "")

    async def _record(self, request: CheckinRequest) -> CheckinResult:
        result = await self._records.submit(request)
        if isinstance(result, KinshipError):
            raise result
        return result

    async def _record_batch(
        self, requests: Sequence[CheckinRequest]
    ) -> list[CheckinResult | KinshipError]:
        async with self._session() as session:
            return await checkins.record_checkins(session, requests, self.bot.clock.now())

    async def _open_batch(self, keys: Sequence[tuple[int, int]]) -> list[checkins.Opening]:
        async with self._session() as session:
            return await checkins.open_checkins(session, keys, self.bot.clock.now())

    async def _answer(
        self,
        interaction: discord.Interaction[Any],
        guild_id: int,
        result: CheckinResult,
        when: str,
    ) -> None:
        user_id = interaction.user.id
        embeds = []
        if result.offer_support:
            async with self._session() as session:
                region = await crisis_preferences.member_region(session, guild_id, user_id)
            embeds.append(support_embed(lines_for(region)))
        await reply(interaction, result_text(result, when), embeds=embeds)
        if result.escalate is not None:
            # The crisis cog owns cases; the event keeps this cog free of its internals.
            self.bot.dispatch(
                "kinship_detection", checkins.detection_for(guild_id, user_id, result.escalate)
            )
        if result.alert is not None:
            await self._alert(
                guild_id,
                user_id,
                result.alert,
                "they reported **really struggling** three check-ins in a row",
            )

    # --- consented alerts -----------------------------------------------------------------------

    async def _alert(self, guild_id: int, user_id: int, choice: str, why: str) -> None:
        """Only what the member chose: their current buddy, or the on-duty supporters."""
        if choice == "buddy":
            async with self._session() as session:
                buddy_id = await buddy.current_buddy(session, guild_id, user_id)
            if buddy_id is None:
                return
            try:
                dm = await self.bot.create_dm(discord.Object(buddy_id))
                await dm.send(
                    f"💙 Your buddy <@{user_id}> asked me to let you know when they are "
                    f"struggling: {why}. A gentle message from you could mean a lot."
                )
            except discord.HTTPException:
                log.warning("Could not DM the buddy of a member in guild %s", guild_id)
            return
        async with self._session() as session:
            config = await guild_config.get_config(session, guild_id)
            targets = await duty.alert_targets(session, guild_id, self.bot.clock.now())
        if config.escalation_channel_id is None:
            return
        channel = self.bot.get_partial_messageable(config.escalation_channel_id, guild_id=guild_id)
        try:
            await channel.send(
                f"{crisis_render.mentions(targets)} 💙 <@{user_id}> asked to let supporters know "
                f"when they are struggling: {why}. "
                "Please reach out gently. (Their check-ins themselves stay private.)".strip(),
                allowed_mentions=crisis_render.allowed(targets),
            )
        except discord.HTTPException as error:
            log.warning("Could not post a check-in alert in guild %s (%s)", guild_id, error.status)

    async def silence_sweep(self) -> None:
        async with self._session() as session:
            alerts = await checkins.silent_after_low(session, self.bot.clock.now())
        for alert in alerts:
            await self._alert(
                alert.guild_id,
                alert.user_id,
                alert.choice,
                "they have not checked in for a week since a low one",
            )

    # --- scheduled sends ------------------------------------------------------------------------

    async def sweep(self) -> None:
        """Everything due: daily prompts, then reminder DMs paced under the rate limit."""
        # One sweep at a time; a later one waits, then finds only what is still unclaimed.
        async with self._sweeping:
            now = self.bot.clock.now()
            async with self._session() as session:
                prompts = await checkins.due_prompts(session, now)
            for guild_id, at in prompts:
                await self._post_prompt(guild_id, at, now)
            started = time.monotonic()
            # A sweep sends for at most SWEEP_BUDGET, so the next one (a minute later) is
            # never skipped; a large backlog carries over well within the grace period.
            while time.monotonic() - started < SWEEP_BUDGET_SECONDS:
                async with self._session() as session:
                    batch = await checkins.claim_due(session, now)
                if not batch:
                    return
                # The pacer spaces the sends; running them together keeps to its pace even
                # when each request takes longer than the spacing.
                outcomes = await asyncio.gather(*(self._send_reminder(item) for item in batch))
                async with self._session() as session:
                    await checkins.finish_sent(
                        session, list(zip(batch, outcomes, strict=True)), self.bot.clock.now()
                    )

    async def _post_prompt(self, guild_id: int, due: datetime, now: datetime) -> None:
        async with self._session() as session:
            if not await checkins.claim_prompt(session, guild_id, due, now):
                return
            config = await guild_config.get_config(session, guild_id)
        if config.checkin_channel_id is None:
            return
        channel = self.bot.get_partial_messageable(config.checkin_channel_id, guild_id=guild_id)
        try:
            await self.pacer.wait()
            await channel.send(
                "🌱 **Daily check-in.** How are you doing today? Press a button: only you will "
                "see your answer, and nobody sees who checked in or how.",
                view=prompt_view(),
            )
        except discord.HTTPException as error:
            log.warning(
                "Could not post the check-in prompt in guild %s (%s)", guild_id, error.status
            )

    async def _send_reminder(self, item: DueReminder) -> Sent:
        """Send one claimed reminder: one request when the DM channel is known, else two."""
        if not item.send:
            return Sent()
        guild = self.bot.get_guild(item.guild_id)
        content = (
            f"🌱 Time for your check-in in **{guild.name if guild else 'your community'}**. "
            "How are you doing today? (Only you see this. `/mood remind` changes or stops "
            "these reminders.)"
        )
        view = dm_view(item.guild_id, item.user_id)
        try:
            if item.dm_channel_id is not None:
                await self.pacer.wait()
                try:
                    await self.bot.get_partial_messageable(item.dm_channel_id).send(
                        content, view=view
                    )
                    return Sent()
                except discord.NotFound:
                    pass  # the DM channel is gone; open a new one
            await self.pacer.wait()
            dm = await self.bot.create_dm(discord.Object(item.user_id))
            await self.pacer.wait()
            await dm.send(content, view=view)
            return Sent(dm_channel_id=dm.id)
        except discord.Forbidden:
            return Sent("dms_closed")
        except discord.NotFound:
            return Sent("left")
        except discord.HTTPException as error:
            log.warning(
                "Reminder for a member of guild %s failed (%s)", item.guild_id, error.status
            )
            return Sent()

    @commands.Cog.listener()
    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        async with self._session() as session:
            await checkins.member_left(
                session, payload.guild_id, payload.user.id, self.bot.clock.now()
            )

    # --- /mood ----------------------------------------------------------------------------------

    @mood.command(name="history", description="A private chart and summary of your check-ins.")
    @app_commands.describe(days="How many days to show (7 to 365, default 30).")
    async def history(
        self,
        interaction: discord.Interaction[KinshipBot],
        days: app_commands.Range[int, 7, 365] = 30,
    ) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        async with self._session() as session:
            notice = await checkins.take_notice(session, interaction.guild_id, interaction.user.id)
            summary = await checkins.history(
                session, interaction.guild_id, interaction.user.id, days, self.bot.clock.now()
            )
        text = _with_notice(notice, history_text(summary))
        if summary.average is None:
            await interaction.followup.send(text, ephemeral=True)
            return
        png = await asyncio.to_thread(render_history, summary)
        await interaction.followup.send(
            text, file=discord.File(io.BytesIO(png), filename="mood.png"), ephemeral=True
        )

    @mood.command(name="remind", description="A daily DM reminder to check in, at your local time.")
    @app_commands.describe(
        time="Your local time, 24-hour like 21:00; or 'off' to stop reminders.",
        timezone="Your time zone, e.g. Europe/Berlin (start typing to search).",
        pause_days="Pause reminders for this many days (1 to 90).",
    )
    @app_commands.autocomplete(timezone=timezone_choices)
    async def remind(
        self,
        interaction: discord.Interaction[KinshipBot],
        time: str | None = None,
        timezone: str | None = None,
        pause_days: app_commands.Range[int, 1, 90] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        guild_id, user_id, now = interaction.guild_id, interaction.user.id, self.bot.clock.now()
        async with self._session() as session:
            notice = await checkins.take_notice(session, guild_id, user_id)
            current = await checkins.member_settings(session, guild_id, user_id)
            if time is not None and time.strip().casefold() == "off":
                await checkins.reminder_off(session, guild_id, user_id, now)
                text = "Reminders are off. You can still `/checkin` any time."
            elif time is not None:
                zone = timezone or current.timezone
                if zone is None:
                    raise InvalidInput(
                        "Which time zone are you in? For example: "
                        "`/mood remind time:21:00 timezone:Europe/Berlin`."
                    )
                member = await checkins.set_reminder(session, guild_id, user_id, time, zone, now)
                assert member.next_due_at is not None
                text = (
                    f"I'll DM you a check-in reminder every day at **{member.remind_time}** "
                    f"({member.timezone}). The next one is "
                    f"{discord.utils.format_dt(member.next_due_at, 'F')}."
                )
                if pause_days:
                    member = await checkins.pause_reminders(
                        session, guild_id, user_id, pause_days, now
                    )
                    text += f" Paused for {pause_days} days."
            elif pause_days is not None:
                member = await checkins.pause_reminders(session, guild_id, user_id, pause_days, now)
                assert member.next_due_at is not None
                text = (
                    f"Reminders paused for {pause_days} days; the next one is "
                    f"{discord.utils.format_dt(member.next_due_at, 'F')}."
                )
            elif current.state == "pending" and current.next_due_at is not None:
                text = (
                    f"Your reminder is at **{current.remind_time}** ({current.timezone}); the next "
                    f"one is {discord.utils.format_dt(current.next_due_at, 'F')}. Use "
                    "`time:off` to stop it or `pause_days` to take a break."
                )
            else:
                text = (
                    "You have no check-in reminder. Set one like "
                    "`/mood remind time:21:00 timezone:Europe/Berlin`."
                )
        await reply(interaction, _with_notice(notice, text))

    @mood.command(name="quiet-hours", description="Hours when I never send you reminder DMs.")
    @app_commands.describe(
        start="Start of quiet hours, 24-hour like 22:00 (leave both empty to clear).",
        end="End of quiet hours, 24-hour like 07:00.",
    )
    async def quiet_hours(
        self,
        interaction: discord.Interaction[KinshipBot],
        start: str | None = None,
        end: str | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            member = await checkins.set_quiet_hours(
                session, interaction.guild_id, interaction.user.id, start, end, self.bot.clock.now()
            )
        text = (
            f"Quiet hours set: no reminders between {member.quiet_start} and {member.quiet_end}; "
            "a reminder due then comes when they end."
            if member.quiet_start
            else "Quiet hours cleared."
        )
        await reply(interaction, text)

    @mood.command(name="alerts", description="Choose who, if anyone, is told when you struggle.")
    @app_commands.describe(
        who="Told after 3 'really struggling' check-ins or a quiet week after a low one."
    )
    @app_commands.choices(
        who=[
            app_commands.Choice(name="Nobody (default)", value="nobody"),
            app_commands.Choice(name="My current buddy", value="buddy"),
            app_commands.Choice(name="The on-duty supporters", value="supporters"),
        ]
    )
    async def alerts(self, interaction: discord.Interaction[KinshipBot], who: str) -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            await checkins.set_alerts(
                session, interaction.guild_id, interaction.user.id, who, self.bot.clock.now()
            )
        text = {
            "nobody": "Nobody will be told anything about your check-ins.",
            "buddy": (
                "If you report really struggling three check-ins in a row, or go quiet for a week "
                "after a low one, I'll let your current buddy know (only that, never your notes)."
            ),
            "supporters": (
                "If you report really struggling three check-ins in a row, or go quiet for a week "
                "after a low one, I'll ask the on-duty supporters to reach out (never your notes)."
            ),
        }[who]
        await reply(interaction, text + " Change this any time with `/mood alerts`.")

    @mood.command(
        name="stats", description="Moderators: check-in figures for the server (no names)."
    )
    @app_commands.describe(days="How many days to cover (7 to 365, default 28).")
    @moderator_only()
    async def stats(
        self,
        interaction: discord.Interaction[KinshipBot],
        days: app_commands.Range[int, 7, 365] = 28,
    ) -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            result = await checkins.guild_stats(
                session, interaction.guild_id, days, self.bot.clock.now()
            )
        await reply(interaction, stats_text(result))

    @mood.command(name="tags", description="Moderators: set this server's check-in tags.")
    @app_commands.describe(
        tags="Comma-separated, e.g. sleep, work, family (empty for the default)."
    )
    @moderator_only()
    async def tags(self, interaction: discord.Interaction[KinshipBot], tags: str = "") -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            saved = await checkins.set_tags(
                session, interaction.guild_id, tags, self.bot.clock.now()
            )
        await reply(interaction, "Check-in tags: " + ", ".join(saved))

    @mood.command(name="prompt", description="Moderators: post a daily check-in prompt.")
    @app_commands.describe(time="Server time, 24-hour like 09:00; or 'off' to stop the prompt.")
    @moderator_only()
    async def prompt(self, interaction: discord.Interaction[KinshipBot], time: str) -> None:
        assert interaction.guild_id is not None
        async with self._session() as session:
            if time.strip().casefold() == "off":
                await checkins.set_prompt(session, interaction.guild_id, None, self.bot.clock.now())
                await reply(interaction, "The daily check-in prompt is off.")
                return
            channel_id = await guild_config.require(
                session, interaction.guild_id, guild_config.ConfigItem.CHECKIN_CHANNEL
            )
            next_at = await checkins.set_prompt(
                session, interaction.guild_id, time, self.bot.clock.now()
            )
        assert next_at is not None
        await reply(
            interaction,
            f"I'll post a daily check-in prompt in <#{channel_id}>; the next one is "
            f"{discord.utils.format_dt(next_at, 'F')}. (It uses the server time zone from "
            "`/setup`.)",
        )


def _with_notice(notice: str | None, text: str) -> str:
    return f"⚠️ {notice}\n\n{text}" if notice else text


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Checkins(bot))
