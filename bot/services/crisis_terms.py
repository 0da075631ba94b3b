"""A server's own crisis vocabulary: extra terms that fire, and ignored terms that never do."""

from __future__ import annotations

import unicodedata

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.crisis import SEVERITIES, ScanRules, compile_rules
from bot.errors import InvalidInput, NotFound
from bot.services.member_data import PersonalData
from bot.text import clean_user_text
from db.models import CrisisTerm
from db.rows import rowcount

MAX_TERMS_PER_SERVER = 1000
KINDS = ("extra", "ignored")


def normalise_term(term: str) -> str:
    visible = clean_user_text(term, limit=200, what="term")
    cleaned = " ".join(unicodedata.normalize("NFKC", visible).casefold().split())
    if not 2 <= len(cleaned) <= 100 or not any(ch.isalnum() for ch in cleaned):
        raise InvalidInput("A term must be 2 to 100 characters and contain letters or digits.")
    return cleaned


async def add_term(
    session: AsyncSession,
    guild_id: int,
    kind: str,
    term: str,
    actor_id: int,
    severity: str | None = None,
) -> CrisisTerm:
    if kind not in KINDS:
        raise InvalidInput("The kind of term must be `extra` or `ignored`.")
    if kind == "extra":
        severity = severity or "high"
        if severity not in SEVERITIES:
            raise InvalidInput(f"Severity must be one of {', '.join(SEVERITIES)}.")
    else:
        severity = None
    cleaned = normalise_term(term)
    count = await session.scalar(
        select(func.count()).select_from(CrisisTerm).where(col(CrisisTerm.guild_id) == guild_id)
    )
    if (count or 0) >= MAX_TERMS_PER_SERVER:
        raise InvalidInput(
            f"This server already has {MAX_TERMS_PER_SERVER} terms; remove some first."
        )
    row = CrisisTerm(
        guild_id=guild_id, kind=kind, term=cleaned, severity=severity, added_by=actor_id
    )
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise InvalidInput(f"`{cleaned}` is already in this server's {kind} terms.") from None
    return row


async def remove_term(session: AsyncSession, guild_id: int, kind: str, term: str) -> None:
    cleaned = normalise_term(term)
    result = await session.execute(
        delete(CrisisTerm).where(
            col(CrisisTerm.guild_id) == guild_id,
            col(CrisisTerm.kind) == kind,
            col(CrisisTerm.term) == cleaned,
        )
    )
    if rowcount(result) != 1:
        await session.commit()
        raise NotFound(f"`{cleaned}` is not in this server's {kind} terms.")
    await session.commit()


async def list_terms(session: AsyncSession, guild_id: int) -> list[CrisisTerm]:
    return list(
        await session.scalars(
            select(CrisisTerm)
            .where(col(CrisisTerm.guild_id) == guild_id)
            .order_by(col(CrisisTerm.kind), col(CrisisTerm.term))
        )
    )


async def scan_rules(session: AsyncSession, guild_id: int) -> ScanRules | None:
    """The compiled rules for a server, or None when it has no terms of its own."""
    terms = await list_terms(session, guild_id)
    if not terms:
        return None
    extra = tuple((t.term, t.severity or "high") for t in terms if t.kind == "extra")
    ignored = tuple(t.term for t in terms if t.kind == "ignored")
    return compile_rules(extra, ignored)


PERSONAL_DATA = (PersonalData(CrisisTerm, None, "Crisis terms you added", mentions=("added_by",)),)
