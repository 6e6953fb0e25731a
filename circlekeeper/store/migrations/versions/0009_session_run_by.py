"""Sessions record who ran them, so History names the facilitator who was there.

History's "Facilitator" column, the session detail and the printed summary showed the names
typed in the start dialog, which it fills with the circle's usual facilitator: when Sam ran
Robin's circle on the organization's server and did not retype the name, a reviewer read
"Robin". ``run_by`` is the facilitator identity of the app that started the session (their
PostgreSQL login role), recorded at the start; it is shown instead of the typed names when
it is known.

Older sessions keep a sensible value. On a server, ``owner`` (0004_session_leases) already
holds the login role of the app that created each session since then, so it is copied, except
where it is the database's owner: the sessions 0004 gave to whoever migrated, and demo or
imported sessions, none run by a facilitator's app. Those, and every session in a SQLite file
(one local facilitator, who typed their name), keep NULL and show their typed names as before.

Revision ID: 0009_session_run_by
Revises: 0008_period_covering_index
Create Date: 2026-12-02 21:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_session_run_by"
down_revision: str | None = "0008_period_covering_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("run_by", sa.Text(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE sessions SET run_by = owner WHERE owner IS NOT NULL AND owner <>"
            " (SELECT pg_get_userbyid(datdba) FROM pg_database"
            " WHERE datname = current_database())"
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("run_by")
