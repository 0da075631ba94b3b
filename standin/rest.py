"""REST API v10 routes. One catch-all aiohttp route dispatches on (method, regex) so that
fault injection, request logging and "unknown route" 404s see every call uniformly."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import limits
from .records import EPHEMERAL, InteractionRecord, RequestLog
from .world import (
    CREATE_PRIVATE_THREADS,
    CREATE_PUBLIC_THREADS,
    MANAGE_CHANNELS,
    MANAGE_ROLES,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    channel_payload,
    normalize_overwrites,
    role_payload,
    thread_payload,
)

if TYPE_CHECKING:
    from .core import DiscordStandIn

LOADING = 1 << 7
API_PREFIX = "/api/v10"


@dataclass(slots=True)
class Call:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}


class HttpError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors


def json_response(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    # discord.py only parses JSON when Content-Type is exactly "application/json";
    # aiohttp's json_response would append "; charset=utf-8".
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(body).encode(), status=status, headers=hdrs)


def error_body(code: int, message: str, errors: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return body


def invalid_form(errors: dict[str, Any]) -> HttpError:
    if errors.pop("__empty__", False) and not errors:
        return HttpError(400, 50006, "Cannot send an empty message")
    errors.pop("__empty__", None)
    return HttpError(400, 50035, "Invalid Form Body", errors)


Handler = Callable[[Call], Awaitable[web.Response]]

_SNOWFLAKE = r"\d+"
# Placeholders in route templates; anything else in braces is a snowflake.
_SEGMENTS = {"token": r"[^/]+", "emoji": r"[^/]+", "wmid": r"@original|\d+", "member": r"@me|\d+"}


def _compile(template: str) -> re.Pattern[str]:
    def group(match: re.Match[str]) -> str:
        name = match[1]
        return f"(?P<{name}>{_SEGMENTS.get(name, _SNOWFLAKE)})"

    return re.compile(re.sub(r"\{(\w+)\}", group, template) + "/?")


Route = tuple[str, re.Pattern[str], Handler]


class RestApi:
    def __init__(self, standin: DiscordStandIn) -> None:
        self.s = standin
        self.world = standin.world
        routes: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self.get_me),
            ("GET", "/oauth2/applications/@me", self.get_application),
            ("GET", "/applications/{app}/commands", self.get_global_commands),
            ("PUT", "/applications/{app}/commands", self.put_global_commands),
            ("GET", "/applications/{app}/guilds/{guild}/commands", self.get_guild_commands),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self.put_guild_commands),
            ("POST", "/interactions/{iid}/{token}/callback", self.callback),
            ("GET", "/webhooks/{app}/{token}/messages/{wmid}", self.webhook_get),
            ("PATCH", "/webhooks/{app}/{token}/messages/{wmid}", self.webhook_edit),
            ("DELETE", "/webhooks/{app}/{token}/messages/{wmid}", self.webhook_delete),
            ("POST", "/webhooks/{app}/{token}", self.webhook_execute),
            ("GET", "/channels/{ch}/messages", self.get_messages),
            ("POST", "/channels/{ch}/messages", self.create_message),
            ("GET", "/channels/{ch}/messages/{mid}", self.get_message),
            ("PATCH", "/channels/{ch}/messages/{mid}", self.edit_message),
            ("DELETE", "/channels/{ch}/messages/{mid}", self.delete_message),
            ("POST", "/channels/{ch}/messages/{mid}/threads", self.create_thread),
            ("PUT", "/channels/{ch}/messages/{mid}/reactions/{emoji}/@me", self.no_content),
            ("DELETE", "/channels/{ch}/messages/{mid}/reactions/{emoji}/@me", self.no_content),
            ("POST", "/channels/{ch}/threads", self.create_thread),
            ("PUT", "/channels/{ch}/thread-members/{member}", self.add_thread_member),
            ("DELETE", "/channels/{ch}/thread-members/{member}", self.remove_thread_member),
            ("POST", "/channels/{ch}/typing", self.no_content),
            ("PUT", "/channels/{ch}/permissions/{oid}", self.put_overwrite),
            ("DELETE", "/channels/{ch}/permissions/{oid}", self.delete_overwrite),
            ("GET", "/channels/{ch}", self.get_channel),
            ("PATCH", "/channels/{ch}", self.edit_channel),
            ("DELETE", "/channels/{ch}", self.delete_channel),
            ("POST", "/users/@me/channels", self.create_dm),
            ("GET", "/users/{uid}", self.get_user),
            ("GET", "/guilds/{g}", self.get_guild),
            ("GET", "/guilds/{g}/members", self.list_members),
            ("GET", "/guilds/{g}/members/{uid}", self.get_member),
            ("PUT", "/guilds/{g}/members/{uid}/roles/{rid}", self.add_member_role),
            ("DELETE", "/guilds/{g}/members/{uid}/roles/{rid}", self.remove_member_role),
            ("GET", "/guilds/{g}/channels", self.get_guild_channels),
            ("POST", "/guilds/{g}/channels", self.create_guild_channel),
            ("GET", "/guilds/{g}/roles", self.get_roles),
            ("POST", "/guilds/{g}/roles", self.create_role),
            ("GET", "/guilds/{g}/auto-moderation/rules", self.get_automod_rules),
            *standin.scheduled_events.routes(),
        ]
        self.routes: list[Route] = [(m, _compile(p), h) for m, p, h in routes]

    # -- plumbing ---------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.Response:
        path = request.path.removeprefix(API_PREFIX)
        method = request.method
        body, files = await self._read_body(request)
        log = RequestLog(
            method, path, dict(request.query), body, files=[f["filename"] for f in files]
        )
        self.s.requests.append(log)
        response = self._unauthorized(request) or self._injected_failure(method, path)
        if response is None:
            response = await self._route(Call(method, path, {}, dict(request.query), body, files))
        log.status = response.status
        await self.s._notify()
        for rule in self.s._hold_rules:
            if rule.matches(method, path):
                self.s._hold_rules.remove(rule)
                await rule.release.wait()
                break
        return response

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if not request.can_read_body:
            return None, []
        ctype = request.content_type
        if ctype == "multipart/form-data":
            body: Any = None
            files: list[dict[str, Any]] = []
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if part.name == "payload_json":
                    body = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    data = await part.read()  # type: ignore[union-attr]
                    files.append(
                        {
                            "field": part.name,
                            "filename": part.filename or part.name or "file",  # type: ignore[union-attr]
                            "size": len(data),
                            "content_type": part.headers.get("Content-Type"),
                            "data": bytes(data),
                        }
                    )
            return body, files
        text = await request.text()
        if not text:
            return None, []
        try:
            return json.loads(text), []
        except json.JSONDecodeError:
            return text, []

    def _unauthorized(self, request: web.Request) -> web.Response | None:
        """With a token set, bot requests must carry it (interaction webhooks need none)."""
        if self.s.token is None or request.path.startswith(
            (f"{API_PREFIX}/webhooks", f"{API_PREFIX}/interactions")
        ):
            return None
        if request.headers.get("Authorization") == f"Bot {self.s.token}":
            return None
        return json_response(error_body(0, "401: Unauthorized"), status=401)

    def _injected_failure(self, method: str, path: str) -> web.Response | None:
        for rule in self.s._fail_rules:
            if not rule.matches(method, path):
                continue
            rule.times -= 1
            if rule.status == 429:
                retry = rule.retry_after if rule.retry_after is not None else 0.05
                headers = {
                    "Retry-After": str(retry),
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": str(retry),
                    "X-RateLimit-Reset": str(time.time() + retry),
                    "X-RateLimit-Bucket": "standin-bucket",
                    "X-RateLimit-Scope": "user",
                    # discord.py treats a 429 without Via as a Cloudflare ban and gives up.
                    "Via": "1.1 google",
                }
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": retry,
                    "global": False,
                }
                return json_response(body, 429, headers)
            message = {403: "Missing Permissions", 404: "Unknown", 400: "Bad Request"}.get(
                rule.status, "Internal Server Error"
            )
            return json_response(error_body(rule.code, message), rule.status)
        return None

    async def _route(self, call: Call) -> web.Response:
        method_mismatch = False
        for method, pattern, handler in self.routes:
            match = pattern.fullmatch(call.path)
            if match is None:
                continue
            if method != call.method:
                method_mismatch = True
                continue
            call.params = match.groupdict()
            try:
                return await handler(call)
            except HttpError as exc:
                return json_response(error_body(exc.code, exc.message, exc.errors), exc.status)
        self.s.unknown_routes.append(f"{call.method} {call.path}")
        if method_mismatch:
            return json_response(error_body(0, "405: Method Not Allowed"), 405)
        return json_response(error_body(0, "404: Not Found"), 404)

    async def no_content(self, call: Call) -> web.Response:
        return web.Response(status=204)

    def _guild(self, raw: str) -> Any:
        guild = self.world.guilds.get(int(raw))
        if guild is None:
            raise HttpError(404, 10004, "Unknown Guild")
        return guild

    def _channel(self, raw: str) -> dict[str, Any]:
        channel = self.world.channel(int(raw))
        if channel is None:
            raise HttpError(404, 10003, "Unknown Channel")
        return channel

    def _require(self, guild_id: int | None, channel_id: int | None, needed: int) -> None:
        if guild_id is None:
            return
        perms = self.world.permissions_for(guild_id, channel_id, self.s.bot_user_id)
        if channel_id is not None and not perms & VIEW_CHANNEL:
            raise HttpError(403, 50001, "Missing Access")
        if perms & needed != needed:
            raise HttpError(403, 50013, "Missing Permissions")

    # -- identity & commands ----------------------------------------------------------

    async def get_me(self, call: Call) -> web.Response:
        return json_response(self.s.bot_user.payload() | {"verified": True, "mfa_enabled": False})

    async def get_application(self, call: Call) -> web.Response:
        s = self.s
        return json_response(
            {
                "id": str(s.application_id),
                "name": s.bot_user.username,
                "icon": None,
                "description": "Discord stand-in application",
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "owner": s.app_owner.payload(),
                "team": None,
                "flags": s.application_flags,
                "bot": s.bot_user.payload(),
                "summary": "",
                "rpc_origins": [],
                "tags": [],
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "approximate_guild_count": len(s.world.guilds),
            }
        )

    def _check_app(self, raw: str) -> None:
        if int(raw) != self.s.application_id:
            raise HttpError(403, 50001, "Missing Access")

    def _store_commands(self, payload: Any, guild_id: int | None) -> list[dict[str, Any]]:
        if not isinstance(payload, list):
            raise HttpError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "_errors": [
                        {
                            "code": "LIST_TYPE_CONVERT",
                            "message": "Only iterables may be used in a ListType",
                        }
                    ]
                },
            )
        errors = limits.command_errors(payload)
        if errors:
            raise invalid_form(errors)
        existing = self.s.guild_commands.get(guild_id, []) if guild_id else self.s.global_commands
        ids = {(c["name"], c["type"]): c["id"] for c in existing}
        stored = []
        for cmd in payload:
            ctype = int(cmd.get("type", 1))
            out = {
                **cmd,
                "id": ids.get((cmd["name"], ctype)) or str(self.s.snowflakes.next()),
                "application_id": str(self.s.application_id),
                "version": str(self.s.snowflakes.next()),
                "type": ctype,
                "description": cmd.get("description", ""),
                "default_member_permissions": cmd.get("default_member_permissions"),
                "nsfw": cmd.get("nsfw", False),
            }
            if guild_id:
                out["guild_id"] = str(guild_id)
            stored.append(out)
        return stored

    async def get_global_commands(self, call: Call) -> web.Response:
        self._check_app(call.params["app"])
        return json_response(self.s.global_commands)

    async def put_global_commands(self, call: Call) -> web.Response:
        self._check_app(call.params["app"])
        self.s.global_commands = self._store_commands(call.body, None)
        self.s.command_syncs += 1
        return json_response(self.s.global_commands)

    async def get_guild_commands(self, call: Call) -> web.Response:
        self._check_app(call.params["app"])
        guild = self._guild(call.params["guild"])
        return json_response(self.s.guild_commands.get(guild.id, []))

    async def put_guild_commands(self, call: Call) -> web.Response:
        self._check_app(call.params["app"])
        guild = self._guild(call.params["guild"])
        self.s.guild_commands[guild.id] = self._store_commands(call.body, guild.id)
        self.s.command_syncs += 1
        return json_response(self.s.guild_commands[guild.id])

    # -- interactions -----------------------------------------------------------------

    def _record_for_callback(self, call: Call) -> InteractionRecord:
        record = self.s._interactions.get(int(call.params["iid"]))
        if record is None or record.token != call.params["token"]:
            raise HttpError(404, 10062, "Unknown interaction")
        if record.response is not None:
            raise HttpError(400, 40060, "Interaction has already been acknowledged.")
        if time.monotonic() - record.created_monotonic > self.s.interaction_timeout:
            raise HttpError(404, 10062, "Unknown interaction")
        return record

    async def callback(self, call: Call) -> web.Response:
        record = self._record_for_callback(call)
        body = call.json
        rtype = int(body.get("type", 0))
        data: dict[str, Any] = body.get("data") or {}
        itype = int(record.payload["type"])
        component_msg = record.payload.get("message")
        allowed = {1: {1}, 2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5}}[itype]
        if itype == 5 and component_msg is not None:
            allowed |= {6, 7}
        if rtype not in allowed:
            raise HttpError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "type": {
                        "_errors": [
                            {
                                "code": "INTERACTION_RESPONSE_TYPE_INVALID",
                                "message": "Interaction response type is invalid",
                            }
                        ]
                    }
                },
            )
        resource: dict[str, Any] | None = None
        message: dict[str, Any] | None = None
        if rtype == 4:
            errors = limits.message_errors(data, creating=True, has_files=bool(call.files))
            if errors:
                raise invalid_form(errors)
            message = self.s._new_bot_message(record.channel_id, data, call.files, record=record)
            record.original = message
            await self.s._publish(message)
        elif rtype == 5:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            message = self.s._new_bot_message(
                record.channel_id, {"content": "", "flags": flags}, [], record=record
            )
            record.original = message
            await self.s._publish(message)
        elif rtype in (6, 7):
            assert component_msg is not None
            stored = self.s._message_index.get(int(component_msg["id"]), component_msg)
            if rtype == 7:
                errors = limits.message_errors(data, creating=False, has_files=bool(call.files))
                if errors:
                    raise invalid_form(errors)
                await self.s._apply_edit(stored, data, call.files)
            message = stored
            record.original = stored
        elif rtype == 8:
            errors = limits.choices_errors(data.get("choices") or [])
            if errors:
                raise invalid_form(errors)
        elif rtype == 9:
            errors = limits.modal_errors(data)
            if errors:
                raise invalid_form(errors)
        record.response = {"type": rtype, "data": data}
        record.callback_status = 200
        interaction: dict[str, Any] = {"id": str(record.id), "type": itype}
        if message is not None:
            interaction.update(
                response_message_id=message["id"],
                response_message_loading=bool(int(message.get("flags") or 0) & LOADING),
                response_message_ephemeral=bool(int(message.get("flags") or 0) & EPHEMERAL),
            )
            if rtype != 6:
                resource = {"type": rtype, "message": message}
        result: dict[str, Any] = {"interaction": interaction}
        if resource is not None:
            result["resource"] = resource
        await self.s._notify()
        return json_response(result)

    def _webhook_record(self, call: Call) -> InteractionRecord:
        record = self.s._by_token.get(call.params["token"])
        if int(call.params["app"]) != self.s.application_id or record is None:
            raise HttpError(404, 10015, "Unknown Webhook")
        if record.response is None or record.response["type"] in (8, 9):
            # Discord only creates the webhook once the interaction has been acknowledged.
            raise HttpError(404, 10015, "Unknown Webhook")
        return record

    def _webhook_message(self, record: InteractionRecord, mid: str) -> dict[str, Any]:
        if mid == "@original":
            if record.original is None:
                raise HttpError(404, 10008, "Unknown Message")
            return record.original
        for message in [record.original, *record.followups]:
            if message is not None and message["id"] == mid:
                return message
        raise HttpError(404, 10008, "Unknown Message")

    async def webhook_get(self, call: Call) -> web.Response:
        record = self._webhook_record(call)
        return json_response(self._webhook_message(record, call.params["wmid"]))

    async def webhook_edit(self, call: Call) -> web.Response:
        record = self._webhook_record(call)
        message = self._webhook_message(record, call.params["wmid"])
        errors = limits.message_errors(call.json, creating=False, has_files=bool(call.files))
        if errors:
            raise invalid_form(errors)
        await self.s._apply_edit(message, call.json, call.files)
        return json_response(message)

    async def webhook_delete(self, call: Call) -> web.Response:
        record = self._webhook_record(call)
        message = self._webhook_message(record, call.params["wmid"])
        await self.s._delete_message(message)
        return web.Response(status=204)

    async def webhook_execute(self, call: Call) -> web.Response:
        record = self._webhook_record(call)
        errors = limits.message_errors(call.json, creating=True, has_files=bool(call.files))
        if errors:
            raise invalid_form(errors)
        original = record.original
        if record.response_type == 5 and original is not None and int(original["flags"]) & LOADING:
            # The first followup after a "thinking" defer replaces the loading message and
            # keeps the defer's ephemerality, as Discord does.
            await self.s._apply_edit(original, call.json, call.files)
            message = original
        else:
            channel_id = int(call.query.get("thread_id") or record.channel_id)
            message = self.s._new_bot_message(channel_id, call.json, call.files, record=record)
            await self.s._publish(message)
        record.followups.append(message)
        await self.s._notify()
        if call.query.get("wait") in ("1", "true", "True"):
            return json_response(message)
        return web.Response(status=204)

    # -- channels & messages ----------------------------------------------------------

    async def get_channel(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(channel["id"]))
        self._require(guild.id if guild else None, int(channel["id"]), 0)
        return json_response(channel)

    async def edit_channel(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(channel["id"]))
        self._require(guild.id if guild else None, int(channel["id"]), MANAGE_CHANNELS)
        body = dict(call.json)
        if "permission_overwrites" in body:
            body["permission_overwrites"] = normalize_overwrites(body["permission_overwrites"])
        for key in (
            "name",
            "topic",
            "permission_overwrites",
            "parent_id",
            "position",
            "nsfw",
            "rate_limit_per_user",
        ):
            if key in body:
                channel[key] = body[key]
        await self.s._dispatch_channel("CHANNEL_UPDATE", channel)
        return json_response(channel)

    async def delete_channel(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(channel["id"]))
        if guild is None:
            return json_response(channel)
        self._require(guild.id, int(channel["id"]), MANAGE_CHANNELS)
        await self.s.delete_channel(guild.id, int(channel["id"]))
        return json_response(channel)

    async def put_overwrite(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(channel["id"]))
        if guild is None:
            raise HttpError(400, 50024, "Cannot execute action on this channel type")
        self._require(guild.id, int(channel["id"]), MANAGE_ROLES)
        new = normalize_overwrites([{"id": call.params["oid"], **call.json}])[0]
        channel["permission_overwrites"] = [
            ow for ow in channel["permission_overwrites"] if ow["id"] != new["id"]
        ] + [new]
        await self.s._dispatch_channel("CHANNEL_UPDATE", channel)
        return web.Response(status=204)

    async def delete_overwrite(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        channel["permission_overwrites"] = [
            ow for ow in channel.get("permission_overwrites", []) if ow["id"] != call.params["oid"]
        ]
        await self.s._dispatch_channel("CHANNEL_UPDATE", channel)
        return web.Response(status=204)

    async def get_messages(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        stored = self.s.messages.get(int(channel["id"]), [])
        limit = int(call.query.get("limit", 50))
        before = int(call.query.get("before", 0) or 0)
        after = int(call.query.get("after", 0) or 0)
        picked = [
            m for m in stored if (not before or int(m["id"]) < before) and int(m["id"]) > after
        ]
        # Discord returns newest first.
        return json_response(list(reversed(picked))[:limit])

    def _channel_message(self, call: Call) -> dict[str, Any]:
        self._channel(call.params["ch"])
        message = self.s._message_index.get(int(call.params["mid"]))
        if message is None or message["channel_id"] != call.params["ch"]:
            raise HttpError(404, 10008, "Unknown Message")
        return message

    async def get_message(self, call: Call) -> web.Response:
        return json_response(self._channel_message(call))

    async def create_message(self, call: Call) -> web.Response:
        channel = self._channel(call.params["ch"])
        channel_id = int(channel["id"])
        guild = self.world.guild_of_channel(channel_id)
        if guild is None:
            recipient = int(channel["recipients"][0]["id"])
            if recipient in self.s._closed_dms:
                raise HttpError(403, 50007, "Cannot send messages to this user")
        else:
            self._require(guild.id, channel_id, SEND_MESSAGES)
        errors = limits.message_errors(call.json, creating=True, has_files=bool(call.files))
        if errors:
            raise invalid_form(errors)
        message = self.s._new_bot_message(channel_id, call.json, call.files)
        await self.s._publish(message)
        return json_response(message)

    async def edit_message(self, call: Call) -> web.Response:
        message = self._channel_message(call)
        if message["author"]["id"] != str(self.s.bot_user_id):
            raise HttpError(403, 50005, "Cannot edit a message authored by another user")
        errors = limits.message_errors(call.json, creating=False, has_files=bool(call.files))
        if errors:
            raise invalid_form(errors)
        await self.s._apply_edit(message, call.json, call.files)
        return json_response(message)

    async def delete_message(self, call: Call) -> web.Response:
        message = self._channel_message(call)
        await self.s._delete_message(message)
        return web.Response(status=204)

    async def create_thread(self, call: Call) -> web.Response:
        parent = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(parent["id"]))
        if guild is None:
            raise HttpError(400, 50024, "Cannot execute action on this channel type")
        body = call.json
        from_message = "mid" in call.params
        ttype = 11 if from_message else int(body.get("type") or 12)
        needed = CREATE_PRIVATE_THREADS if ttype == 12 else CREATE_PUBLIC_THREADS
        self._require(guild.id, int(parent["id"]), needed)
        name = body.get("name") or ""
        if not 1 <= len(name) <= 100:
            raise invalid_form(
                {
                    "name": {
                        "_errors": [
                            {
                                "code": "BASE_TYPE_BAD_LENGTH",
                                "message": "Must be between 1 and 100 in length.",
                            }
                        ]
                    }
                }
            )
        if from_message:
            message = self._channel_message(call)
            thread_id = int(message["id"])  # Discord reuses the message id for its thread
        else:
            thread_id = self.s.snowflakes.next()
        thread = thread_payload(
            thread_id,
            guild.id,
            int(parent["id"]),
            self.s.bot_user_id,
            name,
            type=ttype,
            auto_archive_duration=int(body.get("auto_archive_duration") or 1440),
            invitable=bool(body.get("invitable", True)),
        )
        guild.channels[thread_id] = thread
        self.world.channel_guild[thread_id] = guild.id
        guild.thread_members[thread_id] = {self.s.bot_user_id}
        await self.s.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return json_response(thread, 201)

    def _thread(self, call: Call) -> tuple[Any, dict[str, Any]]:
        thread = self._channel(call.params["ch"])
        guild = self.world.guild_of_channel(int(thread["id"]))
        if guild is None or thread["type"] not in (10, 11, 12):
            raise HttpError(400, 50024, "Cannot execute action on this channel type")
        return guild, thread

    async def add_thread_member(self, call: Call) -> web.Response:
        guild, thread = self._thread(call)
        uid = self.s.bot_user_id if call.params["member"] == "@me" else int(call.params["member"])
        if uid not in guild.members:
            raise HttpError(404, 10007, "Unknown Member")
        members = guild.thread_members.setdefault(int(thread["id"]), set())
        if uid not in members:
            members.add(uid)
            thread["member_count"] = len(members)
            await self.s.dispatch(
                "THREAD_MEMBERS_UPDATE",
                {
                    "id": thread["id"],
                    "guild_id": str(guild.id),
                    "member_count": len(members),
                    "added_members": [
                        {
                            "id": thread["id"],
                            "user_id": str(uid),
                            "join_timestamp": thread["thread_metadata"]["create_timestamp"],
                            "flags": 0,
                        }
                    ],
                },
            )
        return web.Response(status=204)

    async def remove_thread_member(self, call: Call) -> web.Response:
        guild, thread = self._thread(call)
        uid = self.s.bot_user_id if call.params["member"] == "@me" else int(call.params["member"])
        guild.thread_members.setdefault(int(thread["id"]), set()).discard(uid)
        return web.Response(status=204)

    # -- users & guilds ---------------------------------------------------------------

    async def create_dm(self, call: Call) -> web.Response:
        uid = int(call.json.get("recipient_id", 0))
        if uid not in self.world.users:
            raise HttpError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "recipient_id": {
                        "_errors": [{"code": "NUMBER_TYPE_COERCE", "message": "Unknown user"}]
                    }
                },
            )
        return json_response(self.world.dm_channel_for(uid, self.s.bot_user_id))

    async def get_user(self, call: Call) -> web.Response:
        user = self.world.users.get(int(call.params["uid"]))
        if user is None:
            raise HttpError(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def get_guild(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        payload = guild.base_payload()
        if call.query.get("with_counts") in ("1", "true"):
            payload.update(
                approximate_member_count=guild.member_count, approximate_presence_count=0
            )
        return json_response(payload)

    async def list_members(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        limit = int(call.query.get("limit", 1))
        after = int(call.query.get("after", 0) or 0)
        ids = sorted(uid for uid in guild.members if uid > after)[:limit]
        return json_response([self.world.member_payload(guild, uid) for uid in ids])

    async def get_member(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        uid = int(call.params["uid"])
        if uid not in guild.members:
            raise HttpError(404, 10007, "Unknown Member")
        return json_response(self.world.member_payload(guild, uid))

    async def _member_role(self, call: Call, add: bool) -> web.Response:
        guild = self._guild(call.params["g"])
        uid, rid = int(call.params["uid"]), int(call.params["rid"])
        if uid not in guild.members:
            raise HttpError(404, 10007, "Unknown Member")
        if rid not in guild.roles:
            raise HttpError(404, 10011, "Unknown Role")
        self._require(guild.id, None, MANAGE_ROLES)
        roles = guild.members[uid]["roles"]
        if add and str(rid) not in roles:
            roles.append(str(rid))
        elif not add and str(rid) in roles:
            roles.remove(str(rid))
        await self.s.dispatch(
            "GUILD_MEMBER_UPDATE",
            {"guild_id": str(guild.id), **self.world.member_payload(guild, uid)},
        )
        return web.Response(status=204)

    async def add_member_role(self, call: Call) -> web.Response:
        return await self._member_role(call, True)

    async def remove_member_role(self, call: Call) -> web.Response:
        return await self._member_role(call, False)

    async def get_guild_channels(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        return json_response([c for c in guild.channels.values() if c["type"] not in (10, 11, 12)])

    async def create_guild_channel(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        self._require(guild.id, None, MANAGE_CHANNELS)
        body = call.json
        channel = self.s.add_channel(
            guild.id,
            body.get("name", "channel"),
            type=int(body.get("type") or 0),
            overwrites=body.get("permission_overwrites") or (),
            parent_id=body.get("parent_id"),
            topic=body.get("topic"),
            _dispatch=False,
        )
        await self.s._dispatch_channel("CHANNEL_CREATE", channel)
        return json_response(channel, 201)

    async def get_roles(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        return json_response(list(guild.roles.values()))

    async def create_role(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        self._require(guild.id, None, MANAGE_ROLES)
        body = call.json
        role = self.s.add_role(
            guild.id,
            body.get("name", "new role"),
            permissions=int(body.get("permissions") or 0),
            _dispatch=False,
        )
        await self.s.dispatch("GUILD_ROLE_CREATE", {"guild_id": str(guild.id), "role": role})
        return json_response(role)

    async def get_automod_rules(self, call: Call) -> web.Response:
        guild = self._guild(call.params["g"])
        self._require(guild.id, None, 1 << 5)
        return json_response(guild.automod_rules)


__all__ = ["RestApi", "channel_payload", "json_response", "role_payload"]
