"""Buddy pairing: members opt in, rounds pair them, each pair gets a private thread, and a
private follow-up asks whether they connected. Logic lives in bot.services.buddy."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import timezone_choices
from bot.bot import KinshipBot
from bot.checks import moderator_only
from bot.options import RowId
from bot.services import buddy, guild_config
from bot.services.buddy import PlannedGroup, RoundPlan, Screen
from bot.tree import reply
from cogs._buddy_ui import (
    ANSWER_REPLIES,
    GHOST_REPLIES,
    FollowUpButton,
    StayButton,
    bullets,
    followup_embed,
    followup_view,
    ghost_embed,
    ghost_view,
    introduction,
    listener_role_embed,
    report_embed,
    round_summary,
    stats_embed,
    status_text,
)
from db.models import BuddyReport

log = logging.getLogger(__name__)

DYNAMIC_ITEMS = (FollowUpButton, StayButton)
ROUND_GRACE = timedelta(hours=12)  # a scheduled round missed by longer waits for the next one
QUERY_BATCH = 100  # user ids per gateway member request (Discord's limit)
Role = Literal["peer", "seeker", "listener"]
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _screen(interaction: discord.Interaction[Any]) -> Screen:
    user = interaction.user
    if not isinstance(user, discord.Member):
        return Screen()
    return Screen(tuple(r.id for r in user.roles), user.created_at, user.joined_at)


def _list_choices(current: str, vocabulary: tuple[str, ...]) -> list[app_commands.Choice[str]]:
    """Complete the last item of a comma-separated list."""
    done, _, last = current.rpartition(",")
    chosen = {part.strip().casefold() for part in done.split(",") if part.strip()}
    prefix = ", ".join(p.strip() for p in done.split(",") if p.strip())
    out = []
    for name in vocabulary:
        if name.casefold() in chosen or not name.casefold().startswith(last.strip().casefold()):
            continue
        value = f"{prefix}, {name}" if prefix else name
        out.append(app_commands.Choice(name=value[:100], value=value[:100]))
    return out[:25]


class Buddy(commands.Cog):
    group = app_commands.Group(
        name="buddy", description="Buddy pairing: regular one-on-one peer support.", guild_only=True
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot

    # --- lifecycle ------------------------------------------------------------------------------

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        async with self.bot.sessions() as session:
            schedules = await buddy.schedules(session)
            followups = await buddy.pending_followups(session)
        for guild_id, when in schedules:
            self._schedule_round(guild_id, when)
        for r in followups:
            assert r.id is not None
            self._schedule_followup(r.id, r.followup_at)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.timers.cancel_prefix("buddy:")

    def _schedule_round(self, guild_id: int, when: datetime | None) -> None:
        if when is None:
            self.bot.timers.cancel(f"buddy:round:{guild_id}")
        else:
            self.bot.timers.at(f"buddy:round:{guild_id}", when, self._round_job, guild_id)

    def _schedule_followup(self, round_id: int, when: datetime) -> None:
        self.bot.timers.at(f"buddy:followup:{round_id}", when, self._followup_job, round_id)

    async def _reschedule(self, guild_id: int) -> None:
        async with self.bot.sessions() as session:
            settings = await buddy.get_settings(session, guild_id)
        self._schedule_round(guild_id, settings.next_round_at if settings.scheduled else None)

    # --- rounds ---------------------------------------------------------------------------------

    async def _round_job(self, guild_id: int) -> None:
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            key = await buddy.claim_scheduled_round(session, guild_id, now, grace=ROUND_GRACE)
        await self._reschedule(guild_id)
        if key is not None:
            await self.run_round(guild_id, key)

    async def run_round(self, guild_id: int, round_key: str) -> RoundPlan | None:
        async with self.bot.sessions() as session:
            check = await buddy.listeners_to_check(session, guild_id)
        listeners = await self._listener_roles(guild_id, check)
        async with self.bot.sessions() as session:
            plan = await buddy.start_round(
                session, guild_id, round_key, self.bot.clock.now(), listeners=listeners
            )
        if plan is None:
            return None
        assert plan.round.id is not None
        self._schedule_followup(plan.round.id, plan.round.followup_at)
        log.info(
            "Buddy round %s in guild %s: %d groups, %d unpaired, %d listeners without the role",
            plan.round.id,
            guild_id,
            len(plan.groups),
            len(plan.unmatched),
            len(plan.lost_listener_role) + plan.unconfirmed_listeners,
        )
        for group in plan.groups:
            try:
                await self._introduce(guild_id, group)
            except Exception:
                # One pair's failure never stops the round; ids only in the log.
                log.exception("Could not introduce buddy pair %s", group.pair_id)
        for user_id in plan.ghost_checks:
            await self._dm(user_id, embed=ghost_embed(self._guild_name(guild_id)),
                           view=ghost_view(guild_id, user_id))  # fmt: skip
        for user_id in plan.lost_listener_role:
            await self._dm(user_id, embed=listener_role_embed(self._guild_name(guild_id)))
        return plan

    async def _listener_roles(
        self, guild_id: int, check: buddy.ListenerCheck
    ) -> buddy.ListenerRoles | None:
        """Ask Discord which of these listeners are still here with the listener role. Kinship
        caches no members, so they are requested over the gateway; None when Discord cannot be
        asked (the service then leaves listeners out of this round, untold)."""
        asked = frozenset(check.user_ids)
        if not asked:
            return buddy.ListenerRoles(asked, frozenset())
        guild = self.bot.get_guild(guild_id)
        if guild is None or guild.unavailable:
            log.warning("Guild %s unavailable; its buddy listeners sit this round out", guild_id)
            return None
        found: list[discord.Member] = []
        try:
            for start in range(0, len(check.user_ids), QUERY_BATCH):
                batch = list(check.user_ids[start : start + QUERY_BATCH])
                found += await guild.query_members(user_ids=batch, limit=QUERY_BATCH, cache=False)
        except (TimeoutError, RuntimeError) as error:  # no answer, or no gateway connection
            log.warning(
                "Could not check the buddy listeners of guild %s (%s); they sit this round out",
                guild_id,
                type(error).__name__,
            )
            return None
        role_id = check.role_id
        holders = frozenset(
            m.id for m in found if role_id is not None and m.get_role(role_id) is not None
        )
        return buddy.ListenerRoles(asked, holders, asked - {m.id for m in found})

    def _guild_name(self, guild_id: int) -> str:
        guild = self.bot.get_guild(guild_id)
        return guild.name if guild else "your server"

    async def _introduce(self, guild_id: int, group: PlannedGroup) -> None:
        mentions = discord.AllowedMentions(users=[discord.Object(u) for u in group.members])
        async with self.bot.sessions() as session:
            config = await guild_config.get_config(session, guild_id)
            rules = await buddy.ground_rules(session, guild_id)
        content, embed = introduction(group.members, group.shared_topics, rules)
        guild = self.bot.get_guild(guild_id)
        channel = (
            guild.get_channel(config.buddy_channel_id)
            if guild and config.buddy_channel_id
            else None
        )
        if isinstance(channel, discord.TextChannel):
            thread = None
            try:
                thread = await channel.create_thread(
                    name=f"Buddies · pair {group.pair_id}",
                    type=discord.ChannelType.private_thread,
                    invitable=False,
                    auto_archive_duration=10080,
                )
                added = 0
                for user_id in group.members:
                    try:
                        await thread.add_user(discord.Object(user_id))
                        added += 1
                    except discord.NotFound:
                        log.info(
                            "Buddy %s left before pair %s was introduced", user_id, group.pair_id
                        )
                if added:
                    await thread.send(content, embed=embed, allowed_mentions=mentions)
                    async with self.bot.sessions() as session:
                        await buddy.record_intro(session, group.pair_id, "thread", thread.id)
                    return
            except discord.HTTPException as error:
                log.warning(
                    "Private thread for buddy pair %s failed (%s); introducing by DM",
                    group.pair_id,
                    error.status,
                )
            if thread is not None:
                try:
                    await thread.delete()
                except discord.HTTPException:
                    log.warning("Could not remove the empty thread of buddy pair %s", group.pair_id)
        sent = 0
        for user_id in group.members:
            sent += await self._dm(user_id, content=content, embed=embed)
        async with self.bot.sessions() as session:
            await buddy.record_intro(session, group.pair_id, "dm" if sent else "failed")

    async def _dm(self, user_id: int, **message: Any) -> bool:
        """Send privately; closed DMs or a departed member are skipped, never raised."""
        try:
            channel = await self.bot.create_dm(discord.Object(user_id))
            await channel.send(**message)
        except discord.HTTPException as error:
            log.info("Could not DM buddy member %s (%s)", user_id, error.status)
            return False
        return True

    async def _followup_job(self, round_id: int) -> None:
        async with self.bot.sessions() as session:
            asks = await buddy.begin_followup(session, round_id)
        for ask in asks or []:
            await self._dm(
                ask.user_id, embed=followup_embed(), view=followup_view(ask.pair_id, ask.user_id)
            )

    async def record_answer(
        self, interaction: discord.Interaction[Any], pair_id: int, answer: str
    ) -> None:
        async with self.bot.sessions() as session:
            await buddy.answer_followup(
                session, pair_id, interaction.user.id, answer, self.bot.clock.now()
            )
        await reply(interaction, ANSWER_REPLIES[answer])

    async def record_stay(
        self, interaction: discord.Interaction[Any], guild_id: int, choice: str
    ) -> None:
        async with self.bot.sessions() as session:
            await buddy.answer_ghost_check(
                session, guild_id, interaction.user.id, choice, self.bot.clock.now()
            )
        await reply(interaction, GHOST_REPLIES[choice])

    @commands.Cog.listener()
    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        async with self.bot.sessions() as session:
            await buddy.member_left_server(
                session, payload.guild_id, payload.user.id, self.bot.clock.now()
            )

    # --- member commands ------------------------------------------------------------------------

    async def _topic_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        async with self.bot.sessions() as session:
            settings = await buddy.get_settings(session, interaction.guild_id or 0)
        return _list_choices(current, buddy.topics_of(settings))

    async def _time_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return _list_choices(current, tuple(buddy.TIMES_OF_DAY))

    @group.command(name="join", description="Opt in to be paired with a buddy each round.")
    @app_commands.describe(
        topics="What you'd like to share with a buddy, separated by commas (optional)",
        timezone="Your time zone, e.g. Europe/London",
        times="When you're usually free: morning, afternoon, evening, night (commas)",
        role="peer (default); seeker or listener where this server offers them",
    )
    @app_commands.autocomplete(timezone=timezone_choices)
    async def join(
        self,
        interaction: discord.Interaction[Any],
        topics: str | None = None,
        timezone: str | None = None,
        times: str | None = None,
        role: Role = "peer",
    ) -> None:
        assert interaction.guild_id is not None
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            await buddy.join(
                session, interaction.guild_id, interaction.user.id, now,
                topics=topics, timezone=timezone, times=times, role=role,
                screen=_screen(interaction),
            )  # fmt: skip
            status = await buddy.status(session, interaction.guild_id, interaction.user.id)
        await self._reschedule(interaction.guild_id)
        await reply(interaction, "You're in! 🎉\n" + status_text(status))

    join.autocomplete("topics")(_topic_choices)
    join.autocomplete("times")(_time_choices)

    @group.command(name="preferences", description="Change your buddy pairing preferences.")
    @app_commands.describe(
        topics="Topics you'd like to share, separated by commas",
        timezone="Your time zone, e.g. Europe/London",
        times="When you're usually free: morning, afternoon, evening, night (commas)",
        role="peer, seeker or listener (where this server offers them)",
    )
    @app_commands.autocomplete(timezone=timezone_choices)
    async def preferences(
        self,
        interaction: discord.Interaction[Any],
        topics: str | None = None,
        timezone: str | None = None,
        times: str | None = None,
        role: Role | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await buddy.update_preferences(
                session, interaction.guild_id, interaction.user.id, self.bot.clock.now(),
                topics=topics, timezone=timezone, times=times, role=role,
                screen=_screen(interaction),
            )  # fmt: skip
            status = await buddy.status(session, interaction.guild_id, interaction.user.id)
        await reply(interaction, "Saved.\n" + status_text(status))

    preferences.autocomplete("topics")(_topic_choices)
    preferences.autocomplete("times")(_time_choices)

    @group.command(name="leave", description="Stop being paired with buddies.")
    async def leave(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await buddy.leave(
                session, interaction.guild_id, interaction.user.id, self.bot.clock.now()
            )
        await reply(
            interaction, "You've left buddy pairing. Come back any time with `/buddy join`."
        )

    @group.command(name="pause", description="Take a break from buddy pairing.")
    @app_commands.describe(weeks="How many weeks to pause for (1-12)")
    async def pause(
        self, interaction: discord.Interaction[Any], weeks: app_commands.Range[int, 1, 12] = 1
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            profile = await buddy.pause(
                session, interaction.guild_id, interaction.user.id, weeks, self.bot.clock.now()
            )
        assert profile.paused_until is not None
        await reply(
            interaction,
            f"Paused until {discord.utils.format_dt(profile.paused_until, 'D')}. Take care.",
        )

    @group.command(
        name="status", description="Your current buddy, the next round and your choices."
    )
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            status = await buddy.status(session, interaction.guild_id, interaction.user.id)
        await reply(interaction, status_text(status))

    @group.command(name="block", description="Never be paired with this member (they aren't told).")
    @app_commands.describe(member="The member you never want to be paired with")
    async def block(self, interaction: discord.Interaction[Any], member: discord.Member) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await buddy.block(
                session, interaction.guild_id, interaction.user.id, member.id, self.bot.clock.now()
            )
        await reply(
            interaction,
            "Done. You won't be paired with them again, and they won't be told. If they're your "
            "current buddy, `/buddy rematch` ends the pair now.",
        )

    @group.command(name="report", description="Tell the moderators privately about a buddy.")
    @app_commands.describe(
        member="The member you're reporting", reason="What happened (moderators only)"
    )
    async def report(
        self,
        interaction: discord.Interaction[Any],
        member: discord.Member,
        reason: app_commands.Range[str, 1, 1000],
    ) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        async with self.bot.sessions() as session:
            row, channel_id = await buddy.report(
                session, interaction.guild_id, interaction.user.id, member.id, reason,
                self.bot.clock.now(),
            )  # fmt: skip
        if not await self._post_report(channel_id, row):
            await reply(
                interaction,
                "Your report is saved, but I couldn't post it to the moderators' channel. Please "
                "also tell a moderator directly.",
            )
            return
        await reply(
            interaction,
            "Thank you. The moderators have your report; they won't pair you together meanwhile. "
            "If anyone is in danger, use `/help-now`.",
        )

    async def _post_report(self, channel_id: int, row: BuddyReport) -> bool:
        channel = self.bot.get_channel(channel_id)
        if isinstance(channel, discord.TextChannel):
            try:
                await channel.send(embed=report_embed(row))
                return True
            except discord.HTTPException as error:
                log.warning("Buddy report %s could not be posted (%s)", row.id, error.status)
        else:
            log.warning("Buddy report %s: escalation channel %s not found", row.id, channel_id)
        return False

    @group.command(name="rematch", description="End your current pair early; join the next round.")
    async def rematch(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            pair, _ = await buddy.rematch(
                session, interaction.guild_id, interaction.user.id, self.bot.clock.now()
            )
        if pair.thread_id:
            thread = self.bot.get_channel(pair.thread_id)
            if isinstance(thread, discord.Thread):
                try:
                    await thread.send(
                        "This pairing has ended early. You'll both be in the next round. 💙"
                    )
                except discord.HTTPException:
                    log.info("Could not post the rematch note in pair %s", pair.id)
        await reply(interaction, "Your current pair has ended. You'll be in the next round.")

    # --- moderator commands ---------------------------------------------------------------------

    @group.command(name="pair-now", description="Moderators: run a pairing round now.")
    @moderator_only()
    async def pair_now(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        plan = await self.run_round(
            interaction.guild_id, buddy.manual_round_key(self.bot.clock.now())
        )
        if plan is None:
            await reply(
                interaction, "A round was already started this minute; nothing was changed."
            )
            return
        await reply(interaction, round_summary(plan))

    @group.command(name="settings", description="Moderators: schedule, topics, roles and safety.")
    @app_commands.describe(
        day="Day of the week rounds start (server time zone)",
        time="Time rounds start, 24-hour HH:MM (server time zone)",
        every_weeks="Weeks between rounds",
        scheduled="Run rounds on the schedule (off: only /buddy pair-now)",
        topics="Topics members can choose, separated by commas",
        roles_enabled="Offer seeker and listener roles",
        listener_role="Members need this role to join as listeners",
        no_repeat_rounds="Don't repeat a pair from this many recent rounds",
        followup_days="Days into a round to ask 'Did you connect?'",
        min_account_days="Minimum Discord account age (days) for seekers and listeners",
        min_server_days="Minimum days in this server for seekers and listeners",
    )
    @moderator_only()
    async def settings(
        self,
        interaction: discord.Interaction[Any],
        day: Weekday | None = None,
        time: str | None = None,
        every_weeks: app_commands.Range[int, 1, 4] | None = None,
        scheduled: bool | None = None,
        topics: str | None = None,
        roles_enabled: bool | None = None,
        listener_role: discord.Role | None = None,
        no_repeat_rounds: app_commands.Range[int, 0, 52] | None = None,
        followup_days: app_commands.Range[int, 1, 6] | None = None,
        min_account_days: app_commands.Range[int, 0, 365] | None = None,
        min_server_days: app_commands.Range[int, 0, 365] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            s = await buddy.update_settings(
                session, interaction.guild_id, self.bot.clock.now(),
                weekday=buddy.WEEKDAYS.index(day) if day else None, time_of_day=time,
                every_weeks=every_weeks, scheduled=scheduled, topics=topics,
                roles_enabled=roles_enabled,
                listener_role_id=listener_role.id if listener_role else None,
                no_repeat_rounds=no_repeat_rounds, followup_days=followup_days,
                min_account_days=min_account_days, min_member_days=min_server_days,
            )  # fmt: skip
        self._schedule_round(interaction.guild_id, s.next_round_at)
        next_round = discord.utils.format_dt(s.next_round_at, "F") if s.next_round_at else "off"
        listener = f"<@&{s.listener_role_id}>" if s.listener_role_id else "not set"
        await reply(
            interaction,
            f"**Next round:** {next_round} (every {s.every_weeks} week(s), "
            f"{buddy.WEEKDAYS[s.weekday]} {s.hour:02d}:{s.minute:02d} server time)\n"
            f"**Topics:** {', '.join(buddy.topics_of(s))}\n"
            f"**Seeker/listener roles:** {'on' if s.roles_enabled else 'off'} · listener role "
            f"{listener}\n**No repeats within:** {s.no_repeat_rounds} rounds · "
            f"**follow-up after:** {s.followup_days} days\n"
            f"**Safety screen (seekers, listeners):** account {s.min_account_days} days, "
            f"in server {s.min_member_days} days",
        )

    @group.command(name="rules", description="Moderators: the ground rules every pair is given.")
    @app_commands.describe(rules="One rule per line or separated by ';', or 'default' to reset")
    @moderator_only()
    async def rules(
        self,
        interaction: discord.Interaction[Any],
        rules: app_commands.Range[str, 1, buddy.GROUND_RULES_LIMIT],
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            saved = await buddy.set_ground_rules(
                session, interaction.guild_id, rules, self.bot.clock.now()
            )
        await reply(interaction, "New pairs get these ground rules:\n" + bullets(saved))

    @group.command(name="stats", description="Moderators: how recent rounds went (totals only).")
    @moderator_only()
    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            rounds = await buddy.stats(session, interaction.guild_id)
        await reply(interaction, embed=stats_embed(rounds))

    @group.command(name="resolve-report", description="Moderators: close a buddy report.")
    @app_commands.describe(report_id="The report's number, from its post")
    @moderator_only()
    async def resolve_report(self, interaction: discord.Interaction[Any], report_id: RowId) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await buddy.resolve_report(
                session, interaction.guild_id, report_id, interaction.user.id, self.bot.clock.now()
            )
        await reply(
            interaction, f"Buddy report #{report_id} is resolved; they can be paired again."
        )


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Buddy(bot))
