"""Session text search on PostgreSQL through a trigram GIN index instead of a btree.

A btree index entry must fit in a third of a page (2,704 bytes), so on PostgreSQL a shareable
summary of about 1,000 words could not be saved at all (``index row size … exceeds btree
maximum``). A GIN index over the text's trigrams (``pg_trgm``) has no such limit, and it
serves exactly the history search's ``LIKE '%words%'``. SQLite has no entry-size limit, so its
btree stays.

``pg_trgm`` is a trusted extension: the database's owner may create it. Where it cannot be
created (a server without the contrib modules), the index is left out and a search reads
every session row instead; saving works either way.

Revision ID: 0003_search_text_trigram
Revises: 0005_circle_language
Create Date: 2026-12-01 21:55:00
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0003_search_text_trigram"
down_revision: str | None = "0005_circle_language"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.drop_index("ix_sessions_search_text", table_name="sessions")
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as error:
        log.warning(
            "pg_trgm is not available (%s); session search works without an index",
            str(error.orig).splitlines()[0] if error.orig else type(error).__name__,
        )
        return
    op.create_index(
        "ix_sessions_search_text",
        "sessions",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_sessions_search_text")
    op.create_index("ix_sessions_search_text", "sessions", ["search_text"])
