"""Message intake: scan what members write (and AutoMod alerts), open or update a case, and
set its delivery going. A direct message to the bot gets crisis lines straight back."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import discord
from discord.ext import commands

from bot.bot import KinshipBot
from bot.crisis import ScanRules
from bot.crisis.encoder import EncoderStage
from bot.crisis.engine import Assessment, assess
from bot.crisis.window import ConversationWindow
from bot.services import crisis_terms, escalation
from bot.services.crisis_lines import lines_for
from bot.services.escalation import Intake, IntakeResult, NewDetection
from cogs.crisis import render
from cogs.crisis.delivery import Delivery
from cogs.crisis.timers import CaseTimers

log = logging.getLogger(__name__)

# Long enough for a thought spread over a few messages, short enough that unrelated talk
# later in the day does not combine with it.
CONVERSATION_WINDOW = timedelta(minutes=5)
# The encoders read one message at a time (tens of milliseconds each). With this many waiting,
# they read only what the n-gram model leans on and alerts stop waiting for their opinion, so
# a flood of chat never delays one.
ENCODER_BACKLOG = 8


class CaseIntake:
    """Opens cases from detections and hands them to delivery; caches each server's rules."""

    def __init__(
        self,
        bot: KinshipBot,
        delivery: Delivery,
        timers: CaseTimers,
        encoder: EncoderStage | None,
    ) -> None:
        self.bot = bot
        self.delivery = delivery
        self.timers = timers
        self.encoder = encoder  # None: the server owner turned it off (CRISIS_ENCODER=off)
        self._rules: dict[int, ScanRules | None] = {}
        self._reviews_waiting = 0

    async def warm_up(self) -> None:
        """Load the sentence encoder before the first message needs it (a few seconds)."""
        if self.encoder is None:
            return
        try:
            await asyncio.to_thread(self.encoder.encoder.warm_up)
        except Exception as exc:
            log.error(
                "The crisis encoder could not load (%s); the engine works alone", type(exc).__name__
            )

    async def verdict(self, text: str, rules: ScanRules | None) -> Assessment:
        """The engine's assessment, with the encoder's second opinion where it could change
        it; the encoder takes milliseconds, so it runs off the event loop."""
        assessment = assess(text, rules)
        if self.encoder is None:
            return assessment
        busy = self._reviews_waiting >= ENCODER_BACKLOG
        if not self.encoder.needs_review(assessment, text, busy=busy):
            return assessment
        if not self.encoder.encoder.ready:
            # Still loading (the first seconds after start-up): an alert never waits for it.
            return assessment
        self._reviews_waiting += 1
        try:
            opinion = await asyncio.to_thread(self.encoder.score, text)
        except Exception as exc:
            # Never lose a detection to the second opinion: the engine's verdict stands.
            log.error(
                "The crisis encoder failed (%s); using the engine's verdict", type(exc).__name__
            )
            return assessment
        finally:
            self._reviews_waiting -= 1
        return self.encoder.decide(assessment, opinion, text)

    async def rules_for(self, guild_id: int) -> ScanRules | None:
        if guild_id not in self._rules:
            async with self.bot.sessions() as session:
                self._rules[guild_id] = await crisis_terms.scan_rules(session, guild_id)
        return self._rules[guild_id]

    def forget_rules(self, guild_id: int) -> None:
        """The server's terms changed: compile them again on the next message."""
        self._rules.pop(guild_id, None)

    async def track(self, detection: NewDetection) -> None:
        """Open the case as tracked work, so a shutdown waits for it instead of cutting it off."""
        self.bot.spawn(self.open_case(detection), name="crisis-intake")

    async def open_case(self, detection: NewDetection) -> IntakeResult:
        async with self.bot.sessions() as session:
            result = await escalation.record_detection(session, detection, self.bot.clock.now())
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
            await self.timers.deliver(case.id)
            if case.member_contact == "pending":
                await self.delivery.contact_member(case.id)
            return result
        current = await self.delivery.refresh_alert(case.id)
        if current is None:
            return result  # the member deleted their data meanwhile
        if result.outcome is Intake.RAISED:
            await self.delivery.reping(current)
        self.timers.schedule(current)
        return result


class CrisisIntake(commands.Cog):
    """Listeners: messages in servers and DMs, AutoMod alerts, and configuration changes."""

    def __init__(self, bot: KinshipBot, intake: CaseIntake) -> None:
        self.bot = bot
        self.intake = intake
        # Risk can spread over several messages; the window keeps derived cues, never text.
        self.window = ConversationWindow(CONVERSATION_WINDOW.total_seconds())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or not message.content:
            return
        if message.guild is None:
            await self._on_direct_message(message)
            return
        rules = await self.intake.rules_for(message.guild.id)
        detection = self.window.observe(
            message.guild.id,
            message.author.id,
            await self.intake.verdict(message.content, rules),
            self.bot.clock.now().timestamp(),
        )
        if detection is None:
            return
        await self.intake.track(
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

    @commands.Cog.listener()
    async def on_kinship_detection(self, detection: NewDetection) -> None:
        """Detections from other capabilities (a flagged check-in note, source "checkin"),
        sent with ``bot.dispatch("kinship_detection", NewDetection(...))``."""
        await self.intake.track(detection)

    @commands.Cog.listener()
    async def on_kinship_member_data_deleted(self, guild_id: int, user_id: int) -> None:
        self.window.forget(guild_id, user_id)

    async def _on_direct_message(self, message: discord.Message) -> None:
        """A member wrote to the bot itself: answer with care; a DM belongs to no server."""
        if (await self.intake.verdict(message.content, None)).detection is None:
            return
        embed = render.member_embed("", lines_for(None), requested=False)
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
        rules = await self.intake.rules_for(execution.guild_id)
        found = (await self.intake.verdict(content, rules)).detection if content else None
        matched = execution.matched_keyword or (", ".join(found.matches) if found else "")
        await self.intake.track(
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
    async def on_kinship_config_changed(self, guild_id: int) -> None:
        """A new escalation channel may unblock waiting alerts: deliver them now."""
        async with self.bot.sessions() as session:
            waiting = await escalation.undelivered(session, guild_id)
        for case in waiting:
            assert case.id is not None
            await self.intake.timers.deliver(case.id)
