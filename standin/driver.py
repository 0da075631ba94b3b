"""Driving the bot the way a Discord client would: slash commands, components, modals, messages.

Builders raise ``LookupError``/``ValueError``/``PermissionError`` for things a real Discord
client would not let a user do (unknown command, missing required option, hidden command),
so a wrong test fails loudly instead of silently sending garbage to the bot.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from .records import InteractionRecord
from .world import ADMINISTRATOR, THREAD_TYPES, FakeGuild, FakeUser, iso_now

if TYPE_CHECKING:
    from .core import DiscordStandIn

_SELECT_TYPES = {3, 5, 6, 7, 8}


def _id_of(value: Any) -> int:
    if isinstance(value, FakeUser | FakeGuild):
        return value.id
    if isinstance(value, dict):
        return int(value["id"])
    return int(getattr(value, "id", value))


def _walk(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for comp in components:
        found.append(comp)
        found.extend(_walk(comp.get("components") or []))
        for key in ("component", "accessory"):
            if key in comp:
                found.extend(_walk([comp[key]]))
    return found


class DriverMixin:
    # -- interaction plumbing -----------------------------------------------------------

    def _resolved_channel(
        self: DiscordStandIn, guild: FakeGuild, channel: dict[str, Any], user_id: int
    ) -> dict[str, Any]:
        perms = self.world.permissions_for(guild.id, int(channel["id"]), user_id)
        keys = ("id", "name", "type", "parent_id", "guild_id", "topic", "nsfw", "flags")
        out = {k: channel[k] for k in keys if k in channel}
        out["permissions"] = str(perms)
        if int(channel["type"]) in THREAD_TYPES:
            keys = ("owner_id", "member_count", "message_count", "thread_metadata")
            out.update({k: channel[k] for k in keys})
        return out

    def _interaction_channel(
        self: DiscordStandIn, guild: FakeGuild | None, channel_id: int, user_id: int
    ) -> dict[str, Any]:
        if guild is None:
            return dict(self.world.dm_channels[channel_id])
        channel = guild.channels.get(channel_id)
        if channel is None:
            raise LookupError(f"channel {channel_id} is not in guild {guild.id}")
        return {
            **channel,
            "permissions": str(self.world.permissions_for(guild.id, channel_id, user_id)),
        }

    async def _interact(
        self: DiscordStandIn,
        itype: int,
        guild_id: int | None,
        user_id: int,
        channel_id: int | None,
        data: dict[str, Any],
        *,
        message: dict[str, Any] | None = None,
    ) -> InteractionRecord:
        await self.flush()
        if not self.gateway.live_sessions:
            raise RuntimeError("no discord.py client is connected to the stand-in")
        world = self.world
        if user_id not in world.users:
            raise LookupError(f"unknown user {user_id}")
        iid = self.snowflakes.next()
        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "data": data,
            "token": self._new_token(),
            "version": 1,
            "locale": world.users[user_id].locale,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild_id is not None:
            guild = world.guilds[guild_id]
            if user_id not in guild.members:
                raise LookupError(f"user {user_id} is not a member of guild {guild_id}")
            channel_id = channel_id or guild.system_channel_id
            member = world.member_payload(guild, user_id)
            member["permissions"] = str(world.permissions_for(guild_id, channel_id, user_id))
            payload.update(
                guild_id=str(guild_id),
                guild={"id": str(guild_id), "locale": guild.preferred_locale, "features": []},
                guild_locale=guild.preferred_locale,
                member=member,
                app_permissions=str(world.permissions_for(guild_id, channel_id, self.bot_user_id)),
                context=0,
                authorizing_integration_owners={"0": str(guild_id)},
            )
            payload["channel"] = self._interaction_channel(guild, channel_id, user_id)
        else:
            dm = world.dm_channel_for(user_id, self.bot_user_id)
            channel_id = int(dm["id"])
            payload.update(
                user=world.users[user_id].payload(),
                app_permissions=str(0),
                context=1,
                authorizing_integration_owners={"0": "0"},
                channel=dict(dm),
            )
        payload["channel_id"] = str(channel_id)
        if message is not None:
            payload["message"] = message
        record = InteractionRecord(payload, changed=self._changed)
        self._interactions[iid] = record
        self._by_token[record.token] = record
        self.interactions.append(record)
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    # -- application commands -------------------------------------------------------------

    def _find_command(
        self: DiscordStandIn, guild_id: int | None, name: str, ctype: int = 1
    ) -> dict[str, Any]:
        pools = [
            *(self.guild_commands.get(guild_id, []) if guild_id else []),
            *self.global_commands,
        ]
        for cmd in pools:
            if cmd["name"] == name and int(cmd.get("type", 1)) == ctype:
                return cmd
        known = sorted(c["name"] for c in pools)
        raise LookupError(f"command {name!r} (type {ctype}) was not synced; synced: {known}")

    def _check_visible(
        self: DiscordStandIn,
        cmd: dict[str, Any],
        guild_id: int | None,
        channel_id: int | None,
        user_id: int,
    ) -> None:
        contexts = cmd.get("contexts")
        context = 0 if guild_id else 1
        if contexts is not None and context not in contexts:
            raise PermissionError(f"/{cmd['name']} is not available in context {context}")
        if guild_id is None:
            return
        required = cmd.get("default_member_permissions")
        # A server admin may open a command to everyone in Server Settings > Integrations,
        # which is why bots must check permissions again at run time.
        if required is None or (guild_id, cmd["name"]) in self.command_overrides:
            return
        perms = self.world.permissions_for(guild_id, channel_id, user_id)
        required_bits = int(required)
        if perms & ADMINISTRATOR or (required_bits and perms & required_bits == required_bits):
            return
        raise PermissionError(
            f"/{cmd['name']} needs default_member_permissions={required}; user has {perms}"
        )

    def _option_value(
        self: DiscordStandIn,
        spec: dict[str, Any],
        value: Any,
        guild: FakeGuild | None,
        user_id: int,
        resolved: dict[str, dict[str, Any]],
    ) -> Any:
        otype = int(spec["type"])
        if otype == 3:
            value = str(value)
        elif otype == 4:
            value = int(value)
        elif otype == 5:
            value = bool(value)
        elif otype == 10:
            value = float(value)
        elif otype in (6, 7, 8, 9):
            oid = _id_of(value)
            if otype == 9:
                otype = 6 if oid in self.world.users else 8
            self._resolve(otype, oid, guild, user_id, resolved)
            return str(oid)
        else:
            raise ValueError(
                f"option type {otype} ({spec['name']}) is not supported by the stand-in"
            )
        choices = spec.get("choices")
        if choices and value not in [c["value"] for c in choices]:
            raise ValueError(f"{value!r} is not a choice of option {spec['name']!r}: {choices}")
        return value

    def _resolve(
        self: DiscordStandIn,
        kind: int,
        oid: int,
        guild: FakeGuild | None,
        user_id: int,
        resolved: dict[str, dict[str, Any]],
    ) -> None:
        world = self.world
        if kind == 6:
            if oid not in world.users:
                raise LookupError(f"unknown user {oid}")
            resolved.setdefault("users", {})[str(oid)] = world.users[oid].payload()
            if guild is not None and oid in guild.members:
                member = world.member_payload(guild, oid, with_user=False)
                member["permissions"] = str(world.permissions_for(guild.id, None, oid))
                resolved.setdefault("members", {})[str(oid)] = member
        elif kind == 8:
            if guild is None or oid not in guild.roles:
                raise LookupError(f"unknown role {oid}")
            resolved.setdefault("roles", {})[str(oid)] = guild.roles[oid]
        elif kind == 7:
            if guild is None or oid not in guild.channels:
                raise LookupError(f"unknown channel {oid}")
            channel = self._resolved_channel(guild, guild.channels[oid], user_id)
            resolved.setdefault("channels", {})[str(oid)] = channel

    def _command_data(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        channel_id: int | None,
        name: str,
        options: dict[str, Any] | None,
        subcommand: str | None,
        group: str | None,
        focused: str | None = None,
    ) -> dict[str, Any]:
        cmd = self._find_command(guild_id, name)
        guild = self.world.guilds[guild_id] if guild_id else None
        channel_id = channel_id or (guild.system_channel_id if guild else None)
        self._check_visible(cmd, guild_id, channel_id, user_id)
        specs = cmd.get("options") or []
        path: list[tuple[int, str]] = []
        for kind, wanted in ((2, group), (1, subcommand)):
            if wanted is None:
                continue
            spec = next((o for o in specs if o["type"] == kind and o["name"] == wanted), None)
            if spec is None:
                raise LookupError(
                    f"/{name} has no {'group' if kind == 2 else 'subcommand'} {wanted!r}"
                )
            path.append((kind, wanted))
            specs = spec.get("options") or []
        if any(o["type"] in (1, 2) for o in specs):
            raise ValueError(f"/{name} needs a subcommand/group: {[o['name'] for o in specs]}")
        by_name = {o["name"]: o for o in specs}
        resolved: dict[str, dict[str, Any]] = {}
        built: list[dict[str, Any]] = []
        for opt_name, value in (options or {}).items():
            spec = by_name.get(opt_name)
            if spec is None:
                raise LookupError(f"/{name} has no option {opt_name!r}; options: {list(by_name)}")
            if opt_name == focused:
                # Discord sends what the user has typed so far, always as a string.
                built.append(
                    {"type": spec["type"], "name": opt_name, "value": str(value), "focused": True}
                )
                continue
            val = self._option_value(spec, value, guild, user_id, resolved)
            built.append({"type": spec["type"], "name": opt_name, "value": val})
        if focused is not None and focused not in (options or {}):
            spec = by_name.get(focused)
            if spec is None:
                raise LookupError(f"/{name} has no option {focused!r}")
            built.append({"type": spec["type"], "name": focused, "value": "", "focused": True})
        if focused is None:
            missing = [
                o["name"] for o in specs if o.get("required") and o["name"] not in (options or {})
            ]
            if missing:
                raise ValueError(f"/{name}: missing required options {missing}")
        for kind, wanted in reversed(path):
            built = [{"type": kind, "name": wanted, "options": built}]
        data: dict[str, Any] = {"id": cmd["id"], "name": cmd["name"], "type": 1}
        if built:
            data["options"] = built
        if resolved:
            data["resolved"] = resolved
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data

    async def slash(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        group: str | None = None,
        channel_id: int | None = None,
    ) -> InteractionRecord:
        """Runs ``/name`` as ``user_id``. Option values: str/int/float/bool, or an id / FakeUser /
        dict with "id" for user, role, channel and mentionable options."""
        data = self._command_data(guild_id, user_id, channel_id, name, options, subcommand, group)
        return await self._interact(2, guild_id, user_id, channel_id, data)

    async def autocomplete(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        name: str,
        options: dict[str, Any] | None,
        focused: str,
        *,
        subcommand: str | None = None,
        group: str | None = None,
        channel_id: int | None = None,
        timeout: float = 5,
    ) -> list[dict[str, Any]]:
        """Returns the choices the bot answered (callback type 8) for option ``focused``."""
        data = self._command_data(
            guild_id, user_id, channel_id, name, options, subcommand, group, focused=focused
        )
        record = await self._interact(4, guild_id, user_id, channel_id, data)
        response = await record.wait_response(timeout)
        if response["type"] != 8:
            raise AssertionError(f"autocomplete answered with callback type {response['type']}")
        return list(response["data"].get("choices") or [])

    async def context_menu(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        name: str,
        target: Any,
        *,
        channel_id: int | None = None,
    ) -> InteractionRecord:
        """User (target: user id) or message (target: stored message dict) context menu."""
        is_message = isinstance(target, dict) and "channel_id" in target
        cmd = self._find_command(guild_id, name, 3 if is_message else 2)
        guild = self.world.guilds[guild_id] if guild_id else None
        resolved: dict[str, dict[str, Any]] = {}
        if is_message:
            target_id = int(target["id"])
            resolved["messages"] = {str(target_id): self._message_index.get(target_id, target)}
            channel_id = channel_id or int(target["channel_id"])
        else:
            target_id = _id_of(target)
            self._resolve(6, target_id, guild, user_id, resolved)
        self._check_visible(
            cmd, guild_id, channel_id or (guild.system_channel_id if guild else None), user_id
        )
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": cmd["name"],
            "type": cmd["type"],
            "target_id": str(target_id),
            "resolved": resolved,
        }
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return await self._interact(2, guild_id, user_id, channel_id, data)

    # -- components -------------------------------------------------------------------------

    def _component(
        self: DiscordStandIn, message: dict[str, Any], custom_id: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        current = self._message_index.get(int(message["id"]), message)
        for comp in _walk(current.get("components") or []):
            if comp.get("custom_id") == custom_id:
                if comp.get("disabled"):
                    raise PermissionError(f"component {custom_id!r} is disabled")
                return current, comp
        ids = [
            c.get("custom_id") for c in _walk(current.get("components") or []) if "custom_id" in c
        ]
        raise LookupError(f"message {current['id']} has no component {custom_id!r}; has {ids}")

    def _message_guild(self: DiscordStandIn, message: dict[str, Any]) -> int | None:
        return int(message["guild_id"]) if message.get("guild_id") else None

    async def click(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        message: dict[str, Any],
        custom_id: str,
    ) -> InteractionRecord:
        current, comp = self._component(message, custom_id)
        if comp.get("type") != 2:
            raise ValueError(f"{custom_id!r} is a type {comp.get('type')} component, not a button")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if "id" in comp:
            data["id"] = comp["id"]
        channel_id = int(current["channel_id"])
        return await self._interact(3, guild_id, user_id, channel_id, data, message=current)

    async def select(
        self: DiscordStandIn,
        guild_id: int | None,
        user_id: int,
        message: dict[str, Any],
        custom_id: str,
        values: list[Any],
    ) -> InteractionRecord:
        current, comp = self._component(message, custom_id)
        ctype = int(comp.get("type", 0))
        if ctype not in _SELECT_TYPES:
            raise ValueError(f"{custom_id!r} is a type {ctype} component, not a select")
        if not comp.get("min_values", 1) <= len(values) <= comp.get("max_values", 1):
            raise ValueError(f"{len(values)} values outside min/max of select {custom_id!r}")
        guild = self.world.guilds[guild_id] if guild_id else None
        resolved: dict[str, dict[str, Any]] = {}
        if ctype == 3:
            allowed = [o["value"] for o in comp.get("options") or []]
            str_values = [str(v) for v in values]
            bad = [v for v in str_values if v not in allowed]
            if bad:
                raise ValueError(f"{bad} are not options of {custom_id!r}: {allowed}")
        else:
            str_values = []
            for value in values:
                oid = _id_of(value)
                kind = {5: 6, 6: 8, 8: 7}.get(ctype) or (6 if oid in self.world.users else 8)
                self._resolve(kind, oid, guild, user_id, resolved)
                str_values.append(str(oid))
        data: dict[str, Any] = {
            "custom_id": custom_id,
            "component_type": ctype,
            "values": str_values,
        }
        if resolved:
            data["resolved"] = resolved
        channel_id = int(current["channel_id"])
        return await self._interact(3, guild_id, user_id, channel_id, data, message=current)

    async def submit_modal(
        self: DiscordStandIn, record: InteractionRecord, values: dict[str, Any]
    ) -> InteractionRecord:
        """Answers the modal ``record`` opened; ``values``: custom_id -> text (list for selects)."""
        response = await record.wait_response()
        if response["type"] != 9:
            raise ValueError(f"{record!r} did not open a modal (callback type {response['type']})")
        modal = response["data"]
        unknown = set(values) - {c.get("custom_id") for c in _walk(modal["components"])}
        if unknown:
            raise LookupError(f"modal {modal['custom_id']!r} has no inputs {sorted(unknown)}")

        def answer(comp: dict[str, Any]) -> dict[str, Any] | None:
            ctype = comp.get("type")
            cid = comp.get("custom_id")
            if ctype == 4:
                value = str(values.get(cid, comp.get("value") or ""))
                if comp.get("required", True) and not value:
                    raise ValueError(f"required text input {cid!r} left empty")
                lo, hi = comp.get("min_length", 0), comp.get("max_length", 4000)
                if value and not lo <= len(value) <= hi:
                    raise ValueError(f"{cid!r}: length {len(value)} outside {lo}..{hi}")
                return {"type": 4, "id": comp.get("id"), "custom_id": cid, "value": value}
            if ctype in _SELECT_TYPES:
                picked = values.get(cid, [])
                return {
                    "type": ctype,
                    "id": comp.get("id"),
                    "custom_id": cid,
                    "values": [str(_id_of(v)) if ctype != 3 else str(v) for v in picked],
                }
            if ctype in (21, 22, 23):  # radio group, checkbox group, checkbox
                key = "values" if ctype == 22 else "value"
                return {"type": ctype, "id": comp.get("id"), "custom_id": cid, key: values.get(cid)}
            return None

        components: list[dict[str, Any]] = []
        for top in modal["components"]:
            if top.get("type") == 1:
                inner = [a for c in top.get("components") or [] if (a := answer(c)) is not None]
                components.append({"type": 1, "id": top.get("id"), "components": inner})
            elif top.get("type") == 18:
                inner_answer = answer(top["component"])
                if inner_answer is not None:
                    components.append({"type": 18, "id": top.get("id"), "component": inner_answer})
            elif top.get("type") == 10:
                components.append({"type": 10, "id": top.get("id")})
        data = {"custom_id": modal["custom_id"], "components": components}
        message = record.payload.get("message")
        if message is not None:
            message = self._message_index.get(int(message["id"]), message)
        return await self._interact(
            5, record.guild_id, record.user_id, record.channel_id, data, message=message
        )

    async def dm_interaction(
        self: DiscordStandIn,
        user_id: int,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        group: str | None = None,
    ) -> InteractionRecord:
        """A slash command used in the user's DM with the bot (context 1)."""
        data = self._command_data(None, user_id, None, name, options, subcommand, group)
        return await self._interact(2, None, user_id, None, data)

    # -- messages ---------------------------------------------------------------------------

    async def post_message(
        self: DiscordStandIn, guild_id: int | None, channel_id: int, author_id: int, content: str
    ) -> dict[str, Any]:
        """A user posts ``content``; stored and dispatched as MESSAGE_CREATE (with member)."""
        await self.flush()
        world = self.world
        guild = world.guilds[guild_id] if guild_id is not None else None
        if guild is not None:
            if author_id not in guild.members:
                raise LookupError(f"user {author_id} is not a member of guild {guild_id}")
            if channel_id not in guild.channels:
                raise LookupError(f"channel {channel_id} is not in guild {guild_id}")
        elif channel_id not in world.dm_channels:
            raise LookupError(f"{channel_id} is not a DM channel; use dm_channel_for()")
        mentions, roles, everyone = self._mentions(content, guild, None)
        message: dict[str, Any] = {
            "id": str(self.snowflakes.next()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": world.users[author_id].payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": everyone,
            "mentions": mentions,
            "mention_roles": roles,
            "attachments": [],
            "embeds": [],
            "components": [],
            "flags": 0,
            "pinned": False,
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        await self._publish(message)
        return message

    def dm_channel_for(self: DiscordStandIn, user_id: int) -> dict[str, Any]:
        """The (created on demand) DM channel between ``user_id`` and the bot."""
        return self.world.dm_channel_for(user_id, self.bot_user_id)

    async def post_dm(self: DiscordStandIn, user_id: int, content: str) -> dict[str, Any]:
        channel = self.dm_channel_for(user_id)
        return await self.post_message(None, int(channel["id"]), user_id, content)

    async def wait_idle(self: DiscordStandIn, delay: float = 0.05) -> None:
        """Lets the bot process what was dispatched (for asserting that nothing happened)."""
        await self.flush()
        await asyncio.sleep(delay)
