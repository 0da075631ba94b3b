"""Meetings: a series, its materialised occurrences, the announcements due for each, and
members' answers (RSVP, DM choice, "how was it?")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow


class Meeting(SQLModel, table=True):
    """A scheduled meeting series (or a one-off). Times recur in ``timezone``'s wall clock."""

    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    title: str = Field(max_length=100)
    description: str = Field(default="", max_length=1000)
    kind: str = Field(default="support", max_length=16)  # support | talk | social
    speaker_name: str | None = Field(default=None, max_length=100)
    speaker_role: str | None = Field(default=None, max_length=100)
    timezone: str = Field(max_length=64)
    first_start: datetime = Field(sa_type=UTCDateTime)
    duration_minutes: int = 60
    recurrence: str = Field(default="once", max_length=16)
    voice_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    location: str | None = Field(default=None, max_length=200)  # a link or an address
    announce_channel_id: int = Field(sa_type=Snowflake)
    facilitator_id: int = Field(sa_type=Snowflake)
    backup_facilitator_id: int | None = Field(default=None, sa_type=Snowflake)
    content_notes: str = Field(default="", max_length=500)
    reminder_minutes: str = Field(default="1440,15", max_length=100)  # comma-separated
    ping_role_id: int | None = Field(default=None, sa_type=Snowflake)
    created_by: int = Field(sa_type=Snowflake)
    state: str = Field(default="active", max_length=16)  # active | cancelled
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingOccurrence(SQLModel, table=True):
    """One sitting of a meeting; only the next one(s) are materialised."""

    __tablename__ = "meeting_occurrence"
    __table_args__ = (UniqueConstraint("meeting_id", "starts_at"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    starts_at: datetime = Field(sa_type=UTCDateTime)
    ends_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default="scheduled", max_length=16)  # scheduled|cancelled|skipped|replaced
    discord_event_id: int | None = Field(default=None, sa_type=Snowflake)
    message_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    message_id: int | None = Field(default=None, sa_type=Snowflake)
    facilitator_confirmed: bool = False
    # Minutes before the start of the last announcement posted (0: the start); None: none yet.
    announced_minutes: int | None = None


class MeetingAnnouncement(SQLModel, table=True):
    """Scheduled work for an occurrence: sent at most once, by whoever wins pending→sending."""

    __tablename__ = "meeting_announcement"
    __table_args__ = (Index("ix_meeting_announcement_state_due", "state", "due_at"),)

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="meeting_occurrence.id", ondelete="CASCADE", index=True)
    guild_id: int = Field(sa_type=Snowflake)
    # reminder | start | dm | confirm | backup | feedback
    kind: str = Field(max_length=16)
    offset_minutes: int = 0
    due_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default="pending", max_length=16)  # pending|sending|sent|skipped|cancelled
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MeetingRsvp(SQLModel, table=True):
    __tablename__ = "meeting_rsvp"

    occurrence_id: int = Field(
        foreign_key="meeting_occurrence.id", ondelete="CASCADE", primary_key=True
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    guild_id: int = Field(sa_type=Snowflake, index=True)
    answer: str = Field(max_length=8)  # going | maybe | no
    source: str = Field(default="button", max_length=8)  # button | event (Interested)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingNotifyPreference(SQLModel, table=True):
    __tablename__ = "meeting_notify_preference"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    dm_reminders: bool = True
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingFeedback(SQLModel, table=True):
    __tablename__ = "meeting_feedback"

    occurrence_id: int = Field(
        foreign_key="meeting_occurrence.id", ondelete="CASCADE", primary_key=True
    )
    user_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    guild_id: int = Field(sa_type=Snowflake, index=True)
    rating: str = Field(max_length=8)  # good | okay | hard
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingSettings(SQLModel, table=True):
    """Per-server meeting settings."""

    __tablename__ = "meeting_settings"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    ground_rules: str | None = Field(default=None, max_length=1500)  # None: the defaults
    grace_minutes: int = 10
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
