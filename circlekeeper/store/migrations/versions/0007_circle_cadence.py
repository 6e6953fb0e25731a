"""A circle's planned cadence: how often it means to meet (weekly, every two weeks, once a
month) and, optionally, its first planned meeting. The period report sets the sessions held
against it ("held 3 of 4 planned").

Circles made before this revision have no fixed schedule ('none'), so no report judges a
circle by a plan nobody made.

Revision ID: 0007_circle_cadence
Revises: 0006_demo_circles
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_circle_cadence"
down_revision: str | None = "0006_demo_circles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "circles",
        sa.Column("cadence", sa.String(16), nullable=False, server_default="none"),
    )
    op.add_column("circles", sa.Column("cadence_since", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("circles") as batch:
        batch.drop_column("cadence_since")
        batch.drop_column("cadence")
