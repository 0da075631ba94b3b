"""Export and delete cover every table that stores something about a person."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlmodel import SQLModel

from bot.services import crisis_terms, duty, escalation, member_data
from bot.services.catalogue import PERSONAL_DATA
from bot.services.escalation import NewDetection, Outcome
from db.engine import SessionFactory
from db.models import CaseEvent, CrisisCase, CrisisTerm
from db.types import utcnow

GUILD, MEMBER, OTHER, MODERATOR = 10, 1001, 1002, 2001
# Columns that name a person: the subject of a row, or someone who acted on it.
PERSON_COLUMNS = {
    "member_id",
    "user_id",
    "claimed_by",
    "closed_by",
    "actor_id",
    "added_by",
    "blocked_id",
    "buddy_id",
    "reporter_id",
    "reported_id",
    "facilitator_id",
    "backup_facilitator_id",
    "created_by",
    "flagged_by",
    "resolved_by",
}


def test_every_person_column_is_declared() -> None:
    declared = {
        (source.table, column)
        for source in PERSONAL_DATA
        for column in (source.subject, *source.mentions)
        if column is not None
    }
    holding = {
        (name, column)
        for name, table in SQLModel.metadata.tables.items()
        for column in (c.name for c in table.columns)
        if column in PERSON_COLUMNS
    }
    assert holding
    assert holding <= declared, f"undeclared person columns: {sorted(holding - declared)}"


async def _case(session, member: int) -> CrisisCase:  # type: ignore[no-untyped-def]
    result = await escalation.record_detection(
        session,
        NewDetection(
            guild_id=GUILD,
            member_id=member,
            source="message",
            severity="high",
            category="ideation",
            excerpt="i want to die",
            message_id=member,
        ),
        utcnow(),
    )
    assert result.case is not None
    return result.case


async def test_export_then_delete_one_members_data_in_one_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        for member in (MEMBER, OTHER):
            await _case(session, member)
        await escalation.choose_scanning(session, GUILD, MEMBER, opted_out=True, now=utcnow())
        await duty.set_duty(session, GUILD + 1, MEMBER, True, utcnow())

        exported = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, MEMBER)
        json.dumps(exported)  # JSON-ready
        assert len(exported["crisis_case"]["rows"]) == 1
        assert exported["crisis_case"]["rows"][0]["excerpt"] == "i want to die"
        assert exported["crisis_member_preference"]["rows"][0]["scanning_opted_out"] is True
        assert exported["crisis_duty"]["rows"] == []  # that row belongs to another server

        deleted = await member_data.delete_member_data(session, PERSONAL_DATA, GUILD, MEMBER)
        assert deleted["crisis_case"] == 1 and deleted["crisis_member_preference"] == 1
        after = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, MEMBER)
        assert all(not table["rows"] for table in after.values())
        others = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, OTHER)
        assert len(others["crisis_case"]["rows"]) == 1
        # The deleted case's history went with it.
        events = await session.scalar(select(func.count()).select_from(CaseEvent))
    assert events == 1


async def test_a_moderators_deletion_anonymises_the_cases_they_handled(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        case = await _case(session, MEMBER)
        assert case.id is not None
        await escalation.claim(session, GUILD, case.id, MODERATOR, utcnow())
        await escalation.close(session, GUILD, case.id, MODERATOR, Outcome.SUPPORTED, utcnow())
        await crisis_terms.add_term(session, GUILD, "extra", "sewerslide", MODERATOR, "high")

        exported = await member_data.export_member_data(session, PERSONAL_DATA, GUILD, MODERATOR)
        assert exported["crisis_case"]["rows"] == []  # the case is about someone else

        await member_data.delete_member_data(session, PERSONAL_DATA, GUILD, MODERATOR)
        kept = await session.get(CrisisCase, case.id, populate_existing=True)
        assert kept is not None and kept.member_id == MEMBER
        assert kept.claimed_by is None and kept.closed_by is None
        actors = set(await session.scalars(select(CaseEvent.actor_id)))
        assert MODERATOR not in actors
        added_by = set(await session.scalars(select(CrisisTerm.added_by)))
        assert added_by == {member_data.ANONYMOUS}
