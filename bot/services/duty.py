"""The duty rota: who is on duty, and who an alert pings.

An alert pings on-duty supporters under their daily cap, least-pinged first; when nobody is on
duty (or everyone is at the cap) it pings the moderator role. Ids only: the cog renders them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services.guild_config import get_config
from bot.services.member_data import PersonalData
from db.models import CaseEvent, DutyStatus
from db.upsert import upsert


@dataclass(frozen=True, slots=True)
class AlertTargets:
    """Who an alert pings: user ids and role ids (never @everyone, never the member)."""

    user_ids: tuple[int, ...] = ()
    role_ids: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.user_ids or self.role_ids)


async def set_duty(
    session: AsyncSession, guild_id: int, user_id: int, on_duty: bool, now: datetime
) -> None:
    await upsert(
        session,
        DutyStatus,
        {"guild_id": guild_id, "user_id": user_id},
        {"on_duty": on_duty, "changed_at": now},
    )
    await session.commit()


async def on_duty(session: AsyncSession, guild_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(col(DutyStatus.user_id)).where(
                col(DutyStatus.guild_id) == guild_id, col(DutyStatus.on_duty).is_(True)
            )
        )
    )


async def pings_today(session: AsyncSession, guild_id: int, now: datetime) -> Counter[int]:
    since = now - timedelta(days=1)
    rows = await session.execute(
        select(col(CaseEvent.actor_id), func.count())
        .where(
            col(CaseEvent.guild_id) == guild_id,
            col(CaseEvent.action) == "pinged",
            col(CaseEvent.created_at) >= since,
        )
        .group_by(col(CaseEvent.actor_id))
    )
    return Counter({actor: count for actor, count in rows.all() if actor is not None})


async def alert_targets(session: AsyncSession, guild_id: int, now: datetime) -> AlertTargets:
    """On-duty supporters who are under today's cap, least-pinged first; else the moderator role."""
    config = await get_config(session, guild_id)
    people = await on_duty(session, guild_id)
    if people:
        counts = await pings_today(session, guild_id, now)
        available = sorted(
            (u for u in people if counts[u] < config.supporter_daily_cap),
            key=lambda u: (counts[u], u),
        )
        if available:
            return AlertTargets(user_ids=tuple(available))
    return AlertTargets(role_ids=(config.moderator_role_id,) if config.moderator_role_id else ())


async def reescalation_targets(
    session: AsyncSession, guild_id: int, level: int, now: datetime, *, owner_id: int | None
) -> AlertTargets:
    """Who an unclaimed case pings again: level 1 adds the moderator role to the usual
    targets; level 2 goes to the backup role, or the server owner when there is none."""
    config = await get_config(session, guild_id)
    if level == 1:
        targets = await alert_targets(session, guild_id, now)
        if config.moderator_role_id and config.moderator_role_id not in targets.role_ids:
            targets = AlertTargets(targets.user_ids, (*targets.role_ids, config.moderator_role_id))
        return targets
    if config.backup_role_id:
        return AlertTargets(role_ids=(config.backup_role_id,))
    return AlertTargets(user_ids=(owner_id,)) if owner_id else AlertTargets()


PERSONAL_DATA = (PersonalData(DutyStatus, "user_id", "Whether you are on duty for crisis alerts"),)
