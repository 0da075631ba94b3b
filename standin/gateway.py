"""Gateway websocket: HELLO/IDENTIFY/RESUME/heartbeats, dispatch with sequence numbers.

Frames are sent as plain JSON text even though discord.py asks for zlib-stream; it accepts
both and text keeps the traffic debuggable.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import deque
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .core import DiscordStandIn

_log = logging.getLogger(__name__)

GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_MESSAGES = 1 << 9
GUILD_MESSAGE_REACTIONS = 1 << 10
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15
AUTO_MODERATION_EXECUTION = 1 << 21
GUILD_SCHEDULED_EVENTS = 1 << 16
PRIVILEGED_INTENTS = GUILD_MEMBERS | (1 << 8) | MESSAGE_CONTENT

_GUILD_EVENTS = {
    "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE",
    "GUILD_ROLE_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE",
    "THREAD_CREATE", "THREAD_UPDATE", "THREAD_DELETE", "THREAD_LIST_SYNC",
    "THREAD_MEMBER_UPDATE",
}  # fmt: skip
_MEMBER_EVENTS = {
    "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE", "THREAD_MEMBERS_UPDATE",
}  # fmt: skip
_MESSAGE_EVENTS = {"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"}
_REACTION_EVENTS = {"MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE"}


def intent_for(event: str, data: dict[str, Any]) -> int:
    """Which intent gates ``event`` (0: always delivered), per Discord's gateway docs."""
    if event in _GUILD_EVENTS:
        return GUILDS
    if event in _MEMBER_EVENTS:
        return GUILD_MEMBERS
    if event in _MESSAGE_EVENTS:
        return GUILD_MESSAGES if data.get("guild_id") else DIRECT_MESSAGES
    if event in _REACTION_EVENTS:
        return GUILD_MESSAGE_REACTIONS if data.get("guild_id") else 1 << 13
    if event == "AUTO_MODERATION_ACTION_EXECUTION":
        return AUTO_MODERATION_EXECUTION
    if event.startswith("GUILD_SCHEDULED_EVENT_"):
        return GUILD_SCHEDULED_EVENTS
    return 0


class GatewaySession:
    """A (resumable) session; survives the websocket that created it."""

    def __init__(self, intents: int, user_id: int) -> None:
        self.session_id = secrets.token_hex(16)
        self.intents = intents
        self.user_id = user_id
        self.seq = 0
        self.ws: web.WebSocketResponse | None = None
        self.backlog: deque[dict[str, Any]] = deque(maxlen=5000)
        self.lock = asyncio.Lock()

    def wants(self, event: str, data: dict[str, Any]) -> bool:
        needed = intent_for(event, data)
        return needed == 0 or bool(self.intents & needed)

    def _strip_content(self, event: str, data: dict[str, Any]) -> dict[str, Any]:
        """Without MESSAGE_CONTENT Discord blanks content except DMs, mentions and own messages."""
        if event not in ("MESSAGE_CREATE", "MESSAGE_UPDATE") or self.intents & MESSAGE_CONTENT:
            return data
        if not data.get("guild_id") or data.get("author", {}).get("id") == str(self.user_id):
            return data
        if any(u.get("id") == str(self.user_id) for u in data.get("mentions", [])):
            return data
        return {**data, "content": "", "embeds": [], "attachments": [], "components": []}

    async def send_dispatch(self, event: str, data: dict[str, Any]) -> None:
        async with self.lock:
            self.seq += 1
            frame = {"op": 0, "t": event, "s": self.seq, "d": self._strip_content(event, data)}
            self.backlog.append(frame)
            await self._send(frame)

    async def _send(self, frame: dict[str, Any]) -> None:
        ws = self.ws
        if ws is None or ws.closed:
            return  # kept in the backlog for a RESUME
        try:
            await ws.send_str(json.dumps(frame))
        except ConnectionResetError:
            _log.debug("gateway: peer went away while sending %s", frame.get("t"))

    async def replay(self, after_seq: int) -> None:
        async with self.lock:
            for frame in list(self.backlog):
                if frame["s"] > after_seq:
                    await self._send(frame)
            self.seq += 1
            await self._send({"op": 0, "t": "RESUMED", "s": self.seq, "d": {}})


