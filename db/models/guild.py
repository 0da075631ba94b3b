"""Per-server configuration, set with /setup."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow


class GuildConfig(SQLModel, table=True):
    __tablename__ = "guild_config"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    moderator_role_id: int | None = Field(default=None, sa_type=Snowflake)
    escalation_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    announcements_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    checkin_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    buddy_channel_id: int | None = Field(default=None, sa_type=Snowflake)
    supporter_role_id: int | None = Field(default=None, sa_type=Snowflake)
    backup_role_id: int | None = Field(default=None, sa_type=Snowflake)
    timezone: str | None = Field(default=None, max_length=64)
    region: str | None = Field(default=None, max_length=2, description="ISO 3166-1 alpha-2")
    # Crisis escalation policy; times are seconds so tests can use short ones.
    crisis_scanning: bool = True
    crisis_contact_mode: str = Field(default="automatic", max_length=16)  # or "approval"
    reescalate_imminent_seconds: int | None = 5 * 60
    reescalate_high_seconds: int | None = 15 * 60
    reescalate_concern_seconds: int | None = None
    supporter_daily_cap: int = 5
    case_retention_days: int = 90
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ConfigNotice(SQLModel, table=True):
    """Something moderators must hear the next time they use the bot, e.g. a deleted channel."""

    __tablename__ = "config_notice"
    __table_args__ = (UniqueConstraint("guild_id", "item"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    item: str = Field(max_length=64)
    message: str = Field(max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CommandSyncState(SQLModel, table=True):
    """The digest of the command set last synced per scope, so unchanged sets are not resent."""

    __tablename__ = "command_sync_state"

    scope: str = Field(primary_key=True, max_length=64)
    digest: str = Field(max_length=64)
    synced_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
