"""Hostile-input hardening for EVERY command, found by walking the command tree.

Nothing here names a command: new commands, options and persistent components are covered as
soon as they exist. The standards checked (GUIDE.md):
- gated commands refuse a plain member with the gate's own text, privately, changing nothing;
  anything whose name sounds like moderation must be gated;
- every call (valid, boundary and hostile option values, deleted channels/roles, a member who
  left, DMs; as a plain member and as the owner) is answered within Discord's 3 s, logs no
  unexpected error, gets no 4xx from Discord, and nothing the bot sends can ping @everyone/@here
  or a role named only in member-given text;
- every persistent component decides who may press it (``interaction_check``).
"""

from __future__ import annotations

import importlib
import json
import logging
import pkgutil
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import discord
import pytest
import sqlalchemy as sa
from discord import app_commands
from sqlmodel import SQLModel

import cogs
from bot.bot import KinshipBot
from bot.checks import MEMBER, Gate, Gated
from bot.clock import ManualClock
from bot.services import buddy, guild_config
from standin import DiscordStandIn, FakeGuild, InteractionRecord

LOADING = 1 << 7
DISCORD_INT_MAX = 2**53  # Discord's own bound for integer options without a declared range
DEFAULT_STRING_MAX = 2000  # what we send when an option declares no max_length
MODERATION_WORDS = frozenset(
    {
        *("settings", "stats", "pair-now", "schedule", "edit", "cancel", "skip", "flagged"),
        *("add", "remove", "terms", "optouts", "escalations", "prompt", "tags", "rules"),
        *("feedback", "resolve-report"),
    }
)
WATCHED_LOGGERS = ("bot", "cogs", "discord")
SAMPLES_PER_OPTION = 5  # hostile values tried per option per actor (sampled, seeded)
STEP = timedelta(minutes=5)  # time moves at least this far per step of scheduled work
FULL_SAMPLES = 2  # of those, tried again with every other option given too


# -- walking the tree -----------------------------------------------------------------------


def walk_commands(bot: KinshipBot) -> list[app_commands.Command[Any, ..., Any]]:
    """Every slash command and subcommand, depth-first through groups."""

    def walk(items: list[Any]) -> Iterator[app_commands.Command[Any, ..., Any]]:
        for item in items:
            if isinstance(item, app_commands.Group):
                yield from walk(item.commands)
            elif isinstance(item, app_commands.Command):
                yield item

    return list(walk(bot.tree.get_commands(type=discord.AppCommandType.chat_input)))


def gates_of(command: app_commands.Command[Any, ..., Any]) -> list[Gate]:
    """The Kinship gates on a command and its parent groups (``Gate.check()`` marks them)."""
    found: list[Gate] = []
    node: Any = command
    while node is not None:
        for check in getattr(node, "checks", []):
            gate = getattr(check, "kinship_gate", None)
            if isinstance(gate, Gate) and gate is not MEMBER:
                found.append(gate)
        node = node.parent
    return found


def call_path(command: app_commands.Command[Any, ..., Any]) -> dict[str, Any]:
    """Root name and the driver's ``group``/``subcommand`` keywords for a command."""
    parts = command.qualified_name.split()
    keywords: dict[str, Any] = {"name": parts[0]}
    if len(parts) == 3:
        keywords.update(group=parts[1], subcommand=parts[2])
    elif len(parts) == 2:
        keywords["subcommand"] = parts[1]
    return keywords


def dm_allowed(command: app_commands.Command[Any, ..., Any]) -> bool:
    root: Any = command.root_parent or command
    if root.guild_only or command.guild_only:
        return False
    contexts = root.allowed_contexts or command.allowed_contexts
    return contexts is None or bool(contexts.dm_channel)


def persistent_component_classes() -> list[type[discord.ui.DynamicItem[Any]]]:
    """Every DynamicItem subclass defined in the cogs package (imports every module)."""
    for module in pkgutil.walk_packages(cogs.__path__, prefix="cogs."):
        importlib.import_module(module.name)
    found: list[type[discord.ui.DynamicItem[Any]]] = []
    pending: list[type[Any]] = [discord.ui.DynamicItem]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("cogs."):
                found.append(sub)
    return found


