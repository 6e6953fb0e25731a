"""Applies alembic migrations at start-up, from code (no ``alembic.ini`` is needed at run time).

Before an existing database is migrated, a backup copy is made; the whole upgrade runs in one
transaction (SQLite DDL is transactional once we send BEGIN ourselves), with foreign keys off
while batch operations copy tables and a foreign-key check before it commits.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from circlekeeper.store.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise StoreError("CircleKeeper's database migrations are missing from this install.")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> tuple[bool, bool]:
    """(needs an upgrade, the database already holds tables worth a backup)."""
    with engine.connect() as connection:
        current = current_revision(connection)
        has_tables = bool(
            connection.execute(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            ).scalar()
            if engine.dialect.name == "sqlite"
            else current is not None
        )
    return current != head_revision(), has_tables


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision on ``engine`` (foreign keys off for SQLite)."""
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        # One outer transaction: alembic sees it and does not commit on its own, so a failed
        # step or a failed foreign-key check rolls everything back.
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(
                    "The database update left rows pointing nowhere; it was not applied."
                )
    log.info("Database schema is at revision %s", head_revision())
