"""``circlekeeper check`` and ``circlekeeper restore`` as a person runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from circlekeeper.cli import main
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.backups import BackupService


def make_db(path: Path) -> None:
    with open_store(path) as store:
        store.circles.save(CircleRecord(None, "Tuesday"))
        for n in range(300):
            store.people.add(f"Person number {n} " * 8)


def test_check_prints_a_healthy_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    make_db(path)
    assert main(["--db", str(path), "check"]) == 0
    assert "is healthy" in capsys.readouterr().out


def test_check_on_a_damaged_file_fails_and_says_how_to_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.sqlite3"
    make_db(path)
    raw = bytearray(path.read_bytes())
    raw[4096 * 2 : 4096 * 5] = b"\xee" * (4096 * 3)
    path.write_bytes(bytes(raw))
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    backup = BackupService(path).newest_good()
    assert "is damaged" in out and f"circlekeeper restore {backup}" in out
    assert path.read_bytes() == bytes(raw)
    assert main(["--db", str(path), "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out and "passed the integrity check" in out
    assert main(["--db", str(path), "check"]) == 0


def test_commands_fail_with_one_readable_line(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite3"
    for args in (["check"], ["restore", str(tmp_path / "no-backup.sqlite3")]):
        done = subprocess.run(
            [sys.executable, "-m", "circlekeeper", "--db", str(missing), *args],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("circlekeeper: There is no")
