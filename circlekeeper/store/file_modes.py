"""A database file and its sidecars readable by their owner only.

Kept apart from the engine (``database.py``) so backups and the read-only report path, which
use only the standard library's ``sqlite3``, do not import SQLAlchemy.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR
PRIVATE_DIR = stat.S_IRWXU


def sidecar_files(path: Path) -> tuple[Path, Path]:
    """SQLite's ``-wal`` and ``-shm`` files beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def prepare_file(path: Path) -> None:
    """Create the folder (owner only) and an empty database file readable by its owner only.

    SQLite gives its ``-wal``/``-shm`` files the permissions of the database file, so creating
    the file 0600 first keeps every piece private; :func:`make_private` tightens leftovers.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=PRIVATE_DIR, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        os.close(fd)
    make_private(path)


def make_private(path: Path) -> None:
    """chmod 0600 the database and its sidecars (if they exist and are ours)."""
    for candidate in (path, *sidecar_files(path)):
        try:
            if stat.S_IMODE(candidate.stat().st_mode) != PRIVATE_FILE:
                os.chmod(candidate, PRIVATE_FILE)
        except FileNotFoundError:
            continue
        except PermissionError:
            log.warning("Could not make %s private (not the owner?)", candidate)
