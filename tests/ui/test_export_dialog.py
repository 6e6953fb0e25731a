"""Exporting from the app: the dialog, a worker-thread render, cancel, and readable failures."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from circlekeeper.reports import ExportItem, Paper, Privacy, ReportContext, default_filename
from circlekeeper.reports.demo import demo_summary
from circlekeeper.ui.export_dialog import (
    ExportDialog,
    export_session_pdf,
    export_sessions,
    run_export,
)
from tests.reports.conftest import pdf_text, words


def _find(widget, kind, name):
    for child in widget.findChildren(kind):
        if child.accessibleName() == name:
            return child
    raise AssertionError(f"no {kind.__name__} called {name!r}")


def test_dialog_offers_privacy_paper_and_file(qtbot, tmp_path) -> None:
    dialog = ExportDialog(None, privacy=Privacy.INITIALS, paper=Paper.LETTER)
    qtbot.addWidget(dialog)
    privacy = _find(dialog, QComboBox, "Printed summaries show")
    paper = _find(dialog, QComboBox, "Paper size")
    path = _find(dialog, QLineEdit, "File")
    export = _find(dialog, QPushButton, "Export")
    assert privacy.currentText() == "Initials" and paper.currentText() == "Letter"
    assert not export.isEnabled()  # nowhere to save yet
    path.setText(str(tmp_path / "circle"))
    privacy.setCurrentIndex(privacy.findText("Full names"))
    assert export.isEnabled()
    choice = dialog.choice()
    assert choice.privacy is Privacy.NAMES and choice.paper is Paper.LETTER
    assert choice.path == tmp_path / "circle.pdf"


def test_session_export_renders_off_the_main_thread(qtbot, tmp_path) -> None:
    summary = demo_summary(people=4, rounds=2, names=("Ana Lima", "Bo", "Cy", "Di"))
    context = ReportContext(privacy=Privacy.NAMES, shareable="Thank you all.")
    run = export_session_pdf(None, summary, context, folder=tmp_path, ask=False)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=20_000) as done:
        pass
    path = done.args[0]
    assert path == tmp_path / default_filename(summary)
    text = words(pdf_text(Path(path).read_bytes()))
    assert "Ana Lima" in text and "Thank you all." in text


def test_jobs_run_on_a_worker_thread(qtbot) -> None:
    seen: list[int] = []
    run = run_export(None, lambda progress, cancel: seen.append(threading.get_ident()), "x")
    with qtbot.waitSignal(run.finished, timeout=10_000):
        pass
    assert seen and seen[0] != threading.get_ident()


def test_cancel_stops_a_batch_and_leaves_no_file(qtbot, tmp_path) -> None:
    items = [
        ExportItem(demo_summary(people=6, rounds=4, seed=n), ReportContext(), f"s{n}.pdf")
        for n in range(40)
    ]
    run = export_sessions(None, items, tmp_path / "all.pdf", combined=True)
    run.dialog.canceled.emit()  # as if Cancel were pressed at once
    with qtbot.waitSignal(run.cancelled, timeout=60_000):
        pass
    assert list(tmp_path.iterdir()) == []


def test_failure_shows_the_readable_message(qtbot, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    items = [ExportItem(demo_summary(people=2, rounds=1), ReportContext(), "a.pdf")]
    from circlekeeper.ui.export_dialog import ExportRun

    run = ExportRun(
        None, lambda p, c: export_sessions_job(items, blocker / "sub"), "x", show_errors=False
    ).start()
    with qtbot.waitSignal(run.failed, timeout=20_000) as failed:
        pass
    assert "could not be written" in failed.args[0]


def export_sessions_job(items, folder):
    from circlekeeper.reports import export_each

    return export_each(items, folder)


def test_main_window_exporter_reads_the_store_and_prints_the_screen_text(qtbot, tmp_path) -> None:
    from datetime import UTC, datetime

    from circlekeeper.commands.report_input import session_report
    from circlekeeper.store import CircleRecord, open_store
    from circlekeeper.ui.export_dialog import session_pdf_exporter
    from tests.reports.stored import MARKER, play

    with open_store(tmp_path / "ck.sqlite3") as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday", privacy="names"))
        sid = play(store, circle, ("Ana Lima", "Bo Chen"), datetime(2026, 3, 4, 17, tzinfo=UTC))
        exporter = session_pdf_exporter(
            lambda sid: session_report(store, sid), ask=False, folder=tmp_path
        )
        run = exporter(None, sid, "Typed on the summary screen, not saved yet.")
        with qtbot.waitSignal(run.finished, timeout=20_000) as done:
            pass
    data = Path(done.args[0]).read_bytes()
    text = words(pdf_text(data))
    assert "Typed on the summary screen, not saved yet." in text
    assert "Ana Lima" in text
    assert MARKER.encode() not in data


def test_a_place_that_cannot_be_written_keeps_the_dialog_and_its_choices(qtbot, tmp_path) -> None:
    """Export into a folder that is a file, or that refuses files (/proc): the reason is said
    over the dialog, which stays open with privacy, paper and place as chosen."""
    warned: list[str] = []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = ExportDialog(
        None,
        privacy=Privacy.NAMES,
        paper=Paper.LETTER,
        path=blocker / "summary.pdf",
        warn=lambda _parent, _title, text: warned.append(text),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert warned and str(blocker) in warned[-1] and "does not exist" in warned[-1]
    choice = dialog.choice()
    assert (choice.privacy, choice.paper) == (Privacy.NAMES, Paper.LETTER)
    assert choice.path == blocker / "summary.pdf"
    assert dialog.path.selectedText() == str(blocker / "summary.pdf")  # ready to retype

    if Path("/proc").is_dir():
        dialog.path.setText("/proc/summary.pdf")
        dialog.accept()
        assert dialog.isVisible() and "could not be written to /proc" in warned[-1]

    (tmp_path / "old.pdf").mkdir()  # a folder where the file was meant to go
    dialog.path.setText(str(tmp_path / "old.pdf"))
    dialog.accept()
    assert dialog.isVisible() and "is a folder" in warned[-1]

    dialog.path.setText(str(tmp_path / "summary.pdf"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(warned) == 3 and sorted(tmp_path.iterdir()) == [blocker, tmp_path / "old.pdf"]


def test_a_failed_export_is_not_the_folder_offered_next(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from circlekeeper.ui.export_memory import ExportMemory

    memory = ExportMemory(QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat))
    good = tmp_path / "reports"
    good.mkdir()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    places = iter([good / "a.pdf", blocker / "b.pdf"])

    def chosen(dialog: ExportDialog) -> int:
        dialog.path.setText(str(next(places)))  # as though checked and accepted, then it fails
        dialog.paper.setCurrentIndex(dialog.paper.findData(Paper.LETTER.value))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", chosen)
    summary = demo_summary(people=3, rounds=1)
    context = ReportContext()
    run = export_session_pdf(None, summary, context, memory=memory)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=20_000):
        pass
    assert memory.folder() == good
    run = export_session_pdf(None, summary, context, memory=memory)
    assert run is not None
    run._show_errors = False
    with qtbot.waitSignal(run.failed, timeout=20_000):
        pass
    assert memory.folder() == good
    assert memory.paper(Paper.A4) is Paper.LETTER  # what was chosen stays, to try again


def test_the_folder_a_pdf_goes_into_is_named_under_the_field(qtbot, tmp_path) -> None:
    """The field scrolls to the file's name at its end, so the folder was out of sight."""
    from PySide6.QtWidgets import QLabel

    folder = tmp_path / "Board reports" / "2026" / "Tuesday evening circle, every session"
    dialog = ExportDialog(None, path=folder / "2026-11-28-Tuesday-Evening-Circle.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    notes = [label for label in dialog.findChildren(QLabel) if label.toolTip()]
    assert [label.toolTip() for label in notes] == [f"In {folder}"]
    shown = notes[0].text()
    assert shown.startswith("In /") and shown.endswith("every session")  # cut in its middle
    assert notes[0].fontMetrics().horizontalAdvance(shown) <= notes[0].width()
    dialog.path.setText(str(tmp_path / "elsewhere" / "summary"))
    assert notes[0].toolTip() == f"In {tmp_path / 'elsewhere'}"
    assert dialog.width() < 1024  # a long folder never widens the dialog past a small screen


def test_a_pdf_open_in_another_program_is_named_and_left_as_it_was(
    qtbot, tmp_path, monkeypatch
) -> None:
    """Windows will not replace a file a PDF reader has open: the message blamed the folder
    ("could not be written to … free some space") where the file itself was taken."""
    import os

    summary = demo_summary(people=3, rounds=1)
    old = tmp_path / default_filename(summary)
    old.write_bytes(b"%PDF- last week's")

    def taken(source, target):  # what os.replace meets on Windows over an open file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", taken)
    run = export_session_pdf(None, summary, ReportContext(), folder=tmp_path, ask=False)
    assert run is not None
    run._show_errors = False
    with qtbot.waitSignal(run.failed, timeout=20_000) as failed:
        pass
    message = failed.args[0]
    assert old.name in message and "open in another program" in message
    assert "free some space" not in message
    assert old.read_bytes() == b"%PDF- last week's"
    assert list(tmp_path.iterdir()) == [old]  # no part-written file left beside it
