"""Export and delete cover every table that stores something about a member."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlmodel import SQLModel

import bot.services.escalation  # noqa: F401  (registers its tables)
from bot.services import escalation, member_data
from bot.services.escalation import NewDetection
from db.engine import SessionFactory
from db.models import CaseEvent

GUILD, MEMBER, OTHER = 10, 1001, 1002
PERSON_COLUMNS = {"member_id", "user_id"}


def test_every_table_about_a_person_is_registered() -> None:
    holding = {
        name
        for name, table in SQLModel.metadata.tables.items()
        if PERSON_COLUMNS & set(table.columns.keys())
    }
    assert holding
    assert holding <= set(member_data.sources())


async def test_export_then_delete_one_members_data_in_one_server(sessions: SessionFactory) -> None:
    async with sessions() as session:
        for member in (MEMBER, OTHER):
            await escalation.record_detection(
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
            )
        await escalation.set_scanning(session, GUILD, MEMBER, opted_out=True)
        await escalation.set_duty(session, GUILD + 1, MEMBER, True)

        exported = await member_data.export_member_data(session, GUILD, MEMBER)
        json.dumps(exported)  # JSON-ready
        assert len(exported["crisis_case"]["rows"]) == 1
        assert exported["crisis_case"]["rows"][0]["excerpt"] == "i want to die"
        assert exported["crisis_member_preference"]["rows"][0]["scanning_opted_out"] is True
        assert exported["crisis_duty"]["rows"] == []  # that row belongs to another server

        deleted = await member_data.delete_member_data(session, GUILD, MEMBER)
        assert deleted["crisis_case"] == 1 and deleted["crisis_member_preference"] == 1
        after = await member_data.export_member_data(session, GUILD, MEMBER)
        assert all(not table["rows"] for table in after.values())
        others = await member_data.export_member_data(session, GUILD, OTHER)
        assert len(others["crisis_case"]["rows"]) == 1
        # The deleted case's history went with it.
        events = await session.scalar(select(func.count()).select_from(CaseEvent))
    assert events == 1
