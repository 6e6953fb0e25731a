"""``circlekeeper export`` and ``circlekeeper report`` against a real database file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from circlekeeper.cli import main
from circlekeeper.store import CircleRecord, open_store
from tests.reports.conftest import pdf_text, words
from tests.reports.stored import MARKER, play


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "ck.sqlite3"
    with open_store(path) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        base = datetime(2026, 3, 2, 17, tzinfo=UTC)
        first = play(store, circle, ("Ana Lima", "Bo Chen"), base)
        for week in (1, 2):
            play(store, circle, (f"Cy {week}", f"Di {week}"), base + timedelta(days=7 * week))
    return path, first


def test_export_one_session_with_names_on_letter(db, tmp_path, capsys) -> None:
    path, sid = db
    out = tmp_path / "one.pdf"
    code = main(
        [
            "--db",
            str(path),
            "export",
            str(sid),
            "-o",
            str(out),
            "--privacy",
            "names",
            "--paper",
            "letter",
        ]
    )
    assert code == 0
    data = out.read_bytes()
    assert "Ana Lima" in words(pdf_text(data))
    assert MARKER.encode() not in data
    assert "Wrote" in capsys.readouterr().out


def test_export_defaults_to_counts_only(db, tmp_path) -> None:
    path, sid = db
    out = tmp_path / "one.pdf"
    assert main(["--db", str(path), "export", str(sid), "-o", str(out)]) == 0
    text = words(pdf_text(out.read_bytes()))
    assert "Ana" not in text and "Person 1" in text


def test_range_export_one_file_each_with_a_progress_bar(db, tmp_path, capsys) -> None:
    path, _ = db
    folder = tmp_path / "pdfs"
    code = main(
        [
            "--db",
            str(path),
            "export",
            "--circle",
            "Tuesday",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "-o",
            str(folder),
        ]
    )
    assert code == 0
    assert len(list(folder.glob("*.pdf"))) == 3
    err = capsys.readouterr().err
    assert "Exporting [" in err and "3/3" in err


def test_range_export_combined(db, tmp_path) -> None:
    path, _ = db
    code = main(
        [
            "--db",
            str(path),
            "export",
            "--circle",
            "Tuesday",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-10",
            "-o",
            str(tmp_path),
            "--combined",
        ]
    )
    assert code == 0
    (combined,) = tmp_path.glob("Tuesday-2026-03-01-to-2026-03-10.pdf")
    assert words(pdf_text(combined.read_bytes())).count("Circle summary") == 2


def test_period_report_command(db, tmp_path) -> None:
    path, _ = db
    out = tmp_path / "period.pdf"
    code = main(
        ["--db", str(path), "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out)]
    )
    assert code == 0
    text = words(pdf_text(out.read_bytes()))
    assert "Sessions held 3 0 new" in text and "People reached 6 0 new" in text
    assert "Ana Lima" not in text


def test_period_report_lists_every_session_when_asked(db, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("circlekeeper.reports.period.APPENDIX_SESSIONS", 1)
    path, _ = db
    argv = ["--db", str(path), "report", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main([*argv, "-o", str(tmp_path / "short.pdf")]) == 0
    short = words(pdf_text((tmp_path / "short.pdf").read_bytes()))
    assert "The period held 3 sessions; the 1 most recent" in short
    assert main([*argv, "-o", str(tmp_path / "all.pdf"), "--all-sessions"]) == 0
    every = words(pdf_text((tmp_path / "all.pdf").read_bytes()))
    assert "Appendix: every session" in every and "most recent" not in every


def test_period_report_as_csv(db, tmp_path, capsys) -> None:
    path, _ = db
    out = tmp_path / "period.csv"
    argv = ["--db", str(path), "report", "--from", "2026-03-01", "--to", "2026-03-31"]
    code = main([*argv, "-o", str(out), "--csv", "--privacy", "names"])
    assert code == 0
    captured = capsys.readouterr()
    assert f"Wrote {out} (3 sessions, 6 people)" in captured.out
    assert captured.err == ""  # not a terminal: no progress bar in a log
    rows = [line.split(",") for line in out.read_text().splitlines()]
    assert rows[0][:6] == [
        "period_start", "period_end", "previous_start", "previous_end", "circle", "figure"
    ]  # fmt: skip
    found = {(r[4], r[5]): r[6:] for r in rows[1:]}
    assert found[("All circles", "people reached")] == ["6", "0", ""]
    assert found[("Tuesday", "sessions held")] == ["3", "0", ""]
    assert found[("Tuesday", "sessions facilitated by Robin")][0] == "3"
    assert rows[1][:4] == ["2026-03-01", "2026-03-31", "2026-01-29", "2026-02-28"]


def test_period_report_refuses_a_folder_and_backwards_dates(db, tmp_path, capsys) -> None:
    path, _ = db
    argv = ["--db", str(path), "report", "--from", "2026-03-31", "--to", "2026-03-01"]
    assert main([*argv, "-o", str(tmp_path / "x.pdf")]) != 0
    assert "before it starts on 2026-03-31" in capsys.readouterr().err
    argv = ["--db", str(path), "report", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main([*argv, "-o", str(tmp_path)]) != 0
    assert "is a folder; give a file name ending in .pdf" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "--from", "2026-13-01", "--to", "2026-03-31", "-o", "x"], "not a date"),
        (
            ["export", "--circle", "Nope", "--from", "2026-03-01", "--to", "2026-03-31", "-o", "x"],
            "no circle called 'Nope'",
        ),
        (["export", "1", "--from", "2026-03-01", "-o", "x.pdf"], "not both"),
        (["export", "999", "-o", "x.pdf"], ""),
    ],
)
def test_bad_input_is_one_readable_line(db, tmp_path, capsys, argv, message) -> None:
    path, _ = db
    code = main(["--db", str(path), *argv])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("circlekeeper: ") and message in err
    assert "Traceback" not in err


def test_a_one_session_export_leaves_what_it_imported_to_the_end_of_the_process(
    db, tmp_path
) -> None:
    """The modules, classes and functions of the PDF machinery live as long as the process:
    frozen (``gc.freeze``), the collector no longer looks through them while the PDF is laid
    out and at exit; it still runs for what the export makes."""
    import gc

    gc.unfreeze()
    path, sid = db
    assert main(["--db", str(path), "export", str(sid), "-o", str(tmp_path / "a.pdf")]) == 0
    assert gc.get_freeze_count() > 10_000
    assert gc.isenabled()
    gc.unfreeze()
    gc.disable()
    try:
        assert main(["--db", str(path), "export", str(sid), "-o", str(tmp_path / "b.pdf")]) == 0
        assert not gc.isenabled()  # a collector someone switched off stays off
    finally:
        gc.enable()
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
