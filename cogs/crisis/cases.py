"""What the alert's buttons, the outcome menu, the member's DM buttons and /setup's test alert
do once their presser is authorised (see components.py): parse, call a service, render."""

from __future__ import annotations

from typing import Any

import discord

from bot.bot import KinshipBot
from bot.services import escalation, guild_config
from bot.services.escalation import AlreadyClaimed, Outcome
from bot.tree import reply
from cogs.crisis import render
from cogs.crisis.components import CaseAction, MemberAction, alert_view, outcome_view
from cogs.crisis.delivery import Delivery
from cogs.crisis.intake import CaseIntake
from cogs.crisis.timers import CaseTimers

MEMBER_OK = (
    "Thank you for letting us know 💙 I've told the moderators. If things change, /help-now "
    "reaches them any time."
)
MEMBER_OPTED_OUT = (
    "Done: I won't scan your messages in that server any more. You can turn it back on with "
    "`/crisis optin`, and `/help-now` still reaches a moderator."
)


class CaseDesk:
    """The ``CaseHandlers`` the crisis components hand their work to."""

    def __init__(
        self, bot: KinshipBot, delivery: Delivery, timers: CaseTimers, intake: CaseIntake
    ) -> None:
        self.bot = bot
        self.delivery = delivery
        self.timers = timers
        self.intake = intake

    async def case_action(
        self, interaction: discord.Interaction[Any], action: CaseAction, case_id: int
    ) -> None:
        assert interaction.guild_id is not None
        if action == "resolve":
            await reply(
                interaction, f"How was case #{case_id} resolved?", view=outcome_view(case_id)
            )
        elif action == "resources":
            await self._send_resources(interaction, interaction.guild_id, case_id)
        else:
            now = self.bot.clock.now()
            async with self.bot.sessions() as session:
                if action == "claim":
                    try:
                        case = await escalation.claim(
                            session, interaction.guild_id, case_id, interaction.user.id, now
                        )
                    except AlreadyClaimed as taken:
                        who = "you" if taken.by_you else render.user(taken.claimed_by)
                        await reply(interaction, f"Case #{case_id} is already claimed by {who}.")
                        return
                else:
                    case = await escalation.close(
                        session,
                        interaction.guild_id,
                        case_id,
                        interaction.user.id,
                        Outcome.FALSE_ALARM,
                        now,
                    )
            self.timers.schedule(case)
            await interaction.response.edit_message(
                embed=render.alert_embed(case), view=alert_view(case)
            )

    async def _send_resources(
        self, interaction: discord.Interaction[Any], guild_id: int, case_id: int
    ) -> None:
        async with self.bot.sessions() as session:
            await escalation.approve_member_contact(
                session, guild_id, case_id, interaction.user.id, self.bot.clock.now()
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        status = await self.delivery.contact_member(case_id, interaction.user.id)
        await interaction.followup.send(
            "Sent them crisis lines by DM."
            if status == "sent"
            else "Their DMs are closed; please reach out another way.",
            ephemeral=True,
        )

    async def resolve_with(
        self, interaction: discord.Interaction[Any], case_id: int, outcome: Outcome
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            case = await escalation.close(
                session,
                interaction.guild_id,
                case_id,
                interaction.user.id,
                outcome,
                self.bot.clock.now(),
            )
        self.timers.schedule(case)
        await interaction.response.edit_message(
            content=f"Case #{case_id} resolved: {outcome.label}.", view=None
        )
        await self.delivery.refresh_alert(case_id)

    async def member_action(
        self, interaction: discord.Interaction[Any], action: MemberAction, case_id: int
    ) -> None:
        now = self.bot.clock.now()
        async with self.bot.sessions() as session:
            if action == "ok":
                await escalation.member_says_ok(session, case_id, interaction.user.id, now)
                text = MEMBER_OK
            else:
                await escalation.member_opts_out(session, case_id, interaction.user.id, now)
                text = MEMBER_OPTED_OUT
        await interaction.response.send_message(text)
        await self.delivery.refresh_alert(case_id)

    async def test_alert(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            channel_id = await guild_config.require(
                session, interaction.guild_id, guild_config.ConfigItem.ESCALATION_CHANNEL
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.intake.open_case(
            escalation.setup_test_alert(interaction.guild_id, interaction.user.id)
        )
        assert result.case is not None and result.case.id is not None
        async with self.bot.sessions() as session:
            case = await escalation.find_case(session, result.case.id)
        delivered = case is not None and case.delivered
        await interaction.followup.send(
            f"Test alert posted in <#{channel_id}>."
            if delivered
            else "I couldn't post in the escalation channel yet; I'll keep trying.",
            ephemeral=True,
        )
