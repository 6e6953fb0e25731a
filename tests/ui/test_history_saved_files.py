"""A PDF or CSV saved from the history says where it went, as the circle's summary screen does.

Found walking the history as a facilitator: *Export PDF again…* on a past session and *Save
PDF…* / *Save CSV…* on the Period tab wrote their files and said nothing (the status line still
read "Ready"), so nobody knew whether or where the file had been saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.store import Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.period_export import store_period_saver
from circlekeeper.ui.history.saved_files import SAVED_SHOWN_MS
from tests.store.period_history import history_store

NOW = datetime(2026, 4, 15, 12, tzinfo=UTC)


class FakeExport(QObject):
    """Stands in for an :class:`ExportRun`: finishes when the test says so."""

    finished = Signal(object)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with history_store(tmp_path_factory.mktemp("saved-files")) as opened:
        yield opened


@pytest.fixture
def told() -> list[tuple[Path, str]]:
    return []


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path, told: list[tuple[Path, str]]) -> HistoryPage:
    saver = store_period_saver(
        lambda *args, **kw: period_report(store, *args, **kw),
        lambda: base_context(store),
        lambda circle_id: store.circles.get(circle_id).name,
        ask_path=lambda _parent, _kind, suggested: tmp_path / suggested.name,
    )
    widget = HistoryPage(
        HistoryQueries.for_store(store),
        threaded=False,
        now=lambda: NOW,
        period_saver=saver,
        pdf_hook=lambda parent, session_id: pdf_runs.append(FakeExport()) or pdf_runs[-1],
        saved=lambda parent, path, kind: told.append((path, kind)),
    )
    pdf_runs.clear()
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget


pdf_runs: list[FakeExport] = []


def named_button(widget: QWidget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def test_a_past_sessions_pdf_says_where_it_was_saved(
    qtbot, page: HistoryPage, told: list[tuple[Path, str]], tmp_path: Path
) -> None:
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail_view is not None)
    assert page.detail_view is not None
    named_button(page.detail_view, "Export the PDF of this session again").click()
    assert told == []  # nothing is said before the file exists
    pdf_runs[-1].finished.emit(tmp_path / "2026-03-31-Tuesday.pdf")
    assert told == [(tmp_path / "2026-03-31-Tuesday.pdf", "summary")]
    assert page.status.text() == f"Saved: {tmp_path / '2026-03-31-Tuesday.pdf'}"


def test_the_period_report_and_figures_say_where_they_were_saved(
    qtbot, page: HistoryPage, told: list[tuple[Path, str]], tmp_path: Path
) -> None:
    page.tabs.setCurrentWidget(page.period_view)
    view = page.period_view
    named_button(view, "Save the period figures as CSV").click()
    csv = tmp_path / "period-report-2026-03-01-to-2026-03-31.csv"
    qtbot.waitUntil(lambda: len(told) == 1, timeout=30_000)
    assert told == [(csv, "figures")] and csv.is_file()
    named_button(view, "Save the period report as PDF").click()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30_000)
    assert told[1] == (csv.with_suffix(".pdf"), "report")
    assert page.status.text() == f"Saved: {csv.with_suffix('.pdf')}"


def _export_first_session_again(qtbot, page: HistoryPage, saved: Path) -> None:
    """Choose the newest session and export its PDF again, the export finishing at ``saved``."""
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail_view is not None)
    assert page.detail_view is not None
    named_button(page.detail_view, "Export the PDF of this session again").click()
    pdf_runs[-1].finished.emit(saved)


def test_saved_passes_when_the_person_moves_on_or_after_a_while(
    qtbot, page: HistoryPage, tmp_path: Path
) -> None:
    _export_first_session_again(qtbot, page, tmp_path / "first.pdf")
    assert page.status.text() == f"Saved: {tmp_path / 'first.pdf'}"
    page.tabs.setCurrentWidget(page.period_tab)  # moving on clears it
    assert page.status.text() == ""
    page.tabs.setCurrentIndex(0)
    named_button(page.detail_view, "Export the PDF of this session again").click()
    pdf_runs[-1].finished.emit(tmp_path / "second.pdf")
    assert page.passing.timer.isActive()
    assert page.passing.timer.interval() == SAVED_SHOWN_MS  # as long as "Summary saved: …"
    page.passing.timer.timeout.emit()  # its time is up
    assert page.status.text() == ""


def test_a_later_message_is_not_cleared_by_the_saved_ones_timer(
    qtbot, page: HistoryPage, tmp_path: Path
) -> None:
    _export_first_session_again(qtbot, page, tmp_path / "first.pdf")
    page.status.setText("The session was deleted.")
    page.passing.timer.timeout.emit()
    assert page.status.text() == "The session was deleted."


def test_a_period_report_to_a_place_that_cannot_be_written_asks_again_first(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """The report was counted and laid out before the place was found unwritable, and then it
    was gone: now the reason is said at once, the file dialog asked again where the person was,
    and the folder that worked is the one the next export opens in."""
    from PySide6.QtCore import QSettings

    from circlekeeper.session.period_figures import PeriodScope
    from circlekeeper.ui.export_memory import ExportMemory

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    good = tmp_path / "reports"
    good.mkdir()
    offered: list[Path] = []
    answers = iter([blocker / "report.pdf", good / "report.pdf"])
    warned: list[str] = []
    memory = ExportMemory(QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat))

    def ask(_parent: QWidget, _kind: str, suggested: Path) -> Path:
        offered.append(suggested)
        return next(answers)

    saver = store_period_saver(
        lambda *args, **kw: period_report(store, *args, **kw),
        lambda: base_context(store),
        lambda circle_id: store.circles.get(circle_id).name,
        ask_path=ask,
        memory=memory,
        warn=lambda _parent, _title, text: warned.append(text),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    scope = PeriodScope(datetime(2026, 3, 1).date(), datetime(2026, 3, 31).date(), None)
    run = saver(parent, scope, "pdf", False)
    assert len(warned) == 1 and str(blocker) in warned[0]
    assert offered[1] == blocker / "report.pdf"  # asked again where the person was
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=30_000) as done:
        pass
    assert done.args[0] == good / "report.pdf" and (good / "report.pdf").is_file()
    assert memory.folder() == good