class Gateway:
    def __init__(self, standin: DiscordStandIn) -> None:
        self.standin = standin
        self.sessions: dict[str, GatewaySession] = {}
        self.sockets: set[web.WebSocketResponse] = set()
        self.ready = asyncio.Event()
        self.identify_payloads: list[dict[str, Any]] = []
        self.heartbeat_interval_ms = 41250

    @property
    def live_sessions(self) -> list[GatewaySession]:
        return [s for s in self.sessions.values() if s.ws is not None]

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        for session in list(self.sessions.values()):
            if session.wants(event, data):
                await session.send_dispatch(event, data)

    async def send_op(self, op: int, d: Any) -> None:
        """Raw non-dispatch op to every live socket (e.g. 7 RECONNECT, 9 INVALID_SESSION)."""
        for ws in list(self.sockets):
            if not ws.closed:
                await ws.send_str(json.dumps({"op": op, "d": d}))

    async def close(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"stand-in shutting down")

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.sockets.add(ws)
        session: GatewaySession | None = None
        try:
            hello = {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}
            await ws.send_str(json.dumps(hello))
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op, d = frame.get("op"), frame.get("d")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    session = await self._identify(ws, d)
                    if session is None:
                        break
                elif op == 6:
                    session = await self._resume(ws, d)
                    if session is None:
                        break
                elif op == 8 and session is not None:
                    await self._request_members(session, d)
                elif op in (3, 4):
                    pass  # presence / voice state updates: accepted, not modelled
                else:
                    _log.debug("gateway: ignoring op %s", op)
        finally:
            self.sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
        return ws

    async def _identify(
        self, ws: web.WebSocketResponse, d: dict[str, Any]
    ) -> GatewaySession | None:
        standin = self.standin
        self.identify_payloads.append(d)
        if d.get("token") != standin.token and standin.token is not None:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        intents = int(d.get("intents", 0))
        if standin.intents_refused and intents & PRIVILEGED_INTENTS:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        session = GatewaySession(intents, standin.bot_user_id)
        session.ws = ws
        self.sessions[session.session_id] = session
        world = standin.world
        ready = {
            "v": 10,
            "user": standin.bot_user.payload() | {"verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(gid), "unavailable": True} for gid in world.guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": standin.gateway_url,
            "application": {"id": str(standin.application_id), "flags": standin.application_flags},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "auth": {},
            "_trace": ["stand-in"],
        }
        if "shard" in d:
            ready["shard"] = d["shard"]
        await session.send_dispatch("READY", ready)
        full_members = bool(intents & GUILD_MEMBERS)
        for guild in list(world.guilds.values()):
            payload = world.guild_create_payload(
                guild, full_members=full_members and not guild.large, bot_id=standin.bot_user_id
            )
            await session.send_dispatch("GUILD_CREATE", payload)
        self.ready.set()
        return session

    async def _resume(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> GatewaySession | None:
        session = self.sessions.get(d.get("session_id", ""))
        token_ok = self.standin.token is None or d.get("token") == self.standin.token
        if session is None or not token_ok:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            return None
        session.ws = ws
        await session.replay(int(d.get("seq") or 0))
        return session

    async def _request_members(self, session: GatewaySession, d: dict[str, Any]) -> None:
        world = self.standin.world
        guild = world.guilds.get(int(d["guild_id"]))
        if guild is None:
            return
        not_found: list[str] = []
        if d.get("user_ids"):
            wanted = [int(u) for u in d["user_ids"]]
            ids = [u for u in wanted if u in guild.members]
            not_found = [str(u) for u in wanted if u not in guild.members]
        else:
            query = (d.get("query") or "").lower()
            ids = [
                uid
                for uid in guild.members
                if not query or world.users[uid].username.lower().startswith(query)
            ]
            limit = int(d.get("limit") or 0)
            if query and limit:
                ids = ids[:limit]
        chunks = [ids[i : i + 1000] for i in range(0, len(ids), 1000)] or [[]]
        for index, chunk in enumerate(chunks):
            data: dict[str, Any] = {
                "guild_id": str(guild.id),
                "members": [world.member_payload(guild, uid) for uid in chunk],
                "chunk_index": index,
                "chunk_count": len(chunks),
            }
            if not_found and index == 0:
                data["not_found"] = not_found
            if d.get("nonce"):
                data["nonce"] = d["nonce"]
            await session.send_dispatch("GUILD_MEMBERS_CHUNK", data)
