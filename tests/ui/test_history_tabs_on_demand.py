"""The history page builds its People, Circles and Period views the first time each is
opened (the sessions table comes first, issue #16); each opens with the data of the moment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QWidget

from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.period_view import PeriodView
from tests.ui.history_support import NOW, demo_history, shown_page


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with demo_history(tmp_path / "history.sqlite3", 40, seed=7) as opened:
        yield opened


@pytest.fixture
def page(qtbot, store: Store) -> HistoryPage:
    return shown_page(qtbot, store)


def pickers(widget: QWidget) -> list[str]:
    return sorted(box.accessibleName() for box in widget.findChildren(QComboBox))


def entries(box: QComboBox) -> list[str]:
    return [box.itemText(row) for row in range(box.count())]


def test_only_the_sessions_view_is_built_when_the_history_is_first_shown(page) -> None:
    assert page.model.rowCount() == 40, "the first page is shown"
    assert not page.people_tab.built and not page.circles_tab.built
    assert "Person" not in pickers(page) and "Period circle" not in pickers(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["&Sessions", "&People", "C&ircles", "Pe&riod"]


def test_the_people_tab_opens_with_everyone_in_its_picker(qtbot, page, store) -> None:
    page.tabs.setCurrentIndex(1)
    assert page.people_tab.built
    everyone = [choice.name for choice in page.source.people_choices()]
    assert entries(page.person_picker) == ["Anyone", *everyone]
    assert page.person_picker.currentIndex() == -1, "nobody is chosen yet"
    person = page.source.people_choices()[3]
    page.person_picker.setCurrentIndex(page.person_picker.findData(person.item_id))
    page.person_picker.activated.emit(page.person_picker.currentIndex())
    assert page.person_view is not None
    assert page.person_area.widget() is page.person_view


def test_the_circles_tab_opens_on_the_first_circle(page) -> None:
    page.tabs.setCurrentIndex(2)
    first = page.source.circle_choices()[0]
    assert page.circle_view is not None, "the Circles tab never opens blank"
    assert page.circle_picker.currentData() == first.item_id
    assert len(entries(page.circle_picker)) == 1 + len(page.source.circle_choices())


def test_the_period_tab_is_the_period_view_once_opened(page) -> None:
    page.tabs.setCurrentIndex(3)
    view = page.period_view
    assert isinstance(view, PeriodView)
    assert page.tabs.currentWidget() is view
    assert page.tabs.tabText(3) == "Pe&riod"
    circles = [choice.item_id for choice in page.source.circle_choices()]
    assert [view.circle.itemData(r) for r in range(1, view.circle.count())] == circles


def test_a_view_opened_later_lists_people_added_since_the_history_was_first_shown(
    page, store
) -> None:
    """The pickers are re-read each time the history is shown; a view built afterwards gets
    the fresh list, and one built before keeps the circle it shows."""
    page.tabs.setCurrentIndex(2)  # the Circles view is built (on the first circle)
    shown = page.circle_picker.currentData()
    circle_id = page.source.circle_choices()[0].item_id
    store.people.add("Zoë Newcomer", circle_ids=[circle_id])
    page.hide()
    page.show()  # the history is shown again: circles and people are re-read
    assert page.circle_picker.currentData() == shown
    page.tabs.setCurrentIndex(1)
    assert "Zoë Newcomer" in entries(page.person_picker)
    people = [choice.name for choice in page.source.people_choices()]
    assert entries(page.person_picker) == ["Anyone", *people]


def test_each_painted_cell_gets_its_text_and_alignment(page) -> None:
    """What the item delegate paints a cell with: its text, and figures aligned right."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    from circlekeeper.ui.history.session_table import RIGHT

    delegate = page.table.itemDelegate()
    model = page.model
    seen = []
    for column in range(model.columnCount()):
        index = model.index(0, column)
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        assert option.text == model.data(index, Qt.ItemDataRole.DisplayRole)
        seen.append(int(option.displayAlignment) == RIGHT)
    assert seen == [False, False, False, True, True, True, False], "figures right-aligned"


def test_empty_pickers_say_what_is_true_instead_of_choose(qtbot, tmp_path: Path) -> None:
    """A new database: People and Circles said "Choose a person." / "Choose a circle." over
    pickers with nothing in them. They say there is no one (no circle) yet and how to get
    there; once there is, the usual hint is back."""
    from PySide6.QtWidgets import QLabel

    from circlekeeper.store.records import CircleRecord

    empty = open_store(tmp_path / "new.sqlite3")
    try:
        widget = HistoryPage(HistoryQueries.for_store(empty), threaded=False, now=lambda: NOW)
        qtbot.addWidget(widget)
        widget.show()

        def said(tab) -> str:
            shown = tab.area.widget()
            return shown.text() if isinstance(shown, QLabel) else ""

        widget.tabs.setCurrentWidget(widget.people_tab)
        assert said(widget.people_tab).startswith("No one yet.")
        assert "Edit circle" in said(widget.people_tab)
        assert not widget.person_picker.isEnabled()
        assert not widget.person_sessions.isEnabled()
        widget.tabs.setCurrentWidget(widget.circles_tab)
        assert said(widget.circles_tab).startswith("No circles yet.")
        assert "New circle" in said(widget.circles_tab)
        assert not widget.circle_picker.isEnabled()

        empty.circles.save(CircleRecord(None, "Tuesday"))
        widget.refresh_choices()
        assert said(widget.circles_tab) == "Choose a circle."
        assert widget.circle_picker.isEnabled()
        assert said(widget.people_tab).startswith("No one yet.")
    finally:
        empty.close()
