"""Crisis escalation: scan messages, open cases, alert human responders, and never lose an alert.

Order matters here: a detection is written to the database before anything is posted, delivery
retries with backoff until it succeeds, and every timer is rebuilt from the database at start-up."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import region_choices
from bot.bot import KinshipBot
from bot.checks import is_responder, moderator_only, responder_only
from bot.crisis import ScanRules, scan
from bot.errors import NotFound
from bot.services import crisis_terms, escalation, guild_config
from bot.services.crisis_lines import lines_for
from bot.services.escalation import AlertTargets, Intake, NewDetection, Outcome
from bot.tree import reply
from cogs._crisis_ui import (
    CaseButton,
    MemberButton,
    OutcomeSelect,
    TestAlertButton,
    alert_embed,
    alert_view,
    history_embed,
    member_embed,
    member_view,
    stats_embed,
)
from db.models import CrisisCase
from db.types import utcnow

log = logging.getLogger(__name__)

PURGE_EVERY = timedelta(hours=6)
DYNAMIC_ITEMS = (CaseButton, OutcomeSelect, MemberButton, TestAlertButton)


def _job_time(moment: datetime) -> datetime:
    return max(moment, datetime.now(UTC))


class Crisis(commands.Cog):
    escalations = app_commands.Group(
        name="escalations", description="Moderators: crisis cases in this server.", guild_only=True
    )
    crisis = app_commands.Group(
        name="crisis",
        description="Crisis scanning: your choices, and moderator tools.",
        guild_only=True,
    )
    terms = app_commands.Group(
        name="terms", description="Moderators: this server's own crisis terms.", parent=crisis
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        self._rules: dict[int, ScanRules | None] = {}
        self._delivery_locks: dict[int, asyncio.Lock] = {}

    # --- lifecycle ------------------------------------------------------------------------------

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.setup_buttons.append(TestAlertButton)
        await self.rebuild_timers()
        self.bot.scheduler.add_job(
            self._purge,
            "interval",
            seconds=PURGE_EVERY.total_seconds(),
            id="crisis:purge",
            replace_existing=True,
            coalesce=True,
            next_run_time=datetime.now(UTC) + timedelta(minutes=1),
        )

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        self.bot.setup_buttons.remove(TestAlertButton)
        for job in self.bot.scheduler.get_jobs():
            if job.id.startswith("crisis:"):
                job.remove()

    async def rebuild_timers(self) -> None:
        """The database is the truth: every pending delivery, re-escalation and reminder."""
        async with self.bot.sessions() as session:
            cases = await escalation.cases_with_timers(session)
        for case in cases:
            self._schedule(case)
        if cases:
            log.info("Rebuilt timers for %d open crisis cases", len(cases))

    def _schedule(self, case: CrisisCase) -> None:
        assert case.id is not None
        if not case.delivered:
            self._add_job(
                f"crisis:deliver:{case.id}",
                self._deliver_job,
                case.next_delivery_at or utcnow(),
                case.id,
            )
        if case.next_escalation_at is not None:
            self._add_job(
                f"crisis:escalate:{case.id}", self._escalate_job, case.next_escalation_at, case.id
            )
        if case.reminder_at is not None:
            self._add_job(f"crisis:remind:{case.id}", self._remind_job, case.reminder_at, case.id)

    def _add_job(self, job_id: str, func: Any, when: datetime, case_id: int) -> None:
        # Late beats never for a crisis timer: no misfire grace limit; one run if several missed.
        self.bot.scheduler.add_job(
            func,
            "date",
            run_date=_job_time(when),
            args=[case_id],
            id=job_id,
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )

    # --- intake ---------------------------------------------------------------------------------

    async def rules_for(self, guild_id: int) -> ScanRules | None:
        if guild_id not in self._rules:
            async with self.bot.sessions() as session:
                self._rules[guild_id] = await crisis_terms.scan_rules(session, guild_id)
        return self._rules[guild_id]

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or not message.content:
            return
        if message.guild is None:
            await self._on_direct_message(message)
            return
        detection = scan(message.content, rules=await self.rules_for(message.guild.id))
        if detection is None:
            return
        await self._track(
            NewDetection(
                guild_id=message.guild.id,
                member_id=message.author.id,
                source="message",
                severity=detection.severity,
                category=detection.category,
                matched=", ".join(detection.matches)[:100],
                excerpt=escalation.make_excerpt(message.content, detection.matches),
                channel_id=message.channel.id,
                message_id=message.id,
            )
        )

    async def _on_direct_message(self, message: discord.Message) -> None:
        """A member wrote to the bot itself: answer with care; a DM belongs to no server."""
        if scan(message.content) is None:
            return
        embed = member_embed("", lines_for(None), requested=False)
        embed.description = (
            "It sounds like things are really hard right now. You are not in trouble. To reach a "
            "moderator in your community, use **/help-now** in that server. If you are in danger "
            "right now, please contact one of these:"
        )
        try:
            await message.channel.send(embed=embed)
        except discord.HTTPException:
            log.warning("Could not answer a direct message with crisis lines")

    @commands.Cog.listener()
    async def on_automod_action(self, execution: discord.AutoModAction) -> None:
        """AutoMod alert rules catch words in channels the bot cannot read."""
        if execution.action.type is not discord.AutoModRuleActionType.send_alert_message:
            return
        content = execution.content or execution.matched_content or ""
        found = scan(content, rules=await self.rules_for(execution.guild_id)) if content else None
        matched = execution.matched_keyword or (", ".join(found.matches) if found else "")
        await self._track(
            NewDetection(
                guild_id=execution.guild_id,
                member_id=execution.user_id,
                source="automod",
                severity=found.severity if found else "concern",
                category=found.category if found else "automod",
                matched=matched[:100],
                excerpt=escalation.make_excerpt(content, [matched]) if content else "",
                channel_id=execution.channel_id,
                message_id=execution.message_id,
            )
        )

    @commands.Cog.listener()
    async def on_kinship_detection(self, detection: NewDetection) -> None:
        """Intake from other capabilities (e.g. a flagged check-in note, source "checkin"):
        ``bot.dispatch("kinship_detection", NewDetection(...))`` opens or joins a case."""
        await self._track(detection)

    async def _track(self, detection: NewDetection) -> None:
        """Open the case as tracked work, so a shutdown waits for it instead of cutting it off."""
        await self.bot.spawn(self.open_case(detection), name="crisis-intake")

    async def open_case(self, detection: NewDetection) -> escalation.IntakeResult:
        async with self.bot.sessions() as session:
            result = await escalation.record_detection(session, detection)
        case = result.case
        if case is None or result.outcome is Intake.DUPLICATE:
            return result
        assert case.id is not None
        log.info(
            "Crisis case %s %s in guild %s (%s)",
            case.id,
            result.outcome,
            case.guild_id,
            case.severity,
        )
        if result.outcome is Intake.OPENED:
            await self.deliver(case.id)
            if case.member_contact == "pending":
                await self.contact_member(case.id)
        else:
            await self.refresh_alert(case.id)
            if result.outcome is Intake.RAISED:
                await self._reping(case)
            if case.next_escalation_at is not None:
                self._schedule(case)
        return result

    # --- delivery -------------------------------------------------------------------------------

    async def _deliver_job(self, case_id: int) -> None:
        await self.deliver(case_id)

    async def deliver(self, case_id: int) -> bool:
        """Post the alert once; on failure keep the case pending and retry with backoff."""
        lock = self._delivery_locks.setdefault(case_id, asyncio.Lock())
        async with lock:
            async with self.bot.sessions() as session:
                case = await session.get(CrisisCase, case_id)
                if case is None or case.delivered or not case.is_open:
                    return False
                config = await guild_config.get_config(session, case.guild_id)
                targets = await escalation.alert_targets(session, case.guild_id)
            problem = await self._post_alert(case, config.escalation_channel_id, targets)
            async with self.bot.sessions() as session:
                if isinstance(problem, discord.Message):
                    case = await escalation.mark_delivered(
                        session,
                        case_id,
                        channel_id=problem.channel.id,
                        message_id=problem.id,
                        targets=targets,
                    )
                    self._schedule(case)
                    self._delivery_locks.pop(case_id, None)
                    return True
                case = await escalation.mark_delivery_failed(session, case_id, problem)
            log.warning(
                "Crisis case %s not delivered (%s); retrying at %s",
                case_id,
                problem,
                case.next_delivery_at,
            )
            self._schedule(case)
            # A passing Discord error heals itself; a channel that is missing or closed to us
            # needs the owner.
            if not case.owner_warned and not problem.startswith("Discord error"):
                await self._warn_owner(case, problem)
            return False

    async def _post_alert(
        self, case: CrisisCase, channel_id: int | None, targets: AlertTargets
    ) -> discord.Message | str:
        if channel_id is None:
            return "no escalation channel is set"
        channel = self.bot.get_partial_messageable(channel_id, guild_id=case.guild_id)
        lead = "New crisis alert" if case.source != "test" else "Test alert"
        try:
            return await channel.send(
                f"{targets.mentions()} {lead}: case #{case.id}".strip(),
                embed=alert_embed(case),
                view=alert_view(case),
                allowed_mentions=_mentions(targets),
            )
        except discord.NotFound:
            return "the escalation channel was deleted"
        except discord.Forbidden:
            return "I am not allowed to post in the escalation channel"
        except discord.HTTPException as error:
            return f"Discord error {error.status}"

    async def _warn_owner(self, case: CrisisCase, problem: str) -> None:
        """Tell the owner, once per case, that alerts are waiting; nothing about the member."""
        guild = self.bot.get_guild(case.guild_id)
        owner_id = guild.owner_id if guild else None
        if owner_id is None:
            return
        guild_name = guild.name if guild else "your server"
        try:
            dm = await self.bot.create_dm(discord.Object(owner_id))
            await dm.send(
                f"⚠️ Kinship could not post a crisis alert in **{guild_name}**: "
                f"{problem}. The alert is kept and will be delivered as soon as the escalation "
                "channel works again. Run `/setup` to choose or fix the channel."
            )
        except discord.HTTPException:
            log.warning(
                "Could not warn the owner of guild %s about undelivered alerts", case.guild_id
            )
            return
        async with self.bot.sessions() as session:
            assert case.id is not None
            await escalation.mark_owner_warned(session, case.id)

    @commands.Cog.listener()
    async def on_kinship_config_changed(self, guild_id: int) -> None:
        """A new escalation channel may unblock waiting alerts: deliver them now."""
        async with self.bot.sessions() as session:
            waiting = await escalation.undelivered(session, guild_id)
        for case in waiting:
            assert case.id is not None
            await self.deliver(case.id)

    async def refresh_alert(self, case_id: int) -> None:
        async with self.bot.sessions() as session:
            case = await session.get(CrisisCase, case_id)
        if case is None or not case.delivered:
            return
        assert case.alert_channel_id is not None and case.alert_message_id is not None
        message = self.bot.get_partial_messageable(case.alert_channel_id).get_partial_message(
            case.alert_message_id
        )
        try:
            await message.edit(embed=alert_embed(case), view=alert_view(case))
        except discord.HTTPException as error:
            log.warning("Could not update the alert for case %s (status %s)", case_id, error.status)

    async def _reping(self, case: CrisisCase) -> None:
        async with self.bot.sessions() as session:
            targets = await escalation.alert_targets(session, case.guild_id)
        await self._notify(case, f"⬆️ Case #{case.id} is now **{case.severity}**.", targets)

    async def _notify(self, case: CrisisCase, text: str, targets: AlertTargets) -> None:
        if case.alert_channel_id is None:
            return
        channel = self.bot.get_partial_messageable(case.alert_channel_id, guild_id=case.guild_id)
        reference = (
            discord.MessageReference(
                message_id=case.alert_message_id,
                channel_id=case.alert_channel_id,
                fail_if_not_exists=False,
            )
            if case.alert_message_id
            else None
        )
        try:
            await channel.send(
                f"{targets.mentions()} {text}".strip(),
                reference=reference,
                allowed_mentions=_mentions(targets),
            )
        except discord.HTTPException as error:
            log.warning("Could not post a follow-up for case %s (status %s)", case.id, error.status)

    # --- the member -----------------------------------------------------------------------------

    async def contact_member(self, case_id: int, actor_id: int | None = None) -> str:
        """DM the member crisis lines and their choices; record whether it reached them."""
        async with self.bot.sessions() as session:
            case = await session.get(CrisisCase, case_id)
            assert case is not None
            region = await escalation.member_region(session, case.guild_id, case.member_id)
        guild = self.bot.get_guild(case.guild_id)
        status = "sent"
        try:
            dm = await self.bot.create_dm(discord.Object(case.member_id))
            await dm.send(
                embed=member_embed(guild.name if guild else "your community", lines_for(region)),
                view=member_view(case_id),
            )
        except discord.HTTPException:
            status = "dms_closed"
        async with self.bot.sessions() as session:
            await escalation.record_member_contact(session, case_id, status, actor_id)
        await self.refresh_alert(case_id)
        return status

    async def on_member_button(
        self, interaction: discord.Interaction[KinshipBot], action: str, case_id: int
    ) -> None:
        async with self.bot.sessions() as session:
            case = await session.get(CrisisCase, case_id)
            if case is None or case.member_id != interaction.user.id:
                raise NotFound("I couldn't find that case; it may have been closed already.")
            if action == "ok":
                await escalation.member_says_ok(session, case_id, interaction.user.id)
                text = (
                    "Thank you for letting us know 💙 I've told the moderators. If things change, "
                    "/help-now reaches them any time."
                )
            else:
                await escalation.set_scanning(
                    session, case.guild_id, interaction.user.id, opted_out=True
                )
                text = (
                    "Done: I won't scan your messages in that server any more. You can turn it "
                    "back on with `/crisis optin`, and `/help-now` still reaches a moderator."
                )
        await interaction.response.send_message(text)
        await self.refresh_alert(case_id)

    # --- responder actions ----------------------------------------------------------------------

    async def on_case_button(
        self, interaction: discord.Interaction[KinshipBot], action: str, case_id: int
    ) -> None:
        if not await is_responder(interaction):
            await reply(interaction, "Only moderators and trained supporters can act on alerts.")
            return
        assert interaction.guild_id is not None
        if action == "resolve":
            view = discord.ui.View(timeout=None)
            view.add_item(OutcomeSelect(case_id=case_id))
            await reply(interaction, f"How was case #{case_id} resolved?", view=view)
            return
        async with self.bot.sessions() as session:
            if action == "claim":
                case = await escalation.claim(
                    session, interaction.guild_id, case_id, interaction.user.id
                )
                self._schedule(case)
            elif action == "false":
                case = await escalation.close(
                    session, interaction.guild_id, case_id, interaction.user.id, Outcome.FALSE_ALARM
                )
            else:
                case = await escalation.get_case(session, interaction.guild_id, case_id)
        if action == "resources":
            if case.member_contact not in {"awaiting_approval", "dms_closed"}:
                await reply(
                    interaction, f"The member of case #{case_id} already has the crisis lines."
                )
                return
            await interaction.response.defer(ephemeral=True, thinking=True)
            status = await self.contact_member(case_id, interaction.user.id)
            await interaction.followup.send(
                "Sent them crisis lines by DM."
                if status == "sent"
                else "Their DMs are closed; please reach out another way.",
                ephemeral=True,
            )
            return
        await interaction.response.edit_message(embed=alert_embed(case), view=alert_view(case))

    async def on_outcome(
        self, interaction: discord.Interaction[KinshipBot], case_id: int, outcome: Outcome
    ) -> None:
        if not await is_responder(interaction):
            await reply(interaction, "Only moderators and trained supporters can act on alerts.")
            return
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await escalation.close(
                session, interaction.guild_id, case_id, interaction.user.id, outcome
            )
        await interaction.response.edit_message(
            content=f"Case #{case_id} resolved: {outcome.label}.", view=None
        )
        await self.refresh_alert(case_id)

    async def on_test_alert(self, interaction: discord.Interaction[KinshipBot]) -> None:
        if interaction.guild_id is None or not interaction.permissions.manage_guild:
            await reply(interaction, "Only members with Manage Server can send a test alert.")
            return
        async with self.bot.sessions() as session:
            channel_id = await guild_config.require(
                session, interaction.guild_id, guild_config.ConfigItem.ESCALATION_CHANNEL
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.open_case(
            NewDetection(
                guild_id=interaction.guild_id,
                member_id=interaction.user.id,
                source="test",
                severity="high",
                category="test",
                matched="test",
                excerpt="This is a test alert from /setup.",
            )
        )
        assert result.case is not None
        async with self.bot.sessions() as session:
            case = await session.get(CrisisCase, result.case.id)
        delivered = case is not None and case.delivered
        await interaction.followup.send(
            f"Test alert posted in <#{channel_id}>."
            if delivered
            else "I couldn't post in the escalation channel yet; I'll keep trying.",
            ephemeral=True,
        )

    # --- timers ---------------------------------------------------------------------------------

    async def _escalate_job(self, case_id: int) -> None:
        async with self.bot.sessions() as session:
            step = await escalation.take_escalation_step(session, case_id)
        if step is None:
            return
        targets = step.targets
        if step.level >= 2 and not targets.role_ids:
            guild = self.bot.get_guild(step.case.guild_id)
            targets = (
                AlertTargets(user_ids=(guild.owner_id,)) if guild and guild.owner_id else targets
            )
        minutes = max(1, round((utcnow() - step.case.created_at).total_seconds() / 60))
        await self._notify(
            step.case,
            f"⏰ Case #{step.case.id} ({step.case.severity}) has waited {minutes} min unclaimed.",
            targets,
        )
        if step.case.next_escalation_at is not None:
            self._schedule(step.case)

    async def _remind_job(self, case_id: int) -> None:
        async with self.bot.sessions() as session:
            case = await escalation.take_due_reminder(session, case_id)
        if case is None or case.claimed_by is None:
            return
        link = f"https://discord.com/channels/{case.guild_id}/{case.alert_channel_id}/{case.alert_message_id}"
        try:
            dm = await self.bot.create_dm(discord.Object(case.claimed_by))
            await dm.send(
                f"Gentle reminder: case #{case.id}, which you claimed a day ago, is still open. "
                f"When you can, resolve it: {link}"
            )
        except discord.HTTPException:
            log.info("Could not send the claim reminder for case %s", case_id)

    async def _purge(self) -> None:
        async with self.bot.sessions() as session:
            purged = await escalation.purge_expired(session)
        if purged:
            log.info("Purged %d closed crisis cases past retention", purged)

    # --- commands -------------------------------------------------------------------------------

    @app_commands.command(
        name="help-now", description="Privately ask a moderator for help, right now."
    )
    @app_commands.describe(message="Anything you want the moderators to know (optional, private)")
    @app_commands.guild_only()
    async def help_now(
        self,
        interaction: discord.Interaction[KinshipBot],
        message: app_commands.Range[str, 0, 1000] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            region = await escalation.member_region(
                session, interaction.guild_id, interaction.user.id
            )
        guild_name = interaction.guild.name if interaction.guild else "this server"
        # The lines first, before anything that could be slow.
        await interaction.response.send_message(
            embed=member_embed(guild_name, lines_for(region), requested=True), ephemeral=True
        )
        result = await self.open_case(
            NewDetection(
                guild_id=interaction.guild_id,
                member_id=interaction.user.id,
                source="requested",
                severity="high",
                category="requested",
                matched="/help-now",
                excerpt=escalation.make_excerpt(message or "", []),
                channel_id=interaction.channel_id,
            )
        )
        if result.case is not None and result.outcome is Intake.OPENED:
            async with self.bot.sessions() as session:
                assert result.case.id is not None
                await escalation.record_member_contact(session, result.case.id, "shown_in_reply")
            await self.refresh_alert(result.case.id)

    @app_commands.command(name="duty", description="Go on or off duty for crisis alerts.")
    @app_commands.describe(state="on: new alerts ping you first; off: they don't")
    @app_commands.guild_only()
    @responder_only()
    async def duty(
        self, interaction: discord.Interaction[KinshipBot], state: Literal["on", "off"]
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await escalation.set_duty(
                session, interaction.guild_id, interaction.user.id, state == "on"
            )
            people = await escalation.on_duty(session, interaction.guild_id)
        text = (
            "You're on duty: new alerts ping you first. Thank you, and look after yourself too."
            if state == "on"
            else "You're off duty. Rest well."
        )
        await reply(interaction, f"{text} On duty now: {len(people)}.")

    @escalations.command(name="open", description="List the open crisis cases.")
    @moderator_only()
    async def escalations_open(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            cases = await escalation.open_cases(session, interaction.guild_id)
        if not cases:
            await reply(interaction, "No open cases. 💙")
            return
        lines = []
        for case in cases[:25]:
            claimer = f"claimed by <@{case.claimed_by}>" if case.claimed_by else "**unclaimed**"
            lines.append(
                f"`#{case.id}` {case.severity} · opened "
                f"{discord.utils.format_dt(case.created_at, 'R')} · {claimer} · <@{case.member_id}>"
            )
        more = f"\n…and {len(cases) - 25} more." if len(cases) > 25 else ""
        await reply(
            interaction,
            embed=discord.Embed(
                title=f"Open cases ({len(cases)})", description="\n".join(lines) + more
            ),
        )

    @escalations.command(name="show", description="Show a case and its history.")
    @app_commands.describe(case_id="The case number shown on the alert, e.g. 12")
    @moderator_only()
    async def escalations_show(
        self, interaction: discord.Interaction[KinshipBot], case_id: app_commands.Range[int, 1]
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            case = await escalation.get_case(session, interaction.guild_id, case_id)
            events = await escalation.history(session, interaction.guild_id, case_id)
        await reply(interaction, embed=history_embed(case, events))

    @escalations.command(name="stats", description="Cases, time to claim and outcomes per week.")
    @app_commands.describe(weeks="How many weeks back to count (default 8)")
    @moderator_only()
    async def escalations_stats(
        self,
        interaction: discord.Interaction[KinshipBot],
        weeks: app_commands.Range[int, 1, 52] = 8,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            result = await escalation.stats(session, interaction.guild_id, weeks=weeks)
        await reply(interaction, embed=stats_embed(result, weeks))

    @crisis.command(
        name="optin", description="Let Kinship look out for you again by scanning your messages."
    )
    async def crisis_optin(self, interaction: discord.Interaction[KinshipBot]) -> None:
        await self._set_scanning(interaction, opted_out=False)
        await reply(
            interaction,
            "Thank you. If something you write worries us, a moderator will gently check in.",
        )

    @crisis.command(
        name="optout", description="Stop Kinship scanning your messages for crisis words."
    )
    async def crisis_optout(self, interaction: discord.Interaction[KinshipBot]) -> None:
        await self._set_scanning(interaction, opted_out=True)
        await reply(
            interaction,
            "Done: your messages aren't scanned any more. `/help-now` still reaches a moderator, "
            "and `/crisis optin` turns scanning back on.",
        )

    async def _set_scanning(
        self, interaction: discord.Interaction[KinshipBot], *, opted_out: bool
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await escalation.set_scanning(
                session, interaction.guild_id, interaction.user.id, opted_out=opted_out
            )

    @crisis.command(
        name="region", description="Choose the country whose crisis lines you are shown."
    )
    @app_commands.describe(country="Your country, e.g. Ireland or IE")
    @app_commands.autocomplete(country=region_choices)
    async def crisis_region(
        self, interaction: discord.Interaction[KinshipBot], country: app_commands.Range[str, 1, 64]
    ) -> None:
        assert interaction.guild_id is not None
        code = guild_config.resolve_region(country)
        async with self.bot.sessions() as session:
            await escalation.set_member_region(
                session, interaction.guild_id, interaction.user.id, code
            )
        await reply(
            interaction, f"You'll be shown crisis lines for {guild_config.country_name(code)}."
        )

    @crisis.command(name="test", description="Moderators: would this text raise an alert, and why?")
    @app_commands.describe(text="The text to check; it is not stored or logged")
    @moderator_only()
    async def crisis_test(
        self, interaction: discord.Interaction[KinshipBot], text: app_commands.Range[str, 1, 2000]
    ) -> None:
        assert interaction.guild_id is not None
        found = scan(text, rules=await self.rules_for(interaction.guild_id))
        if found is None:
            await reply(interaction, "No alert: nothing in that text would escalate.")
            return
        fired = ", ".join(f"`{m}`" for m in found.matches)
        await reply(
            interaction,
            f"This would open a **{found.severity}** case "
            f"({found.category.replace('_', ' ')}). What fired: {fired[:1500]}",
        )

    @crisis.command(name="optouts", description="Moderators: members who chose not to be scanned.")
    @moderator_only()
    async def crisis_optouts(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            members = await escalation.opted_out_members(session, interaction.guild_id)
        text = ", ".join(f"<@{m}>" for m in members[:80]) or "Nobody has opted out."
        await reply(interaction, f"Not scanned ({len(members)}): {text}")

    @crisis.command(
        name="settings", description="Moderators: how alerts are escalated in this server."
    )
    @app_commands.describe(
        scanning="Scan members' messages for crisis language",
        contact="Contact the member automatically, or only after a moderator approves",
        imminent_minutes="Re-ping if an imminent case is unclaimed this long (0 = never)",
        high_minutes="Re-ping if a high case is unclaimed this long (0 = never)",
        concern_minutes="Re-ping if a concern case is unclaimed this long (0 = never)",
        daily_cap="Most alerts one on-duty supporter is pinged for in a day",
        retention_days="Delete closed cases after this many days",
    )
    @moderator_only()
    async def crisis_settings(
        self,
        interaction: discord.Interaction[KinshipBot],
        scanning: bool | None = None,
        contact: Literal["automatic", "approval"] | None = None,
        imminent_minutes: app_commands.Range[int, 0, 1440] | None = None,
        high_minutes: app_commands.Range[int, 0, 1440] | None = None,
        concern_minutes: app_commands.Range[int, 0, 10080] | None = None,
        daily_cap: app_commands.Range[int, 1, 100] | None = None,
        retention_days: app_commands.Range[int, 1, 3650] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        changes: dict[str, Any] = {}
        if scanning is not None:
            changes["crisis_scanning"] = scanning
        if contact is not None:
            changes["crisis_contact_mode"] = contact
        for name, minutes in (
            ("imminent", imminent_minutes),
            ("high", high_minutes),
            ("concern", concern_minutes),
        ):
            if minutes is not None:
                changes[f"reescalate_{name}_seconds"] = minutes * 60 or None
        if daily_cap is not None:
            changes["supporter_daily_cap"] = daily_cap
        if retention_days is not None:
            changes["case_retention_days"] = retention_days
        async with self.bot.sessions() as session:
            config = await guild_config.update_crisis_policy(
                session, interaction.guild_id, **changes
            )

        def minutes(value: int | None) -> str:
            return f"{value // 60} min" if value else "never"

        await reply(
            interaction,
            ("Saved. " if changes else "")
            + f"Scanning: **{'on' if config.crisis_scanning else 'off'}** · "
            f"Member contact: **{config.crisis_contact_mode}** · "
            f"Re-ping after: imminent {minutes(config.reescalate_imminent_seconds)}, "
            f"high {minutes(config.reescalate_high_seconds)}, "
            f"concern {minutes(config.reescalate_concern_seconds)} · "
            f"Daily cap per supporter: {config.supporter_daily_cap} · "
            f"Closed cases kept {config.case_retention_days} days",
        )

    @terms.command(name="add", description="Add a term that raises an alert, or one to ignore.")
    @app_commands.describe(
        kind="extra: raises an alert; ignored: never raises one",
        term="A word or phrase, 2 to 100 characters",
        severity="For extra terms (default high)",
    )
    @moderator_only()
    async def terms_add(
        self,
        interaction: discord.Interaction[KinshipBot],
        kind: Literal["extra", "ignored"],
        term: app_commands.Range[str, 2, 100],
        severity: Literal["concern", "high", "imminent"] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            row = await crisis_terms.add_term(
                session, interaction.guild_id, kind, term, interaction.user.id, severity
            )
        self._rules.pop(interaction.guild_id, None)
        await reply(interaction, f"Added `{row.term}` to the {kind} terms.")

    @terms.command(name="remove", description="Remove one of this server's terms.")
    @app_commands.describe(kind="Which list the term is on", term="The term to remove")
    @moderator_only()
    async def terms_remove(
        self,
        interaction: discord.Interaction[KinshipBot],
        kind: Literal["extra", "ignored"],
        term: app_commands.Range[str, 2, 100],
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await crisis_terms.remove_term(session, interaction.guild_id, kind, term)
        self._rules.pop(interaction.guild_id, None)
        await reply(
            interaction, f"Removed `{crisis_terms.normalise_term(term)}` from the {kind} terms."
        )

    @terms.command(name="list", description="Show this server's own terms.")
    @moderator_only()
    async def terms_list(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            rows = await crisis_terms.list_terms(session, interaction.guild_id)
        extra = ", ".join(f"`{r.term}` ({r.severity})" for r in rows if r.kind == "extra") or "none"
        ignored = ", ".join(f"`{r.term}`" for r in rows if r.kind == "ignored") or "none"
        embed = discord.Embed(title="This server's crisis terms")
        embed.add_field(name="Extra (raise an alert)", value=extra[:1024], inline=False)
        embed.add_field(name="Ignored (never raise one)", value=ignored[:1024], inline=False)
        await reply(interaction, embed=embed)


def _mentions(targets: AlertTargets) -> discord.AllowedMentions:
    """Ping exactly the chosen responders: never @everyone, never the member."""
    return discord.AllowedMentions(
        everyone=False,
        users=[discord.Object(u) for u in targets.user_ids],
        roles=[discord.Object(r) for r in targets.role_ids],
    )


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(Crisis(bot))
