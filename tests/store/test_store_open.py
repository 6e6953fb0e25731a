"""Opening the database: where it lives, how SQLite is set up, who may write, damage."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, text

from circlekeeper.store import (
    CircleRecord,
    DatabaseCorrupted,
    DatabaseLocked,
    Store,
    StoreUnavailable,
    open_store,
)
from circlekeeper.store.location import default_path, resolve

# The file, its -wal, pragmas, the writer lock and backups are SQLite's alone.
pytestmark = pytest.mark.sqlite_only


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_is_created_with_the_schema_and_owner_only_files(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.circles.save(CircleRecord(None, "Tuesday"))
        assert store.path == db_path
        assert store.circles.by_name("Tuesday") is not None
        wal = db_path.with_name(db_path.name + "-wal")
        shm = db_path.with_name(db_path.name + "-shm")
        assert wal.exists() and shm.exists()
        for path in (db_path, wal, shm, db_path.with_name(db_path.name + ".lock")):
            assert mode(path) == 0o600, path
        backups = store.backups.list()
        assert len(backups) == 1 and mode(backups[0]) == 0o600
        assert mode(backups[0].parent) == 0o700


def test_connections_run_with_wal_full_sync_foreign_keys_and_secure_delete(store: Store) -> None:
    with store.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "secure_delete")
        }
        busy = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "secure_delete": 1,
    }
    assert busy >= 1000


def test_a_read_inside_a_session_is_a_real_transaction(store: Store) -> None:
    """pysqlite's legacy mode would not BEGIN before a SELECT; we send BEGIN ourselves."""
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        raw = connection.connection.dbapi_connection
        assert raw is not None and raw.in_transaction
        connection.rollback()


def test_a_second_copy_on_the_same_file_is_refused_until_the_first_closes(db_path: Path) -> None:
    first = open_store(db_path)
    with pytest.raises(DatabaseLocked, match="already open on this database"):
        open_store(db_path)
    first.close()
    open_store(db_path).close()


def test_the_lock_dies_with_a_crashed_process(db_path: Path) -> None:
    code = (
        "import os, sys\n"
        "from circlekeeper.store import open_store\n"
        "open_store(sys.argv[1])\n"
        "print('open', flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True
    )
    assert "open" in done.stdout and done.returncode == -9
    open_store(db_path).close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"My shopping list: apples, pears\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupted) as caught:
        open_store(db_path)
    assert "not a SQLite database" in str(caught.value)
    assert "No good backup" in str(caught.value)
    assert db_path.read_bytes() == before
    open_store(db_path.with_name("other.sqlite3")).close()  # the lock was let go of


def test_damage_names_the_newest_good_backup_and_the_restore_command(db_path: Path) -> None:
    with open_store(db_path) as store:
        for n in range(200):
            store.people.add(f"Person {n}" * 20)
        store.backups.backup("manual")
        newest = store.backups.list()[0]
    raw = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(raw), page * 6)):
        raw[offset] = 0xA5
    db_path.write_bytes(bytes(raw))
    damaged = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupted) as caught:
        open_store(db_path)
    message = str(caught.value)
    assert str(newest) in message
    assert f"circlekeeper restore {newest}" in message
    assert db_path.read_bytes() == damaged


def test_a_folder_that_cannot_be_created_is_a_readable_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="cannot create the folder"):
        open_store(blocker / "sub" / "db.sqlite3")


def test_a_folder_given_as_the_database_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="is a folder"):
        open_store(tmp_path)


def test_where_the_database_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CIRCLEKEEPER_DB", raising=False)
    assert resolve(None).path == default_path()
    assert default_path().name == "circlekeeper.sqlite3"
    monkeypatch.setenv("CIRCLEKEEPER_DB", str(tmp_path / "env.sqlite3"))
    assert resolve(None).path == tmp_path / "env.sqlite3"
    assert resolve(str(tmp_path / "x.db")).path == tmp_path / "x.db"
    assert resolve(f"sqlite:///{tmp_path}/u.db").path == tmp_path / "u.db"
    url = resolve("postgresql+psycopg://robin:secret@db.example.org/circles")
    assert url.path is None and not url.is_sqlite
    with pytest.raises(StoreUnavailable):
        resolve("nonsense://")


def test_an_in_memory_url_works_without_files() -> None:
    with open_store("sqlite://") as store:
        cid = store.circles.save(CircleRecord(None, "Memory"))
        assert store.circles.get(cid).name == "Memory"
        assert store.path is None and store.backups.list() == []


def test_the_environment_variable_is_used_when_no_path_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("CIRCLEKEEPER_DB", str(target))
    with open_store() as store:
        assert store.path == target
    assert target.exists()
    assert os.stat(target).st_size > 0


def test_a_full_disk_mid_circle_is_a_readable_error(store: Store) -> None:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _tiny(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    with pytest.raises(StoreUnavailable, match="is full, so the last change was not saved"):
        for n in range(500):
            store.people.add(f"Person {n} " * 50, circle_ids=[circle_id])
    event.remove(store.engine, "connect", _tiny)


def test_damage_found_while_running_names_the_newest_good_backup(store: Store) -> None:
    for n in range(300):
        store.people.add(f"Person number {n} " * 10)
    backup = store.backups.backup("manual")
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    assert store.path is not None
    raw = bytearray(store.path.read_bytes())
    raw[4096 * 2 : 4096 * 8] = b"\x33" * (4096 * 6)
    store.path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseCorrupted) as caught:
        for person_id in range(1, 301):
            store.people.get(person_id)
    assert f"circlekeeper restore {backup}" in str(caught.value)
