"""``circlekeeper check`` asks every stored session what ``export-json`` would ask, in batches.

The batched reading must find exactly what asking one session at a time finds (including a
damaged event row and a session ended before it began, across batch boundaries), and on a
terminal the check counts the sessions as it goes (a large history takes minutes).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text

from circlekeeper.cli import main
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.store import Store, open_store
from circlekeeper.store.sessions import checking
from circlekeeper.store.sessions.exporting import export_problem

pytestmark = pytest.mark.sqlite_only

SESSIONS = 12


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("check-every-session") / "circlekeeper.sqlite3"
    with open_store(path) as store:
        seed_demo(store.engine, SESSIONS, seed=3)
        _damage(store)
    return path


def _damage(store: Store) -> None:
    """Session 4 ends before it began (as an earlier version could store it), an event of
    session 9 is no longer JSON, and session 10 lost its log."""
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE sessions SET ended_at = datetime(started_at, '-1 hour') WHERE id = 4")
        )
        connection.execute(
            text("UPDATE events SET payload = '{not json' WHERE session_id = 9 AND seq = 3")
        )
        connection.execute(text("DELETE FROM events WHERE session_id = 10 AND seq > 1"))


def test_batches_find_exactly_what_one_session_at_a_time_finds(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checking, "BATCH", 5)  # 12 sessions: batches of 5, 5 and 2
    told: list[tuple[int, int]] = []
    with open_store(database, read_only=True) as store:
        one_by_one = [
            problem
            for sid in range(1, SESSIONS + 1)
            if (problem := export_problem(store, sid)) is not None
        ]
        batched = checking.export_problems(store, lambda done, total: told.append((done, total)))
    assert {p.session_id for p in one_by_one} >= {4, 9}, one_by_one
    assert batched == one_by_one
    assert told == [(5, SESSIONS), (10, SESSIONS), (12, SESSIONS)]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_check_counts_the_sessions_and_wipes_the_count(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(checking, "BATCH", 5)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["--db", str(database), "check"]) == 1  # sessions 4 and 9 are named
    shown = terminal.getvalue()
    assert "\rChecking sessions: 5 of 12…" in shown
    assert "\rChecking sessions: 12 of 12…" in shown
    assert shown.endswith("\r")  # the count is wiped before the verdict's list is printed
    said = capsys.readouterr().out
    assert "Checking sessions" not in said and "cannot be exported" in said


def test_piped_check_prints_no_progress(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--db", str(database), "check"])
    assert "Checking sessions" not in capsys.readouterr().err


def test_a_database_without_sessions_is_checked_without_a_count(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    open_store(path).close()
    told: list[tuple[int, int]] = []
    with open_store(path, read_only=True) as store:
        assert checking.export_problems(store, lambda d, t: told.append((d, t))) == []
    assert told == []
