"""A save cut off by a crash, met by a command that only reads.

In rollback-journal mode a process killed in the middle of a write leaves a "hot" ``-journal``
beside the database: the pages as they were before the write began. SQLite must copy them back
before anyone may read the file, and only a connection that may write can. A read-only
connection fails with "attempt to write a readonly database", and ``circlekeeper check``,
``export`` or ``sessions`` called a healthy file damaged after a crash.

Only a writer may roll the journal back, so a reader that finds one does what the app's
start-up does: it takes the writer lock, lets a writing connection roll the journal back, lets
go, and reads on (everything committed before the crash is there; the unfinished change is
not). When it cannot (the app holds the lock, or the folder is read-only) it says what
happened and what to do, and never that the file is damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.backups import quick_check
from circlekeeper.store.errors import DatabaseLocked, InterruptedSave
from circlekeeper.store.lock import WriterLock
from circlekeeper.store.read_only_media import (
    hot_journal,
    interrupted_on_read_only_medium,
    on_read_only_medium,
)
from circlekeeper.store.records import CheckReport


def check_for_reading(
    path: Path, check: Callable[[Path], CheckReport]
) -> tuple[CheckReport, tuple[str, ...]]:
    """``check(path)`` as a reader, after finishing an interrupted save if one is in the way.

    Returns the report and what to tell the person (that an interrupted save was undone).
    Raises :class:`InterruptedSave` when the journal is there but cannot be rolled back now.
    Only a failed check looks for the journal: beside a writer that is saving right now the
    journal is not hot (the writer holds SQLite's lock) and the reader reads past it.
    """
    report = check(path)
    if report.ok or hot_journal(path) is None:
        return report, ()
    notice = finish_interrupted_save(path)
    return check(path), (notice,)


def finish_interrupted_save(path: Path) -> str:
    """Roll back ``path``'s hot journal under the writer lock, as the app does when it opens;
    returns the sentence saying so."""
    if on_read_only_medium(path):
        raise interrupted_on_read_only_medium(path)
    lock = WriterLock(path)
    try:
        lock.acquire()
    except DatabaseLocked as error:
        raise InterruptedSave(
            _(
                "CircleKeeper was interrupted while saving to {path}, and the unfinished change"
                " has to be undone before the file can be read. CircleKeeper is open on it now"
                " and undoes it as it opens: wait until its window shows your circles, then run"
                " this command again."
            ).format(path=path)
        ) from error
    try:
        quick_check(path, as_writer=True)  # a writing connection's first read rolls it back
    finally:
        lock.release()
    return _(
        "CircleKeeper had been interrupted while saving to {path}; the unfinished change was"
        " undone, as the app does when it opens, and everything saved before it is kept."
    ).format(path=path)
