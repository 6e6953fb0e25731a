"""History ▸ Sessions on a 1024×600 screen shows as many sessions as it can.

The filters' three rows, the count line, the status line and the detail's hint below the table
left the table three sessions in sight. The filters now fold into one line on a short window
(their button counts those in use), the count and the status share a line, and below the
table the detail is there only while a session is open; *Close* or Esc gives the height back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.ui.history.page import HistoryPage
from tests.ui.small_screen import LAPTOP_WINDOW, SMALL_WINDOW

FEWEST_IN_SIGHT = 8


def _history_at(qtbot, real_app, size: tuple[int, int]) -> HistoryPage:
    from circlekeeper.demo.seeding import seed_demo

    parts = real_app()
    window = parts.window
    window.resize(*size)
    seed_demo(parts.data.store.engine, 40, seed=2)
    window.refresh_circles()
    (history,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(history)
    qtbot.waitUntil(lambda: history.model.rowCount() > 0, timeout=10_000)
    QApplication.processEvents()
    return history


def sessions_in_sight(history: HistoryPage) -> int:
    table, model = history.table, history.table.model()
    room = table.viewport().rect()
    return sum(
        room.contains(table.visualRect(model.index(row, 0))) for row in range(model.rowCount())
    )


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_a_small_screen_shows_eight_sessions_and_the_detail_closes_again(
    qtbot, real_app, english_afterwards, language: str
) -> None:
    use_language(language)
    history = _history_at(qtbot, real_app, SMALL_WINDOW)
    assert not history.filter_bar.unfolded(), "the filters fold into one line"
    assert history.filter_bar.text.isVisible(), "the search stays in sight"
    assert not history.detail_stack.isVisible(), "no hint below the table"
    assert sessions_in_sight(history) >= FEWEST_IN_SIGHT  # it was 3

    history.table.setCurrentIndex(history.model.index(1, 0))
    qtbot.waitUntil(lambda: history.detail_view is not None, timeout=10_000)
    QApplication.processEvents()
    view = history.detail_view
    assert view is not None and view.isVisible() and view.close_button.isVisible()
    assert view.height() >= 150 and sessions_in_sight(history) >= 3

    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not history.detail_stack.isVisible()
    assert not history.table.selectionModel().hasSelection()
    assert sessions_in_sight(history) >= FEWEST_IN_SIGHT

    history.table.setCurrentIndex(history.model.index(2, 0))
    qtbot.waitUntil(lambda: history.detail_stack.isVisible(), timeout=10_000)
    history.window().activateWindow()
    history.table.setFocus()
    qtbot.waitUntil(history.table.hasFocus)
    qtbot.keyClick(history.table, Qt.Key.Key_Escape)
    assert not history.detail_stack.isVisible(), "Esc in the table closes it too"


def test_a_laptop_screen_keeps_the_filters_unfolded(qtbot, real_app) -> None:
    history = _history_at(qtbot, real_app, LAPTOP_WINDOW)
    assert history.filter_bar.unfolded()
    assert history.filter_bar.circle.isVisible() and history.filter_bar.status.isVisible()


def test_folded_filters_are_counted_and_unfold_by_hand(qtbot, real_app) -> None:
    history = _history_at(qtbot, real_app, SMALL_WINDOW)
    bar = history.filter_bar
    assert bar.fold_button.text() == "&Filters ▾"
    history.people_tab.build()
    person = history.person_picker.itemData(1)
    bar.select_person(person)  # "Show their sessions" from the People tab
    bar.status.setCurrentIndex(1)
    assert bar.fold_button.text() == "&Filters (2) ▾", "a folded filter is not a hidden one"
    qtbot.mouseClick(bar.fold_button, Qt.MouseButton.LeftButton)
    assert bar.unfolded() and bar.circle.isVisible()
    assert bar.fold_button.text() == "&Filters (2) ▴"
    history.window().resize(*SMALL_WINDOW[:1], SMALL_WINDOW[1] - 1)
    QApplication.processEvents()
    assert bar.unfolded(), "unfolded by hand, it stays so"
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert bar.fold_button.text() == "&Filters ▴"


def test_return_in_an_arabic_search_box_shows_the_first_session(
    qtbot, real_app, english_afterwards
) -> None:
    """Right to left, Qt's ``selectRow`` chose nothing: Return stayed without an answer."""
    use_language("ar")
    history = _history_at(qtbot, real_app, LAPTOP_WINDOW)
    history.filter_bar.text.setFocus()
    qtbot.keyClick(history.filter_bar.text, Qt.Key.Key_Return)
    assert history.table.selectionModel().selectedRows()[0].row() == 0
    qtbot.waitUntil(lambda: history.detail_view is not None, timeout=10_000)
