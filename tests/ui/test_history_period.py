"""The history's *Period* tab over the hand-built history of :mod:`tests.store.period_history`:
the same figures as the PDF, a chosen period, progress, and saving the CSV and the PDF."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableWidget

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.store import Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.export_memory import ExportMemory
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.period_export import store_period_saver
from circlekeeper.ui.history.period_view import preset_days
from tests.reports.conftest import pdf_text, words
from tests.store.period_history import history_store

NOW = datetime(2026, 4, 15, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with history_store(tmp_path_factory.mktemp("period-ui")) as opened:
        yield opened


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path) -> HistoryPage:
    saver = store_period_saver(
        lambda *args, **kw: period_report(store, *args, **kw),
        lambda: base_context(store),
        lambda circle_id: store.circles.get(circle_id).name,
        ask_path=lambda _parent, _kind, suggested: suggested,
        memory=ExportMemory(QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)),
    )
    widget = HistoryPage(
        HistoryQueries.for_store(store),
        threaded=False,
        now=lambda: NOW,
        period_saver=lambda *a: saved.append(saver(*a)),
    )
    saved.clear()
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.tabs.setCurrentWidget(widget.period_view)
    return widget


saved: list[object] = []


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_last_month_is_chosen_and_shows_the_reports_figures(page: HistoryPage) -> None:
    view = page.period_view
    assert view.preset.currentText() == "Last month"  # today is 15 April 2026
    assert (view.first.day(), view.last.day()) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    view.show_button.click()
    glance = rows(view.glance)
    assert glance[0] == ["People reached", "7", "2", "+250%"]
    assert glance[2] == [
        "Came back after a first visit",
        "86% (6 of 7)",
        "0% (0 of 2)",
        "+86\u00a0pts",
    ]
    assert ["Sessions held", "4", "1", "+300%"] in glance
    circles = rows(view.circles)
    assert [r[0] for r in circles] == ["Thursday", "Tuesday"]
    assert circles[1][:8] == ["Tuesday", "3", "—", "5", "3", "80%", "3.3", "rising"]
    assert "time was shared very evenly" in view.words.text()
    assert not view.progress.isVisible() and view.show_button.isEnabled()
    heading = view.heading.text().replace("\u2009", " ")  # CLDR spaces a range thinly
    assert "All circles, Mar 1 – 31, 2026 — compared with Jan 29 – Feb 28, 2026" in heading


def test_one_circle_and_chosen_dates(page: HistoryPage) -> None:
    view = page.period_view
    view.circle.setCurrentIndex(view.circle.findText("Thursday"))
    view.set_days(date(2026, 3, 5), date(2026, 3, 5))
    assert view.preset.currentText() == "Chosen dates"
    view.show_button.click()
    assert rows(view.glance)[0] == ["People reached", "3", "0", "new"]
    assert [r[0] for r in rows(view.circles)] == ["Thursday"]


def test_backwards_dates_are_explained_not_counted(page: HistoryPage) -> None:
    view = page.period_view
    view.set_days(date(2026, 3, 31), date(2026, 3, 1))
    view.show_button.click()
    assert "before it starts" in view.heading.text()
    assert view.figures is None


def test_saving_the_csv_and_the_pdf_for_the_chosen_period(
    qtbot, page: HistoryPage, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("circlekeeper.ui.export_memory.documents_folder", lambda: tmp_path)
    view = page.period_view
    view.csv_button.click()
    run = saved[-1]
    with qtbot.waitSignal(run.finished, timeout=30_000) as done:  # type: ignore[attr-defined]
        pass
    csv = Path(done.args[0]).read_text()
    assert "All circles,people reached,7,2," in csv
    view.grid_box.setChecked(True)
    view.pdf_button.click()
    run = saved[-1]
    with qtbot.waitSignal(run.finished, timeout=30_000) as done:  # type: ignore[attr-defined]
        pass
    text = words(pdf_text(Path(done.args[0]).read_bytes()))
    assert "People reached 7 2 +250%" in text
    assert "AL ● E ●" in text  # Tuesday's grid, at its own level (initials)
    assert done.args[0] == tmp_path / "period-report-2026-03-01-to-2026-03-31.pdf"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("This month", (date(2026, 4, 1), date(2026, 4, 15))),
        ("Last month", (date(2026, 3, 1), date(2026, 3, 31))),
        ("Last 3 months", (date(2026, 1, 1), date(2026, 3, 31))),
        ("Last 12 months", (date(2025, 4, 1), date(2026, 3, 31))),
        ("This year", (date(2026, 1, 1), date(2026, 4, 15))),
        ("Last year", (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_named_periods(name: str, expected: tuple[date, date]) -> None:
    assert preset_days(name, date(2026, 4, 15)) == expected


@pytest.mark.parametrize("language", ["de", "ar"])
def test_on_a_small_laptop_nothing_is_laid_over_anything(
    page: HistoryPage, language: str, english_afterwards
) -> None:
    """At 1024×600 the window leaves the tab about 400 px: the figures at a glance used to
    keep all their rows and the sentence about the period was drawn over the last ones."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.qt_language import apply_language

    use_language(language)
    apply_language(english_afterwards, language)
    view = page.period_view
    view.show_figures()
    page.resize(740, 420)
    QApplication.processEvents()
    parts = [view.heading, view.glance, view.words, view.circles, view.pdf_button]
    for upper, lower in itertools.pairwise(parts):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper, lower)
    assert view.words.height() >= view.words.heightForWidth(view.words.width())
    assert view.glance.height() < view.glance.maximumHeight()  # it scrolls instead
    page.resize(1300, 850)
    QApplication.processEvents()
    assert view.glance.height() == view.glance.maximumHeight()  # all rows where there is room


def test_a_period_without_sessions_says_only_that(page: HistoryPage) -> None:
    """It also said "Nobody spoke in the sessions of this period", which read as though
    sessions had been held in silence."""
    view = page.period_view
    view.set_days(date(2020, 1, 1), date(2020, 1, 31))
    view.show_button.click()
    assert view.words.text() == "No sessions were held in this period."


def test_each_circles_average_length_reads_the_same_on_screen_and_in_the_pdf(
    page: HistoryPage, store: Store
) -> None:
    """The Period tab said "41 min" where the report printed "41:15" for the same circle."""
    from circlekeeper.reports import render_period
    from tests.reports.conftest import pdf_text, words

    view = page.period_view
    view.show_button.click()
    heads = [
        view.circles.horizontalHeaderItem(c).text().replace("\n", " ")
        for c in range(view.circles.columnCount())
    ]
    column = heads.index("Avg. length")
    shown = {row[0]: " ".join(row[column].split()) for row in rows(view.circles)}
    report = period_report(store, date(2026, 3, 1), date(2026, 3, 31))
    printed = words(pdf_text(render_period(report, base_context(store))))
    for circle, length in shown.items():
        section = printed[printed.index(f"{circle} This period") :]
        line = section[section.index("Average length") :][:60]
        assert line.startswith(f"Average length {length} "), (circle, line)
