"""How sub-commands open the database: readers beside the app, writers only without it.

Reading commands (exports, reports, listings) open the store read-only, so a facilitator can
export last week's sessions while a circle runs in the app. Writing commands (demo, import,
restore) take the single-writer lock, and when the app holds it they say so in one sentence
that names the command to run again once the app is closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from circlekeeper.store import DatabaseLocked, Store, open_store
from circlekeeper.store.lock import WriterLock


def open_for_reading(db: str | None) -> Store:
    """A read-only store: no lock, no migration, no backup; works while the app is open."""
    return open_store(db, read_only=True)


def open_for_writing(db: str | None, command: str) -> Store:
    """The normal store with the writer lock; ``command`` names the sub-command for the
    message shown when the app already has the database open."""
    try:
        return open_store(db)
    except DatabaseLocked as error:
        raise DatabaseLocked(error.path, command=command) from None


@contextmanager
def writer_lock(path: Path, command: str) -> Iterator[WriterLock]:
    """The writer lock alone (restore replaces the file, so it opens no store)."""
    lock = WriterLock(path)
    try:
        lock.acquire()
    except DatabaseLocked as error:
        raise DatabaseLocked(error.path, command=command) from None
    try:
        yield lock
    finally:
        lock.release()
