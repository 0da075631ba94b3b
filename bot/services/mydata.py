"""A member's own data: what Kinship stores about them in a server, exported or deleted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services import member_data
from bot.services.catalogue import PERSONAL_DATA
from db.models import CrisisCase


@dataclass(frozen=True, slots=True)
class Export:
    guild_id: int
    filename: str
    content: bytes
    rows: int


@dataclass(frozen=True, slots=True)
class AlertRef:
    """A moderators' alert post about the member, to be scrubbed once their data is gone."""

    channel_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class Deletion:
    rows: int
    alerts_to_scrub: list[AlertRef]


async def servers_with_data(session: AsyncSession, user_id: int) -> list[int]:
    """Every server in which Kinship stores something about ``user_id``."""
    queries = [
        select(getattr(source.model, source.guild_column)).where(
            getattr(source.model, source.subject) == user_id
        )
        for source in PERSONAL_DATA
        if source.subject is not None
    ]
    return sorted(set(await session.scalars(union(*queries))))


async def export(session: AsyncSession, guild_id: int, user_id: int, now: datetime) -> Export:
    tables = await member_data.export_member_data(session, PERSONAL_DATA, guild_id, user_id)
    document: dict[str, Any] = {
        "about": "Everything Kinship stores about you in this server.",
        "server_id": str(guild_id),
        "user_id": str(user_id),
        "exported_at": now.isoformat(),
        "tables": tables,
    }
    content = json.dumps(document, indent=2, ensure_ascii=False).encode()
    rows = sum(len(table["rows"]) for table in tables.values())
    return Export(guild_id, f"kinship-data-{guild_id}.json", content, rows)


async def delete(session: AsyncSession, guild_id: int, user_id: int) -> Deletion:
    """Delete everything about ``user_id`` in one server, and anonymise mentions of them."""
    alerts = await session.execute(
        select(col(CrisisCase.alert_channel_id), col(CrisisCase.alert_message_id)).where(
            col(CrisisCase.guild_id) == guild_id,
            col(CrisisCase.member_id) == user_id,
            col(CrisisCase.alert_message_id).is_not(None),
        )
    )
    refs = [AlertRef(int(c), int(m)) for c, m in alerts if c is not None and m is not None]
    changed = await member_data.delete_member_data(session, PERSONAL_DATA, guild_id, user_id)
    return Deletion(sum(changed.values()), refs)
