"""The history's From and To dates, typed at the keyboard like a person would.

Qt's date field ignored digits typed over its "any date" and turned ``11/01/2026`` typed over a
date into ``12/1/2026``: a facilitator without a mouse could not filter by date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.history.records import SessionFilter
from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.date_field import field_order, read_date
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.filter_bar import day_start_utc

NOW = datetime(2026, 11, 25, tzinfo=UTC)
TODAY = date(2026, 12, 2)


@pytest.fixture
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "history.sqlite3")
    seed_demo(opened.engine, 60, seed=3, end=NOW - timedelta(days=2))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def page(qtbot, store: Store, english: None) -> HistoryPage:
    widget = HistoryPage(HistoryQueries.for_store(store), threaded=False, page_size=40)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def between(page: HistoryPage, first: date, last: date) -> int:
    return page.source.count(
        SessionFilter(since=day_start_utc(first), until=day_start_utc(last + timedelta(days=1)))
    )


def test_a_range_typed_over_any_date_filters_the_sessions(qtbot, page) -> None:
    bar = page.filter_bar
    everyone = page.model.total
    type_into(qtbot, bar.since, "11/1/2026")
    type_into(qtbot, bar.until, "11/15/2026")
    expected = between(page, date(2026, 11, 1), date(2026, 11, 15))
    assert 0 < expected < everyone
    assert page.model.total == expected
    assert bar.since.text() == "11/1/2026"  # as the language writes it, not what was typed
    first = page.model.listing(page.model.rowCount() - 1).started_at.astimezone().date()
    assert first >= date(2026, 11, 1)


def test_leading_zeros_an_iso_date_and_an_emptied_field(qtbot, page) -> None:
    bar = page.filter_bar
    everyone = page.model.total
    type_into(qtbot, bar.since, "11/01/2026")
    assert bar.since.day() == date(2026, 11, 1)
    type_into(qtbot, bar.since, "2026-10-05")
    assert bar.since.day() == date(2026, 10, 5)
    assert page.model.total == page.source.count(
        SessionFilter(since=day_start_utc(date(2026, 10, 5)))
    )
    type_into(qtbot, bar.since, "")  # emptied: any date again
    assert bar.since.day() is None
    assert page.model.total == everyone


def test_what_is_not_a_date_is_said_and_the_filter_stays(qtbot, page) -> None:
    bar = page.filter_bar
    type_into(qtbot, bar.since, "11/1/2026")
    shown = page.model.total
    type_into(qtbot, bar.since, "13/45/2026")
    assert bar.since.day() == date(2026, 11, 1)
    assert page.model.total == shown
    assert "13/45/2026" in bar.since.unread_notice
    assert "nothing changed" in bar.since.unread_notice
    assert bar.since.text() == "13/45/2026"  # kept to be corrected, not thrown away


def test_alt_down_opens_a_calendar_at_today_and_return_takes_the_day(qtbot, page) -> None:
    field = page.filter_bar.until
    field._today = lambda: TODAY
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field._calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.selectedDate().toPython() == TODAY  # not January 2000
    days = calendar.findChild(QTableView)  # where the calendar's keys go
    qtbot.keyClick(days, Qt.Key.Key_Up)  # a week earlier
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert field.day() == TODAY - timedelta(days=7)
    assert page.model.total == page.source.count(
        SessionFilter(until=day_start_utc(TODAY - timedelta(days=6)))
    )


@pytest.mark.parametrize(
    ("pattern", "typed", "day"),
    [
        ("M/d/yyyy", "11/30/2026", date(2026, 11, 30)),
        ("M/d/yyyy", "11/30/26", date(2026, 11, 30)),
        ("M/d/yyyy", "11/30", date(TODAY.year, 11, 30)),
        ("dd.MM.yyyy", "30.11.2026", date(2026, 11, 30)),
        ("dd/MM/yyyy", "2026-11-30", date(2026, 11, 30)),
        ("d\u200f/M\u200f/yyyy", "30\u200f/11\u200f/2026", date(2026, 11, 30)),
        ("d/M/yyyy", "٣٠/١١/٢٠٢٦", date(2026, 11, 30)),
        ("d/M/yyyy", "31/11/2026", None),
        ("d/M/yyyy", "yesterday", None),
    ],
)
def test_dates_as_each_language_writes_them(pattern: str, typed: str, day: date | None) -> None:
    assert read_date(typed, field_order(pattern), TODAY) == day
