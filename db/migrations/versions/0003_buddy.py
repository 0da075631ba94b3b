"""buddy pairing

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import db.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _str(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _when() -> db.types.UTCDateTime:
    return db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "buddy_settings",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("topics", _str(1000), nullable=False),
        sa.Column("roles_enabled", sa.Boolean(), nullable=False),
        sa.Column("listener_role_id", sa.BigInteger(), nullable=True),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("scheduled", sa.Boolean(), nullable=False),
        sa.Column("next_round_at", _when(), nullable=True),
        sa.Column("no_repeat_rounds", sa.Integer(), nullable=False),
        sa.Column("followup_days", sa.Integer(), nullable=False),
        sa.Column("min_account_days", sa.Integer(), nullable=False),
        sa.Column("min_member_days", sa.Integer(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )
    op.create_table(
        "buddy_profile",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("state", _str(16), nullable=False),
        sa.Column("topics", _str(1000), nullable=False),
        sa.Column("timezone", _str(64), nullable=False),
        sa.Column("times", _str(64), nullable=False),
        sa.Column("role", _str(16), nullable=False),
        sa.Column("paused_until", _when(), nullable=True),
        sa.Column("missed_followups", sa.Integer(), nullable=False),
        sa.Column("joined_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "user_id"),
    )
    op.create_table(
        "buddy_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("blocked_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "user_id", "blocked_id"),
    )
    op.create_index("ix_buddy_block_guild_id", "buddy_block", ["guild_id"])
    op.create_table(
        "buddy_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("reporter_id", sa.BigInteger(), nullable=False),
        sa.Column("reported_id", sa.BigInteger(), nullable=True),
        sa.Column("reason", _str(1000), nullable=False),
        sa.Column("state", _str(16), nullable=False),
        sa.Column("resolved_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("resolved_at", _when(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_buddy_report_guild_id", "buddy_report", ["guild_id"])
    op.create_index("ix_buddy_report_reported_id", "buddy_report", ["reported_id"])
    op.create_table(
        "buddy_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("round_key", _str(40), nullable=False),
        sa.Column("started_at", _when(), nullable=False),
        sa.Column("followup_at", _when(), nullable=False),
        sa.Column("followup_state", _str(16), nullable=False),
        sa.Column("pool_size", sa.Integer(), nullable=False),
        sa.Column("unmatched", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "round_key"),
    )
    op.create_index("ix_buddy_round_guild_id", "buddy_round", ["guild_id"])
    op.create_table(
        "buddy_pair",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("shared_topics", _str(1000), nullable=False),
        sa.Column("thread_id", sa.BigInteger(), nullable=True),
        sa.Column("intro", _str(16), nullable=False),
        sa.Column("ended_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["buddy_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_buddy_pair_round_id", "buddy_pair", ["round_id"])
    op.create_index("ix_buddy_pair_guild_id", "buddy_pair", ["guild_id"])
    op.create_table(
        "buddy_pair_member",
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("answer", _str(16), nullable=True),
        sa.Column("answered_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(["pair_id"], ["buddy_pair.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pair_id", "user_id"),
    )
    op.create_index("ix_buddy_pair_member_guild_id", "buddy_pair_member", ["guild_id"])


def downgrade() -> None:
    op.drop_index("ix_buddy_pair_member_guild_id", "buddy_pair_member")
    op.drop_table("buddy_pair_member")
    op.drop_index("ix_buddy_pair_guild_id", "buddy_pair")
    op.drop_index("ix_buddy_pair_round_id", "buddy_pair")
    op.drop_table("buddy_pair")
    op.drop_index("ix_buddy_round_guild_id", "buddy_round")
    op.drop_table("buddy_round")
    op.drop_index("ix_buddy_report_reported_id", "buddy_report")
    op.drop_index("ix_buddy_report_guild_id", "buddy_report")
    op.drop_table("buddy_report")
    op.drop_index("ix_buddy_block_guild_id", "buddy_block")
    op.drop_table("buddy_block")
    op.drop_table("buddy_profile")
    op.drop_table("buddy_settings")
