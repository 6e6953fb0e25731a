"""``open_store(read_only=True)``: reading beside a running app without ever writing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from circlekeeper.store import (
    CircleRecord,
    DatabaseCorrupted,
    Store,
    StoreUnavailable,
    open_store,
)

# The file, its -wal, pragmas, the writer lock and backups are SQLite's alone.
pytestmark = pytest.mark.sqlite_only


def files_beside(path: Path) -> dict[str, bytes]:
    """The database and everything next to it except SQLite's own -wal/-shm bookkeeping."""
    found = {}
    for item in sorted(path.parent.rglob("*")):
        if item.is_file() and not item.name.endswith(("-wal", "-shm")):
            found[str(item.relative_to(path.parent))] = item.read_bytes()
    return found


def test_a_reader_opens_while_the_app_holds_the_writer_lock(store: Store, db_path: Path) -> None:
    store.circles.save(CircleRecord(None, "Tuesday"))
    with open_store(db_path, read_only=True) as reader:
        assert reader.read_only and not store.read_only
        assert reader.circles.by_name("Tuesday") is not None
        store.circles.save(CircleRecord(None, "Thursday"))  # the app writes on meanwhile
        assert reader.circles.by_name("Thursday") is not None
    store.circles.save(CircleRecord(None, "Friday"))  # and goes on writing afterwards
    assert store.circles.by_name("Friday") is not None


def test_the_app_can_open_while_a_reader_is_open(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path, read_only=True) as reader, open_store(db_path) as writer:
        writer.circles.save(CircleRecord(None, "Opened after the reader"))
        assert reader.circles.by_name("Opened after the reader") is not None


def test_a_reader_cannot_write_even_through_raw_sql(store: Store, db_path: Path) -> None:
    store.circles.save(CircleRecord(None, "Tuesday"))
    with open_store(db_path, read_only=True) as reader:
        with pytest.raises(StoreUnavailable, match="read-only"):
            reader.circles.save(CircleRecord(None, "Not saved"))
        with pytest.raises(StoreUnavailable), reader.engine.begin() as connection:
            connection.execute(text("DELETE FROM circles"))
        assert reader.circles.by_name("Tuesday") is not None
    assert store.circles.by_name("Not saved") is None


def test_a_reader_makes_no_backup_no_lock_and_changes_no_file(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.circles.save(CircleRecord(None, "Tuesday"))
    for backup in store.backups.list():
        backup.unlink()  # so a daily backup would show up, had the reader made one
    db_path.with_name(db_path.name + ".lock").unlink()
    before = files_beside(db_path)
    with open_store(db_path, read_only=True) as reader:
        assert reader.circles.by_name("Tuesday") is not None
    assert files_beside(db_path) == before


def test_a_missing_database_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none" / "circlekeeper.sqlite3"
    with pytest.raises(StoreUnavailable, match="open CircleKeeper once to create it"):
        open_store(path, read_only=True)
    assert not path.parent.exists()


def test_an_older_schema_is_refused_with_what_to_do(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0001'")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreUnavailable, match="open CircleKeeper once to update it"):
        open_store(db_path, read_only=True)
    assert db_path.read_bytes() == before


def test_a_schema_from_a_newer_version_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.close()
    with pytest.raises(StoreUnavailable, match="newer CircleKeeper"):
        open_store(db_path, read_only=True)


def test_a_damaged_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x13" * 20_000)
    with pytest.raises(DatabaseCorrupted, match="not a SQLite database"):
        open_store(path, read_only=True)
    assert path.read_bytes() == b"\x13" * 20_000


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    raw.close()
    with pytest.raises(StoreUnavailable, match="another program"):
        open_store(path, read_only=True)


def test_a_reader_sees_what_a_killed_app_committed(db_path: Path) -> None:
    """The app died without closing: its commits are only in the -wal (no checkpoint)."""
    script = (
        "import os, sys\n"
        "from circlekeeper.store import CircleRecord, open_store\n"
        "store = open_store(sys.argv[1])\n"
        "for n in range(30):\n"
        "    store.circles.save(CircleRecord(None, f'Circle {n}'))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True, timeout=60)
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0
    db_path.with_name(db_path.name + "-shm").unlink()  # even without the WAL index
    with open_store(db_path, read_only=True) as reader:
        assert reader.circles.by_name("Circle 29") is not None
