"""``circlekeeper demo`` and ``circlekeeper sessions`` as a script or an organization uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from circlekeeper.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "demo.sqlite3")
    assert main(["--db", path, "demo", "--sessions", "60", "--seed", "4"]) == 0
    return path


def test_demo_reports_what_it_added_and_sessions_lists_them(db: str, capsys) -> None:
    capsys.readouterr()
    assert main(["--db", db, "sessions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 60
    assert len({s["session_id"] for s in listed}) == 60
    assert [s["started_at"] for s in listed] == sorted(
        (s["started_at"] for s in listed), reverse=True
    )
    assert {s["status"] for s in listed} <= {"ended", "abandoned"}


def test_sessions_filters_by_circle_and_whole_days(db: str, capsys) -> None:
    capsys.readouterr()
    main(["--db", db, "sessions", "--json"])
    everything = json.loads(capsys.readouterr().out)
    circle = everything[0]["circle"]
    day = everything[5]["started_at"][:10]
    assert (
        main(["--db", db, "sessions", "--circle", circle, "--from", day, "--to", day, "--json"])
        == 0
    )
    picked = json.loads(capsys.readouterr().out)
    expected = [s for s in everything if s["circle"] == circle and s["started_at"][:10] == day]
    assert picked == expected
    assert main(["--db", db, "sessions", "--circle", circle]) == 0
    table = capsys.readouterr().out
    assert circle in table and "session" in table.splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sessions", "--from", "yesterday"], "YYYY-MM-DD"),
        (["sessions", "--from", "2026-02-02", "--to", "2026-01-01"], "before --from"),
        (["sessions", "--circle", "<b>Nobody&</b> 🙂"], "no circle called"),
        (["demo", "--sessions", "-5"], "between 1 and"),
    ],
)
def test_bad_input_is_one_readable_line(db: str, capsys, argv, message) -> None:
    capsys.readouterr()
    assert main(["--db", db, *argv]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_demo_twice_keeps_circle_names_unique(db: str, capsys) -> None:
    assert main(["--db", db, "demo", "--sessions", "8", "--seed", "4"]) == 0
    capsys.readouterr()
    main(["--db", db, "sessions", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 68
    assert any(s["circle"].endswith("(2)") for s in listed)
