"""A covering index for the period report on PostgreSQL: a month's figures no longer read
every attendance ever stored.

The period figures join the sessions of a period (and the one before) to their
``session_people`` rows and need of each only the person and the passes. PostgreSQL answered
that by scanning the whole table (720,000 rows at 100,000 sessions) for a month as for a year:
its primary key holds the person but not the passes, so each matching row would have cost a
visit to the table. This index holds all three (``INCLUDE``), so a month is an index-only
nested loop over its sessions. A year, which touches a large share of the table, is still
read in one pass, as before.

SQLite has no ``INCLUDE``, and its plan for the same query walks the primary key already, so
this revision builds nothing there (the model declares the index for PostgreSQL only).

Revision ID: 0008_period_covering_index
Revises: 0007_circle_cadence
Create Date: 2026-12-02 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008_period_covering_index"
down_revision: str | None = "0007_circle_cadence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_session_people_session_id_covering"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index(
        INDEX, "session_people", ["session_id"], postgresql_include=["person_id", "passes"]
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(INDEX, table_name="session_people")
