"""The seeded benchmark history on a PostgreSQL server, copied from the cached SQLite file.

Seeding 100,000 sessions through the demo generator takes about an hour. The rows it wrote are
already in the SQLite file :func:`benchmarks.bench_history.seeded_database` caches, so here they
are copied into a server database with ``COPY`` (one stream per table, all in one transaction):
minutes, not an hour.

The copy is what the app would have written as one facilitator of an organization's server
(docs/storage.md, "Facilitators and roles"):

- the schema comes from the app's own migrations, run by the admin URL's role, which so owns
  the tables (it is not subject to row-level security, and may ``COPY`` into them);
- a facilitator login role (:data:`FACILITATOR`) is set up with ``setup_roles``, as
  ``circlekeeper setup-roles --facilitator`` does;
- every ``owner`` column, ``'local'`` in a file, names that facilitator, as ``session_user``
  would have while they ran the circles; so the benchmark, connected as them, reads its own
  sessions under the same row-level security policies as any facilitator;
- the ``id`` sequences continue after the copied rows, and the tables are analysed (what the
  server's autovacuum does after a bulk load) so the planner knows their sizes.

The database (``ck_bench_<the SQLite file's name>``) stays on the server and is reused while
its comment says the copy finished; a copy cut short is dropped and made again. The admin URL
names a role that may ``CREATE DATABASE`` and ``CREATE ROLE`` (a cluster's superuser will do).

``python -m benchmarks.postgres_history URL`` makes (or finds) the copy and prints its figures.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COPY_DATABASE_PREFIX = "ck_bench_"
FACILITATOR = "ck_bench_facilitator"
"""The login role the copied history belongs to, and the benchmark connects as."""
LOCAL_OWNER = "local"
BATCH = 20_000

TABLES = (
    "circles",
    "people",
    "circle_members",
    "sessions",
    "events",
    "session_people",
    "prompt_uses",
    "moods",
    "custom_prompts",
    "prompt_preferences",
    "settings",
    "vault_header",
    "notes",
)
"""Every table but ``alembic_version``, parents before children (the foreign keys hold at
every row, so nothing is switched off while copying)."""


@dataclass(frozen=True, slots=True)
class ServerHistory:
    """Where the copy is, how to reach it as the facilitator, and what copying it took."""

    database: str
    facilitator_url: str
    facts: dict[str, Any]


def history_on_server(admin_url: str, sqlite_path: Path) -> ServerHistory:
    """The copy of ``sqlite_path`` on the server ``admin_url`` names, made when missing, and a
    URL that connects to it as :data:`FACILITATOR` (with a password set now, so the server's
    ``pg_hba.conf`` may ask for one)."""
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    database = _database_name(sqlite_path)
    facts = _finished_copy(admin, database)
    if facts is None:
        print(f"  copying {sqlite_path.name} to PostgreSQL database {database}…", flush=True)
        facts = _copy(admin, database, sqlite_path)
    password = secrets.token_urlsafe(18)
    _admin(admin, f"ALTER ROLE {FACILITATOR} LOGIN PASSWORD '{password}'")
    url = admin.set(username=FACILITATOR, password=password, database=database)
    return ServerHistory(database, url.render_as_string(hide_password=False), facts)


def _database_name(sqlite_path: Path) -> str:
    stem = sqlite_path.stem.lower().replace("-", "_")
    return (COPY_DATABASE_PREFIX + stem)[:63]


def _finished_copy(admin: Any, database: str) -> dict[str, Any] | None:
    """The facts of a finished copy, or ``None`` (no database, or one cut short: dropped)."""
    from sqlalchemy import text

    engine = _admin_engine(admin)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                    " WHERE datname = :name"
                ),
                {"name": database},
            ).first()
            if row is None:
                return None
            if row[0]:
                facts: dict[str, Any] = json.loads(row[0])
                return facts
            connection.execute(text(f'DROP DATABASE "{database}" WITH (FORCE)'))
            return None
    finally:
        engine.dispose()


def _copy(admin: Any, database: str, sqlite_path: Path) -> dict[str, Any]:
    import psycopg
    from sqlalchemy import create_engine

    from circlekeeper.store import open_store
    from circlekeeper.store.roles import setup_roles

    began = time.perf_counter()
    _admin(admin, f'CREATE DATABASE "{database}"')
    target = admin.set(database=database)
    open_store(target.render_as_string(hide_password=False)).close()  # the app's migrations
    _admin(
        admin,
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname ="
        f" '{FACILITATOR}') THEN CREATE ROLE {FACILITATOR} LOGIN; END IF; END $$",
    )
    engine = create_engine(target)
    try:
        setup_roles(engine, facilitators=[FACILITATOR])
    finally:
        engine.dispose()
    migrated = time.perf_counter()
    rows: dict[str, int] = {}
    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        with psycopg.connect(**_libpq(target)) as server:
            for table in TABLES:
                rows[table] = _copy_table(source, server, table)
                print(f"    {table}: {rows[table]:,} rows", flush=True)
            _continue_sequences(server)
    finally:
        source.close()
    copied = time.perf_counter()
    with psycopg.connect(**_libpq(target), autocommit=True) as server:
        server.execute("VACUUM ANALYZE")
    facts = {
        "source": sqlite_path.name,
        "rows": rows,
        "migrate_seconds": round(migrated - began, 1),
        "copy_seconds": round(copied - migrated, 1),
        "analyze_seconds": round(time.perf_counter() - copied, 1),
        "seconds": round(time.perf_counter() - began, 1),
    }
    comment = json.dumps(facts).replace("'", "''")
    _admin(admin, f"COMMENT ON DATABASE \"{database}\" IS '{comment}'")
    return facts


def _copy_table(source: sqlite3.Connection, server: Any, table: str) -> int:
    """One ``COPY … FROM STDIN`` of the table's rows, ``owner`` columns made the facilitator's."""
    ours = {row[1] for row in source.execute(f"PRAGMA table_info({table})")}
    theirs = [
        name
        for (name,) in server.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " ORDER BY ordinal_position",
            (table,),
        )
    ]
    columns = [name for name in theirs if name in ours]
    owner_at = columns.index("owner") if "owner" in columns else None
    listed = ", ".join(columns)
    count = 0
    with server.cursor().copy(f"COPY {table} ({listed}) FROM STDIN") as copy:
        cursor = source.execute(f"SELECT {listed} FROM {table}")
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                if owner_at is not None and row[owner_at] == LOCAL_OWNER:
                    row = (*row[:owner_at], FACILITATOR, *row[owner_at + 1 :])
                copy.write_row(row)
            count += len(batch)
    return count


def _continue_sequences(server: Any) -> None:
    """Every ``serial`` id continues after the largest copied one (COPY named the ids)."""
    owned = server.execute(
        "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
        " WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace"
        " AND pg_get_serial_sequence(c.relname, a.attname) IS NOT NULL"
    ).fetchall()
    for table, column in owned:
        server.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
            f" COALESCE((SELECT max({column}) FROM {table}), 0) + 1, false)"
        )


def _libpq(url: Any) -> dict[str, Any]:
    """psycopg's connection arguments for a SQLAlchemy URL (``service=`` and the like too)."""
    arguments: dict[str, Any] = {k: v for k, v in url.query.items() if isinstance(v, str)}
    for key, value in (
        ("host", url.host),
        ("port", url.port),
        ("user", url.username),
        ("password", url.password),
        ("dbname", url.database),
    ):
        if value is not None:
            arguments[key] = value
    return arguments


def _admin_engine(admin: Any) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _admin(admin: Any, statement: str) -> None:
    from sqlalchemy import text

    engine = _admin_engine(admin)
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def main(arguments: list[str]) -> int:
    import os

    from benchmarks.bench_history import seeded_database

    if len(arguments) != 1:
        print(__doc__)
        return 2
    sessions = int(os.environ.get("CK_BENCH_HISTORY_SESSIONS", "100000"))
    path, _ = seeded_database(sessions)
    history = history_on_server(arguments[0], path)
    print(f"{history.database}: {json.dumps(history.facts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
