"""Crisis escalations: cases, their history, server terms, the on-duty rota and member choices.

A case keeps only what moderators need to act: ids, severity, the phrase that fired and a short
excerpt. Closed cases are purged after the server's retention period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow

OPEN_STATES = ("open", "claimed")


class CrisisCase(SQLModel, table=True):
    __tablename__ = "crisis_case"
    __table_args__ = (
        # At most one open case per member: further detections attach to it, atomically.
        Index(
            "uq_crisis_case_open_member",
            "guild_id",
            "member_id",
            unique=True,
            sqlite_where=text("state IN ('open', 'claimed') AND source != 'test'"),
            postgresql_where=text("state IN ('open', 'claimed') AND source != 'test'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    member_id: int = Field(sa_type=Snowflake)
    source: str = Field(max_length=16)  # message | automod | requested | test
    channel_id: int | None = Field(default=None, sa_type=Snowflake)
    message_id: int | None = Field(default=None, sa_type=Snowflake)
    severity: str = Field(max_length=16)
    category: str = Field(max_length=32)
    matched: str = Field(default="", max_length=100)
    excerpt: str = Field(default="", max_length=300)
    detections: int = 1
    state: str = Field(default="open", max_length=16, index=True)
    claimed_by: int | None = Field(default=None, sa_type=Snowflake)
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_by: int | None = Field(default=None, sa_type=Snowflake)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    outcome: str | None = Field(default=None, max_length=32)
    # Delivery to the escalation channel: pending until alert_message_id is set.
    alert_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    alert_message_id: int | None = Field(default=None, sa_type=Snowflake)
    delivery_attempts: int = 0
    next_delivery_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    delivery_problem: str | None = Field(default=None, max_length=200)
    owner_warned: bool = False
    repinged: bool = False  # a higher severity arrived and the alert must ping again
    # Contacting the member: pending | sent | dms_closed | awaiting_approval | not_needed
    member_contact: str = Field(default="pending", max_length=24)
    member_ok_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Re-escalation while unclaimed, and the claimer's reminder.
    escalation_level: int = 0
    next_escalation_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    reminder_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def delivered(self) -> bool:
        return self.alert_message_id is not None


class CaseEvent(SQLModel, table=True):
    """One entry of a case's history: who did what, and when."""

    __tablename__ = "crisis_case_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("crisis_case.id", ondelete="CASCADE"), index=True, nullable=False
        )
    )
    guild_id: int = Field(sa_type=Snowflake, index=True)
    actor_id: int | None = Field(default=None, sa_type=Snowflake)
    action: str = Field(max_length=32)
    detail: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CrisisTerm(SQLModel, table=True):
    """A server's own extra term (fires) or ignored term (never fires)."""

    __tablename__ = "crisis_term"
    __table_args__ = (UniqueConstraint("guild_id", "kind", "term"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    kind: str = Field(max_length=8)  # extra | ignored
    term: str = Field(max_length=100)
    severity: str | None = Field(default=None, max_length=16)
    added_by: int = Field(sa_type=Snowflake)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DutyStatus(SQLModel, table=True):
    """Who is on duty to receive alerts first."""

    __tablename__ = "crisis_duty"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    on_duty: bool = False
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MemberCrisisPreference(SQLModel, table=True):
    """A member's own choices: not to be scanned, and which country's crisis lines they get."""

    __tablename__ = "crisis_member_preference"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    scanning_opted_out: bool = False
    region: str | None = Field(default=None, max_length=2)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
