"""Databases on media CircleKeeper cannot write: a locked USB stick, a read-only share.

SQLite's ``mode=ro`` still needs to create the ``-shm`` file of a WAL database, so on such a
folder a healthy file failed its check and was reported as damaged. There the file is opened
``immutable=1`` instead: SQLite reads it without locks or sidecar files, which is safe exactly
because nothing can change the file while it is read-only. A ``-wal`` file left with content
(the app was not closed cleanly before the medium was locked) holds changes an immutable read
would miss, so that case is refused with a sentence saying what to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable


def on_read_only_medium(path: Path) -> bool:
    """The database file or its folder cannot be written (read-only mount, locked medium)."""
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def read_uri(path: Path) -> str:
    """The SQLite URI for reading ``path`` without changing anything on disk."""
    uri = f"file:{quote(str(path))}?mode=ro"
    return uri + "&immutable=1" if on_read_only_medium(path) else uri


def refuse_unfolded_changes(path: Path) -> None:
    """On a read-only medium, a non-empty ``-wal`` would be silently skipped: say so instead."""
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


def read_only_notice(path: Path) -> str:
    """What the window and the commands say about a database opened read-only this way."""
    return _(
        "{path} is in a folder CircleKeeper cannot write to, so it is open read-only: you can"
        " look at circles and history and export them, but not hold a circle or change"
        " anything. Copy the file to a writable folder to work with it."
    ).format(path=path)
