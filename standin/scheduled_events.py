"""Guild scheduled events (the Events tab): REST v10 routes and the Interested driver action.

Shapes follow https://discord.com/developers/docs/resources/guild-scheduled-event: privacy level
2 (GUILD_ONLY) only; entity types 1 STAGE_INSTANCE, 2 VOICE (channel required, of that type),
3 EXTERNAL (entity_metadata.location and scheduled_end_time required, no channel); statuses
1 SCHEDULED, 2 ACTIVE, 3 COMPLETED, 4 CANCELED with Discord's allowed transitions; MANAGE_EVENTS
needed; at most 100 SCHEDULED or ACTIVE events per guild (error 30038)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .rest import Call, HttpError, json_response

if TYPE_CHECKING:
    from .core import DiscordStandIn
    from .rest import Handler

MANAGE_EVENTS = 1 << 33
MAX_ACTIVE_EVENTS = 100
GUILD_SCHEDULED_EVENTS = 1 << 16
STAGE, VOICE, EXTERNAL = 1, 2, 3
SCHEDULED, ACTIVE, COMPLETED, CANCELED = 1, 2, 3, 4
_TRANSITIONS = {SCHEDULED: {SCHEDULED, ACTIVE, CANCELED}, ACTIVE: {ACTIVE, COMPLETED}}


def _field_error(name: str, code: str, message: str) -> HttpError:
    return HttpError(
        400, 50035, "Invalid Form Body", {name: {"_errors": [{"code": code, "message": message}]}}
    )


def _time(body: dict[str, Any], name: str) -> dt.datetime | None:
    raw = body.get(name)
    if raw is None:
        return None
    try:
        return dt.datetime.fromisoformat(str(raw))
    except ValueError:
        raise _field_error(name, "DATE_TIME_TYPE_PARSE", "Could not parse time.") from None


class ScheduledEvents:
    def __init__(self, standin: DiscordStandIn) -> None:
        self.s = standin
        # guild id -> event id -> event payload (with "user_ids" kept aside).
        self.events: dict[int, dict[int, dict[str, Any]]] = {}
        self.interested: dict[int, set[int]] = {}

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [
            ("GET", "/guilds/{g}/scheduled-events", self.list_events),
            ("POST", "/guilds/{g}/scheduled-events", self.create_event),
            ("GET", "/guilds/{g}/scheduled-events/{eid}", self.get_event),
            ("PATCH", "/guilds/{g}/scheduled-events/{eid}", self.edit_event),
            ("DELETE", "/guilds/{g}/scheduled-events/{eid}", self.delete_event),
        ]

    # -- helpers ------------------------------------------------------------------------------

    def _guild(self, call: Call) -> Any:
        guild = self.s.world.guilds.get(int(call.params["g"]))
        if guild is None:
            raise HttpError(404, 10004, "Unknown Guild")
        return guild

    def _event(self, call: Call) -> dict[str, Any]:
        guild = self._guild(call)
        event = self.events.get(guild.id, {}).get(int(call.params["eid"]))
        if event is None:
            raise HttpError(404, 10070, "Unknown Guild Scheduled Event")
        return event

    def _require(self, guild_id: int, channel_id: int | None) -> None:
        perms = self.s.world.permissions_for(guild_id, channel_id, self.s.bot_user_id)
        if perms & MANAGE_EVENTS != MANAGE_EVENTS:
            raise HttpError(403, 50013, "Missing Permissions")

    def _output(self, event: dict[str, Any], with_count: bool) -> dict[str, Any]:
        out = dict(event)
        if with_count:
            out["user_count"] = len(self.interested.get(int(event["id"]), set()))
        return out

    def _apply(self, guild: Any, event: dict[str, Any], body: dict[str, Any]) -> None:
        """Validate and merge ``body`` into ``event`` (a new one has the required fields)."""
        merged = {**event, **{k: v for k, v in body.items() if k != "status"}}
        name = merged.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            raise _field_error(
                "name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
            )
        description = merged.get("description")
        if description is not None and len(str(description)) > 1000:
            raise _field_error(
                "description", "BASE_TYPE_BAD_LENGTH", "Must be 1000 or fewer in length."
            )
        if int(merged.get("privacy_level") or 0) != 2:
            raise _field_error("privacy_level", "BASE_TYPE_CHOICES", "Value must be one of {2}.")
        entity_type = int(merged.get("entity_type") or 0)
        start = _time(merged, "scheduled_start_time")
        end = _time(merged, "scheduled_end_time")
        if start is None:
            raise _field_error(
                "scheduled_start_time", "BASE_TYPE_REQUIRED", "This field is required"
            )
        if "scheduled_start_time" in body and start <= dt.datetime.now(dt.UTC):
            raise _field_error(
                "scheduled_start_time",
                "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
                "Cannot schedule event in the past.",
            )
        if end is not None and end <= start:
            raise _field_error(
                "scheduled_end_time",
                "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                "Cannot schedule event to end before starting.",
            )
        if entity_type == EXTERNAL:
            location = (merged.get("entity_metadata") or {}).get("location")
            if not location or len(location) > 100:
                raise _field_error(
                    "entity_metadata", "BASE_TYPE_REQUIRED", "location is required (1-100)."
                )
            if end is None:
                raise _field_error(
                    "scheduled_end_time", "BASE_TYPE_REQUIRED", "This field is required"
                )
            merged["channel_id"] = None
        elif entity_type in (STAGE, VOICE):
            channel_id = merged.get("channel_id")
            channel = guild.channels.get(int(channel_id)) if channel_id else None
            wanted = 13 if entity_type == STAGE else 2
            if channel is None or int(channel["type"]) != wanted:
                raise _field_error(
                    "channel_id", "CHANNEL_TYPE_INVALID", "Channel is not of the right type."
                )
            merged["channel_id"] = str(channel["id"])
            merged["entity_metadata"] = None
        else:
            raise _field_error(
                "entity_type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}."
            )
        self._require(guild.id, int(merged["channel_id"]) if merged.get("channel_id") else None)
        if "status" in body:
            status = int(body["status"])
            if status not in _TRANSITIONS.get(int(event.get("status", SCHEDULED)), set()):
                raise HttpError(400, 180000, "Cannot update event status")
            merged["status"] = status
        event.clear()
        event.update(merged)

    # -- routes --------------------------------------------------------------------------------

    async def list_events(self, call: Call) -> web.Response:
        guild = self._guild(call)
        with_count = call.query.get("with_user_count") in ("1", "true", "True")
        events = self.events.get(guild.id, {}).values()
        return json_response([self._output(e, with_count) for e in events])

    async def get_event(self, call: Call) -> web.Response:
        with_count = call.query.get("with_user_count") in ("1", "true", "True")
        return json_response(self._output(self._event(call), with_count))

    async def create_event(self, call: Call) -> web.Response:
        guild = self._guild(call)
        active = [
            e
            for e in self.events.get(guild.id, {}).values()
            if int(e["status"]) in (SCHEDULED, ACTIVE)
        ]
        if len(active) >= MAX_ACTIVE_EVENTS:
            raise HttpError(400, 30038, "Maximum number of guild scheduled events reached (100)")
        eid = self.s.snowflakes.next()
        event: dict[str, Any] = {
            "id": str(eid),
            "guild_id": str(guild.id),
            "channel_id": None,
            "creator_id": str(self.s.bot_user_id),
            "creator": self.s.bot_user.payload(),
            "name": None,
            "description": None,
            "scheduled_start_time": None,
            "scheduled_end_time": None,
            "privacy_level": 2,
            "status": SCHEDULED,
            "entity_type": None,
            "entity_id": None,
            "entity_metadata": None,
            "image": None,
            "recurrence_rule": None,
        }
        body = {k: v for k, v in call.json.items() if k != "status"}
        self._apply(guild, event, body)
        self.events.setdefault(guild.id, {})[eid] = event
        await self.s.dispatch("GUILD_SCHEDULED_EVENT_CREATE", event)
        return json_response(event)

    async def edit_event(self, call: Call) -> web.Response:
        guild = self._guild(call)
        event = self._event(call)
        self._apply(guild, event, call.json)
        await self.s.dispatch("GUILD_SCHEDULED_EVENT_UPDATE", event)
        return json_response(event)

    async def delete_event(self, call: Call) -> web.Response:
        guild = self._guild(call)
        event = self._event(call)
        self._require(guild.id, None)
        del self.events[guild.id][int(event["id"])]
        await self.s.dispatch("GUILD_SCHEDULED_EVENT_DELETE", event)
        return web.Response(status=204)

    # -- driver ----------------------------------------------------------------------------------

    async def mark_interested(
        self, guild_id: int, event_id: int, user_id: int, interested: bool = True
    ) -> None:
        """A member presses (or un-presses) Interested on an event in the Events tab."""
        await self.s.flush()
        if event_id not in self.events.get(guild_id, {}):
            raise LookupError(f"no scheduled event {event_id} in guild {guild_id}")
        users = self.interested.setdefault(event_id, set())
        if interested == (user_id in users):
            return
        (users.add if interested else users.discard)(user_id)
        event = "GUILD_SCHEDULED_EVENT_USER_" + ("ADD" if interested else "REMOVE")
        payload = {
            "guild_scheduled_event_id": str(event_id),
            "user_id": str(user_id),
            "guild_id": str(guild_id),
        }
        await self.s.dispatch(event, payload)