# -- the world the hostile calls run in ---------------------------------------------------


@dataclass
class World:
    guild: FakeGuild
    member: int  # no roles, no permissions beyond @everyone
    owner: int
    leaver: int  # was a member, then left
    moderator_role: int
    bait_role: int  # only ever named in member-given text; must never be pinged
    text_channel: int
    voice_channel: int
    hidden_channel: int  # the bot cannot see it
    bot_user: int
    today: date  # the bot's (manual) clock
    deleted: dict[str, int] = field(default_factory=dict)


async def build_world(standin: DiscordStandIn, bot: KinshipBot) -> World:
    guild = standin.add_guild("Hostile Circle")
    member = standin.add_user("plain-member")
    standin.add_member(guild.id, member.id)
    leaver = standin.add_user("gone-member")
    standin.add_member(guild.id, leaver.id)
    moderators = standin.add_role(guild.id, "Moderators")
    supporters = standin.add_role(guild.id, "Supporters")
    bait = standin.add_role(guild.id, "Everyone-ish")
    text = standin.add_channel(guild.id, "support")
    voice = standin.add_channel(guild.id, "voice-room", type=2)
    escalation = standin.add_private_channel(guild.id, "mod-alerts")
    hidden = standin.add_channel(
        guild.id,
        "hidden",
        overwrites=[{"id": guild.bot_role_id, "type": 0, "deny": 1 << 10, "allow": 0}],
    )
    announcements = standin.add_channel(guild.id, "announcements")
    checkins = standin.add_channel(guild.id, "check-ins")
    await standin.wait_for(lambda: bot.get_channel(int(checkins["id"])) is not None)
    config = guild_config.ConfigItem
    async with bot.sessions() as session:
        await guild_config.set_item(session, guild.id, config.MODERATOR_ROLE, int(moderators["id"]))
        await guild_config.set_item(session, guild.id, config.SUPPORTER_ROLE, int(supporters["id"]))
        for item, channel in (
            (config.ESCALATION_CHANNEL, escalation),
            (config.ANNOUNCEMENTS_CHANNEL, announcements),
            (config.CHECKIN_CHANNEL, checkins),
            (config.BUDDY_CHANNEL, checkins),
        ):
            await guild_config.set_item(session, guild.id, item, int(channel["id"]))
    # Configured things that later vanish: the bot must cope, not crash.
    await standin.delete_role(guild.id, int(supporters["id"]))
    await standin.delete_channel(guild.id, int(checkins["id"]))
    await standin.remove_member(guild.id, leaver.id)

    async def forgotten() -> bool:
        async with bot.sessions() as session:
            saved = await guild_config.get_config(session, guild.id)
        return saved.supporter_role_id is None and saved.checkin_channel_id is None

    for _ in range(100):
        if await forgotten():
            break
        await standin.wait_idle(0.05)
    assert await forgotten(), "the bot should forget a deleted configured role/channel"
    # Admins may open any command to everyone in Server Settings > Integrations.
    for command in standin.global_commands:
        standin.command_overrides.add((guild.id, command["name"]))
    return World(
        guild=guild,
        member=member.id,
        owner=guild.owner_id,
        leaver=leaver.id,
        moderator_role=int(moderators["id"]),
        bait_role=int(bait["id"]),
        text_channel=int(text["id"]),
        voice_channel=int(voice["id"]),
        hidden_channel=int(hidden["id"]),
        bot_user=standin.bot_user_id,
        today=bot.clock.now().date(),
    )


# -- option values from parameter metadata -------------------------------------------------

RTL = "\u202e"
# Overrides and isolates: echoed back, they can reverse how the rest of a message displays.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
ZWSP = "\u200b"


