"""Demo circles are marked as such: the welcome page's *look around* circle and
``circlekeeper demo`` data say "(demo)" wherever circles are listed, chosen or printed, so
nobody mistakes invented people for their own circle.

Circles made before this revision are real ones (false).

Revision ID: 0006_demo_circles
Revises: 0004_record_truth
Create Date: 2026-12-02 00:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_demo_circles"
down_revision: str | None = "0004_record_truth"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "circles",
        sa.Column(
            "demo",
            sa.Boolean(create_constraint=False),
            nullable=False,
            server_default=sa.false(),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("circles") as batch:
        batch.drop_column("demo")
