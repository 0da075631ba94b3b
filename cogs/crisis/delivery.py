"""Everything the crisis cog posts: the alert (kept until it is delivered), follow-ups, the
owner's warning, the member's DM, and edits to the alert as the case changes.

``Delivery`` decides nothing: the services say who is pinged and what the case's state is; this
turns that into Discord messages and reports back what happened."""

from __future__ import annotations

import logging

import discord

from bot.bot import KinshipBot
from bot.errors import NotFound
from bot.locks import KeyedLocks
from bot.services import crisis_preferences, duty, escalation, guild_config
from bot.services.crisis_lines import lines_for
from bot.services.duty import AlertTargets
from cogs.crisis import render
from cogs.crisis.components import alert_view, member_view
from db.models import CrisisCase

log = logging.getLogger(__name__)


class Delivery:
    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot
        self._lock = KeyedLocks()  # one per case

    async def deliver(self, case_id: int) -> CrisisCase | None:
        """Post the alert once. Returns the case as it now stands (delivered, or with its next
        attempt due), or None if there was nothing to deliver."""
        async with self._lock(case_id):
            now = self.bot.clock.now()
            async with self.bot.sessions() as session:
                case = await escalation.find_case(session, case_id)
                if case is None or case.delivered or not case.is_open:
                    return None
                config = await guild_config.get_config(session, case.guild_id)
                targets = await duty.alert_targets(session, case.guild_id, now)
            posted = await self._post_alert(case, config.escalation_channel_id, targets)
            now = self.bot.clock.now()
            try:
                async with self.bot.sessions() as session:
                    if isinstance(posted, discord.Message):
                        return await escalation.mark_delivered(
                            session,
                            case_id,
                            channel_id=posted.channel.id,
                            message_id=posted.id,
                            targets=targets,
                            now=now,
                        )
                    case = await escalation.mark_delivery_failed(session, case_id, posted, now)
            except NotFound:
                # The member deleted their data while the alert was on its way, so the deletion
                # could not empty it: empty it now.
                if isinstance(posted, discord.Message):
                    await self._scrub(posted)
                return None
            log.warning(
                "Crisis case %s not delivered (%s); retrying at %s",
                case_id,
                posted,
                case.next_delivery_at,
            )
            # A passing Discord error heals itself; a channel that is missing or closed to us
            # needs the owner.
            if not case.owner_warned and not posted.startswith("Discord error"):
                await self._warn_owner(case, posted)
            return case

    async def _post_alert(
        self, case: CrisisCase, channel_id: int | None, targets: AlertTargets
    ) -> discord.Message | str:
        if channel_id is None:
            return "no escalation channel is set"
        channel = self.bot.get_partial_messageable(channel_id, guild_id=case.guild_id)
        lead = "New crisis alert" if case.source != "test" else "Test alert"
        try:
            return await channel.send(
                f"{render.mentions(targets)} {lead}: case #{case.id}".strip(),
                embed=render.alert_embed(case),
                view=alert_view(case),
                allowed_mentions=render.allowed(targets),
            )
        except discord.NotFound:
            return "the escalation channel was deleted"
        except discord.Forbidden:
            return "I am not allowed to post in the escalation channel"
        except discord.HTTPException as error:
            return f"Discord error {error.status}"

    async def _scrub(self, message: discord.Message) -> None:
        try:
            await message.edit(content=render.SCRUBBED_ALERT, embed=None, view=None)
        except discord.HTTPException:
            log.warning("Could not empty alert %s of a deleted case", message.id)

    async def _warn_owner(self, case: CrisisCase, problem: str) -> None:
        """Tell the owner, once per case, that alerts are waiting; nothing about the member."""
        assert case.id is not None
        guild = self.bot.get_guild(case.guild_id)
        if guild is None or guild.owner_id is None:
            return
        try:
            dm = await self.bot.create_dm(discord.Object(guild.owner_id))
            await dm.send(
                f"⚠️ Kinship could not post a crisis alert in **{guild.name}**: "
                f"{problem}. The alert is kept and will be delivered as soon as the escalation "
                "channel works again. Run `/setup` to choose or fix the channel."
            )
        except discord.HTTPException:
            log.warning(
                "Could not warn the owner of guild %s about undelivered alerts", case.guild_id
            )
            return
        async with self.bot.sessions() as session:
            await escalation.mark_owner_warned(session, case.id)

    async def refresh_alert(self, case_id: int) -> CrisisCase | None:
        """Show the case's current state on its alert (buttons disabled once closed). Returns the
        case as shown, or None if it is gone."""
        # An alert being posted right now was drawn before this change: wait until its id is
        # recorded, or the change would never reach it.
        async with self._lock(case_id), self.bot.sessions() as session:
            case = await escalation.find_case(session, case_id)
        if case is None or case.alert_channel_id is None or case.alert_message_id is None:
            return case
        message = self.bot.get_partial_messageable(case.alert_channel_id).get_partial_message(
            case.alert_message_id
        )
        try:
            await message.edit(embed=render.alert_embed(case), view=alert_view(case))
        except discord.HTTPException as error:
            log.warning("Could not update the alert for case %s (status %s)", case_id, error.status)
        return case

    async def reping(self, case: CrisisCase) -> None:
        """The case became more severe: ping the current targets again under the alert."""
        async with self.bot.sessions() as session:
            targets = await duty.alert_targets(session, case.guild_id, self.bot.clock.now())
        await self.notify(case, f"⬆️ Case #{case.id} is now **{case.severity}**.", targets)

    async def notify(self, case: CrisisCase, text: str, targets: AlertTargets) -> None:
        """A follow-up under the alert, pinging exactly ``targets``."""
        if case.alert_channel_id is None:
            return
        channel = self.bot.get_partial_messageable(case.alert_channel_id, guild_id=case.guild_id)
        content = f"{render.mentions(targets)} {text}".strip()
        try:
            if case.alert_message_id:
                await channel.send(
                    content,
                    reference=discord.MessageReference(
                        message_id=case.alert_message_id,
                        channel_id=case.alert_channel_id,
                        fail_if_not_exists=False,
                    ),
                    allowed_mentions=render.allowed(targets),
                )
            else:
                await channel.send(content, allowed_mentions=render.allowed(targets))
        except discord.HTTPException as error:
            log.warning("Could not post a follow-up for case %s (status %s)", case.id, error.status)

    async def contact_member(self, case_id: int, actor_id: int | None = None) -> str:
        """DM the member crisis lines and their choices; record whether it reached them."""
        async with self.bot.sessions() as session:
            case = await escalation.find_case(session, case_id)
            if case is None:
                return "gone"
            region = await crisis_preferences.member_region(session, case.guild_id, case.member_id)
        guild = self.bot.get_guild(case.guild_id)
        status = "sent"
        try:
            dm = await self.bot.create_dm(discord.Object(case.member_id))
            await dm.send(
                embed=render.member_embed(
                    guild.name if guild else "your community", lines_for(region)
                ),
                view=member_view(case_id),
            )
        except discord.HTTPException:
            status = "dms_closed"
        try:
            async with self.bot.sessions() as session:
                await escalation.record_member_contact(
                    session, case_id, status, self.bot.clock.now(), actor_id
                )
        except NotFound:
            return "gone"  # the member deleted their data meanwhile
        await self.refresh_alert(case_id)
        return status

    async def remind_claimer(self, case: CrisisCase) -> None:
        if case.claimed_by is None:
            return
        link = render.jump_url(case.guild_id, case.alert_channel_id, case.alert_message_id)
        try:
            dm = await self.bot.create_dm(discord.Object(case.claimed_by))
            await dm.send(
                f"Gentle reminder: case #{case.id}, which you claimed a day ago, is still open. "
                f"When you can, resolve it: {link}"
            )
        except discord.HTTPException:
            log.info("Could not send the claim reminder for case %s", case.id)
