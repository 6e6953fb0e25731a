"""Applies alembic migrations at start-up, from code (no ``alembic.ini`` is needed at run time).

Developers changing the models write the next revision with
``python -m circlekeeper.store.migrate revision "what changed"``: it upgrades a scratch database
to head and autogenerates the difference into ``migrations/versions/`` (check it by hand; the
test suite then checks that models and migrations agree).

Before an existing database is migrated, a backup copy is made; the whole upgrade runs in one
transaction (SQLite DDL is transactional once we send BEGIN ourselves), with foreign keys off
while batch operations copy tables and a foreign-key check before it commits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreError, StoreUnavailable
from circlekeeper.store.schema_version import MIGRATIONS_DIR, require_head_revision
from circlekeeper.store.schema_version import head_revision as head_revision  # re-exported
from circlekeeper.store.schema_version import known_revisions as known_revisions  # re-exported

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database records (``None``: not CircleKeeper's yet)."""
    if connection.dialect.name == "sqlite":
        found = connection.scalar(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        )
    else:
        found = inspect(connection).has_table("alembic_version")
    if not found:
        return None
    revision: str | None = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return revision


def needs_upgrade(engine: Engine) -> tuple[bool, bool]:
    """(needs an upgrade, the database already holds tables worth a backup).

    Refuses a database (a SQLite file, or a server database's visible schema) that holds
    tables but was never CircleKeeper's (no alembic version table): adding our schema to
    someone else's database would damage it, or collide with its tables half-way.
    """
    with engine.connect() as connection:
        current = current_revision(connection)
        if engine.dialect.name == "sqlite":
            tables = set(
                connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
            )
        else:  # a server: the tables CircleKeeper would see (its schema search path)
            tables = set(inspect(connection).get_table_names())
        if tables and "alembic_version" not in tables:
            if engine.dialect.name == "sqlite":
                raise StoreUnavailable(
                    _(
                        "{path} is a database of another program, not CircleKeeper's; it was"
                        " left as it is. Choose another file with --db."
                    ).format(path=engine.url.database)
                )
            where = engine.url.render_as_string(hide_password=True)
            names = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
            raise StoreUnavailable(
                _(
                    "The database {where} already holds another program's tables ({names}); it"
                    " was left as it is. Give CircleKeeper a database of its own with --db."
                ).format(where=where, names=names)
            )
        has_tables = bool(tables)
    return current != head_revision(), has_tables


def require_head(engine: Engine, where: str) -> None:
    """Refuse, without changing anything, a schema a read-only opener cannot migrate
    (see :func:`~circlekeeper.store.schema_version.require_head_revision`)."""
    with engine.connect() as connection:
        current = current_revision(connection)
    require_head_revision(current, where)


MIGRATION_LOCK_KEY = 0x436B4D6967726174  # "CkMigrat": one advisory lock per database
"""The PostgreSQL advisory lock every CircleKeeper migration holds until it commits."""


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision on ``engine`` (foreign keys off for SQLite).

    On PostgreSQL the transaction first takes an advisory lock (``pg_advisory_xact_lock``,
    released at commit or rollback): two apps opening an empty database at once would
    otherwise both create the tables and one would fail half-way. The second waits, then
    alembic reads the revision the first committed and has nothing left to do. (A SQLite
    file has its writer lock, and SQLite's own write lock serialises the rest.)
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        # One outer transaction: alembic sees it and does not commit on its own, so a failed
        # step or a failed foreign-key check rolls everything back.
        if engine.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(
                    _("The database update left rows pointing nowhere; it was not applied.")
                )
    log.info("Database schema is at revision %s", head_revision())


def _autogenerate(message: str) -> None:
    """Write a new revision from the difference between head and the models."""
    import tempfile

    from alembic import command

    from circlekeeper.store.database import make_engine
    from circlekeeper.store.location import resolve

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(resolve(Path(folder) / "scratch.sqlite3"), foreign_keys=False)
        try:
            upgrade(engine)
            config = alembic_config()
            with engine.connect() as connection:
                config.attributes["connection"] = connection
                command.revision(config, message=message, autogenerate=True)
        finally:
            engine.dispose()


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        raise SystemExit('usage: python -m circlekeeper.store.migrate revision "message"')
    _autogenerate(sys.argv[2])