def hostile_text(world: World) -> list[str]:
    return [
        f"{RTL}gnp.exe {ZWSP}hello{ZWSP}",
        "Z\u0351\u0334a\u0336\u0317l\u0337g\u0338o\u0360",  # combining marks
        "\U0001f468\u200d\U0001f469\u200d\U0001f467 fam \U0001f3f3\ufe0f\u200d\U0001f308",  # ZWJ
        "\u0440\u0430\u0443\u0440\u0430l \u0430dmin",  # "paypal admin" in Cyrillic look-alikes
        f"@everyone @here <@&{world.bait_role}> <@&{world.guild.id}>",
        "   ",
        "Mars/Phobos",
        "25:99",
        "tomorrow-ish",
        "2001-01-01 10:00",
        "'; DROP TABLE guild_config; --",
    ]


def fit(text: str, lo: int | None, hi: int | None) -> str:
    text = text.ljust(lo or 1, "x")
    return text[:hi] if hi is not None else text


def valid_text(name: str, world: World) -> list[str]:
    lowered = name.lower()
    if "timezone" in lowered:
        return ["Europe/London"]
    if lowered in {"time", "start", "end", "times"}:
        return ["09:00"]
    if lowered == "when":
        return [f"{world.today + timedelta(days=1):%Y-%m-%d} 19:00", "tomorrow 18:00"]
    if lowered == "date":
        return [f"{world.today - timedelta(days=1):%Y-%m-%d}", "2001-01-01"]
    if lowered in {"country", "region"}:
        return ["GB"]
    if lowered == "language":
        return ["en"]
    if lowered == "reminders":
        return ["1h"]
    if lowered in {"topics", "tags", "tag"}:
        return ["grief, anxiety"]
    return ["hello there"]


def option_values(
    param: app_commands.Parameter, world: World, *, hostile: bool
) -> list[tuple[str, Any]]:
    """(label, value) pairs a Discord client could send for this option."""
    kind = param.type
    values: list[tuple[str, Any]]
    choices = [c.value for c in param.choices]
    if choices:
        return [(f"choice {v!r}", v) for v in choices]
    if kind is discord.AppCommandOptionType.string:
        lo = None if param.min_value is None else int(param.min_value)
        hi = None if param.max_value is None else int(param.max_value)
        values = [(f"valid {v!r}", fit(v, lo, hi)) for v in valid_text(param.name, world)]
        if hostile:
            values.append(("longest", fit("x" * (hi or DEFAULT_STRING_MAX), lo, hi)))
            values.append(("long odd unicode", fit((RTL + "é\u0301" + ZWSP) * 700, lo, hi)))
            values += [(f"hostile {v!r}", fit(v, lo, hi)) for v in hostile_text(world)]
        return values
    if kind is discord.AppCommandOptionType.integer:
        low = -DISCORD_INT_MAX if param.min_value is None else int(param.min_value)
        high = DISCORD_INT_MAX if param.max_value is None else int(param.max_value)
        if not hostile:
            return [("one", 1 if low <= 1 <= high else low)]
        values = [("lowest", low), ("highest", high)]
        return values + [(f"in range {v}", v) for v in (0, 1, -1, 2**31) if low <= v <= high]
    if kind is discord.AppCommandOptionType.number:
        return [("one", 1.0)]
    if kind is discord.AppCommandOptionType.boolean:
        return [("true", True), ("false", False)]
    if kind is discord.AppCommandOptionType.user:
        values = [("plain member", world.member), ("the owner", world.owner)]
        if hostile:
            values += [("member who left", world.leaver), ("the bot", world.bot_user)]
        return values
    if kind is discord.AppCommandOptionType.role:
        values = [("a role", world.moderator_role)]
        if hostile:
            values += [
                ("@everyone role", world.guild.id),
                ("bot's managed role", world.guild.bot_role_id),
            ]
        return values
    if kind is discord.AppCommandOptionType.channel:
        types = {t.value for t in param.channel_types}
        if types and types <= {2, 13}:
            return [("voice channel", world.voice_channel)]
        values = [("text channel", world.text_channel)]
        if hostile:
            values.append(("channel the bot cannot see", world.hidden_channel))
        return values
    raise AssertionError(f"no values for option type {kind} ({param.name}); add them here")


