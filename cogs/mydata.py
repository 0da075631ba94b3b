"""/mydata: members export or delete everything Kinship stores about them, in a server or a DM."""

from __future__ import annotations

import io
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import KinshipBot
from bot.checks import admit_only
from bot.components import FromCustomId
from bot.services import mydata
from bot.tree import guarded, reply
from cogs.crisis import render

log = logging.getLogger(__name__)

# Past this size the export goes by DM, where it stays with the member; Discord refuses
# uploads over UPLOAD_LIMIT for bots in servers without boosts.
LARGE_EXPORT = 1024 * 1024
UPLOAD_LIMIT = 10 * 1024 * 1024

EVERYWHERE = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=False)


def server_name(bot: KinshipBot, guild_id: int) -> str:
    guild = bot.get_guild(guild_id)
    return guild.name if guild is not None else f"a server you left (id {guild_id})"


class ServerPicker(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"mydata:pick:(?P<action>export|delete):(?P<user_id>\d+)",
):
    """In a DM, which server's data the member means."""

    def __init__(
        self, select: discord.ui.Select[Any] | None = None, *, action: str, user_id: int
    ) -> None:
        super().__init__(
            select
            or discord.ui.Select(
                custom_id=f"mydata:pick:{action}:{user_id}", placeholder="Choose a server"
            )
        )
        self.action, self.user_id = action, user_id

    @classmethod
    def build(
        cls, bot: KinshipBot, action: str, user_id: int, guild_ids: list[int]
    ) -> ServerPicker:
        picker = cls(action=action, user_id=user_id)
        for guild_id in guild_ids[:25]:
            picker.item.add_option(label=server_name(bot, guild_id)[:100], value=str(guild_id))
        return picker

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[KinshipBot]) -> None:  # type: ignore[override]
        guild_id = int(self.item.values[0])
        if self.action == "export":
            await guarded(interaction, send_export(interaction, guild_id))
        else:
            await guarded(interaction, ask_to_confirm_deletion(interaction, guild_id))


class ConfirmDeletion(
    FromCustomId,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"mydata:delete:(?P<guild_id>\d+):(?P<user_id>\d+)",
):
    def __init__(
        self, button: discord.ui.Button[Any] | None = None, *, guild_id: int, user_id: int
    ) -> None:
        super().__init__(
            button
            or discord.ui.Button(
                label="Delete my data",
                style=discord.ButtonStyle.danger,
                custom_id=f"mydata:delete:{guild_id}:{user_id}",
            )
        )
        self.guild_id, self.user_id = guild_id, user_id

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await admit_only(interaction, self.user_id)

    async def callback(self, interaction: discord.Interaction[KinshipBot]) -> None:  # type: ignore[override]
        await guarded(interaction, delete_data(interaction, self.guild_id))


async def send_export(interaction: discord.Interaction[KinshipBot], guild_id: int) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    bot = interaction.client
    async with bot.sessions() as session:
        exported = await mydata.export(session, guild_id, interaction.user.id, bot.clock.now())
    where = server_name(bot, guild_id)
    summary = (
        f"Everything Kinship stores about you in **{where}**: {exported.rows} record(s), "
        "as JSON. Only you can see this."
    )
    if len(exported.content) > UPLOAD_LIMIT:
        await reply(
            interaction,
            "Your export is larger than Discord lets me upload. Please ask the server's "
            "moderators, who can reach the bot's operator.",
        )
        return
    file = discord.File(io.BytesIO(exported.content), filename=exported.filename)
    if len(exported.content) <= LARGE_EXPORT or interaction.guild_id is None:
        await reply(interaction, summary, file=file)
        return
    try:
        await interaction.user.send(summary, file=file)
    except discord.HTTPException:
        file = discord.File(io.BytesIO(exported.content), filename=exported.filename)
        await reply(interaction, summary, file=file)
        return
    await reply(interaction, "Your export is large, so I sent it to you by DM.")


async def ask_to_confirm_deletion(
    interaction: discord.Interaction[KinshipBot], guild_id: int
) -> None:
    view = discord.ui.View(timeout=None)
    view.add_item(ConfirmDeletion(guild_id=guild_id, user_id=interaction.user.id))
    await reply(
        interaction,
        f"This deletes everything Kinship stores about you in "
        f"**{server_name(interaction.client, guild_id)}**: check-ins and notes, preferences, "
        "reminders, buddy and meeting records, and crisis cases about you (moderators' alerts "
        "about you are emptied). It cannot be undone. Tip: `/mydata export` first keeps a copy.",
        view=view,
    )


async def delete_data(interaction: discord.Interaction[KinshipBot], guild_id: int) -> None:
    bot = interaction.client
    async with bot.sessions() as session:
        deletion = await mydata.delete(session, guild_id, interaction.user.id)
    log.info("Deleted member data on request (guild %s): %d rows", guild_id, deletion.rows)
    bot.dispatch("kinship_member_data_deleted", guild_id, interaction.user.id)
    await interaction.response.edit_message(
        content=(
            f"Done: Kinship no longer stores anything about you in "
            f"**{server_name(bot, guild_id)}** ({deletion.rows} record(s) removed)."
        ),
        view=None,
    )
    for alert in deletion.alerts_to_scrub:
        message = bot.get_partial_messageable(alert.channel_id).get_partial_message(
            alert.message_id
        )
        try:
            await message.edit(content=render.SCRUBBED_ALERT, embed=None, view=None)
        except discord.HTTPException:
            log.warning("Could not empty alert %s after a deletion request", alert.message_id)


class MyData(commands.Cog):
    mydata = app_commands.Group(
        name="mydata",
        description="Your data in Kinship: get a copy, or delete it.",
        allowed_contexts=EVERYWHERE,
    )

    def __init__(self, bot: KinshipBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ServerPicker, ConfirmDeletion)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ServerPicker, ConfirmDeletion)

    async def _which_server(
        self, interaction: discord.Interaction[KinshipBot], action: str
    ) -> int | None:
        """The server the member means: this one, or (in a DM) one they pick from a menu."""
        if interaction.guild_id is not None:
            return interaction.guild_id
        async with self.bot.sessions() as session:
            guild_ids = await mydata.servers_with_data(session, interaction.user.id)
        if not guild_ids:
            await reply(interaction, "Kinship stores nothing about you in any server.")
            return None
        view = discord.ui.View(timeout=None)
        view.add_item(ServerPicker.build(self.bot, action, interaction.user.id, guild_ids))
        await reply(interaction, "Which server's data do you mean?", view=view)
        return None

    @mydata.command(name="export", description="Get a copy of everything Kinship stores about you.")
    async def export(self, interaction: discord.Interaction[KinshipBot]) -> None:
        guild_id = await self._which_server(interaction, "export")
        if guild_id is not None:
            await send_export(interaction, guild_id)

    @mydata.command(name="delete", description="Delete everything Kinship stores about you.")
    async def delete(self, interaction: discord.Interaction[KinshipBot]) -> None:
        guild_id = await self._which_server(interaction, "delete")
        if guild_id is not None:
            await ask_to_confirm_deletion(interaction, guild_id)


async def setup(bot: KinshipBot) -> None:
    await bot.add_cog(MyData(bot))
