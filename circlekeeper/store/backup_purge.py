"""Private notes taken out of the backups too, when the app says they are gone.

Backups are whole copies of the database file, and so are the files a restore moved aside
(``<db>.replaced-<time>``). Without this a deleted note would live on in up to ten backups and
in those copies, and after a passphrase change the old vault header would still open the old
notes in them with the old passphrase. So:

- deleting a note deletes it from every backup as well;
- a re-key (a passphrase change) removes the facilitator's old vault header and notes from
  every backup: the live database holds every note, re-sealed under the new key. A backup
  restored later brings back everything else, but not notes written before the change.

Each backup is changed in place with ``secure_delete=ON`` (freed pages are zeroed) and an
in-memory rollback journal (old pages are never written to a journal file on disk). A backup
that cannot be changed (damaged, read-only) is reported in the log and left as it is.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from circlekeeper.store.backups import BackupService
from circlekeeper.store.restoring import kept_aside_copies

log = logging.getLogger(__name__)


def purge_notes_from_backups(
    database: Path, owner: str, note_ids: Sequence[str] | None = None
) -> int:
    """Delete notes (``None``: all of ``owner``'s, and their vault header) from every backup
    of ``database`` and every copy a restore kept aside; returns how many files changed."""
    changed = 0
    for backup in BackupService(database).list() + kept_aside_copies(database):
        try:
            if _purge(backup, owner, note_ids):
                changed += 1
        except sqlite3.Error as error:
            log.warning("Could not remove private notes from backup %s (%s)", backup, error)
    return changed


def _purge(backup: Path, owner: str, note_ids: Sequence[str] | None) -> bool:
    connection = sqlite3.connect(backup, isolation_level=None)
    try:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA journal_mode = MEMORY")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "notes" not in tables:
            return False
        owned = _has_owner(connection)
        where, params = ("owner = ?", [owner]) if owned else ("1 = 1", [])
        connection.execute("BEGIN IMMEDIATE")
        if note_ids is None:
            removed = connection.execute(f"DELETE FROM notes WHERE {where}", params).rowcount
            if "vault_header" in tables:
                removed += connection.execute(
                    f"DELETE FROM vault_header WHERE {where}", params
                ).rowcount
        else:
            marks = ",".join("?" * len(note_ids))
            removed = connection.execute(
                f"DELETE FROM notes WHERE id IN ({marks}) AND {where}", [*note_ids, *params]
            ).rowcount
        connection.execute("COMMIT")
        return removed > 0
    finally:
        connection.close()


def _has_owner(connection: sqlite3.Connection) -> bool:
    return any(row[1] == "owner" for row in connection.execute("PRAGMA table_info(notes)"))
