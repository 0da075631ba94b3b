"""buddy: each server's own ground rules for introductions

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("buddy_settings") as table:
        table.add_column(sa.Column("ground_rules", sa.String(length=1500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("buddy_settings") as table:
        table.drop_column("ground_rules")
