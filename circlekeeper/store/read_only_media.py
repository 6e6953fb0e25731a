"""Databases on media CircleKeeper cannot write: a locked USB stick, a read-only share.

SQLite's ``mode=ro`` still needs to create the ``-shm`` file of a WAL database, so on such a
folder a healthy file failed its check and was reported as damaged. There the file is opened
``immutable=1`` instead: SQLite reads it without locks or sidecar files, which is safe exactly
because nothing can change the file while it is read-only. A ``-wal`` file left with content
(the app was not closed cleanly before the medium was locked) holds changes an immutable read
would miss, and a hot ``-journal`` (a save cut off by a crash) the pages a half-done write
overwrote, which an immutable read would take for the data: both are refused with a sentence
saying what to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from circlekeeper.i18n import _
from circlekeeper.store.errors import InterruptedSave, StoreUnavailable

JOURNAL_HEADER = 28
"""Bytes of a rollback journal's header; a committed (persisted) journal has them zeroed."""


def on_read_only_medium(path: Path) -> bool:
    """The database file or its folder cannot be written (read-only mount, locked medium)."""
    if folder_is_read_only(path):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def hot_journal(path: Path) -> Path | None:
    """The rollback journal a killed writer left beside ``path`` with pages still to put back.

    An empty journal (``journal_mode=TRUNCATE``) or one whose header is zeroed (``PERSIST``)
    belongs to a committed write and holds nothing to roll back.
    """
    journal = path.with_name(path.name + "-journal")
    try:
        with journal.open("rb") as handle:
            header = handle.read(JOURNAL_HEADER)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    return journal if len(header) == JOURNAL_HEADER and any(header) else None


def read_uri(path: Path) -> str:
    """The SQLite URI for reading ``path`` without changing anything on disk.

    Never ``immutable`` beside a hot journal: SQLite would skip the journal and read the
    half-done write as if it had been saved. ``mode=ro`` refuses to read instead."""
    uri = f"file:{quote(str(path))}?mode=ro"
    if on_read_only_medium(path) and hot_journal(path) is None:
        return uri + "&immutable=1"
    return uri


def refuse_unfolded_changes(path: Path) -> None:
    """On a read-only medium, a non-empty ``-wal`` would be silently skipped and a hot journal
    cannot be rolled back: say so instead."""
    if hot_journal(path) is not None and on_read_only_medium(path):
        raise interrupted_on_read_only_medium(path)
    wal = path.with_name(path.name + "-wal")
    try:
        size = wal.stat().st_size
    except FileNotFoundError:
        return
    if size > 0 and on_read_only_medium(path):
        raise StoreUnavailable(
            _(
                "{path} is in a read-only folder and still has changes in {wal} that were"
                " never folded into it (CircleKeeper was not closed before the folder became"
                " read-only). Copy the folder, with that file, somewhere writable and open the"
                " copy."
            ).format(path=path, wal=wal.name)
        )


def interrupted_on_read_only_medium(path: Path) -> InterruptedSave:
    """A save cut off by a crash, on a medium nobody here can write: what to do."""
    journal = path.with_name(path.name + "-journal")
    return InterruptedSave(
        _(
            "CircleKeeper was interrupted while saving to {path}, and the unfinished change"
            " (kept in {journal}) has to be undone before the file can be read. The folder is"
            " read-only, so that cannot be done here: copy the folder, with {journal},"
            " somewhere writable and open the copy in CircleKeeper once."
        ).format(path=path, journal=journal.name)
    )


def folder_is_read_only(path: Path) -> bool:
    """The folder holding ``path`` cannot be written (else only the file itself is marked
    read-only, and copying it elsewhere would not help: a copy keeps the file's mode)."""
    return path.parent.exists() and not os.access(path.parent, os.W_OK)


def read_only_notice(path: Path) -> str:
    """What the window and the commands say about a database opened read-only this way."""
    if not folder_is_read_only(path):
        return _(
            "{path} is marked read-only, so it is open read-only: you can look at circles and"
            " history and export them, but not hold a circle or change anything. Allow"
            " changes to the file (in its properties or permissions) to work with it."
        ).format(path=path)
    return _(
        "{path} is in a folder CircleKeeper cannot write to, so it is open read-only: you can"
        " look at circles and history and export them, but not hold a circle or change"
        " anything. Copy the file to a writable folder to work with it."
    ).format(path=path)
