"""check-ins

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import db.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("tags", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_checkin_member_day", "checkin", ["guild_id", "user_id", "day"])
    op.create_table(
        "checkin_member",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("remind_time", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("timezone", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("quiet_start", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("quiet_end", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("next_due_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_sent_for", sa.Date(), nullable=True),
        sa.Column("paused_until", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paused_reason", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("notice_pending", sa.Boolean(), nullable=False),
        sa.Column("alerts", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("silence_alerted_checkin_id", sa.Integer(), nullable=True),
        sa.Column("dm_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("changed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "user_id"),
    )
    op.create_index("ix_checkin_member_state", "checkin_member", ["state"])
    op.create_index("ix_checkin_member_next_due_at", "checkin_member", ["next_due_at"])
    op.create_table(
        "checkin_guild_settings",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tags", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("prompt_time", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("prompt_next_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("prompt_last_for", sa.Date(), nullable=True),
        sa.Column("changed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )


def downgrade() -> None:
    op.drop_table("checkin_guild_settings")
    op.drop_index("ix_checkin_member_next_due_at", table_name="checkin_member")
    op.drop_index("ix_checkin_member_state", table_name="checkin_member")
    op.drop_table("checkin_member")
    op.drop_index("ix_checkin_member_day", table_name="checkin")
    op.drop_table("checkin")
