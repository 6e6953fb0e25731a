"""SQLite failures turned into messages a facilitator can act on.

Hooked into the engine's ``handle_error`` event, so every repository gets it for free: a disk
that fills up mid-circle says so (and that nothing already stored was lost) instead of
surfacing as a driver traceback; damage found while running names the newest good backup,
like damage found at start-up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from circlekeeper.store.errors import DatabaseCorrupted, StoreError, StoreUnavailable


def translate(error: BaseException, path: Path | None) -> StoreError | None:
    """Our own error for a SQLite failure a person can act on; ``None`` leaves it as it is."""
    if not isinstance(error, sqlite3.DatabaseError) or isinstance(error, sqlite3.IntegrityError):
        return None
    text = str(error).lower()
    where = f"the database {path}" if path is not None else "the database"
    if "malformed" in text or "not a database" in text:
        if path is None:
            return StoreUnavailable(f"The database is damaged ({error}).")
        from circlekeeper.store.backups import BackupService

        return DatabaseCorrupted(path, str(error), BackupService(path).newest_good())
    if "disk is full" in text:
        return StoreUnavailable(
            f"The disk holding {where} is full, so the last change was not saved (everything"
            " saved before it is safe). Free some space and try again."
        )
    if "readonly" in text or "read-only" in text:
        return StoreUnavailable(
            f"CircleKeeper may not write to {where} (it is read-only). Check the file's"
            " permissions, or open another database with --db."
        )
    if "disk i/o error" in text:
        return StoreUnavailable(
            f"The disk reported an error while CircleKeeper was using {where}; the last change"
            " may not be saved. Run circlekeeper check when the disk is working again."
        )
    if "database is locked" in text:
        return StoreUnavailable(
            f"{where[0].upper()}{where[1:]} stayed busy for too long; try again in a moment."
        )
    return None
