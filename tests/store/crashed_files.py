"""A database file as a crash in the middle of a save leaves it: a real file and a hot journal.

The write is made by a real SQLite connection in rollback-journal mode with a one-page cache,
so half of it spills into the database file itself; the file and its ``-journal`` are copied
while the transaction is open (what a killed process leaves on disk), then the real write is
rolled back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from circlekeeper.store import CircleRecord, open_store

PEOPLE = 300
HALF_WRITTEN = "half-written"


def fill(path: Path, people: int = PEOPLE) -> None:
    with open_store(path) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        for n in range(people):
            store.people.add(f"Person {n} " * 10, circle_ids=[circle_id])


def crash_mid_write(path: Path, folder: Path) -> Path:
    """A copy of ``path`` in ``folder`` as a process killed in the middle of a write leaves it
    (every name becomes ``half-written`` and every person is doubled, none of it committed)."""
    folder.mkdir(parents=True, exist_ok=True)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = DELETE")
    writer.execute("PRAGMA cache_size = 1")  # spill the half-done write into the file itself
    writer.execute("BEGIN")
    writer.execute(f"UPDATE people SET name = '{HALF_WRITTEN}'")
    writer.execute(
        "INSERT INTO people (name, pronouns, archived, created_at)"
        " SELECT name, pronouns, archived, created_at FROM people"
    )
    for sidecar in ("", "-journal"):  # the files as a killed process leaves them
        (folder / f"{path.name}{sidecar}").write_bytes(Path(f"{path}{sidecar}").read_bytes())
    writer.execute("ROLLBACK")
    writer.close()
    return folder / path.name


def names(path: Path) -> list[str]:
    """Every person's name, read as a writer would (after any rollback)."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM people")]
    finally:
        connection.close()
