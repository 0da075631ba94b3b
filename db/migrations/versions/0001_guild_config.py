"""guild configuration and command sync state

Revision ID: 0001
Revises:
Create Date: 2026-11-22 01:27:12.076392
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import db.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "command_sync_state",
        sa.Column("scope", AutoString(length=64), nullable=False),
        sa.Column("digest", AutoString(length=64), nullable=False),
        sa.Column("synced_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope"),
    )
    op.create_table(
        "config_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("item", AutoString(length=64), nullable=False),
        sa.Column("message", AutoString(length=500), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "item"),
    )
    with op.batch_alter_table("config_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_config_notice_guild_id"), ["guild_id"], unique=False)

    op.create_table(
        "guild_config",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("moderator_role_id", sa.BigInteger(), nullable=True),
        sa.Column("escalation_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("announcements_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("checkin_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("buddy_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("timezone", AutoString(length=64), nullable=True),
        sa.Column("region", AutoString(length=2), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )


def downgrade() -> None:
    op.drop_table("guild_config")
    with op.batch_alter_table("config_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_config_notice_guild_id"))

    op.drop_table("config_notice")
    op.drop_table("command_sync_state")
