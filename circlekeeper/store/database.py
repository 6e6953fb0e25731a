"""The SQLAlchemy engine with SQLite set up for durability.

Every new SQLite connection gets, in a connect-event listener: WAL, ``foreign_keys=ON``,
``synchronous=FULL`` (a commit is on disk when it returns), ``secure_delete=ON`` (deleted
ciphertext does not linger in free pages) and a busy timeout.

Python's ``sqlite3`` driver has *legacy transaction control*: it only sends ``BEGIN`` before
INSERT/UPDATE/DELETE, not before SELECT or DDL, so reads are not repeatable and DDL (alembic)
is not transactional. As SQLAlchemy's SQLite dialect documentation recommends for Python < 3.12
(and works on every version), the driver's own BEGIN is switched off (``isolation_level = None``)
and SQLAlchemy's ``begin`` event sends ``BEGIN`` itself, so every ``with Session(engine)`` is one
real SQLite transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import OperationalError

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable
from circlekeeper.store.failures import strip_detail, translate, translate_server
from circlekeeper.store.file_modes import make_private
from circlekeeper.store.location import DatabaseLocation
from circlekeeper.store.read_only_media import read_uri

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 5


def make_engine(
    location: DatabaseLocation, *, foreign_keys: bool = True, read_only: bool = False
) -> Engine:
    """An engine for the location; SQLite connections get the pragmas described above.

    Every engine has ``hide_parameters=True``: a failed statement's error (and so any
    traceback or log line made from it) names the SQL but never the values bound to it,
    which are participants' names, summaries and ciphertext.

    ``foreign_keys=False`` is for alembic batch migrations, which copy tables and must not
    trip foreign keys half-way (the migration runs a foreign-key check afterwards).

    ``read_only=True`` is for commands that only read while the app may be writing: a SQLite
    file is opened with ``mode=ro`` and every connection also gets ``query_only=ON``, so not
    even a bug can write; the file's journal mode and permissions are left as they are (a
    reader must not change them), and WAL lets it read beside a running writer.
    """
    if not location.is_sqlite:
        return _server_engine(location, read_only=read_only)
    if read_only:
        return _read_only_sqlite_engine(location)
    engine = create_engine(location.url, hide_parameters=True)
    wal = location.path is not None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we send BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()
        if location.path is not None:
            make_private(location.path)

    _send_begin_and_translate_errors(engine, location)
    return engine


def _server_engine(location: DatabaseLocation, *, read_only: bool) -> Engine:
    """A database server (PostgreSQL, …): no pragmas, no file, the server's own locking.

    ``pool_pre_ping`` replaces a connection the server dropped (a restart overnight) before
    it is used. A read-only store's sessions are ``READ ONLY`` on the server itself, so a
    reader cannot write even through raw SQL, as ``query_only`` guarantees on SQLite.
    PostgreSQL connections run without JIT compilation (:data:`NO_JIT` says why).
    Failures a person can act on (server gone, a write refused) become one sentence.
    """
    connect_args: dict[str, Any] = {}
    postgres = location.url.get_backend_name() == "postgresql"
    if postgres and "connect_timeout" not in location.url.query:
        # A server gone from the network answers nothing: give up after a few seconds, so a
        # live circle switches to its offline journal (offline_journal.py) instead of hanging.
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    engine = create_engine(
        location.url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )
    statements: list[str] = []
    if read_only:
        statement = _READ_ONLY_SESSION.get(engine.dialect.name)
        if statement is None:
            engine.dispose()
            raise StoreUnavailable(
                _(
                    "CircleKeeper cannot open a {kind} database read-only; use PostgreSQL or"
                    " SQLite for read-only commands."
                ).format(kind=engine.dialect.name)
            )
        statements.append(statement)
    if statements or postgres:

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            try:
                for statement in statements:
                    cursor.execute(statement)
                if postgres:
                    cursor.execute(NO_JIT)
            finally:
                cursor.close()
            dbapi_connection.commit()  # psycopg opened a transaction for the SET; end it

    where = location.url.render_as_string(hide_password=True)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if context.is_pre_ping:  # the pool reconnects by itself; let it
            return
        strip_detail(context.original_exception)
        translated = translate_server(
            context.original_exception,
            where,
            disconnected=context.is_disconnect,
            operational=isinstance(context.sqlalchemy_exception, OperationalError),
        )
        if translated is not None:
            raise translated from context.original_exception

    return engine


NO_JIT = "SELECT set_config(name, 'off', false) FROM pg_settings WHERE name = 'jit'"
"""PostgreSQL's JIT compiles a query to machine code when its estimated cost is high. The
history's and the period report's aggregates read at most a few hundred thousand rows, but a
correlated ``EXISTS`` (reach_visits.py) multiplies their estimated cost past the thresholds,
and compiling (with inlining and optimization, in every parallel worker) then cost more than
the query: a month's figures of 100,000 sessions took 2.6 s of the server's CPU instead of
0.7 s (``CK_BENCH_PERIOD_POSTGRES_URL``, benchmarks/bench_period.py). No query of ours runs
long enough to win that back. Written as a query so a server before PostgreSQL 11, which has
no such setting, is not asked for it."""

_READ_ONLY_SESSION = {
    "postgresql": "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
    "mysql": "SET SESSION TRANSACTION READ ONLY",
}


def _read_only_sqlite_engine(location: DatabaseLocation) -> Engine:
    path = location.path
    if path is None:  # in-memory SQLite: nothing on disk to protect, query_only suffices
        engine = create_engine(location.url, hide_parameters=True)
    else:
        uri = read_uri(path)
        engine = create_engine(
            location.url,
            hide_parameters=True,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we send BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA query_only = ON")
        finally:
            cursor.close()

    _send_begin_and_translate_errors(engine, location)
    return engine


def _send_begin_and_translate_errors(engine: Engine, location: DatabaseLocation) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = translate(context.original_exception, location.path)
        if translated is not None:
            raise translated from context.original_exception
