"""Check-ins: private mood entries, each member's reminder and alert choices, server settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow


class CheckIn(SQLModel, table=True):
    """One mood check-in. ``day`` is the member's local date it is for (back-fill sets it)."""

    __tablename__ = "checkin"
    __table_args__ = (Index("ix_checkin_member_day", "guild_id", "user_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake)
    user_id: int = Field(sa_type=Snowflake)
    day: date
    mood: int
    note: str = Field(default="", max_length=1000)
    tags: str = Field(default="", max_length=300)  # comma-separated, from the server's list
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CheckinMember(SQLModel, table=True):
    """A member's reminder, quiet hours and alert choices in one server; the reminder's state.

    ``state``: ``off`` (no reminder), ``pending`` (due at ``next_due_at``), ``sending`` (claimed
    by one sender), ``paused`` (left the server or closed DMs; see ``paused_reason``)."""

    __tablename__ = "checkin_member"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    remind_time: str | None = Field(default=None, max_length=5)  # "HH:MM", local wall time
    timezone: str | None = Field(default=None, max_length=64)
    quiet_start: str | None = Field(default=None, max_length=5)
    quiet_end: str | None = Field(default=None, max_length=5)
    state: str = Field(default="off", max_length=16, index=True)
    next_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    last_sent_for: date | None = None
    paused_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    paused_reason: str | None = Field(default=None, max_length=16)  # left | dms_closed
    notice_pending: bool = False
    alerts: str = Field(default="nobody", max_length=16)  # nobody | buddy | supporters
    silence_alerted_checkin_id: int | None = None
    # The DM channel with the member, kept so a reminder costs one request, not two.
    dm_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CheckinGuildSettings(SQLModel, table=True):
    """A server's check-in tags and its daily prompt in the check-in channel."""

    __tablename__ = "checkin_guild_settings"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    tags: str = Field(default="", max_length=500)  # comma-separated; empty: the default list
    prompt_time: str | None = Field(default=None, max_length=5)  # "HH:MM" in the server's zone
    prompt_next_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    prompt_last_for: date | None = None
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
