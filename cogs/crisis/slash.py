"""The crisis commands: /help-now, /duty, /escalations …, /crisis … and /crisis terms …

Each parses its options, calls a service and renders the reply; decisions live in services."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import region_choices
from bot.bot import KinshipBot
from bot.checks import moderator_only, responder_only
from bot.options import RowId
from bot.services import (
    crisis_policy,
    crisis_preferences,
    crisis_terms,
    duty,
    escalation,
    guild_config,
)
from bot.services.crisis_lines import lines_for
from bot.services.crisis_policy import PolicyChange
from bot.services.escalation import Intake
from bot.tree import reply
from cogs.crisis import render
from cogs.crisis.delivery import Delivery
from cogs.crisis.intake import CaseIntake


class CrisisCommands(commands.Cog, name="Crisis"):
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

    def __init__(self, bot: KinshipBot, intake: CaseIntake, delivery: Delivery) -> None:
        self.bot = bot
        self.intake = intake
        self.delivery = delivery

    def now(self) -> datetime:
        return self.bot.clock.now()

    @app_commands.command(
        name="help-now", description="Privately ask a moderator for help, right now."
    )
    @app_commands.describe(message="Anything you want the moderators to know (optional, private)")
    @app_commands.guild_only()
    async def help_now(
        self,
        interaction: discord.Interaction[KinshipBot],
        message: app_commands.Range[str, 0, escalation.HELP_MESSAGE_LIMIT] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            region = await crisis_preferences.member_region(
                session, interaction.guild_id, interaction.user.id
            )
        guild_name = interaction.guild.name if interaction.guild else "this server"
        # The lines first, before anything that could be slow.
        await interaction.response.send_message(
            embed=render.member_embed(
                guild_name,
                lines_for(region, locale=str(interaction.locale)),
                requested=True,
            ),
            ephemeral=True,
        )
        result = await self.intake.open_case(
            escalation.help_request(
                interaction.guild_id, interaction.user.id, message, interaction.channel_id
            )
        )
        if result.case is not None and result.outcome is Intake.OPENED:
            async with self.bot.sessions() as session:
                assert result.case.id is not None
                await escalation.record_member_contact(
                    session, result.case.id, "shown_in_reply", self.now()
                )
            await self.delivery.refresh_alert(result.case.id)

    @app_commands.command(name="duty", description="Go on or off duty for crisis alerts.")
    @app_commands.describe(state="on: new alerts ping you first; off: they don't")
    @app_commands.guild_only()
    @responder_only()
    async def duty(
        self, interaction: discord.Interaction[KinshipBot], state: Literal["on", "off"]
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            await duty.set_duty(
                session, interaction.guild_id, interaction.user.id, state == "on", self.now()
            )
            people = await duty.on_duty(session, interaction.guild_id)
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
        await reply(interaction, embed=render.open_cases_embed(cases))

    @escalations.command(name="show", description="Show a case and its history.")
    @app_commands.describe(case_id="The case number shown on the alert, e.g. 12")
    @moderator_only()
    async def escalations_show(
        self, interaction: discord.Interaction[KinshipBot], case_id: RowId
    ) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            case = await escalation.get_case(session, interaction.guild_id, case_id)
            events = await escalation.history(session, interaction.guild_id, case_id)
        await reply(interaction, embed=render.history_embed(case, events))

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
            result = await escalation.stats(session, interaction.guild_id, self.now(), weeks=weeks)
        await reply(interaction, embed=render.stats_embed(result, weeks))

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
            await escalation.choose_scanning(
                session,
                interaction.guild_id,
                interaction.user.id,
                opted_out=opted_out,
                now=self.now(),
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
        async with self.bot.sessions() as session:
            code = await crisis_preferences.set_member_region(
                session, interaction.guild_id, interaction.user.id, country, self.now()
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
        await interaction.response.defer(ephemeral=True, thinking=True)
        rules = await self.intake.rules_for(interaction.guild_id)
        found = (await self.intake.verdict(text, rules)).detection
        if found is None:
            await reply(interaction, "No alert: nothing in that text would escalate.")
            return
        fired = ", ".join(f"`{m}`" for m in found.matches)
        await reply(
            interaction,
            f"This would open a **{found.severity}** case "
            f"({found.category.replace('_', ' ')}). What fired: {fired[:1000]}\n"
            f"Why: {', '.join(found.cues)[:800]}",
        )

    @crisis.command(name="optouts", description="Moderators: members who chose not to be scanned.")
    @moderator_only()
    async def crisis_optouts(self, interaction: discord.Interaction[KinshipBot]) -> None:
        assert interaction.guild_id is not None
        async with self.bot.sessions() as session:
            members = await crisis_preferences.opted_out_members(session, interaction.guild_id)
        text = render.users(members[:80]) or "Nobody has opted out."
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
        change = PolicyChange(
            scanning=scanning,
            contact=contact,
            imminent_minutes=imminent_minutes,
            high_minutes=high_minutes,
            concern_minutes=concern_minutes,
            daily_cap=daily_cap,
            retention_days=retention_days,
        )
        async with self.bot.sessions() as session:
            policy = await crisis_policy.update_policy(session, interaction.guild_id, change)
        await reply(interaction, ("Saved. " if change else "") + render.policy_text(policy))

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
        self.intake.forget_rules(interaction.guild_id)
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
        self.intake.forget_rules(interaction.guild_id)
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
