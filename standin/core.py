"""DiscordStandIn: world building, message store, fault injection and server lifecycle."""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import web

from .driver import DriverMixin
from .gateway import Gateway
from .records import EPHEMERAL, FailRule, HoldRule, InteractionRecord, RequestLog
from .rest import LOADING, RestApi
from .scheduled_events import ScheduledEvents
from .world import (
    DEFAULT_BOT_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    EMBED_LINKS,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    FakeGuild,
    FakeUser,
    SnowflakeFactory,
    World,
    channel_payload,
    iso_now,
    role_payload,
)

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


class DiscordStandIn(DriverMixin):
    """A local Discord (gateway + REST v10) that an unmodified discord.py client talks to."""

    def __init__(self) -> None:
        self.snowflakes = SnowflakeFactory()
        self.world = World(self.snowflakes)
        self.bot_user: FakeUser = self.world.new_user("Kinship", bot=True)
        self.app_owner: FakeUser = self.world.new_user("app-owner")
        self.bot_user_id: int = self.bot_user.id
        self.application_id: int = self.bot_user.id  # Discord bots share the id with their app
        # GATEWAY_GUILD_MEMBERS_LIMITED | GATEWAY_MESSAGE_CONTENT_LIMITED: intents "enabled".
        self.application_flags: int = (1 << 15) | (1 << 19)
        self.token: str | None = None  # None accepts any token
        self.intents_refused: bool = False
        self.interaction_timeout: float = 3.0
        # (guild_id, command name) pairs an admin opened to members without the default perms.
        self.command_overrides: set[tuple[int, str]] = set()

        self.base_url: str = ""
        self.gateway_url: str = ""
        self.messages: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[RequestLog] = []
        self.unknown_routes: list[str] = []
        self.command_syncs: int = 0
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.interactions: list[InteractionRecord] = []
        # Uploaded file contents by attachment id, so tests can read what the bot sent.
        self.attachment_bytes: dict[int, bytes] = {}

        self._message_index: dict[int, dict[str, Any]] = {}
        self._interactions: dict[int, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self._fail_rules: list[FailRule] = []
        self._hold_rules: list[HoldRule] = []
        self._closed_dms: set[int] = set()
        self._pending: list[asyncio.Task[None]] = []
        self._changed = asyncio.Condition()
        self.gateway = Gateway(self)
        self.scheduled_events = ScheduledEvents(self)
        self.rest = RestApi(self)
        self._runner: web.AppRunner | None = None

    # -- lifecycle --------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self.rest.handle)
        app.router.add_get("/", self.gateway.handle)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/api/v10"
        self.gateway_url = f"ws://127.0.0.1:{port}/"

    async def close(self) -> None:
        await self.flush()
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- plumbing ---------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """World building is sync; its gateway events go out in order in the background."""
        if not self.gateway.sessions:
            coro.close()
            return
        self._pending.append(asyncio.get_running_loop().create_task(coro))

    async def flush(self) -> None:
        """Waits until every event queued by a sync world-building call has been sent."""
        while self._pending:
            pending, self._pending = self._pending, []
            await asyncio.gather(*pending)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Raw escape hatch: sends ``event`` to every session whose intents allow it."""
        await self.gateway.dispatch(event, data)
        await self._notify()

    async def request_reconnect(self) -> None:
        """Sends op 7 RECONNECT; discord.py then RESUMEs on ``resume_gateway_url``."""
        await self.gateway.send_op(7, None)

    async def wait_ready(self, timeout: float = 10) -> None:
        await asyncio.wait_for(self.gateway.ready.wait(), timeout)

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5) -> Any:
        """Polls ``predicate`` (on stand-in or bot state) until truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise AssertionError(f"condition not met within {timeout}s: {predicate!r}")
            await asyncio.sleep(0.01)

    # -- world building ---------------------------------------------------------------

    def add_user(self, username: str, *, bot: bool = False) -> FakeUser:
        return self.world.new_user(username, bot=bot)

    def add_guild(
        self,
        name: str = "Test Guild",
        *,
        owner_id: int | None = None,
        member_count: int = 0,
        bot_permissions: int = DEFAULT_BOT_PERMISSIONS,
        everyone_permissions: int = DEFAULT_EVERYONE_PERMISSIONS,
    ) -> FakeGuild:
        world = self.world
        gid = self.snowflakes.next()
        if owner_id is None:
            owner_id = world.new_user(f"owner-{gid % 100000}").id
        guild = FakeGuild(id=gid, name=name, owner_id=owner_id)
        guild.roles[gid] = role_payload(gid, "@everyone", everyone_permissions, 0)
        guild.bot_role_id = self.snowflakes.next()
        guild.roles[guild.bot_role_id] = role_payload(
            guild.bot_role_id,
            self.bot_user.username,
            bot_permissions,
            1,
            managed=True,
            tags={"bot_id": str(self.bot_user_id)},
        )
        world.new_member(guild, self.bot_user_id, [guild.bot_role_id])
        world.new_member(guild, owner_id, [])
        users = world.users
        for i in range(member_count):
            user = FakeUser(id=self.snowflakes.next(), username=f"member{i}-{gid % 100000}")
            users[user.id] = user
            world.new_member(guild, user.id, [])
        general = self.snowflakes.next()
        guild.channels[general] = channel_payload(general, gid, "general")
        guild.system_channel_id = general
        world.channel_guild[general] = gid
        world.guilds[gid] = guild
        self._spawn(self._send_guild_create(guild))
        return guild

    async def _send_guild_create(self, guild: FakeGuild) -> None:
        for session in list(self.gateway.sessions.values()):
            full = bool(session.intents & 2) and not guild.large
            payload = self.world.guild_create_payload(
                guild, full_members=full, bot_id=self.bot_user_id, joined=True
            )
            await session.send_dispatch("GUILD_CREATE", payload)

    def add_member(
        self,
        guild_id: int,
        user_id: int,
        *,
        roles: list[int] | tuple[int, ...] = (),
        permissions: int | None = None,
    ) -> dict[str, Any]:
        """Adds ``user_id`` to the guild; ``permissions`` creates a dedicated role granting them."""
        guild = self.world.guilds[guild_id]
        if user_id not in self.world.users:
            raise KeyError(f"unknown user {user_id}; create it with add_user()")
        role_ids = list(roles)
        if permissions is not None:
            role_ids.append(
                int(self.add_role(guild_id, f"perms-{user_id}", permissions=permissions)["id"])
            )
        for rid in role_ids:
            if rid not in guild.roles:
                raise KeyError(f"unknown role {rid} in guild {guild_id}")
        self.world.new_member(guild, user_id, role_ids)
        payload = self.world.member_payload(guild, user_id)
        self._spawn(self.dispatch("GUILD_MEMBER_ADD", {"guild_id": str(guild_id), **payload}))
        return payload

    async def set_member_roles(self, guild_id: int, user_id: int, roles: list[int]) -> None:
        """A moderator changes the member's roles: saved, GUILD_MEMBER_UPDATE sent."""
        await self.flush()
        guild = self.world.guilds[guild_id]
        for rid in roles:
            if rid not in guild.roles:
                raise KeyError(f"unknown role {rid} in guild {guild_id}")
        guild.members[user_id]["roles"] = [str(r) for r in roles]
        payload = self.world.member_payload(guild, user_id)
        await self.dispatch("GUILD_MEMBER_UPDATE", {"guild_id": str(guild_id), **payload})

    async def remove_member(self, guild_id: int, user_id: int) -> None:
        """The member leaves (or is kicked): gone from the guild, GUILD_MEMBER_REMOVE sent."""
        await self.flush()
        guild = self.world.guilds[guild_id]
        guild.members.pop(user_id)
        user = self.world.users[user_id].payload()
        await self.dispatch("GUILD_MEMBER_REMOVE", {"guild_id": str(guild_id), "user": user})

    def add_role(
        self, guild_id: int, name: str, *, permissions: int = 0, _dispatch: bool = True
    ) -> dict[str, Any]:
        guild = self.world.guilds[guild_id]
        rid = self.snowflakes.next()
        guild.roles[rid] = role_payload(rid, name, permissions, len(guild.roles))
        if _dispatch:
            event = {"guild_id": str(guild_id), "role": guild.roles[rid]}
            self._spawn(self.dispatch("GUILD_ROLE_CREATE", event))
        return guild.roles[rid]

    def add_channel(
        self,
        guild_id: int,
        name: str,
        *,
        type: int = 0,
        overwrites: Any = (),
        parent_id: int | str | None = None,
        topic: str | None = None,
        _dispatch: bool = True,
    ) -> dict[str, Any]:
        """``overwrites``: [{"id", "type" (0 role, 1 member), "allow", "deny"}], ints or strs."""
        guild = self.world.guilds[guild_id]
        cid = self.snowflakes.next()
        channel = channel_payload(
            cid,
            guild_id,
            name,
            type=type,
            position=len(guild.channels),
            overwrites=overwrites,
            parent_id=parent_id,
            topic=topic,
        )
        guild.channels[cid] = channel
        self.world.channel_guild[cid] = guild_id
        if _dispatch:
            self._spawn(self._dispatch_channel("CHANNEL_CREATE", channel))
        return channel

    async def _dispatch_channel(self, event: str, channel: dict[str, Any]) -> None:
        if int(channel["type"]) in (10, 11, 12):
            event = event.replace("CHANNEL", "THREAD")
        await self.dispatch(event, channel)

    def add_private_channel(self, guild_id: int, name: str) -> dict[str, Any]:
        """A text channel @everyone cannot see and the bot can use, like an escalation channel."""
        bot_role = self.world.guilds[guild_id].bot_role_id
        allowed = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
        return self.add_channel(
            guild_id,
            name,
            overwrites=[
                {"id": str(guild_id), "type": 0, "deny": str(VIEW_CHANNEL), "allow": "0"},
                {"id": str(bot_role), "type": 0, "allow": str(allowed), "deny": "0"},
            ],
        )

    async def delete_channel(self, guild_id: int, channel_id: int) -> None:
        await self.flush()
        guild = self.world.guilds[guild_id]
        channel = guild.channels.pop(channel_id)
        self.world.channel_guild.pop(channel_id, None)
        await self._dispatch_channel("CHANNEL_DELETE", channel)

    async def delete_role(self, guild_id: int, role_id: int) -> None:
        await self.flush()
        guild = self.world.guilds[guild_id]
        del guild.roles[role_id]
        for member in guild.members.values():
            if str(role_id) in member["roles"]:
                member["roles"].remove(str(role_id))
        event = {"guild_id": str(guild_id), "role_id": str(role_id)}
        await self.dispatch("GUILD_ROLE_DELETE", event)

    async def delete_message(self, channel_id: int, message_id: int) -> None:
        """Someone (a moderator, say) deletes a message: later requests for it get 404 10008."""
        await self.flush()
        message = self._message_index[message_id]
        assert int(message["channel_id"]) == channel_id, "the message is in another channel"
        await self._delete_message(message)

    def permissions_for(self, guild_id: int, channel_id: int | None, user_id: int) -> int:
        return self.world.permissions_for(guild_id, channel_id, user_id)

    # -- fault injection --------------------------------------------------------------

    def fail(
        self,
        method: str,
        path_regex: str,
        *,
        status: int = 500,
        code: int = 0,
        times: int = 1,
        retry_after: float | None = None,
    ) -> None:
        """The next ``times`` requests matching fail. ``path_regex`` is searched in the path
        below /api/v10, e.g. ``r"/channels/\\d+/messages$"``. Note discord.py retries
        500/502/504 itself (after 1s, 3s, ...); use 503 or 4xx for an immediate error."""
        rule = FailRule(method.upper(), re.compile(path_regex), status, code, times, retry_after)
        self._fail_rules.append(rule)

    def hold(self, method: str, path_regex: str) -> asyncio.Event:
        """The next matching request takes effect at once (a message is created and dispatched)
        but its response reaches the bot only once the returned event is set: a request still
        on its way back while something else happens."""
        release = asyncio.Event()
        self._hold_rules.append(HoldRule(method.upper(), re.compile(path_regex), release))
        return release

    def close_dms(self, user_id: int) -> None:
        self._closed_dms.add(user_id)

    # -- observation ------------------------------------------------------------------

    def dms_to(self, user_id: int) -> list[dict[str, Any]]:
        channel_id = self.world.dm_by_user.get(user_id)
        return list(self.messages.get(channel_id, [])) if channel_id else []

    async def wait_for_message(
        self,
        channel_id: int,
        predicate: Callable[[dict[str, Any]], bool] = lambda m: True,
        timeout: float = 5,
    ) -> dict[str, Any]:
        def find() -> dict[str, Any] | None:
            return next((m for m in self.messages.get(channel_id, []) if predicate(m)), None)

        return await self.wait_for(find, timeout)

    def requests_to(self, method: str, path_regex: str) -> list[RequestLog]:
        pattern = re.compile(path_regex)
        return [r for r in self.requests if r.method == method and pattern.search(r.path)]

    # -- messages -----------------------------------------------------------------------

    def _mentions(
        self, content: str, guild: FakeGuild | None, allowed: dict[str, Any] | None
    ) -> tuple[list[dict[str, Any]], list[str], bool]:
        parse = (
            set(allowed.get("parse", [])) if allowed is not None else {"users", "roles", "everyone"}
        )
        # Discord takes snowflakes as strings or numbers here; discord.py sends numbers.
        allowed_users = {str(u) for u in allowed.get("users", [])} if allowed is not None else set()
        allowed_roles = {str(r) for r in allowed.get("roles", [])} if allowed is not None else set()
        users: list[dict[str, Any]] = []
        for raw in dict.fromkeys(_USER_MENTION.findall(content)):
            uid = int(raw)
            if uid not in self.world.users or ("users" not in parse and raw not in allowed_users):
                continue
            user = self.world.users[uid].payload()
            if guild is not None and uid in guild.members:
                user["member"] = self.world.member_payload(guild, uid, with_user=False)
            users.append(user)
        roles = [
            raw
            for raw in dict.fromkeys(_ROLE_MENTION.findall(content))
            if guild is not None
            and int(raw) in guild.roles
            and ("roles" in parse or raw in allowed_roles)
        ]
        everyone = "everyone" in parse and ("@everyone" in content or "@here" in content)
        return users, roles, everyone

    def _attachments(self, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for f in files:
            aid = self.snowflakes.next()
            self.attachment_bytes[aid] = f.get("data", b"")
            url = f"https://cdn.discordapp.com/attachments/0/{aid}/{f['filename']}"
            out.append(
                {
                    "id": str(aid),
                    "filename": f["filename"],
                    "size": f["size"],
                    "url": url,
                    "proxy_url": url,
                    "content_type": f.get("content_type"),
                }
            )
        return out

    def _new_bot_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        files: list[dict[str, Any]],
        *,
        record: InteractionRecord | None = None,
    ) -> dict[str, Any]:
        guild = self.world.guild_of_channel(channel_id)
        content = str(body.get("content") or "")
        allowed = body.get("allowed_mentions")
        mentions, mention_roles, everyone = self._mentions(content, guild, allowed)
        message: dict[str, Any] = {
            "id": str(self.snowflakes.next()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts", False)),
            "mention_everyone": everyone,
            "mentions": mentions,
            "mention_roles": mention_roles,
            "attachments": self._attachments(files),
            "embeds": [{"type": "rich", **e} for e in body.get("embeds") or []],
            "components": body.get("components") or [],
            "flags": int(body.get("flags") or 0),
            "pinned": False,
            "allowed_mentions": allowed,
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        if body.get("message_reference"):
            message["type"] = 19
            message["message_reference"] = body["message_reference"]
        if record is not None:
            itype = int(record.payload["type"])
            user = record.payload.get("member", {}).get("user") or record.payload["user"]
            message["webhook_id"] = str(self.application_id)
            message["application_id"] = str(self.application_id)
            message["type"] = 20 if itype == 2 else 0
            metadata: dict[str, Any] = {
                "id": str(record.id),
                "type": itype,
                "user": user,
                "authorizing_integration_owners": record.payload["authorizing_integration_owners"],
            }
            if record.payload.get("message"):
                metadata["interacted_message_id"] = record.payload["message"]["id"]
            if record.original is not None and record.original is not message:
                metadata["original_response_message_id"] = record.original["id"]
            message["interaction_metadata"] = metadata
        return message

    def _is_ephemeral(self, message: dict[str, Any]) -> bool:
        return bool(int(message.get("flags") or 0) & EPHEMERAL)

    def _event_payload(self, message: dict[str, Any]) -> dict[str, Any]:
        event = {k: v for k, v in message.items() if k != "allowed_mentions"}
        guild = self.world.guild_of_channel(int(message["channel_id"]))
        author_id = int(message["author"]["id"])
        if guild is not None and author_id in guild.members and not message.get("webhook_id"):
            event["member"] = self.world.member_payload(guild, author_id, with_user=False)
        return event

    async def _publish(self, message: dict[str, Any]) -> None:
        """Stores a new message; visible (non-ephemeral) ones also reach the gateway."""
        self._message_index[int(message["id"])] = message
        if not self._is_ephemeral(message):
            self.messages.setdefault(int(message["channel_id"]), []).append(message)
            await self.dispatch("MESSAGE_CREATE", self._event_payload(message))
        await self._notify()

    async def _apply_edit(
        self, message: dict[str, Any], body: dict[str, Any], files: list[dict[str, Any]]
    ) -> None:
        old_flags = int(message.get("flags") or 0)
        for key in ("content", "components", "allowed_mentions"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ("" if key == "content" else [])
                )
        if "embeds" in body:
            message["embeds"] = [{"type": "rich", **e} for e in body["embeds"] or []]
        if "attachments" in body or files:
            keep = {str(a.get("id")) for a in body.get("attachments") or []}
            kept = [a for a in message["attachments"] if a["id"] in keep]
            message["attachments"] = kept + self._attachments(files)
        # Ephemerality cannot change after creation; any edit finishes a "thinking" message.
        new_flags = int(body["flags"] or 0) if "flags" in body else old_flags
        message["flags"] = (old_flags & EPHEMERAL) | (new_flags & ~(EPHEMERAL | LOADING))
        if "content" in body:
            guild = self.world.guild_of_channel(int(message["channel_id"]))
            allowed = message.get("allowed_mentions")
            users, roles, everyone = self._mentions(message["content"], guild, allowed)
            message.update(mentions=users, mention_roles=roles, mention_everyone=everyone)
        if not old_flags & LOADING:
            message["edited_timestamp"] = iso_now()
        if not self._is_ephemeral(message):
            await self.dispatch("MESSAGE_UPDATE", self._event_payload(message))
        await self._notify()

    async def _delete_message(self, message: dict[str, Any]) -> None:
        mid = int(message["id"])
        self._message_index.pop(mid, None)
        stored = self.messages.get(int(message["channel_id"]), [])
        if message in stored:
            stored.remove(message)
        event = {"id": message["id"], "channel_id": message["channel_id"]}
        if message.get("guild_id"):
            event["guild_id"] = message["guild_id"]
        if not self._is_ephemeral(message):
            await self.dispatch("MESSAGE_DELETE", event)
        await self._notify()

    def _new_token(self) -> str:
        return "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
