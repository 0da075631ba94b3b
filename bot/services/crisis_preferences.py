"""A member's own crisis choices in one server: not to be scanned, and their crisis-line country."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services import crisis_lines
from bot.services.guild_config import get_config, resolve_region
from bot.services.member_data import PersonalData
from db.models import MemberCrisisPreference
from db.upsert import upsert


async def _set(
    session: AsyncSession, guild_id: int, user_id: int, now: datetime, **values: object
) -> None:
    await upsert(
        session,
        MemberCrisisPreference,
        {"guild_id": guild_id, "user_id": user_id},
        {**values, "changed_at": now},
        defaults={"scanning_opted_out": False},
    )


async def set_scanning(
    session: AsyncSession, guild_id: int, user_id: int, *, opted_out: bool, now: datetime
) -> None:
    """Save the choice in the session's transaction; the caller commits (see
    ``escalation.choose_scanning``, which also notes it on the member's open case)."""
    await _set(session, guild_id, user_id, now, scanning_opted_out=opted_out)


async def is_opted_out(session: AsyncSession, guild_id: int, user_id: int) -> bool:
    preference = await session.get(MemberCrisisPreference, (guild_id, user_id))
    return bool(preference and preference.scanning_opted_out)


async def opted_out_members(session: AsyncSession, guild_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(col(MemberCrisisPreference.user_id)).where(
                col(MemberCrisisPreference.guild_id) == guild_id,
                col(MemberCrisisPreference.scanning_opted_out).is_(True),
            )
        )
    )


async def member_region(session: AsyncSession, guild_id: int, user_id: int) -> str | None:
    """The member's own country if they chose one, else the server's, else the country of the
    server's Discord preferred locale (so the crisis DM always names a country when it can)."""
    preference = await session.get(MemberCrisisPreference, (guild_id, user_id))
    if preference is not None and preference.region:
        return preference.region
    region = (await get_config(session, guild_id)).region
    return region or await crisis_lines.server_locale_country(session, guild_id)


async def set_member_region(
    session: AsyncSession, guild_id: int, user_id: int, country: str, now: datetime
) -> str:
    """Save the member's country from a name or code; returns its ISO alpha-2 code, or raises
    InvalidInput (with suggestions) and saves nothing."""
    code = resolve_region(country)
    await _set(session, guild_id, user_id, now, region=code)
    await session.commit()
    return code


PERSONAL_DATA = (
    PersonalData(MemberCrisisPreference, "user_id", "Your scanning choice and crisis-line country"),
)
