"""The Period tab's From and To are typed like the Sessions filter's dates (ui/date_field.py).

They were Qt date-edit fields: digits typed over a date jumped sections ("11/01/2026" gave
"12/1/2026"), and the calendar began in the field's own way. Now the same field, the same
messages and the same keys as the Sessions filter, but a period's days are never "any date".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView

from circlekeeper.store import Store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.date_field import DateField
from circlekeeper.ui.history import HistoryPage
from tests.store.period_history import history_store

NOW = datetime(2026, 4, 15, 12, tzinfo=UTC)


@pytest.fixture
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with history_store(tmp_path_factory.mktemp("period-dates")) as opened:
        yield opened


@pytest.fixture
def page(qtbot, store: Store, english: None) -> HistoryPage:
    widget = HistoryPage(HistoryQueries.for_store(store), threaded=False, now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.tabs.setCurrentWidget(widget.period_view)
    return widget


def type_into(qtbot, field: DateField, text: str, then: Qt.Key = Qt.Key.Key_Return) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, then)


def test_the_period_uses_the_sessions_filters_date_field(page) -> None:
    view = page.period_view
    assert isinstance(view.first, DateField) and isinstance(view.last, DateField)
    assert (view.first.text(), view.last.text()) == ("3/1/2026", "3/31/2026")  # Last month
    assert "Type a date such as 11/30/2026" in view.first.toolTip()
    assert "any date" not in view.first.toolTip() and not view.first.placeholderText()


def test_dates_typed_with_leading_zeros_and_iso_choose_the_period(qtbot, page) -> None:
    view = page.period_view
    type_into(qtbot, view.first, "03/05/2026")
    type_into(qtbot, view.last, "2026-03-05")
    assert (view.first.day(), view.last.day()) == (date(2026, 3, 5), date(2026, 3, 5))
    assert view.preset.currentText() == "Chosen dates"
    assert view.first.text() == "3/5/2026"  # as the language writes it
    view.show_button.click()
    assert view.figures is not None
    assert (view.figures.scope.first_day, view.figures.scope.last_day) == (
        date(2026, 3, 5),
        date(2026, 3, 5),
    )


def test_what_is_not_a_date_is_said_as_in_the_filter_and_nothing_changes(qtbot, page) -> None:
    view = page.period_view
    type_into(qtbot, view.first, "13/45/2026")
    assert view.first.day() == date(2026, 3, 1)
    assert view.preset.currentText() == "Last month"
    assert view.first.unread_notice == (
        "“13/45/2026” is not a date, so nothing changed. Type one such as 11/30/2026."
    )


def test_an_emptied_day_is_refused_and_shows_its_date_again(qtbot, page) -> None:
    view = page.period_view
    type_into(qtbot, view.last, "")
    assert view.last.day() == date(2026, 3, 31)
    assert view.last.text() == "3/31/2026"
    assert "A period needs a date here, so nothing changed" in view.last.unread_notice


def test_a_day_typed_then_shown_by_its_alt_key_counts(qtbot, page) -> None:
    view = page.period_view
    view.first.setFocus()
    view.first.selectAll()
    qtbot.keyClicks(view.first, "3/20/2026")  # no Return: Show figures straight away
    view.show_figures()
    assert view.figures is not None and view.figures.scope.first_day == date(2026, 3, 20)


def test_alt_down_opens_a_calendar_at_the_day_shown(qtbot, page) -> None:
    view = page.period_view
    field = view.last
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field._calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.selectedDate().toPython() == date(2026, 3, 31)
    days = calendar.findChild(QTableView)
    qtbot.keyClick(days, Qt.Key.Key_Up)  # a week earlier
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert field.day() == date(2026, 3, 31) - timedelta(days=7)
    assert view.preset.currentText() == "Chosen dates"
