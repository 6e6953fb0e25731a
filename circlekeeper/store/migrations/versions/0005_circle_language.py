"""A circle's language: the language its prompts are drawn in.

Empty (NULL) means "the app's language", so circles made before this revision keep speaking
whatever the window speaks.

Revision ID: 0005_circle_language
Revises: 0002_history_sort
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_circle_language"
down_revision: str | None = "0002_history_sort"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("circles", sa.Column("language", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("circles") as batch:
        batch.drop_column("language")
