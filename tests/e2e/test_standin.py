"""Proves the Discord stand-in against a plain discord.py ``commands.Bot`` defined per test."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from standin import VIEW_CHANNEL, DiscordStandIn
from standin.world import EMBED_LINKS, SEND_MESSAGES

from .conftest import run_client


def make_bot(*, messages: bool = False) -> commands.Bot:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.members = True
    intents.message_content = True
    # Real Discord only delivers MESSAGE_CREATE with GUILD_MESSAGES; the stand-in enforces it.
    intents.guild_messages = messages
    bot = commands.Bot(command_prefix="!", intents=intents)
    bot.tree_errors: list[BaseException] = []  # type: ignore[attr-defined]

    async def on_error(
        interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        bot.tree_errors.append(error)  # type: ignore[attr-defined]

    bot.tree.on_error = on_error  # type: ignore[method-assign]
    return bot


async def test_login_ready_and_guild_create_populate_cache(standin: DiscordStandIn) -> None:
    guild = standin.add_guild("Peer Support", member_count=5)
    mods = standin.add_role(guild.id, "Moderators", permissions=1 << 13)
    standin.add_channel(
        guild.id, "escalations", overwrites=[{"id": guild.id, "deny": VIEW_CHANNEL}]
    )
    big = standin.add_guild("Big", member_count=300)
    bot = make_bot()
    async with run_client(bot):
        await standin.wait_ready()
        g = bot.get_guild(guild.id)
        assert g is not None and g.name == "Peer Support"
        assert {c.name for c in g.channels} == {"general", "escalations"}
        assert g.get_role(int(mods["id"])) is not None
        assert g.default_role.id == guild.id
        assert len(g.members) == 7 and g.me is not None
        assert g.get_member(guild.owner_id) is not None
        escalations = discord.utils.get(g.channels, name="escalations")
        assert escalations is not None
        assert not escalations.permissions_for(g.default_role).view_channel
        # large guilds arrive with only the bot; discord.py chunks them over op 8
        b = bot.get_guild(big.id)
        assert b is not None and b.large and len(b.members) == 302 and b.chunked
        assert bot.user is not None and bot.user.id == standin.bot_user_id
        assert bot.application_id == standin.application_id
        # world changes after READY reach the client as gateway events
        late = standin.add_user("latecomer")
        standin.add_member(guild.id, late.id)
        new_channel = standin.add_channel(guild.id, "late-channel")
        await standin.wait_for(
            lambda: g.get_member(late.id) and g.get_channel(int(new_channel["id"]))
        )
        await standin.delete_channel(guild.id, int(new_channel["id"]))
        await standin.wait_for(lambda: g.get_channel(int(new_channel["id"])) is None)
    assert not standin.unknown_routes


async def test_tree_sync_reaches_put(standin: DiscordStandIn) -> None:
    standin.add_guild()
    bot = make_bot()

    @bot.tree.command(description="Check in")
    async def checkin(interaction: discord.Interaction, mood: str) -> None: ...

    async with run_client(bot):
        synced = await bot.tree.sync()
    assert standin.command_syncs == 1
    assert [c["name"] for c in standin.global_commands] == ["checkin"]
    assert synced[0].id == int(standin.global_commands[0]["id"])
    assert standin.requests_to("PUT", r"^/applications/\d+/commands$")


async def test_slash_with_options_replies_ephemerally(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    user = standin.add_user("alice")
    standin.add_member(guild.id, user.id)
    role = standin.add_role(guild.id, "Buddies")
    channel = standin.add_channel(guild.id, "meetups")
    bot = make_bot()

    @bot.tree.command(description="Configure")
    async def configure(
        interaction: discord.Interaction,
        label: str,
        count: int,
        role: discord.Role,
        where: discord.TextChannel,
    ) -> None:
        assert interaction.permissions.send_messages
        assert interaction.app_permissions.embed_links
        text = f"{label}|{count}|{role.name}|{where.name}|{interaction.user.name}"
        await interaction.response.send_message(text, ephemeral=True)

    async with run_client(bot):
        await bot.tree.sync()
        options = {"label": "x", "count": 3, "role": int(role["id"]), "where": int(channel["id"])}
        record = await standin.slash(guild.id, user.id, "configure", options)
        response = await record.wait_response()
    assert not bot.tree_errors  # type: ignore[attr-defined]
    assert response["type"] == 4
    assert response["data"]["flags"] & 64
    assert record.ephemeral and record.content == "x|3|Buddies|meetups|alice"
    # ephemeral replies are not visible in the channel
    assert not standin.messages.get(guild.system_channel_id)


async def test_deferred_reply_and_followups(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()

    @bot.tree.command(description="Slow")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("done")
        await interaction.followup.send("extra", ephemeral=True)

    async with run_client(bot):
        await bot.tree.sync()
        record = await standin.slash(guild.id, guild.owner_id, "slow")
        assert (await record.wait_response())["type"] == 5
        first = await record.wait_followup(1)
        second = await record.wait_followup(2)
    # the first followup replaces the "thinking" message
    assert record.original is first and first["content"] == "done" and not first["flags"] & 128
    assert second["content"] == "extra" and second["flags"] & 64
    visible = standin.messages[guild.system_channel_id]
    assert [m["content"] for m in visible] == ["done"]


class Counter(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.count = 0

    @discord.ui.button(label="+1", custom_id="counter:inc")
    async def inc(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        self.count += 1
        await interaction.response.edit_message(content=f"count={self.count}", view=self)


async def test_button_click_routes_to_view_and_edits(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()

    @bot.tree.command(description="Counter")
    async def counter(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("count=0", view=Counter())

    async with run_client(bot):
        await bot.tree.sync()
        record = await standin.slash(guild.id, guild.owner_id, "counter")
        await record.wait_response()
        message = record.original
        assert message is not None and int(message["id"]) > 0
        # The stand-in records the callback when the POST arrives; discord.py stores the view
        # only after it has read the HTTP response, so that can happen a loop tick later.
        await standin.wait_for(
            lambda: bot._connection._view_store.is_message_tracked(int(message["id"]))
        )
        click = await standin.click(guild.id, guild.owner_id, message, "counter:inc")
        assert (await click.wait_response())["type"] == 7
        click2 = await standin.click(guild.id, guild.owner_id, message, "counter:inc")
        await click2.wait_response()
    assert message["content"] == "count=2" and message["edited_timestamp"]
    assert standin.messages[guild.system_channel_id] == [message]


class Ticket(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"ticket:(?P<id>\d+)"):
    def __init__(self, ticket_id: int) -> None:
        super().__init__(discord.ui.Button(label="Claim", custom_id=f"ticket:{ticket_id}"))
        self.ticket_id = ticket_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Ticket:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"claimed {self.ticket_id}", ephemeral=True)


async def test_persistent_dynamic_item(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()
    bot.add_dynamic_items(Ticket)
    async with run_client(bot):
        channel = bot.get_channel(guild.system_channel_id)
        assert isinstance(channel, discord.TextChannel)
        view = discord.ui.View(timeout=None)
        view.add_item(Ticket(42))
        sent = await channel.send("new ticket", view=view)
        message = standin.messages[channel.id][0]
        assert int(message["id"]) == sent.id
        record = await standin.click(guild.id, guild.owner_id, message, "ticket:42")
        await record.wait_response()
    assert record.content == "claimed 42" and record.ephemeral


class Feedback(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput[Any] = discord.ui.TextInput(
        label="How are you?", custom_id="fb:text"
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"got {self.text.value}", ephemeral=True)


async def test_modal_from_button_and_submit(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()

    class Opener(discord.ui.View):
        @discord.ui.button(label="Open", custom_id="open")
        async def open(self, interaction: discord.Interaction, _: discord.ui.Button[Any]) -> None:
            await interaction.response.send_modal(Feedback())

    @bot.tree.command(description="Ask")
    async def ask(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("Tell us", view=Opener())

    async with run_client(bot):
        await bot.tree.sync()
        record = await standin.slash(guild.id, guild.owner_id, "ask")
        await record.wait_response()
        assert record.original is not None
        opened = await standin.click(guild.id, guild.owner_id, record.original, "open")
        assert (await opened.wait_response())["type"] == 9
        with pytest.raises(ValueError, match="required"):
            await standin.submit_modal(opened, {})
        submitted = await standin.submit_modal(opened, {"fb:text": "better"})
        await submitted.wait_response()
    assert submitted.content == "got better"


async def test_role_and_channel_selects_carry_resolved(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    role = standin.add_role(guild.id, "Listeners")
    channel = standin.add_channel(guild.id, "quiet-room")
    bot = make_bot()
    picked: list[Any] = []

    class Pickers(discord.ui.View):
        @discord.ui.select(cls=discord.ui.RoleSelect, custom_id="pick:role")
        async def role(
            self, interaction: discord.Interaction, select: discord.ui.RoleSelect[Any]
        ) -> None:
            picked.extend(select.values)
            await interaction.response.defer()

        @discord.ui.select(cls=discord.ui.ChannelSelect, custom_id="pick:channel")
        async def channel(
            self, interaction: discord.Interaction, select: discord.ui.ChannelSelect[Any]
        ) -> None:
            picked.extend(select.values)
            await interaction.response.send_message("ok", ephemeral=True)

    @bot.tree.command(description="Pick")
    async def pick(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pick", view=Pickers())

    async with run_client(bot):
        await bot.tree.sync()
        record = await standin.slash(guild.id, guild.owner_id, "pick")
        await record.wait_response()
        assert record.original is not None
        r1 = await standin.select(
            guild.id, guild.owner_id, record.original, "pick:role", [int(role["id"])]
        )
        assert (await r1.wait_response())["type"] == 6
        r2 = await standin.select(
            guild.id, guild.owner_id, record.original, "pick:channel", [int(channel["id"])]
        )
        await r2.wait_response()
    assert r1.payload["data"]["resolved"]["roles"][role["id"]]["name"] == "Listeners"
    assert isinstance(picked[0], discord.Role) and picked[0].name == "Listeners"
    assert isinstance(picked[1], app_commands.AppCommandChannel) and picked[1].name == "quiet-room"


async def test_autocomplete_returns_choices(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()

    @bot.tree.command(description="Timezone")
    async def tz(interaction: discord.Interaction, zone: str) -> None: ...

    @tz.autocomplete("zone")
    async def zone_ac(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        zones = ["Europe/Berlin", "Europe/Paris", "America/New_York"]
        return [app_commands.Choice(name=z, value=z) for z in zones if current in z]

    async with run_client(bot):
        await bot.tree.sync()
        choices = await standin.autocomplete(
            guild.id, guild.owner_id, "tz", {"zone": "Europe"}, "zone"
        )
    assert [c["value"] for c in choices] == ["Europe/Berlin", "Europe/Paris"]


async def test_post_message_triggers_on_message_with_member(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    user = standin.add_user("bob")
    standin.add_member(guild.id, user.id)
    bot = make_bot(messages=True)
    seen: list[discord.Message] = []

    @bot.listen()
    async def on_message(message: discord.Message) -> None:
        if not message.author.bot:
            seen.append(message)
            await message.channel.send(f"hi {message.author.mention}")

    async with run_client(bot):
        await standin.post_message(guild.id, guild.system_channel_id, user.id, "hello there")
        reply = await standin.wait_for_message(
            guild.system_channel_id, lambda m: m["author"]["bot"]
        )
    assert isinstance(seen[0].author, discord.Member) and seen[0].content == "hello there"
    assert reply["mentions"][0]["id"] == str(user.id)


async def test_closed_dms_raise_forbidden(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    open_user, closed_user = standin.add_user("open"), standin.add_user("closed")
    for u in (open_user, closed_user):
        standin.add_member(guild.id, u.id)
    standin.close_dms(closed_user.id)
    bot = make_bot()
    async with run_client(bot):
        g = bot.get_guild(guild.id)
        assert g is not None
        await g.get_member(open_user.id).send("checking in")  # type: ignore[union-attr]
        with pytest.raises(discord.Forbidden) as info:
            await g.get_member(closed_user.id).send("checking in")  # type: ignore[union-attr]
    assert info.value.code == 50007
    assert [m["content"] for m in standin.dms_to(open_user.id)] == ["checking in"]
    assert standin.dms_to(closed_user.id) == []


async def test_fail_injection_and_rate_limit_retry(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()
    async with run_client(bot):
        channel = bot.get_channel(guild.system_channel_id)
        assert isinstance(channel, discord.TextChannel)
        standin.fail("POST", r"^/channels/\d+/messages$", status=503, code=0)
        with pytest.raises(discord.HTTPException) as info:
            await channel.send("x")
        assert info.value.status == 503
        standin.fail("POST", r"/messages$", status=429, retry_after=0.05)
        started = time.monotonic()
        await channel.send("after 429")
        assert time.monotonic() - started >= 0.05
    statuses = [r.status for r in standin.requests_to("POST", r"/messages$")]
    assert statuses == [503, 429, 200]
    assert [m["content"] for m in standin.messages[guild.system_channel_id]] == ["after 429"]


async def test_late_and_double_callbacks_are_rejected(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    standin.interaction_timeout = 0.2
    bot = make_bot()

    @bot.tree.command(description="Late")
    async def late(interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.3)
        await interaction.response.send_message("too late")

    async with run_client(bot):
        await bot.tree.sync()
        record = await standin.slash(guild.id, guild.owner_id, "late")
        await standin.wait_for(lambda: bot.tree_errors)  # type: ignore[attr-defined]
        error = bot.tree_errors[0]  # type: ignore[attr-defined]
        assert isinstance(error.__cause__ or error.original, discord.NotFound)  # type: ignore[union-attr]
        assert error.original.code == 10062  # type: ignore[union-attr]
        assert record.response is None
        standin.interaction_timeout = 3.0
        fresh = await standin.slash(guild.id, guild.owner_id, "late")
        url = f"{standin.base_url}/interactions/{fresh.id}/{fresh.token}/callback"
        async with aiohttp.ClientSession() as session:
            first = await session.post(url, json={"type": 4, "data": {"content": "a"}})
            second = await session.post(url, json={"type": 4, "data": {"content": "b"}})
            assert first.status == 200 and first.headers["Content-Type"] == "application/json"
            assert second.status == 400 and (await second.json())["code"] == 40060
            first.release()
            second.release()
        await standin.wait_for(lambda: len(bot.tree_errors) == 2)  # type: ignore[attr-defined]


async def test_over_limit_embed_is_rejected(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    bot = make_bot()
    async with run_client(bot):
        channel = bot.get_channel(guild.system_channel_id)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.HTTPException) as info:
            await channel.send(embed=discord.Embed(title="t" * 257))
        with pytest.raises(discord.HTTPException) as empty:
            embed = discord.Embed(description="d" * 4000).add_field(name="n", value="v" * 1025)
            await channel.send(embed=embed)
    assert info.value.status == 400 and info.value.code == 50035
    assert "embeds.0.title" in str(info.value)
    assert empty.value.code == 50035 and "fields.0.value" in str(empty.value)


async def test_refused_privileged_intents_close_4014(standin: DiscordStandIn) -> None:
    standin.add_guild()
    standin.intents_refused = True
    bot = make_bot()
    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with run_client(bot):
            pass


async def test_permissions_follow_overwrites(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    mod_role = standin.add_role(guild.id, "Mods")
    member = standin.add_user("member")
    mod = standin.add_user("mod")
    standin.add_member(guild.id, member.id)
    standin.add_member(guild.id, mod.id, roles=[int(mod_role["id"])])
    private = standin.add_channel(
        guild.id,
        "escalation",
        overwrites=[
            {"id": guild.id, "type": 0, "deny": VIEW_CHANNEL},
            {"id": mod_role["id"], "type": 0, "allow": VIEW_CHANNEL},
            {"id": guild.bot_role_id, "type": 0, "allow": VIEW_CHANNEL | SEND_MESSAGES},
        ],
    )
    cid = int(private["id"])
    assert not standin.permissions_for(guild.id, cid, member.id) & VIEW_CHANNEL
    assert standin.permissions_for(guild.id, cid, mod.id) & VIEW_CHANNEL
    bot_perms = standin.permissions_for(guild.id, cid, standin.bot_user_id)
    needed = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
    assert bot_perms & needed == needed
    bot = make_bot()
    async with run_client(bot):
        channel = bot.get_channel(cid)
        g = bot.get_guild(guild.id)
        assert isinstance(channel, discord.TextChannel) and g is not None
        # discord.py's own maths agrees with the stand-in's
        member_perms = channel.permissions_for(g.get_member(member.id))  # type: ignore[arg-type]
        assert not member_perms.view_channel
        assert member_perms.value == standin.permissions_for(guild.id, cid, member.id)
        # (discord.py additionally strips voice bits in text channels; Discord does not)
        voice = discord.Permissions.voice().value
        assert channel.permissions_for(g.me).value == bot_perms & ~voice


def test_a_thousand_guilds_of_two_hundred_members_can_be_built() -> None:
    # How fast is benchmarks/bench_startup.py's business ("N s to build"); no timed assertion here.
    standin = DiscordStandIn()
    for i in range(1000):
        standin.add_guild(f"g{i}", member_count=200)
    assert len(standin.world.guilds) == 1000
    assert len(standin.world.users) > 200_000


async def test_threads_and_gateway_resume(standin: DiscordStandIn) -> None:
    guild = standin.add_guild()
    user = standin.add_user("carol")
    standin.add_member(guild.id, user.id)
    bot = make_bot()
    async with run_client(bot):
        channel = bot.get_channel(guild.system_channel_id)
        assert isinstance(channel, discord.TextChannel)
        thread = await channel.create_thread(
            name="support", type=discord.ChannelType.private_thread
        )
        await thread.add_user(discord.Object(user.id))
        assert standin.permissions_for(guild.id, thread.id, user.id) & VIEW_CHANNEL
        await standin.wait_for(lambda: bot.get_guild(guild.id).get_thread(thread.id))  # type: ignore[union-attr]
        # op 7 RECONNECT: discord.py RESUMEs and gets the events it missed
        await standin.request_reconnect()
        late = standin.add_channel(guild.id, "after-resume")
        await standin.wait_for(lambda: bot.get_channel(int(late["id"])), timeout=5)
    assert len(standin.gateway.identify_payloads) == 1
