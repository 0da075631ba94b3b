"""A member's export and deletion, over every table Kinship has."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlmodel import SQLModel

from bot.services import crisis_terms, escalation, mydata
from bot.services.duty import AlertTargets
from bot.services.escalation import NewDetection
from db.engine import SessionFactory

from .test_member_data import PERSON_COLUMNS

GUILD, OTHER_GUILD, MEMBER, OTHER = 10, 11, 1001, 1002
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


async def _seed(session, guild_id: int, member: int) -> int:  # type: ignore[no-untyped-def]
    result = await escalation.record_detection(
        session,
        NewDetection(
            guild_id=guild_id,
            member_id=member,
            source="message",
            severity="high",
            category="ideation",
            excerpt="i want to die",
            message_id=member + guild_id,
        ),
        NOW,
    )
    assert result.case is not None and result.case.id is not None
    await escalation.mark_delivered(
        session, result.case.id, channel_id=77, message_id=88, targets=AlertTargets(), now=NOW
    )
    await escalation.choose_scanning(session, guild_id, member, opted_out=True, now=NOW)
    return result.case.id


async def test_servers_with_data_lists_only_servers_holding_something(
    sessions: SessionFactory,
) -> None:
    async with sessions() as session:
        await _seed(session, GUILD, MEMBER)
        await _seed(session, OTHER_GUILD, OTHER)
        assert await mydata.servers_with_data(session, MEMBER) == [GUILD]
        assert await mydata.servers_with_data(session, 999) == []


async def test_export_is_json_about_that_member_in_that_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await _seed(session, GUILD, MEMBER)
        await _seed(session, GUILD, OTHER)
        exported = await mydata.export(session, GUILD, MEMBER, NOW)
    document = json.loads(exported.content)
    assert document["server_id"] == str(GUILD) and document["exported_at"] == NOW.isoformat()
    cases = document["tables"]["crisis_case"]["rows"]
    assert [c["member_id"] for c in cases] == [MEMBER]
    assert exported.rows == 2  # the case and the scanning preference


async def test_after_deletion_no_table_holds_the_member(sessions: SessionFactory) -> None:
    async with sessions() as session:
        await _seed(session, GUILD, MEMBER)
        other_case = await _seed(session, GUILD, OTHER)
        await escalation.claim(session, GUILD, other_case, MEMBER, NOW)  # MEMBER also moderates
        await crisis_terms.add_term(session, GUILD, "extra", "sewerslide", MEMBER, "high")
        await _seed(session, OTHER_GUILD, MEMBER)

        deletion = await mydata.delete(session, GUILD, MEMBER)
        assert [(a.channel_id, a.message_id) for a in deletion.alerts_to_scrub] == [(77, 88)]

        for table in SQLModel.metadata.sorted_tables:
            people = [c for c in table.columns if c.name in PERSON_COLUMNS]
            if not people or "guild_id" not in table.columns:
                continue
            found = await session.execute(
                select(table).where(table.c.guild_id == GUILD, or_(*(c == MEMBER for c in people)))
            )
            assert found.first() is None, f"{table.name} still holds the member"
        # Their data in another server is untouched, and so is the other member's case.
        assert await mydata.servers_with_data(session, MEMBER) == [OTHER_GUILD]
        assert (await mydata.export(session, GUILD, OTHER, NOW)).rows == 2
