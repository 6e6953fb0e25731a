"""Every command failure is one readable line and a non-zero status, never a traceback.

Most cases run ``main()`` in-process (an unexpected exception would fail the test with its
traceback); the pipe and the database-driver cases run as real subprocesses.
"""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.cli import SIGPIPE_EXIT, main
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.store import CircleRecord, open_store
from tests.reports.stored import play


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "ck.sqlite3"
    with open_store(path) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        play(store, circle, ("Ana Lima", "Bo Chen"), datetime(2026, 3, 3, 17, tzinfo=UTC))
    return path


@pytest.fixture(scope="module")
def garbage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("garbage") / "ck.sqlite3"
    path.write_bytes(bytes(range(256)) * 100)
    return path


def one_line_failure(capsys: pytest.CaptureFixture[str], args: list[str], status: int = 1) -> str:
    assert main(args) == status
    err = capsys.readouterr().err
    assert err.startswith("circlekeeper: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "4242", "-o", "{tmp}/x.pdf"], "There is no session with id 4242"),
        (["export-json", "4242", "-o", "{tmp}/x.json"], "There is no session with id 4242"),
        (["export", "1", "-o", "/proc/x.pdf"], "could not be written"),
        (["export-json", "1", "-o", "/proc/x.json"], "cannot write /proc/x.json"),
        (
            ["report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "/proc/x.pdf"],
            "could not be written",
        ),
        (["report", "--from", "2026/03/01", "--to", "2026-03-31", "-o", "x.pdf"], "YYYY-MM-DD"),
        (["sessions", "--from", "3 March"], "YYYY-MM-DD"),
        (["sessions", "--to", "9999-12-31"], "too far ahead"),
        (["export", "--from", "2026-03-01", "--to", "9999-12-31", "-o", "{tmp}"], "too far"),
        (["report", "--from", "0001-01-01", "--to", "9999-12-31", "-o", "x.pdf"], "too far"),
        (["sessions", "--circle", "Nobody's"], "There is no circle called"),
    ],
)
def test_a_wrong_value_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    err = one_line_failure(capsys, ["--db", str(db), *filled])
    assert says in err


@pytest.mark.parametrize("command", ["export", "export-json"])
@pytest.mark.parametrize("session", ["99999999999999999999999", "0", "twelve"])
def test_a_session_id_sqlite_cannot_hold_is_a_usage_error(
    db: Path, capsys: pytest.CaptureFixture[str], command: str, session: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), command, session, "-o", "x.out"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert session in err and "is not a session id" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["sessions"],
        ["export", "1", "-o", "x.pdf"],
        ["export-json", "1", "-o", "x.json"],
        ["report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "x.pdf"],
        ["import", "x.json"],
    ],
)
def test_a_damaged_database_is_one_line_and_left_alone(
    db: Path,
    garbage: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", str(db), "export-json", "1", "-o", "x.json"]) == 0  # for import
    capsys.readouterr()
    before = garbage.read_bytes()
    err = one_line_failure(capsys, ["--db", str(garbage), *args], status=4)
    assert "is damaged and was not opened" in err
    assert garbage.read_bytes() == before


@pytest.mark.parametrize("command", [["sessions"], ["export-json", "1", "-o", "x.json"]])
def test_reading_a_database_that_does_not_exist_does_not_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "new" / "ck.sqlite3"
    err = one_line_failure(capsys, ["--db", str(missing), *command])
    assert "There is no CircleKeeper database" in err
    assert not missing.parent.exists()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "circlekeeper", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.skipif(
    importlib.util.find_spec("psycopg") is not None, reason="the driver is installed here"
)
def test_a_missing_database_driver_is_one_line() -> None:
    done = run("--db", "postgresql://nobody@127.0.0.1:1/circles", "sessions")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "driver 'psycopg', which is not installed" in done.stderr


def test_a_reader_closing_the_pipe_early_is_not_an_error(tmp_path: Path) -> None:
    """``circlekeeper sessions --json | head -1``: more than a pipe buffer of output, and the
    reader goes after one line. The command stops quietly, as coreutils would."""
    path = tmp_path / "many.sqlite3"
    with open_store(path) as store:
        seed_demo(store.engine, 300)  # ~110 kB of JSON, more than the 64 kB pipe buffer
    process = subprocess.Popen(
        [sys.executable, "-m", "circlekeeper", "--db", str(path), "sessions", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().strip() == b"["
    process.stdout.close()  # what head does after its line
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == SIGPIPE_EXIT
    assert err == ""  # no traceback, no "Exception ignored" at exit


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["export-json", "1", "-o", "{out}"], b"{"),
        (["export", "1", "-o", "{out}"], b"%PDF-"),
        (["report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "{out}"], b"%PDF-"),
    ],
)
def test_a_pipe_given_as_output_is_written_into_not_replaced(
    db: Path, tmp_path: Path, args: list[str], start: bytes
) -> None:
    """``-o /dev/stdout`` or a FIFO: renaming a temporary file over it would swap the device
    node (as root, even ``/dev/null``) for a regular file. A FIFO stands in for the device."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        assert main(["--db", str(db), *[a.replace("{out}", str(fifo)) for a in args]]) == 0
    finally:
        reader.join(timeout=10)
        if reader.is_alive():  # nothing opened the pipe for writing: let the reader go
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(start)


@pytest.mark.parametrize("combined", [[], ["--combined"]])
def test_a_range_export_onto_an_existing_file_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], combined: list[str]
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    args = ["export", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(target)]
    err = one_line_failure(capsys, ["--db", str(db), *args, *combined])
    assert "is a file, not a folder" in err
    assert target.read_text(encoding="utf-8") == "keep me"


LONG = "x" * 300  # longer than any file-name limit (255 bytes on Linux, macOS and Windows)


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "{tmp}/{long}.sqlite3", "sessions"],
        ["--db", "{tmp}/{long}.sqlite3", "import", "{tmp}/x.json"],
        ["--db", "{tmp}/{long}.sqlite3", "check"],
        ["--db", "{db}", "restore", "{tmp}/{long}.sqlite3"],
        ["--db", "{db}", "export", "1", "-o", "{tmp}/{long}.pdf"],
        ["--db", "{db}", "export", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "{long}"],
        ["--db", "{db}", "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "{long}"],
        ["--db", "{db}", "export-json", "1", "-o", "{tmp}/{long}.json"],
        ["--db", "{db}", "import", "{tmp}/{long}.json"],
    ],
)
def test_a_file_name_the_system_refuses_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(["--db", str(db), "export-json", "1", "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    filled = [
        a.replace("{tmp}", str(tmp_path)).replace("{db}", str(db)).replace("{long}", LONG)
        for a in args
    ]
    err = one_line_failure(capsys, filled)
    assert "File name too long" in err or "cannot" in err
