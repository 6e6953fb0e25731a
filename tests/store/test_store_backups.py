"""Backups, checks and restore: damaged files are reported, never overwritten or deleted."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from circlekeeper.store import CircleRecord, DatabaseLocked, StoreError, open_store
from circlekeeper.store.backups import BackupService, full_check, quick_check
from circlekeeper.store.restoring import restore
from tests.store.crashed_files import crash_mid_write

# The file, its -wal, pragmas, the writer lock and backups are SQLite's alone.
pytestmark = pytest.mark.sqlite_only


def damage(path: Path) -> bytes:
    raw = bytearray(path.read_bytes())
    for offset in range(4096 * 2, min(len(raw), 4096 * 6)):
        raw[offset] = 0x5A
    path.write_bytes(bytes(raw))
    return bytes(raw)


def fill(path: Path, people: int = 300) -> None:
    with open_store(path) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        for n in range(people):
            store.people.add(f"Person {n} " * 10, circle_ids=[circle_id])


def test_backups_are_consistent_private_copies_kept_ten_deep(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    fill(path, 5)
    with open_store(path, keep_backups=10) as store:
        made = [store.backups.backup(f"Test {n}!") for n in range(12)]
        listed = store.backups.list()
        assert len(listed) == 10
        assert listed[0] == made[-1] and made[0] not in listed
        assert listed[0].name.endswith("-test-11.sqlite3")
        for backup in listed:
            assert stat.S_IMODE(backup.stat().st_mode) == 0o600
            assert full_check(backup).ok
        assert store.backups.newest_good() == made[-1]
        assert not list(listed[0].parent.glob("*.partial"))
    copy = sqlite3.connect(made[-1])
    try:
        assert copy.execute("SELECT count(*) FROM people").fetchone() == (5,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        copy.close()


def test_one_daily_backup_per_day_of_use(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    for _ in range(3):
        open_store(path).close()
    daily = [p for p in BackupService(path).list() if p.name.endswith("-daily.sqlite3")]
    assert len(daily) == 1


def test_checks_tell_healthy_from_damaged_and_from_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    fill(path)
    assert quick_check(path).ok and full_check(path).ok
    assert "healthy" in full_check(path).verdict
    damage(path)
    report = full_check(path)
    assert not report.ok and report.problems
    assert "damaged" in report.verdict
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert quick_check(text).problems == ("this is not a SQLite database file",)
    assert not quick_check(tmp_path / "missing.sqlite3").ok


def test_a_foreign_key_problem_fails_the_full_check(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    fill(path, 1)
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("INSERT INTO circle_members (circle_id, person_id, position) VALUES (77, 1, 9)")
        raw.commit()
    finally:
        raw.close()
    assert quick_check(path).ok
    report = full_check(path)
    assert not report.ok and "circle_members" in report.problems[0]


def test_restore_moves_the_damaged_file_aside_and_brings_the_backup_back(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    fill(path, 20)
    backup = BackupService(path).backup("manual")
    assert BackupService(path).newest_good() == backup
    with open_store(path) as store:
        store.people.add("Added after the backup")
    damaged = damage(path)
    aside = restore(backup, path)
    assert aside is not None and aside.read_bytes() == damaged
    assert full_check(path).ok
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_store(path) as store:
        circle = store.circles.by_name("Tuesday")
        assert circle is not None and len(store.people.members(circle.circle_id)) == 20


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    fill(path, 50)
    backup = BackupService(path).list()[0]
    damage(backup)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot be restored"):
        restore(backup, path)
    assert path.read_bytes() == before
    assert BackupService(path).newest_good() is None


def test_restore_waits_for_the_app_to_close(tmp_path: Path) -> None:
    from circlekeeper.cli import main

    path = tmp_path / "db.sqlite3"
    fill(path, 1)
    backup = BackupService(path).list()[0]
    with open_store(path), pytest.raises(DatabaseLocked):
        from circlekeeper.store.lock import WriterLock

        WriterLock(path).acquire()
    assert main(["--db", str(path), "restore", str(backup)]) == 0


def test_a_write_cut_off_by_a_crash_is_rolled_back_not_called_damage(tmp_path: Path) -> None:
    """A kill in the middle of a rollback-journal write leaves a hot journal; the next start
    rolls it back and opens the file with everything committed before, instead of offering
    to restore a backup over a healthy database."""
    path = tmp_path / "circlekeeper.sqlite3"
    fill(path, people=300)
    crashed = tmp_path / "crashed"
    crash_mid_write(path, crashed)
    copy = crashed / "circlekeeper.sqlite3"
    assert not quick_check(copy).ok  # a read-only look cannot roll the journal back

    with open_store(copy) as store, store.engine.connect() as connection:
        names = list(connection.exec_driver_sql("SELECT name FROM people").scalars())
    assert len(names) == 300 and "half-written" not in names
    assert not (crashed / "circlekeeper.sqlite3-journal").exists()


def test_another_programs_database_is_not_restored_over_the_data(tmp_path: Path) -> None:
    """A valid SQLite file that is not CircleKeeper's passed the integrity check, and the
    restored data then refused to open: now it is refused before anything moves."""
    path = tmp_path / "db.sqlite3"
    fill(path, 3)
    other = tmp_path / "recipes.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a CircleKeeper database"):
        restore(other, path)
    assert path.read_bytes() == before


def test_a_copy_that_fails_half_way_puts_the_database_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from circlekeeper.store import restoring

    path = tmp_path / "db.sqlite3"
    fill(path, 3)
    backup = BackupService(path).list()[0]
    before = path.read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restoring, "copy_database", disk_full)
    with pytest.raises(OSError, match="No space"):
        restore(backup, path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("db.sqlite3.replaced-*"))


def test_restore_reports_each_step_and_the_copy_as_it_goes(tmp_path: Path) -> None:
    from circlekeeper.store.restoring import RestoreStep

    path = tmp_path / "db.sqlite3"
    fill(path, 3000)
    backup = BackupService(path).list()[0]
    seen: list[tuple[RestoreStep, int, int]] = []
    restore(backup, path, lambda step, done, total: seen.append((step, done, total)))
    steps = list(dict.fromkeys(step for step, _done, _total in seen))
    assert steps == list(RestoreStep)
    copied = [(done, total) for step, done, total in seen if step is RestoreStep.COPYING and total]
    assert copied and copied[-1][0] == copied[-1][1]
