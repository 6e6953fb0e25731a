"""Live sessions get an owner and a lease, so two apps on one server never run one circle.

``owner`` is the facilitator who runs the session (their PostgreSQL login role; ``local`` on a
SQLite file). ``lease_token`` is held by the one app instance writing the log; it is renewed
with every heartbeat and claimed with one conditional UPDATE (``store/leases.py``). Sessions
made before this revision belong to whoever migrates the database (the only facilitator there
was), and hold no lease.

Revision ID: 0004_session_leases
Revises: 0003_search_text_trigram
Create Date: 2026-12-01 22:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_session_leases"
down_revision: str | None = "0003_search_text_trigram"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_FACILITATOR = "local"


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("lease_token", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("lease_holder", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("lease_since", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("lease_renewed_at", sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE sessions SET owner = session_user")
    else:
        op.execute(
            sa.text("UPDATE sessions SET owner = :owner").bindparams(owner=LOCAL_FACILITATOR)
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        for column in ("lease_renewed_at", "lease_since", "lease_holder", "lease_token", "owner"):
            batch_op.drop_column(column)
