"""The main window's first page, read from a SQLite file with the standard library's ``sqlite3``.

A facilitator opening CircleKeeper waits for their circles, not for SQLAlchemy: importing it,
the models and the repositories costs several times what Qt needs to show a window. So before
the window is shown, this reads just what its first page prints (the circle list with each
circle's people and sessions, and the first circle's page) in one read transaction, and the
store opens after that first paint. The records are the ones the repositories return (a test
compares them on a real database), so the page does not change when the store takes over.

Whenever the file could not be read exactly as the store would read it (a schema that needs
migrating or comes from a newer CircleKeeper, another program's file, a damaged or busy file,
a server URL) this gives up and returns ``None``: the window then waits for the store, which
says what is wrong in its own words. Nothing is ever written (``mode=ro``, ``query_only``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from circlekeeper.session.circle import CircleRecord
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.store import codec
from circlekeeper.store.file_path import plain_file
from circlekeeper.store.read_only_media import read_uri
from circlekeeper.store.schema_version import head_revision

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 200
"""A writer holding the file (another window saving) is waited for this long, then the window
waits for the store instead."""


# Light records (session/frozen.py), not dataclasses or named tuples: they are made before the
# window's first paint, where ``@dataclass`` generating and compiling each class's methods
# would cost milliseconds, and a ``NamedTuple`` compiling each field's annotation about 0.2 M
# instructions a field.


class ListedCircle(FrozenRecord):
    """One line of the circle list: the circle, its people and how often it met."""

    record: CircleRecord
    members: int
    sessions: int


class SeatedPerson(FrozenRecord):
    """One of the first circle's people, with what ``PersonRecord`` holds of them."""

    person_id: int
    name: str
    pronouns: str
    archived: bool


class FirstLook(FrozenRecord):
    """What the first page shows: the unarchived circles in the list's order (name, then id)
    and the first one's unarchived people in seating order."""

    circles: tuple[ListedCircle, ...]
    first_members: tuple[SeatedPerson, ...]


def read_first_look(db: str | os.PathLike[str] | None) -> FirstLook | None:
    """The first page of the database ``db`` names (as ``open_store`` resolves it), or ``None``
    when only the store can tell (see the module's docstring). A file not created yet is an
    empty database: the welcome page."""
    path = plain_file(db)
    if path is None:
        return None
    try:
        if not path.exists() or path.stat().st_size == 0:
            return FirstLook((), ())
        connection = sqlite3.connect(read_uri(path), uri=True, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        log.info("the first page waits for the store: %s", error)
        return None
    try:
        return _read(connection, path)
    except (sqlite3.Error, ValueError, KeyError, TypeError) as error:
        log.info("the first page waits for the store: %s", error)
        return None
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, path: Path) -> FirstLook | None:
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA query_only = ON")
    connection.execute("BEGIN")  # one snapshot for every read below
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None  # another program's file, or one never migrated: the store decides
    version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if [row[0] for row in version] != [head_revision()]:
        log.info("the first page waits for the store: %s is not at the newest schema", path)
        return None
    members = dict(
        connection.execute(
            "SELECT m.circle_id, count(*) FROM circle_members AS m"
            " JOIN people AS p ON p.id = m.person_id WHERE p.archived = 0 GROUP BY m.circle_id"
        ).fetchall()
    )
    sessions = dict(
        connection.execute("SELECT circle_id, count(*) FROM sessions GROUP BY circle_id")
    )
    circles = tuple(
        ListedCircle(codec.circle_from_row(row), members.get(row[0], 0), sessions.get(row[0], 0))
        for row in connection.execute(
            f"SELECT {codec.CIRCLE_COLUMNS} FROM circles WHERE archived = 0 ORDER BY name, id"
        )
    )
    if not circles:
        return FirstLook((), ())
    people = connection.execute(
        "SELECT p.id, p.name, p.pronouns, p.archived FROM people AS p"
        " JOIN circle_members AS m ON m.person_id = p.id"
        " WHERE m.circle_id = ? AND p.archived = 0 ORDER BY m.position",
        (circles[0].record.circle_id,),
    ).fetchall()
    return FirstLook(
        circles,
        tuple(
            SeatedPerson(pid, name, pronouns, bool(archived))
            for pid, name, pronouns, archived in people
        ),
    )
