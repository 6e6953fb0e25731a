"""A circle's schedule in the window: chosen in the circle editor (mouse or keyboard), shown on
the circle's page and in its history, and set beside the sessions held in the Period tab, the
same figures as the PDF and the CSV (:mod:`tests.reports.test_period_plans_pdf`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QPushButton

from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.circle_page import CirclePage
from tests.store.period_history import build_history

SECOND_TUESDAY = Cadence(CadenceKind.MONTHLY, date(2026, 1, 13))


def editor(qtbot, detail: CircleDetail | None = None) -> CircleEditor:
    dialog = CircleEditor(detail, ask=lambda title, question: True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen windows are not activated by themselves; keys need it
    return dialog


def save(dialog: CircleEditor) -> CircleDetail:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save").click()
    assert dialog.result_detail is not None
    return dialog.result_detail


def test_a_new_circle_has_no_fixed_schedule_until_one_is_chosen(qtbot) -> None:
    dialog = editor(qtbot)
    choice = dialog.cadence
    assert choice.kind.currentText() == "No fixed schedule"
    assert not choice.has_start.isEnabled() and not choice.start.isEnabled()
    assert "no plan to compare them with" in choice.words.text()
    dialog.name.setText("Carers")
    assert save(dialog).cadence == Cadence()


def test_once_a_month_from_a_first_meeting_is_said_back_in_words(qtbot) -> None:
    dialog = editor(qtbot)
    choice = dialog.cadence
    choice.kind.setCurrentIndex(choice.kind.findText("Once a month"))
    assert choice.has_start.isEnabled() and not choice.start.isEnabled()
    assert choice.words.text() == "Once a month, on the weekday of the circle's first session"
    choice.has_start.setChecked(True)
    choice.start.setDate(QDate(2026, 1, 13))
    assert choice.words.text() == "On the second Tuesday of each month, from January 13, 2026"
    dialog.name.setText("Second Tuesdays")
    assert save(dialog).cadence == SECOND_TUESDAY


def test_the_schedule_is_chosen_from_the_keyboard(qtbot) -> None:
    dialog = editor(qtbot)
    box = next(w for w in dialog.findChildren(QGroupBox) if w.title() == "&Meets")
    # Alt+M focuses the box's first control (offscreen Qt delivers no mnemonics; checked on
    # a real display with xdotool)
    assert box.isAncestorOf(dialog.cadence.kind)
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.cadence.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)
    assert QApplication.focusWidget() is dialog.cadence.kind
    qtbot.keyClick(dialog.cadence.kind, Qt.Key.Key_Down)
    assert dialog.cadence.kind.currentText() == "Every week"
    qtbot.keyClick(dialog.cadence.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.cadence.has_start
    qtbot.keyClick(dialog.cadence.has_start, Qt.Key.Key_Space)
    assert dialog.cadence.start.isEnabled()
    dialog.name.setText("Weekly")
    assert save(dialog).cadence.kind is CadenceKind.WEEKLY


def test_an_unchanged_schedule_is_no_change_to_ask_about(qtbot) -> None:
    asked: list[str] = []
    detail = CircleDetail(3, "Second Tuesdays", cadence=SECOND_TUESDAY)
    dialog = CircleEditor(detail, ask=lambda title, question: asked.append(title) or True)
    qtbot.addWidget(dialog)
    assert dialog.cadence.kind.currentText() == "Once a month"
    assert dialog.cadence.has_start.isChecked()
    assert dialog.cadence.start.date() == QDate(2026, 1, 13)
    dialog.reject()
    assert asked == []


def test_the_circle_page_says_how_often_it_meets(qtbot) -> None:
    page = CirclePage()
    qtbot.addWidget(page)
    page.show_circle(CircleDetail(3, "Second Tuesdays", cadence=SECOND_TUESDAY))
    assert page.meets.text() == "On the second Tuesday of each month, from January 13, 2026"
    page.show_circle(CircleDetail(4, "Whenever"))
    assert page.meets.text() == "No fixed schedule"


# ------------------------------------------------------------------------ the history area


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(tmp_path_factory.mktemp("cadence-ui") / "ck.sqlite3")
    built = build_history(opened)
    weekly = replace(opened.circles.get(built.tuesday), cadence=Cadence(CadenceKind.WEEKLY))
    opened.circles.save(weekly)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def page(qtbot, store: Store, tmp_path: Path) -> HistoryPage:
    widget = HistoryPage(
        HistoryQueries.for_store(store),
        threaded=False,
        now=lambda: datetime(2026, 4, 15, 12, tzinfo=UTC),
    )
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget


def test_the_period_tab_sets_sessions_held_beside_those_planned(page: HistoryPage) -> None:
    view = page.period_view
    page.tabs.setCurrentWidget(view)
    view.show_button.click()  # last month: March 2026
    table = view.circles
    cells = {table.item(r, 0).text(): table.item(r, 2) for r in range(table.rowCount())}
    assert cells["Tuesday"].text() == "3 of 5"
    assert cells["Tuesday"].toolTip() == "Every week on Tuesday: 3 of 5 planned sessions held."
    assert cells["Thursday"].text() == "—"
    assert cells["Thursday"].toolTip() == "No fixed schedule: 1 session held."


def test_a_circles_history_names_its_schedule(page: HistoryPage, store: Store) -> None:
    tuesday = next(c for c in store.circles.list() if c.name == "Tuesday")
    page.tabs.setCurrentIndex(2)
    page.show_circle(tuesday.circle_id or 0)
    view = page.circle_view
    assert view is not None
    assert view.schedule_label.text() == "Schedule: Every week on Tuesday"
