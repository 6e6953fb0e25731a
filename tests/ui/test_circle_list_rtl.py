"""The main window's circle list in Arabic: a circle's name reads as it was typed, and typing
its first letters still selects it. "Tea & <b>Talk</b> 🌷 دائرة الأمل" (English first, Arabic
after) was drawn as ">Tea & <b>Talk</b 🌷 دائرة الأمل", its closing sign thrown to the far end.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListWidget, QStyleOptionViewItem

from circlekeeper.i18n import use_language
from circlekeeper.ui.catalog import CircleCard
from circlekeeper.ui.circle_list import CIRCLE, circle_list, fill_circles
from circlekeeper.ui.qt_language import apply_language
from tests.ui.test_arabic_direction import seen_in_arabic

NAME = "Tea & <b>Talk</b> 🌷 دائرة الأمل"
AS_TYPED = "Tea & <b>Talk</b> 🌷 " + "دائرة الأمل"[::-1]  # Arabic letters run right to left


@pytest.fixture
def arabic(english_afterwards):
    use_language("ar")
    apply_language(english_afterwards, "ar")
    return english_afterwards


@pytest.fixture
def circles(qtbot, arabic) -> QListWidget:
    listed = circle_list()
    qtbot.addWidget(listed)
    fill_circles(
        listed,
        [
            CircleCard(1, "Empty Rounds"),
            CircleCard(2, NAME, members=3),
            CircleCard(3, "حلقة الأربعاء"),
        ],
    )
    listed.setCurrentRow(0)
    listed.show()
    qtbot.waitExposed(listed)
    return listed


def _drawn(listed: QListWidget, row: int) -> str:
    """The text the list draws for a row (what its delegate hands the style)."""
    option = QStyleOptionViewItem()
    listed.itemDelegate().initStyleOption(option, listed.model().index(row, 0))
    return option.text


def test_a_circles_name_is_drawn_as_typed(circles: QListWidget) -> None:
    assert seen_in_arabic(_drawn(circles, 1)) == AS_TYPED


def _type(listed: QListWidget, letters: str) -> None:
    for letter in letters:  # (QTest types ASCII only)
        typed = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, letter)
        QApplication.sendEvent(listed, typed)


def test_typing_a_circles_first_letters_selects_it(circles: QListWidget) -> None:
    _type(circles, "tea")
    assert circles.currentItem().data(CIRCLE) == 2
    circles.keyboardSearch("")  # a fresh search, as after a pause
    circles.setCurrentRow(0)
    _type(circles, "حلقة")
    assert circles.currentItem().data(CIRCLE) == 3


def test_a_screen_reader_hears_the_name_without_marks(circles: QListWidget) -> None:
    assert circles.item(1).text() == NAME
