"""Buddy pairing: members' preferences, blocks and reports, rounds, pairs and follow-up answers.

Lists (topics, times of day) are stored as comma-separated names from a fixed vocabulary; the
service validates them on the way in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow


class BuddySettings(SQLModel, table=True):
    """One server's buddy programme: schedule, topics, roles and the safety screen."""

    __tablename__ = "buddy_settings"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    topics: str = Field(default="", max_length=1000)  # "" means the default list
    roles_enabled: bool = False  # seeker / listener roles on offer
    listener_role_id: int | None = Field(default=None, sa_type=Snowflake)
    weekday: int = 0  # Monday, in the server's time zone
    hour: int = 18
    minute: int = 0
    every_weeks: int = 1
    scheduled: bool = True
    next_round_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    no_repeat_rounds: int = 4
    followup_days: int = 3
    min_account_days: int = 7  # seekers and listeners only
    min_member_days: int = 0
    ground_rules: str | None = Field(default=None, max_length=1500)  # one per line; None: defaults
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BuddyProfile(SQLModel, table=True):
    """A member's opt-in and preferences."""

    __tablename__ = "buddy_profile"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    # active | paused | left (opted out or left the server) | asked (ghosting check pending)
    # | needs_role (a listener who lost the listener role; see services.buddy.NEEDS_ROLE)
    state: str = Field(default="active", max_length=16)
    topics: str = Field(default="", max_length=1000)
    timezone: str = Field(default="UTC", max_length=64)
    times: str = Field(default="", max_length=64)
    role: str = Field(default="peer", max_length=16)
    paused_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    missed_followups: int = 0
    joined_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BuddyBlock(SQLModel, table=True):
    """``user_id`` never wants to be paired with ``blocked_id``; never shown to the latter."""

    __tablename__ = "buddy_block"
    __table_args__ = (UniqueConstraint("guild_id", "user_id", "blocked_id"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    user_id: int = Field(sa_type=Snowflake)
    blocked_id: int | None = Field(default=None, sa_type=Snowflake)  # None once they deleted
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BuddyReport(SQLModel, table=True):
    """A member's report about a buddy; while open, the reported member is not paired."""

    __tablename__ = "buddy_report"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    reporter_id: int = Field(sa_type=Snowflake)
    reported_id: int | None = Field(default=None, sa_type=Snowflake, index=True)
    reason: str = Field(max_length=1000)
    state: str = Field(default="open", max_length=16)  # open | resolved
    resolved_by: int | None = Field(default=None, sa_type=Snowflake)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class BuddyRound(SQLModel, table=True):
    """One pairing round. Its unique (guild_id, round_key) row is what starts it: a second
    start of the same round fails to insert and makes no pairs."""

    __tablename__ = "buddy_round"
    __table_args__ = (UniqueConstraint("guild_id", "round_key"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    round_key: str = Field(max_length=40)
    started_at: datetime = Field(sa_type=UTCDateTime)
    followup_at: datetime = Field(sa_type=UTCDateTime)
    followup_state: str = Field(default="pending", max_length=16)  # pending | sending | sent
    pool_size: int = 0
    unmatched: int = 0


class BuddyPair(SQLModel, table=True):
    """A pair (or trio) in a round, and where its introduction went."""

    __tablename__ = "buddy_pair"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("buddy_round.id", ondelete="CASCADE"), index=True, nullable=False
        )
    )
    guild_id: int = Field(sa_type=Snowflake, index=True)
    shared_topics: str = Field(default="", max_length=1000)
    thread_id: int | None = Field(default=None, sa_type=Snowflake)
    intro: str = Field(default="pending", max_length=16)  # pending | thread | dm | failed
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class BuddyPairMember(SQLModel, table=True):
    """One member of a pair, and their private answer to "Did you connect?"."""

    __tablename__ = "buddy_pair_member"

    pair_id: int = Field(
        sa_column=Column(Integer, ForeignKey("buddy_pair.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    guild_id: int = Field(sa_type=Snowflake, index=True)
    answer: str | None = Field(default=None, max_length=16)  # yes | not_yet | bad_match
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
