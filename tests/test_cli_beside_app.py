"""Commands run while a facilitator has CircleKeeper open on the same database file.

The app is played by a writer store held open in this test process; the commands run as real
subprocesses, as a person (or a cron job) would run them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.store import CircleRecord, Store, open_store
from tests.reports.stored import play


def circlekeeper(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def app_open(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """A database with one played session, held open by the 'app' for the whole test."""
    store = open_store(tmp_path / "data" / "circlekeeper.sqlite3")
    try:
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        sid = play(store, circle, ("Ana Lima", "Bo Chen"), datetime(2026, 3, 3, 17, tzinfo=UTC))
        yield store, sid
    finally:
        store.close()


def test_export_json_works_while_the_app_is_open(
    app_open: tuple[Store, int], tmp_path: Path
) -> None:
    store, sid = app_open
    assert store.path is not None
    out = tmp_path / "session.json"
    done = circlekeeper(store.path, "export-json", str(sid), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["circle"] == "Tuesday"
    # the app is still the writer and keeps writing
    store.circles.save(CircleRecord(None, "Saved after the export"))
    assert store.circles.by_name("Saved after the export") is not None


def test_sessions_and_report_work_while_the_app_is_open(
    app_open: tuple[Store, int], tmp_path: Path
) -> None:
    store, sid = app_open
    assert store.path is not None
    listing = circlekeeper(store.path, "sessions", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [row["session_id"] for row in json.loads(listing.stdout)] == [sid]
    pdf = tmp_path / "march.pdf"
    report = circlekeeper(
        store.path, "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(pdf)
    )
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_import_is_refused_in_one_line_while_the_app_is_open(
    app_open: tuple[Store, int], tmp_path: Path
) -> None:
    store, sid = app_open
    assert store.path is not None
    out = tmp_path / "session.json"
    assert circlekeeper(store.path, "export-json", str(sid), "-o", str(out)).returncode == 0
    done = circlekeeper(store.path, "import", str(out))
    assert done.returncode == 3  # DatabaseLocked's own status, so scripts can retry later
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "CircleKeeper is open on this database" in done.stderr
    assert "close it first, then run circlekeeper import again" in done.stderr
    assert store.sessions.get(sid) is not None
    assert len(json.loads(circlekeeper(store.path, "sessions", "--json").stdout)) == 1


@pytest.mark.parametrize(
    ("args", "command"),
    [(["demo", "--sessions", "1"], "demo"), (["restore", "BACKUP"], "restore")],
)
def test_other_writing_commands_say_which_command_to_run_again(
    app_open: tuple[Store, int], args: list[str], command: str
) -> None:
    store, _ = app_open
    assert store.path is not None
    backup = store.backups.list()[0]
    done = circlekeeper(store.path, *[str(backup) if a == "BACKUP" else a for a in args])
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1
    assert f"close it first, then run circlekeeper {command} again" in done.stderr


def test_check_works_while_the_app_is_open(app_open: tuple[Store, int]) -> None:
    store, _ = app_open
    assert store.path is not None
    done = circlekeeper(store.path, "check")
    assert done.returncode == 0, done.stderr
    assert "is healthy" in done.stdout
