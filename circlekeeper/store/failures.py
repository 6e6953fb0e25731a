"""SQLite and database-server failures turned into messages a facilitator can act on.

Hooked into the engine's ``handle_error`` event, so every repository gets it for free: a disk
that fills up mid-circle says so (and that nothing already stored was lost) instead of
surfacing as a driver traceback; damage found while running names the newest good backup,
like damage found at start-up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from circlekeeper.i18n import _, active_language, writes_right_to_left
from circlekeeper.store.errors import (
    AccessRefused,
    DatabaseCorrupted,
    LoginRefused,
    ServerUnreachable,
    StoreError,
    StoreUnavailable,
)


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
    too, but the server is fine). A server that is down, restarting or unreachable, a write
    refused because the store was opened read-only, a missing permission or a row-level
    security refusal (42501), a value over a server limit (54000) and a character the
    database cannot hold (22021, or a NUL psycopg refuses) become one sentence each.
    """
    where = left_to_right(where)
    if getattr(error, "sqlstate", None) == READ_ONLY_TRANSACTION:
        return StoreUnavailable(
            _(
                "CircleKeeper may not write to the database {where}: it was opened read-only."
            ).format(where=where)
        )
    state = getattr(error, "sqlstate", None)
    refused = _refused(error, state, where)
    if refused is not None:
        return refused
    if operational and not disconnected:
        login = login_refusal(error, where)
        if login is not None:
            return login
    if disconnected or (operational and (state is None or state[:2] in UNREACHABLE)):
        first = primary_message(error)
        if disconnected:
            said = _(
                "CircleKeeper cannot reach the database server {where} ({reason}). The last"
                " change may not be saved. Check that the server is running and reachable,"
                " then try again."
            )
        else:
            said = _(
                "CircleKeeper cannot reach the database server {where} ({reason}). Check that"
                " the server is running and reachable, then try again."
            )
        return ServerUnreachable(said.format(where=where, reason=left_to_right(first)))
    return None


LOGIN_REFUSALS = (
    "password authentication failed",
    "no password supplied",
    "is not permitted to log in",
    "no pg_hba.conf entry",
    "authentication failed for user",
)
"""How libpq and the server word a refused login. A connection attempt's error carries no
SQLSTATE (psycopg raises it before a session exists), so its words are all there is; a server
that speaks another language falls back to the general sentence, which is still true."""


def login_refusal(error: BaseException, where: str) -> LoginRefused | None:
    """A server that answered and refused this login, or has no such database, in one
    sentence that sends the person to what they can check (never to a running server)."""
    text = str(error)
    # libpq's own words after "connection to server at …, port … failed: ", without the
    # server's "FATAL:" and libpq's "fe_sendauth:" prefixes.
    reason = text.rpartition(" failed: ")[2].strip()
    for prefix in ("FATAL:", "fe_sendauth:"):
        reason = reason.removeprefix(prefix).strip()
    reason = (reason.splitlines() or [primary_message(error)])[0][:200]
    if any(words in text for words in LOGIN_REFUSALS) or _role_missing(text):
        return LoginRefused(
            _(
                "The database server {where} refused the login ({reason}). Check the user name"
                " and the password (kept in ~/.pgpass or your service file);"
                " if they are right, ask whoever runs the server whether your role may log in."
            ).format(where=where, reason=left_to_right(reason))
        )
    if "database" in text and "does not exist" in text:
        return LoginRefused(
            _(
                "The database server {where} has no database by that name ({reason}). Check the"
                " database's name in the address, or ask whoever runs the server to create it."
            ).format(where=where, reason=left_to_right(reason))
        )
    return None


def _role_missing(text: str) -> bool:
    return 'role "' in text and "does not exist" in text


def _refused(error: BaseException, state: str | None, where: str) -> StoreError | None:
    """A change the server refused for a reason a person can act on, in one sentence.

    Only the server's primary message is quoted: its DETAIL line can hold the row's values.
    """
    first = primary_message(error)
    if state == INSUFFICIENT_PRIVILEGE:
        return AccessRefused(
            _(
                "Your database role may not do this on {where} ({reason}); nothing was changed."
                " Ask whoever runs the server to give your role the facilitator rights"
                " (docs/storage.md, “Facilitators and roles”)."
            ).format(where=where, reason=left_to_right(first))
        )
    if state == PROGRAM_LIMIT_EXCEEDED:
        return StoreUnavailable(
            _(
                "A text is too large for the database server ({reason}); it was not saved and"
                " nothing else changed. Shorten it and try again."
            ).format(reason=left_to_right(first))
        )
    if state == CHARACTER_NOT_IN_REPERTOIRE or _is_nul_refusal(error):
        return StoreUnavailable(
            _(
                "A text contains a character the database cannot store ({reason}); it was not"
                " saved and nothing else changed. Remove the character and try again."
            ).format(reason=left_to_right(first))
        )
    return None


def _is_nul_refusal(error: BaseException) -> bool:
    """psycopg refuses a NUL character itself, before the server sees it (no SQLSTATE)."""
    return type(error).__name__ == "DataError" and "NUL (0x00)" in str(error)


def left_to_right(text: str) -> str:
    """An address or the driver's English words, kept whole inside an Arabic sentence.

    Without an isolate the bidi algorithm reorders their runs around the Arabic words: the
    URL split in two, "~/.pgpass" printed "pgpass./~", the parentheses thrown to the wrong
    ends. A left-to-right isolate (LRI … PDI) keeps them in their own order; in a
    left-to-right language the text is left as it is.
    """
    if not writes_right_to_left(active_language()):
        return text
    return f"\u2066{text}\u2069"


def primary_message(error: BaseException) -> str:
    """The first line of a driver error: never the DETAIL, which can quote a row's values."""
    diag = getattr(error, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    text = (primary or str(error)).strip()
    return (text.splitlines() or [type(error).__name__])[0][:200]


def strip_detail(error: BaseException) -> None:
    """Keep only the primary message in a server error, so tracebacks carry no row values.

    PostgreSQL's DETAIL line quotes the offending row ("Key (name)=(…) already exists",
    "Failing row contains (…)"). ``hide_parameters`` keeps the bound values out of
    SQLAlchemy's part of the message; this keeps them out of the driver's.
    """
    diag = getattr(error, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if primary and error.args and error.args[0] != primary:
        error.args = (primary,)


INSUFFICIENT_PRIVILEGE = "42501"
"""SQLSTATE of a GRANT missing, and of a row refused by a row-level security policy."""
PROGRAM_LIMIT_EXCEEDED = "54000"
"""SQLSTATE of a value over a server limit (an index entry over 2,704 bytes, …)."""
CHARACTER_NOT_IN_REPERTOIRE = "22021"
"""SQLSTATE of bytes the database's encoding cannot hold (a NUL, invalid UTF-8)."""

UNREACHABLE = ("08", "28", "3D", "57")
"""SQLSTATE classes meaning the server cannot be used: connection exception, invalid
authorization, no such database, operator intervention (shutting down, starting up)."""
