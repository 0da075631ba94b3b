"""Resource look-up: the community library, reports of outdated crisis lines, searches kept
briefly for paging, and each server's library settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import Snowflake, UTCDateTime, utcnow


class Resource(SQLModel, table=True):
    """One entry of a server's own library, added by a moderator."""

    __tablename__ = "resource"
    __table_args__ = (UniqueConstraint("guild_id", "url_key"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    title: str = Field(max_length=100)
    url: str = Field(max_length=500)
    url_key: str = Field(max_length=500)  # the link normalised, so duplicates are refused
    description: str = Field(default="", max_length=1000)
    kind: str = Field(max_length=16)
    tags: str = Field(default="", max_length=200)  # comma-separated, lower case
    country: str | None = Field(default=None, max_length=2)
    language: str | None = Field(default=None, max_length=8)
    added_by: int = Field(sa_type=Snowflake)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ResourceFlag(SQLModel, table=True):
    """A member's report that a built-in crisis line looks wrong (one per member per entry)."""

    __tablename__ = "resource_flag"
    __table_args__ = (UniqueConstraint("guild_id", "country", "service_index", "flagged_by"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    country: str = Field(max_length=2)
    service_index: int
    service_name: str = Field(max_length=200)  # what the entry was called when flagged
    flagged_by: int = Field(sa_type=Snowflake)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ResourceSearch(SQLModel, table=True):
    """A search kept for a day so its Prev/Next buttons carry only ids (and survive restarts)."""

    __tablename__ = "resource_search"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=Snowflake, index=True)
    user_id: int = Field(sa_type=Snowflake)
    query: str = Field(default="", max_length=100)
    kind: str | None = Field(default=None, max_length=16)
    tag: str | None = Field(default=None, max_length=50)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class ResourceSettings(SQLModel, table=True):
    """Per-server library settings."""

    __tablename__ = "resource_settings"

    guild_id: int = Field(
        sa_type=Snowflake, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    hide_defaults: bool = False
    # Bumped in the same transaction as every library write, so each bot process can tell its
    # in-memory search index is stale (another process wrote) with one primary-key read.
    library_version: int = 0
    # The server's Discord "preferred locale" as last seen, so services (e.g. the crisis DM)
    # can fall back to it without a Discord object.
    preferred_locale: str | None = Field(default=None, max_length=16)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
