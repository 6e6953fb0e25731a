"""A nearly full disk and a read-only folder, on real file systems this test mounts itself.

A healthy database must open in both: on a full disk the day's backup fails with a warning and
nothing else; in a read-only folder the file is read as it is and the app says it is read-only
(before, a full disk gave a traceback and a blank window, and a read-only folder reported the
healthy file as damaged and advised restoring a backup).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from circlekeeper.store import CircleRecord, StoreUnavailable, open_store
from circlekeeper.store.backups import backup_dir_for, full_check, quick_check
from tests.store.media import fill, read_only_file, read_only_view, small_tmpfs

pytestmark = pytest.mark.sqlite_only


def make_db(path: Path) -> None:
    """About 600 KB of real data, written in a few transactions."""
    agreements = tuple(f"Agreement {n}: we listen and we may pass. " * 20 for n in range(600))
    with open_store(path) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday", agreements=agreements))
        for n in range(5):
            store.people.add(f"Person number {n}", circle_ids=[circle])


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "circlekeeper", *args], capture_output=True, text=True, check=False
    )


# ------------------------------------------------------------------- a nearly full disk


def test_a_full_disk_warns_about_the_backup_and_opens_anyway(tmp_path: Path) -> None:
    made = tmp_path / "made" / "circlekeeper.sqlite3"
    make_db(made)
    with small_tmpfs(tmp_path / "disk", "4m") as disk:
        path = disk / "circlekeeper.sqlite3"
        shutil.copy2(made, path)  # closed cleanly: one file, and no backup yet today
        fill(disk, leave_bytes=150_000)  # room for the WAL, not for a copy of the file
        assert path.stat().st_size > 400_000

        with open_store(path) as store:
            assert store.circles.by_name("Tuesday") is not None
            assert len(store.notices) == 1
            assert store.notices[0].startswith("Today's backup could not be made (")
            assert "opened normally" in store.notices[0]
            store.circles.save(CircleRecord(None, "Thursday"))  # and it still writes
        assert [p.name for p in backup_dir_for(path).iterdir()] == []  # no half-made backup

        # The window opens (the smoke test exits 0 once the data is there).
        shutil.rmtree(backup_dir_for(path))
        shown = run_cli("--db", str(path), "--smoke-test")
        assert shown.returncode == 0, shown.stderr
        assert "Traceback" not in shown.stderr

        # A writing command says it in one line on stderr and does its work.
        session = tmp_path / "session.json"
        session.write_text(json.dumps(_tiny_session()), encoding="utf-8")
        shutil.rmtree(backup_dir_for(path))
        done = run_cli("--db", str(path), "import", str(session))
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("circlekeeper: Today's backup could not be made")
        assert done.stderr.count("\n") == 1


def _tiny_session() -> dict[str, object]:
    from circlekeeper.session import CircleSession, FakeClock, Participant
    from circlekeeper.session.interchange.session_file import document_from_log, dump_session

    session = CircleSession(FakeClock())
    session.start("Friday", [Participant("a", "Ana")])
    session.end_session()
    return json.loads(dump_session(document_from_log(session.log)))


# ---------------------------------------------------------------------- a read-only folder


def test_a_healthy_database_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    source = tmp_path / "stick"
    make_db(source / "circlekeeper.sqlite3")
    with read_only_view(source, tmp_path / "ro") as folder:
        path = folder / "circlekeeper.sqlite3"
        assert quick_check(path).ok and full_check(path).ok

        with open_store(path) as store:
            assert store.read_only
            assert store.circles.by_name("Tuesday") is not None
            assert len(store.notices) == 1 and "open read-only" in store.notices[0]

        checked = run_cli("--db", str(path), "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "is healthy" in checked.stdout and "damaged" not in checked.stdout

        listed = run_cli("--db", str(path), "sessions")
        assert listed.returncode == 0, listed.stderr

        refused = run_cli("--db", str(path), "import", str(tmp_path / "any.json"))
        assert refused.returncode == 1
        assert "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1

        shown = run_cli("--db", str(path), "--smoke-test")
        assert shown.returncode == 0, shown.stderr
        assert not [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]


def test_changes_never_folded_in_are_not_silently_skipped(tmp_path: Path) -> None:
    """A -wal with content on a read-only stick: an immutable read would miss it, so refuse."""
    source = tmp_path / "stick"
    path = source / "circlekeeper.sqlite3"
    make_db(path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE circles SET name = 'Renamed late'")
    writer.commit()
    copy = tmp_path / "crashed"
    copy.mkdir()
    for name in ("circlekeeper.sqlite3", "circlekeeper.sqlite3-wal"):
        shutil.copy2(source / name, copy / name)
    writer.close()
    assert (copy / "circlekeeper.sqlite3-wal").stat().st_size > 0
    with (
        read_only_view(copy, tmp_path / "ro") as folder,
        pytest.raises(StoreUnavailable, match="never folded into it"),
    ):
        open_store(folder / "circlekeeper.sqlite3")


def test_a_file_marked_read_only_in_a_writable_folder_is_said_as_such(tmp_path: Path) -> None:
    """Only the file is read-only: the message said its folder was, and to copy the file to a
    writable folder, which does not help (a copy keeps the file's mode). It now says the file
    is marked read-only and to allow changes to it; the folder case keeps its own words."""
    source = tmp_path / "original.sqlite3"
    make_db(source)
    with read_only_file(source, tmp_path / "work" / "circlekeeper.sqlite3") as path:
        with open_store(path) as store:
            assert store.read_only
            [notice] = store.notices
        assert "is marked read-only" in notice, notice
        assert "folder" not in notice, notice
        assert "Allow changes to the file" in notice

        refused = run_cli("--db", str(path), "demo")
        assert refused.returncode == 1
        assert "is marked read-only" in refused.stderr, refused.stderr
        assert "folder" not in refused.stderr, refused.stderr

    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(source, stick / "circlekeeper.sqlite3")
    with read_only_view(stick, tmp_path / "ro") as folder:
        with open_store(folder / "circlekeeper.sqlite3") as store:
            [notice] = store.notices
        assert "is in a folder CircleKeeper cannot write to" in notice
        refused = run_cli("--db", str(folder / "circlekeeper.sqlite3"), "demo")
        assert "is in a folder CircleKeeper cannot write to" in refused.stderr
