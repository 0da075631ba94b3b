"""meetings

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import db.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _str(length: int) -> AutoString:
    return AutoString(length=length)


def _utc() -> db.types.UTCDateTime:
    return db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("title", _str(100), nullable=False),
        sa.Column("description", _str(1000), nullable=False),
        sa.Column("kind", _str(16), nullable=False),
        sa.Column("speaker_name", _str(100), nullable=True),
        sa.Column("speaker_role", _str(100), nullable=True),
        sa.Column("timezone", _str(64), nullable=False),
        sa.Column("first_start", _utc(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("recurrence", _str(16), nullable=False),
        sa.Column("voice_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("location", _str(200), nullable=True),
        sa.Column("announce_channel_id", sa.BigInteger(), nullable=False),
        sa.Column("facilitator_id", sa.BigInteger(), nullable=False),
        sa.Column("backup_facilitator_id", sa.BigInteger(), nullable=True),
        sa.Column("content_notes", _str(500), nullable=False),
        sa.Column("reminder_minutes", _str(100), nullable=False),
        sa.Column("ping_role_id", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("state", _str(16), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_guild_id", "meeting", ["guild_id"])

    op.create_table(
        "meeting_occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("starts_at", _utc(), nullable=False),
        sa.Column("ends_at", _utc(), nullable=False),
        sa.Column("state", _str(16), nullable=False),
        sa.Column("discord_event_id", sa.BigInteger(), nullable=True),
        sa.Column("message_channel_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("facilitator_confirmed", sa.Boolean(), nullable=False),
        sa.Column("announced_minutes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "starts_at"),
    )
    op.create_index("ix_meeting_occurrence_meeting_id", "meeting_occurrence", ["meeting_id"])
    op.create_index("ix_meeting_occurrence_guild_id", "meeting_occurrence", ["guild_id"])

    op.create_table(
        "meeting_announcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", _str(16), nullable=False),
        sa.Column("offset_minutes", sa.Integer(), nullable=False),
        sa.Column("due_at", _utc(), nullable=False),
        sa.Column("state", _str(16), nullable=False),
        sa.Column("sent_at", _utc(), nullable=True),
        sa.ForeignKeyConstraint(["occurrence_id"], ["meeting_occurrence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_meeting_announcement_occurrence_id", "meeting_announcement", ["occurrence_id"]
    )
    op.create_index(
        "ix_meeting_announcement_state_due", "meeting_announcement", ["state", "due_at"]
    )

    op.create_table(
        "meeting_rsvp",
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("answer", _str(8), nullable=False),
        sa.Column("source", _str(8), nullable=False),
        sa.Column("changed_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["occurrence_id"], ["meeting_occurrence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("occurrence_id", "user_id"),
    )
    op.create_index("ix_meeting_rsvp_guild_id", "meeting_rsvp", ["guild_id"])

    op.create_table(
        "meeting_notify_preference",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("dm_reminders", sa.Boolean(), nullable=False),
        sa.Column("changed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "user_id"),
    )

    op.create_table(
        "meeting_feedback",
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("rating", _str(8), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(["occurrence_id"], ["meeting_occurrence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("occurrence_id", "user_id"),
    )
    op.create_index("ix_meeting_feedback_guild_id", "meeting_feedback", ["guild_id"])

    op.create_table(
        "meeting_settings",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("ground_rules", _str(1500), nullable=True),
        sa.Column("grace_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("guild_id"),
    )


def downgrade() -> None:
    op.drop_table("meeting_settings")
    op.drop_index("ix_meeting_feedback_guild_id", table_name="meeting_feedback")
    op.drop_table("meeting_feedback")
    op.drop_table("meeting_notify_preference")
    op.drop_index("ix_meeting_rsvp_guild_id", table_name="meeting_rsvp")
    op.drop_table("meeting_rsvp")
    op.drop_index("ix_meeting_announcement_state_due", table_name="meeting_announcement")
    op.drop_index("ix_meeting_announcement_occurrence_id", table_name="meeting_announcement")
    op.drop_table("meeting_announcement")
    op.drop_index("ix_meeting_occurrence_guild_id", table_name="meeting_occurrence")
    op.drop_index("ix_meeting_occurrence_meeting_id", table_name="meeting_occurrence")
    op.drop_table("meeting_occurrence")
    op.drop_index("ix_meeting_guild_id", table_name="meeting")
    op.drop_table("meeting")