def base_options(command: app_commands.Command[Any, ..., Any], world: World) -> dict[str, Any]:
    """One valid value for every required option."""
    return {
        p.name: option_values(p, world, hostile=False)[0][1]
        for p in command.parameters
        if p.required
    }


# -- calling and judging ----------------------------------------------------------------


@dataclass
class Judge:
    standin: DiscordStandIn
    caplog: pytest.LogCaptureFixture
    world: World
    calls: int = 0
    problems: list[str] = field(default_factory=list)
    _seen_logs: int = 0

    def _new_errors(self) -> list[logging.LogRecord]:
        records = self.caplog.records[self._seen_logs :]
        self._seen_logs = len(self.caplog.records)
        return [
            r
            for r in records
            if r.levelno >= logging.ERROR
            and any(r.name == n or r.name.startswith(n + ".") for n in WATCHED_LOGGERS)
        ]

    async def settle(self, record: InteractionRecord, what: str) -> None:
        """Waits for the answer (deferred ones too) and records anything wrong with it."""
        self.calls += 1
        before = len(self.standin.requests)
        try:
            response = await record.wait_response(timeout=self.standin.interaction_timeout + 1)
            if response["type"] == 5:
                await self.standin.wait_for(
                    lambda: (
                        record.followups
                        or (record.original and not int(record.original["flags"]) & LOADING)
                    ),
                    timeout=10,
                )
        except (AssertionError, TimeoutError) as error:
            self.problems.append(f"{what}: no timely answer ({error})")
        if record.response is not None and record.callback_status != 200:
            self.problems.append(f"{what}: callback rejected ({record.callback_status})")
        await self.standin.wait_idle(0.01)
        self.note_logs(what)
        for request in self.standin.requests[before:]:
            if 400 <= request.status < 500 and request.status not in (403, 404):
                self.problems.append(f"{what}: Discord said {request.status} to {request.path}")
        if record.response is not None and record.response["type"] == 9:
            await self.submit_hostile_modal(record, what)

    def note_logs(self, what: str) -> None:
        for log in self._new_errors():
            self.problems.append(f"{what}: logged {log.name} {log.getMessage()[:200]}")

    async def submit_hostile_modal(self, record: InteractionRecord, what: str) -> None:
        """Any modal a command opens is answered with hostile text in every text input."""
        modal = record.response["data"] if record.response else {}
        values: dict[str, str] = {}

        def walk(items: list[dict[str, Any]]) -> None:
            for comp in items:
                if comp.get("type") == 4:
                    hi = int(comp.get("max_length") or 4000)
                    lo = int(comp.get("min_length") or 0)
                    text = f"@everyone <@&{self.world.bait_role}> {RTL}{ZWSP} " + "é" * hi
                    values[comp["custom_id"]] = fit(text, lo, hi)
                walk(comp.get("components") or [])
                if "component" in comp:
                    walk([comp["component"]])

        walk(modal.get("components") or [])
        submitted = await self.standin.submit_modal(record, values)
        await self.settle(submitted, f"{what} -> modal {modal.get('custom_id')}")

    def check_no_mass_pings(self) -> None:
        bot_id = self.standin.bot_user_id
        for message in self.standin._message_index.values():
            if int(message["author"]["id"]) != bot_id:
                continue
            where = f"message in channel {message['channel_id']}: {message['content'][:80]!r}"
            if message.get("mention_everyone"):
                self.problems.append(f"{where} pings @everyone/@here")
            if str(self.world.bait_role) in message.get("mention_roles", []):
                self.problems.append(f"{where} pings a role named only in member text")
            if str(self.world.guild.id) in message.get("mention_roles", []):
                self.problems.append(f"{where} pings the @everyone role")
            if BIDI_CONTROLS.search(json.dumps(message, ensure_ascii=False)):
                self.problems.append(f"{where} shows member text with bidi controls")


