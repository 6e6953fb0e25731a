"""History in Arabic: a circle's name reads as it was typed, in the Sessions table and in the
circle pickers. "Tea & <b>Talk</b> 🌷 دائرة الأمل" (English first, Arabic after) was shown as
">Tea & <b>Talk</b 🌷 دائرة الأمل": laid out right to left, its closing ">" went to the far end.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from circlekeeper.history.records import Choice, SessionListing
from circlekeeper.i18n import use_language
from circlekeeper.ui.history.choices import choice_model
from circlekeeper.ui.history.session_table import _cell
from circlekeeper.ui.qt_language import apply_language
from tests.ui.test_arabic_direction import seen_in_arabic

NAME = "Tea & <b>Talk</b> 🌷 دائرة الأمل"
AS_TYPED = "Tea & <b>Talk</b> 🌷 " + "دائرة الأمل"[::-1]  # Arabic letters run right to left


@pytest.fixture
def arabic(english_afterwards):
    use_language("ar")
    apply_language(english_afterwards, "ar")
    return english_afterwards


def _listing(name: str) -> SessionListing:
    start = datetime(2026, 11, 20, 18, tzinfo=UTC)
    return SessionListing(
        1, 1, name, start, start, "Europe/Berlin", ("Robin",), "ended", 8, 2148.0, 0.84
    )


def test_the_sessions_table_shows_the_circle_as_typed(arabic) -> None:
    assert seen_in_arabic(_cell(_listing(NAME), 1)) == AS_TYPED


def test_the_circle_pickers_show_the_circle_as_typed(arabic) -> None:
    model = choice_model("الكل", [Choice(1, NAME)], circles=True)
    shown = model.data(model.index(1, 0), int(Qt.ItemDataRole.DisplayRole))
    assert seen_in_arabic(shown) == AS_TYPED


def test_a_typed_persons_name_still_finds_its_row(arabic) -> None:
    """The person picker matches typed words against its rows: people stay as written."""
    model = choice_model("الكل", [Choice(1, "فاطمة الزهراء")])
    assert model.data(model.index(1, 0), int(Qt.ItemDataRole.DisplayRole)) == "فاطمة الزهراء"


def test_typing_a_circles_first_letters_still_finds_it(qtbot, arabic) -> None:
    """Type-ahead in a closed circle picker matches the name's letters, not the invisible
    marks in front of them that set its direction."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QComboBox

    circles = [Choice(1, "Empty Rounds"), Choice(2, NAME), Choice(3, "حلقة الأربعاء")]
    model = choice_model("الكل", circles, circles=True)
    start = model.index(0, 0)
    role = int(Qt.ItemDataRole.DisplayRole)
    (found,) = model.match(start, role, "حلقة", 1, Qt.MatchFlag.MatchStartsWith)
    assert found.row() == 3
    (found,) = model.match(start, role, "tea", 1, Qt.MatchFlag.MatchStartsWith)
    assert found.row() == 2
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.setModel(model)
    combo.setCurrentIndex(0)
    typed = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "ح")
    QApplication.sendEvent(combo, typed)  # (QTest types ASCII only)
    assert combo.currentIndex() == 3
