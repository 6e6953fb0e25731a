"""How sub-commands open the database: readers beside the app, writers only without it.

Reading commands (exports, reports, listings) open the store read-only, so a facilitator can
export last week's sessions while a circle runs in the app. Writing commands (demo, import,
restore) take the single-writer lock, and when the app holds it they say so in one sentence
that names the command to run again once the app is closed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from circlekeeper.i18n import _
from circlekeeper.store import DatabaseLocked, StoreUnavailable
from circlekeeper.store.file_path import plain_file
from circlekeeper.store.report_reading import ReportReading

if TYPE_CHECKING:
    from pathlib import Path

    from circlekeeper.store import Store


def open_for_reading(db: str | None) -> Store:
    """A read-only store: no lock, no migration, no backup; works while the app is open.

    A save a crash cut off is finished first (only then can the file be read), and that is
    said on stderr, one line, like a writer's notices."""
    from circlekeeper.store import open_store

    store = open_store(db, read_only=True)
    say_notices(store.notices)
    return store


def say_notices(notices: tuple[str, ...]) -> None:
    """What opening had to say, one line each on stderr; the command's output stays clean."""
    for notice in notices:
        sys.stderr.write(f"circlekeeper: {notice}\n")


def open_for_one_summary(db: str | None) -> ReportReading:
    """What one session's summary reads, read-only beside the app, as cheaply as it can be.

    A database file is read with the standard library's ``sqlite3``
    (:mod:`circlekeeper.store.file_reader`), so ``circlekeeper export ID`` does not wait for
    SQLAlchemy to load; a server URL opens the read-only store as every other reader does.
    """
    path = plain_file(db)
    if path is None:
        return open_for_reading(db)
    from circlekeeper.store.file_reader import open_file_reader

    reader = open_file_reader(path)
    say_notices(reader.notices)
    return reader


def open_for_writing(db: str | None, command: str) -> Store:
    """The normal store with the writer lock; ``command`` names the sub-command for the
    message shown when the app already has the database open.

    What the store has to say about how it opened (today's backup failed) goes to stderr as
    one line each; the command goes on. A database in a read-only folder is refused: the
    command would have to change it."""
    from circlekeeper.store import open_store

    try:
        store = open_store(db)
    except DatabaseLocked as error:
        raise DatabaseLocked(error.path, command=command) from None
    if store.read_only:
        store.close()
        raise StoreUnavailable(read_only_refusal(command, store.path))
    say_notices(store.notices)
    return store


def read_only_refusal(command: str, path: Path | None) -> str:
    """Why a command that writes cannot run on a database opened read-only, and what to do:
    the folder, or only the file, may be the read-only one."""
    from circlekeeper.store.read_only_media import folder_is_read_only

    if path is not None and not folder_is_read_only(path):
        # Translators: {command} is a sub-command's name as typed (import, demo…).
        return _(
            "'{command}' has to change the database, and {path} is marked read-only. Allow"
            " changes to the file (in its properties or permissions) and run it again."
        ).format(command=command, path=path)
    # Translators: {command} is a sub-command's name as typed (import, demo…).
    return _(
        "'{command}' has to change the database, and {path} is in a folder"
        " CircleKeeper cannot write to. Copy it somewhere writable and run it there."
    ).format(command=command, path=path)