async def snapshot(bot: KinshipBot) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a refused call changed nothing."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    async with bot.sessions() as session:
        for table in SQLModel.metadata.sorted_tables:
            rows = (await session.execute(sa.select(table))).all()
            dump[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return dump


# -- the tests --------------------------------------------------------------------------------


async def test_commands_that_sound_like_moderation_are_gated(kinship: KinshipBot) -> None:
    commands = walk_commands(kinship)
    assert len(commands) > 40, "the walk should find every capability's commands"
    unguarded = [
        c.qualified_name
        for c in commands
        if MODERATION_WORDS & set(c.qualified_name.split()) and not gates_of(c)
    ]
    assert unguarded == []
    # The gates are found through the tree, so this proves the marker works too.
    assert {g.name for c in commands for g in gates_of(c)} >= {
        "moderator",
        "responder",
        "server manager",
    }


async def test_plain_member_is_refused_by_every_gated_command_and_nothing_changes(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    world = await build_world(standin, kinship)
    judge = Judge(standin, caplog, world)
    gated = [c for c in walk_commands(kinship) if gates_of(c)]
    assert len(gated) > 20
    before = await snapshot(kinship)
    for command in gated:
        path = call_path(command)
        record = await standin.slash(
            world.guild.id, world.member, options=base_options(command, world), **path
        )
        await judge.settle(record, f"/{command.qualified_name} as member")
        refusals = {g.refusal for g in gates_of(command)}
        assert record.content in refusals, f"/{command.qualified_name}: {record.content!r}"
        assert record.ephemeral, f"/{command.qualified_name} refused in public"
    assert await snapshot(kinship) == before
    judge.check_no_mass_pings()
    assert judge.problems == []


def full_options(command: app_commands.Command[Any, ..., Any], world: World) -> dict[str, Any]:
    """One valid value for every option, so variations reach past "give at least one value"."""
    return {p.name: option_values(p, world, hostile=False)[0][1] for p in command.parameters}


def fuzz_plan(
    command: app_commands.Command[Any, ..., Any], world: World, rng: random.Random
) -> list[tuple[str, dict[str, Any]]]:
    """The base calls, then each option varied alone over a sample of its values: with only the
    required options, and (fewer) with every option given."""
    base, full = base_options(command, world), full_options(command, world)
    plan = [("valid required options", dict(base))]
    if full != base:
        plan.append(("every option valid", dict(full)))
    for param in command.parameters:
        values = option_values(param, world, hostile=True)
        if len(values) > SAMPLES_PER_OPTION:
            # Always keep the boundaries (first entries), sample the rest.
            values = values[:2] + rng.sample(values[2:], SAMPLES_PER_OPTION - 2)
        plan += [(f"{param.name}={label}", {**base, param.name: v}) for label, v in values]
        if full != base:
            picked = rng.sample(values, min(FULL_SAMPLES, len(values)))
            plan += [(f"all, {param.name}={label}", {**full, param.name: v}) for label, v in picked]
    return plan


async def call_with_vanishing(
    standin: DiscordStandIn,
    world: World,
    user_id: int,
    command: app_commands.Command[Any, ..., Any],
    options: dict[str, Any],
    param: app_commands.Parameter,
) -> InteractionRecord:
    """The member picked a channel/role that is deleted before the bot sees the command.

    The driver's public ``slash`` refuses unknown ids (as a Discord client would), so this
    builds the payload while it exists and deletes it before dispatching."""
    guild = world.guild.id
    if param.type is discord.AppCommandOptionType.role:
        target = int(standin.add_role(guild, "soon gone")["id"])
    else:
        types = {t.value for t in param.channel_types}
        ctype = 2 if types and types <= {2, 13} else 0
        target = int(standin.add_channel(guild, "soon-gone", type=ctype)["id"])
    await standin.flush()
    chosen = {**options, param.name: target}
    data = standin._command_data(guild, user_id, None, options=chosen, **path_args(command))
    if param.type is discord.AppCommandOptionType.role:
        await standin.delete_role(guild, target)
    else:
        await standin.delete_channel(guild, target)
    return await standin._interact(2, guild, user_id, None, data)


def path_args(command: app_commands.Command[Any, ..., Any]) -> dict[str, Any]:
    path = call_path(command)
    return {"name": path["name"], "subcommand": path.get("subcommand"), "group": path.get("group")}


async def test_every_command_survives_hostile_input_as_member_and_owner(
    standin: DiscordStandIn,
    kinship: KinshipBot,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR)
    world = await build_world(standin, kinship)
    judge = Judge(standin, caplog, world)
    rng = random.Random(20261130)
    commands = walk_commands(kinship)
    for command in commands:
        name = command.qualified_name
        for actor, who in ((world.member, "member"), (world.owner, "owner")):
            for label, options in fuzz_plan(command, world, rng):
                record = await standin.slash(
                    world.guild.id, actor, options=options, **call_path(command)
                )
                await judge.settle(record, f"/{name} {label} as {who}")
            for param in command.parameters:
                kind = param.type
                if kind in (
                    discord.AppCommandOptionType.channel,
                    discord.AppCommandOptionType.role,
                ):
                    record = await call_with_vanishing(
                        standin, world, actor, command, base_options(command, world), param
                    )
                    await judge.settle(record, f"/{name} {param.name}=deleted as {who}")
                if param.autocomplete:
                    for label, typed in option_values(param, world, hostile=True)[:4]:
                        focused_options = {**base_options(command, world), param.name: typed}
                        try:
                            await standin.autocomplete(
                                world.guild.id,
                                actor,
                                options=focused_options,
                                focused=param.name,
                                **call_path(command),
                            )
                        except AssertionError as error:
                            judge.problems.append(f"/{name} autocomplete {label}: {error}")
                        judge.calls += 1
        if dm_allowed(command):
            record = await standin.dm_interaction(
                world.member, options=base_options(command, world), **call_path(command)
            )
            await judge.settle(record, f"/{name} in a DM")
    # Let everything the calls scheduled happen on time (announcements, prompts, rounds,
    # reminders), jumping from one due timer to the next.
    end = clock.now() + timedelta(days=3)
    while (due := min(kinship.timers.pending().values(), default=end)) < end:
        # At least 5 minutes at a time (minute-by-minute sweeps would take long), well within
        # every grace period, so nothing is skipped as late.
        clock.advance(max(due - clock.now(), STEP))
        await kinship.timers.run_due()
        await standin.wait_idle(0.01)
    judge.note_logs("scheduled work")
    pressed = await press_every_component(standin, judge)
    judge.check_no_mass_pings()
    assert judge.problems == [], "\n".join(judge.problems)
    assert judge.calls > 500
    assert pressed >= 10, "the fuzzing should have left components to press"


def component_choice(comp: dict[str, Any], world: World) -> list[Any]:
    ctype = int(comp["type"])
    if ctype == 3:
        return [comp["options"][0]["value"]]
    return [
        {5: world.member, 6: world.moderator_role, 7: world.member, 8: world.text_channel}[ctype]
    ]


async def press_every_component(standin: DiscordStandIn, judge: Judge) -> int:
    """Presses every kind of button/menu the bot has posted (one per custom-id prefix), as
    whoever could see it: the recipient of a DM or a private reply; the plain member and the
    owner in a channel. Returns how many presses were made."""
    world, bot_id, presses = judge.world, standin.bot_user_id, 0
    seen: set[str] = set()
    for message in list(standin._message_index.values()):
        if int(message["author"]["id"]) != bot_id:
            continue
        for comp in [c for top in message.get("components") or [] for c in _flatten(top)]:
            custom_id = comp.get("custom_id")
            if not custom_id or comp.get("disabled") or int(comp["type"]) == 4:
                continue
            kind = ":".join(custom_id.split(":")[:2])
            if kind in seen:
                continue
            seen.add(kind)
            guild_id = int(message["guild_id"]) if message.get("guild_id") else None
            metadata = message.get("interaction_metadata") or {}
            if guild_id is None:
                dm = standin.world.dm_channels[int(message["channel_id"])]
                people = [int(u["id"]) for u in dm["recipients"] if int(u["id"]) != bot_id]
            elif message["flags"] & 64 and metadata:
                people = [int(metadata["user"]["id"])]
            else:
                people = [world.member, world.owner]
            for person in people:
                try:
                    if int(comp["type"]) == 2:
                        record = await standin.click(guild_id, person, message, custom_id)
                    else:
                        values = component_choice(comp, world)
                        record = await standin.select(guild_id, person, message, custom_id, values)
                except (LookupError, PermissionError):
                    continue  # the bot changed or removed it meanwhile
                presses += 1
                await judge.settle(record, f"component {custom_id} pressed by {person}")
    return presses


def _flatten(comp: dict[str, Any]) -> list[dict[str, Any]]:
    found = [comp]
    for child in comp.get("components") or []:
        found += _flatten(child)
    for key in ("component", "accessory"):
        if key in comp:
            found += _flatten(comp[key])
    return found


def decides_who_may_press(cls: type[discord.ui.DynamicItem[Any]]) -> bool:
    """Kinship code (not discord.py's allow-everyone default) defines interaction_check, and a
    ``Gated`` item names its gate."""
    owner = next(base for base in cls.__mro__ if "interaction_check" in vars(base))
    if not owner.__module__.startswith(("cogs.", "bot.")):
        return False
    return not issubclass(cls, Gated) or isinstance(getattr(cls, "gate", None), Gate)


def test_every_persistent_component_decides_who_may_press_it() -> None:
    classes = persistent_component_classes()
    assert len(classes) >= 15, [c.__name__ for c in classes]
    assert [c.__qualname__ for c in classes if not decides_who_may_press(c)] == []


def test_the_component_meta_test_catches_an_unguarded_component() -> None:
    class Unguarded(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"x:(?P<n>\d+)"):
        pass

    class GatedWithoutGate(Gated, discord.ui.DynamicItem[discord.ui.Button[Any]], template="y"):
        pass

    assert not decides_who_may_press(Unguarded)
    assert not decides_who_may_press(GatedWithoutGate)


async def test_the_judge_catches_a_crash_and_a_mass_ping(
    standin: DiscordStandIn,
    kinship: KinshipBot,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fuzz test finding nothing means something only if a bug would have been seen."""
    caplog.set_level(logging.ERROR)
    world = await build_world(standin, kinship)
    judge = Judge(standin, caplog, world)

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(buddy, "status", broken)
    record = await standin.slash(world.guild.id, world.member, "buddy", subcommand="status")
    await judge.settle(record, "/buddy status")
    assert any("Unexpected error" in problem for problem in judge.problems), judge.problems
    assert "reference" in (record.content or "")

    channel = kinship.get_channel(world.text_channel)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("@here", allowed_mentions=discord.AllowedMentions(everyone=True))
    await channel.send(
        f"<@&{world.bait_role}>", allowed_mentions=discord.AllowedMentions(roles=True)
    )
    judge.problems.clear()
    judge.check_no_mass_pings()
    assert len(judge.problems) == 2, judge.problems


async def test_a_bot_cannot_be_made_a_meeting_facilitator(
    standin: DiscordStandIn, kinship: KinshipBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Found by the walk: Kinship as facilitator crashed the facilitator-confirmation DM."""
    caplog.set_level(logging.ERROR)
    world = await build_world(standin, kinship)
    before = await snapshot(kinship)
    when = f"{world.today + timedelta(days=1):%Y-%m-%d} 19:00"
    for option in ("facilitator", "backup"):
        record = await standin.slash(
            world.guild.id,
            world.owner,
            "meeting",
            {"title": "Circle", "when": when, "location": "Room 1", option: world.bot_user},
            subcommand="schedule",
        )
        await record.wait_original(lambda m: not int(m["flags"]) & LOADING)
        assert record.content is not None and "must be a person, not a bot" in record.content
        assert record.ephemeral
    assert await snapshot(kinship) == before
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
