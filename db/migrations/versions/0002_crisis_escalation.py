"""crisis escalation

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:30:46.042222
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import db.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crisis_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=False),
        sa.Column("source", AutoString(length=16), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("severity", AutoString(length=16), nullable=False),
        sa.Column("category", AutoString(length=32), nullable=False),
        sa.Column("matched", AutoString(length=100), nullable=False),
        sa.Column("excerpt", AutoString(length=300), nullable=False),
        sa.Column("detections", sa.Integer(), nullable=False),
        sa.Column("state", AutoString(length=16), nullable=False),
        sa.Column("claimed_by", sa.BigInteger(), nullable=True),
        sa.Column("claimed_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", AutoString(length=32), nullable=True),
        sa.Column("alert_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("alert_message_id", sa.BigInteger(), nullable=True),
        sa.Column("delivery_attempts", sa.Integer(), nullable=False),
        sa.Column("next_delivery_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("delivery_problem", AutoString(length=200), nullable=True),
        sa.Column("owner_warned", sa.Boolean(), nullable=False),
        sa.Column("repinged", sa.Boolean(), nullable=False),
        sa.Column("member_contact", AutoString(length=24), nullable=False),
        sa.Column("member_ok_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("next_escalation_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reminder_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("crisis_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crisis_case_guild_id"), ["guild_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_crisis_case_next_delivery_at"), ["next_delivery_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_crisis_case_next_escalation_at"), ["next_escalation_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_crisis_case_state"), ["state"], unique=False)
        batch_op.create_index(
            "uq_crisis_case_open_member",
            ["guild_id", "member_id"],
            unique=True,
            sqlite_where=sa.text("state IN ('open', 'claimed') AND source != 'test'"),
            postgresql_where=sa.text("state IN ('open', 'claimed') AND source != 'test'"),
        )

    op.create_table(
        "crisis_duty",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("on_duty", sa.Boolean(), nullable=False),
        sa.Column("changed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "user_id"),
    )
    op.create_table(
        "crisis_member_preference",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("scanning_opted_out", sa.Boolean(), nullable=False),
        sa.Column("region", AutoString(length=2), nullable=True),
        sa.Column("changed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "user_id"),
    )
    op.create_table(
        "crisis_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", AutoString(length=8), nullable=False),
        sa.Column("term", AutoString(length=100), nullable=False),
        sa.Column("severity", AutoString(length=16), nullable=True),
        sa.Column("added_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("guild_id", "kind", "term"),
    )
    with op.batch_alter_table("crisis_term", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crisis_term_guild_id"), ["guild_id"], unique=False)

    op.create_table(
        "crisis_case_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("action", AutoString(length=32), nullable=False),
        sa.Column("detail", AutoString(length=200), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["crisis_case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("crisis_case_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crisis_case_event_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_crisis_case_event_guild_id"), ["guild_id"], unique=False
        )

    with op.batch_alter_table("guild_config", schema=None) as batch_op:
        batch_op.add_column(sa.Column("supporter_role_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("backup_role_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("crisis_scanning", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column(
                "crisis_contact_mode",
                AutoString(length=16),
                nullable=False,
                server_default="automatic",
            )
        )
        batch_op.add_column(
            sa.Column(
                "reescalate_imminent_seconds", sa.Integer(), nullable=True, server_default="300"
            )
        )
        batch_op.add_column(
            sa.Column("reescalate_high_seconds", sa.Integer(), nullable=True, server_default="900")
        )
        batch_op.add_column(sa.Column("reescalate_concern_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("supporter_daily_cap", sa.Integer(), nullable=False, server_default="5")
        )
        batch_op.add_column(
            sa.Column("case_retention_days", sa.Integer(), nullable=False, server_default="90")
        )


def downgrade() -> None:
    with op.batch_alter_table("guild_config", schema=None) as batch_op:
        batch_op.drop_column("case_retention_days")
        batch_op.drop_column("supporter_daily_cap")
        batch_op.drop_column("reescalate_concern_seconds")
        batch_op.drop_column("reescalate_high_seconds")
        batch_op.drop_column("reescalate_imminent_seconds")
        batch_op.drop_column("crisis_contact_mode")
        batch_op.drop_column("crisis_scanning")
        batch_op.drop_column("backup_role_id")
        batch_op.drop_column("supporter_role_id")

    with op.batch_alter_table("crisis_case_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crisis_case_event_guild_id"))
        batch_op.drop_index(batch_op.f("ix_crisis_case_event_case_id"))

    op.drop_table("crisis_case_event")
    with op.batch_alter_table("crisis_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crisis_term_guild_id"))

    op.drop_table("crisis_term")
    op.drop_table("crisis_member_preference")
    op.drop_table("crisis_duty")
    with op.batch_alter_table("crisis_case", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_crisis_case_open_member",
            sqlite_where=sa.text("state IN ('open', 'claimed') AND source != 'test'"),
            postgresql_where=sa.text("state IN ('open', 'claimed') AND source != 'test'"),
        )
        batch_op.drop_index(batch_op.f("ix_crisis_case_state"))
        batch_op.drop_index(batch_op.f("ix_crisis_case_next_escalation_at"))
        batch_op.drop_index(batch_op.f("ix_crisis_case_next_delivery_at"))
        batch_op.drop_index(batch_op.f("ix_crisis_case_guild_id"))

    op.drop_table("crisis_case")
