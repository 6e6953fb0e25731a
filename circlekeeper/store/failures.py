"""SQLite and database-server failures turned into messages a facilitator can act on.

Hooked into the engine's ``handle_error`` event, so every repository gets it for free: a disk
that fills up mid-circle says so (and that nothing already stored was lost) instead of
surfacing as a driver traceback; damage found while running names the newest good backup,
like damage found at start-up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.errors import DatabaseCorrupted, StoreError, StoreUnavailable


def translate(error: BaseException, path: Path | None) -> StoreError | None:
    """Our own error for a SQLite failure a person can act on; ``None`` leaves it as it is."""
    if not isinstance(error, sqlite3.DatabaseError) or isinstance(error, sqlite3.IntegrityError):
        return None
    text = str(error).lower()
    database = path if path is not None else "sqlite://"
    if "malformed" in text or "not a database" in text:
        if path is None:
            return StoreUnavailable(_("The database is damaged ({error}).").format(error=error))
        from circlekeeper.store.backups import BackupService

        return DatabaseCorrupted(path, str(error), BackupService(path).newest_good())
    if "disk is full" in text:
        return StoreUnavailable(
            _(
                "The disk holding the database {database} is full, so the last change was not"
                " saved (everything saved before it is safe). Free some space and try again."
            ).format(database=database)
        )
    if "readonly" in text or "read-only" in text:
        return StoreUnavailable(
            _(
                "CircleKeeper may not write to the database {database} (it is read-only). Check"
                " the file's permissions, or open another database with --db."
            ).format(database=database)
        )
    if "disk i/o error" in text:
        return StoreUnavailable(
            _(
                "The disk reported an error while CircleKeeper was using the database"
                " {database}; the last change may not be saved. Run circlekeeper check when the"
                " disk is working again."
            ).format(database=database)
        )
    if "database is locked" in text:
        return StoreUnavailable(
            _("The database {database} stayed busy for too long; try again in a moment.").format(
                database=database
            )
        )
    return None


READ_ONLY_TRANSACTION = "25006"
"""SQLSTATE of a write inside a ``READ ONLY`` transaction (PostgreSQL, and the SQL standard)."""


def translate_server(
    error: BaseException, where: str, *, disconnected: bool, operational: bool
) -> StoreError | None:
    """Our own error for a database server's failure a person can act on, else ``None``.

    Constraint violations and mistakes in SQL stay as they are (the repositories turn the
    former into their own errors), and so do deadlocks and serialization failures (operational
    too, but the server is fine). A server that is down, restarting or unreachable, and a
    write refused because the store was opened read-only, become one sentence each.
    """
    if getattr(error, "sqlstate", None) == READ_ONLY_TRANSACTION:
        return StoreUnavailable(
            f"CircleKeeper may not write to the database {where}: it was opened read-only."
        )
    state = getattr(error, "sqlstate", None)
    if disconnected or (operational and (state is None or state[:2] in UNREACHABLE)):
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        lost = " The last change may not be saved." if disconnected else ""
        return StoreUnavailable(
            f"CircleKeeper cannot reach the database server {where} ({first}).{lost} Check"
            " that the server is running and reachable, then try again."
        )
    return None


UNREACHABLE = ("08", "28", "3D", "57")
"""SQLSTATE classes meaning the server cannot be used: connection exception, invalid
authorization, no such database, operator intervention (shutting down, starting up)."""
