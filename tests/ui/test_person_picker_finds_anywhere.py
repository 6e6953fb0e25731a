"""History ▸ People: the person picker finds a name by any part of it. A facilitator types
"Chen" to find "Li Chen": Qt's completion matched only names starting with what was typed, and
Down then chose "Anyone" instead of moving into the names found."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from circlekeeper.history.records import Choice
from circlekeeper.ui.history.choices import choice_model
from circlekeeper.ui.history.filter_bar import FilterBar
from circlekeeper.ui.history.picker_tab import PickerTab

PEOPLE = [
    Choice(1, "Ana Lima"),
    Choice(2, "Li Chen"),
    Choice(3, "Éloïse Chénier"),
    Choice(4, "فاطِمة الزهراء"),  # with a kasra under the ṭāʾ
    Choice(5, "Noa Levi"),
]


@pytest.fixture
def tab(qtbot) -> PickerTab:
    people = PickerTab("Person", "Choose someone", searchable=True)
    qtbot.addWidget(people)
    people.set_model(choice_model("Anyone", PEOPLE))
    people.show()
    qtbot.waitExposed(people)
    return people


def _listed(picker) -> list[str]:
    popup = picker.completer().popup()
    if popup is None or not popup.isVisible():
        return []
    model = popup.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_part_of_a_name_lists_everyone_it_is_in(qtbot, tab: PickerTab) -> None:
    picker = tab.picker
    picker.setFocus()
    QTest.keyClicks(picker.lineEdit(), "CHEN")
    assert _listed(picker) == ["Li Chen", "Éloïse Chénier"]  # case and accents aside


def test_down_moves_into_the_names_found_not_to_anyone(qtbot, tab: PickerTab) -> None:
    picker = tab.picker
    picked: list[object] = []
    tab.picked.connect(picked.append)
    picker.setFocus()
    QTest.keyClicks(picker.lineEdit(), "chen")
    popup = picker.completer().popup()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert picked == [2]
    assert tab.current() == 2
    assert picker.currentText() == "Li Chen"


def test_an_arabic_name_is_found_without_its_vowel_marks(qtbot, tab: PickerTab) -> None:
    picker = tab.picker
    picker.setFocus()
    picker.lineEdit().setText("فاطمة")
    picker.lineEdit().textEdited.emit("فاطمة")  # as typing it does (QTest types ASCII only)
    picker.completer().complete()
    assert _listed(picker) == ["فاطِمة الزهراء"]


def test_the_sessions_person_filter_finds_the_same_way(qtbot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_choices(choice_model("All circles", []), choice_model("Anyone", PEOPLE))
    bar.show()
    qtbot.waitExposed(bar)
    bar.person.setFocus()
    bar.person.lineEdit().clear()
    QTest.keyClicks(bar.person.lineEdit(), "eloise")
    assert _listed(bar.person) == ["Éloïse Chénier"]
    QApplication.processEvents()
