"""Indexes for the history table: sorting by fairness, duration and attendance, text search.

Keyset pages sorted by these columns walk an index instead of sorting every session, and a
text search scans the narrow search-text index instead of every session row, so a history
page stays fast at 100,000 sessions.

Revision ID: 0002_history_sort
Revises: 0001
Create Date: 2026-11-25 20:12:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_history_sort"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_sessions_fairness", "fairness"),
    ("ix_sessions_duration_seconds", "duration_seconds"),
    ("ix_sessions_present_count", "present_count"),
    ("ix_sessions_search_text", "search_text"),
)


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        for name, column in INDEXES:
            batch_op.create_index(name, [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        for name, _column in reversed(INDEXES):
            batch_op.drop_index(name)
