"""resources: community library, outdated-line reports, searches for paging, settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import db.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("title", AutoString(length=100), nullable=False),
        sa.Column("url", AutoString(length=500), nullable=False),
        sa.Column("url_key", AutoString(length=500), nullable=False),
        sa.Column("description", AutoString(length=1000), nullable=False),
        sa.Column("kind", AutoString(length=16), nullable=False),
        sa.Column("tags", AutoString(length=200), nullable=False),
        sa.Column("country", AutoString(length=2), nullable=True),
        sa.Column("language", AutoString(length=8), nullable=True),
        sa.Column("added_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "url_key"),
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_guild_id"), ["guild_id"], unique=False)

    op.create_table(
        "resource_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("country", AutoString(length=2), nullable=False),
        sa.Column("service_index", sa.Integer(), nullable=False),
        sa.Column("service_name", AutoString(length=200), nullable=False),
        sa.Column("flagged_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "country", "service_index", "flagged_by"),
    )
    with op.batch_alter_table("resource_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_flag_guild_id"), ["guild_id"], unique=False)

    op.create_table(
        "resource_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("query", AutoString(length=100), nullable=False),
        sa.Column("kind", AutoString(length=16), nullable=True),
        sa.Column("tag", AutoString(length=50), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("resource_search", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_search_guild_id"), ["guild_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resource_search_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "resource_settings",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hide_defaults", sa.Boolean(), nullable=False),
        sa.Column("library_version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("preferred_locale", AutoString(length=16), nullable=True),
        sa.Column("changed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )


def downgrade() -> None:
    op.drop_table("resource_settings")
    with op.batch_alter_table("resource_search", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_search_created_at"))
        batch_op.drop_index(batch_op.f("ix_resource_search_guild_id"))
    op.drop_table("resource_search")
    with op.batch_alter_table("resource_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_flag_guild_id"))
    op.drop_table("resource_flag")
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_guild_id"))
    op.drop_table("resource")
