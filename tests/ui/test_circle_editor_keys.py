"""The circle editor from the keyboard: every field and group answers to its own Alt+letter in
every shipped language, and an empty People list shows that it has the keyboard.

Found walking the editor by keyboard only: its form had no Alt+letters at all (only *Meets*
had one), so reaching *Keep sessions for* took eleven Tabs; and Tab into a new circle's
People list, still empty, showed no focus anywhere.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QWidget,
)

from circlekeeper.i18n import SHIPPED_LANGUAGES, use_language
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.mnemonics import mnemonic

TUESDAY = CircleDetail(
    7, "Tuesday", members=(Member(1, "Amal", "she/her"),), default_plan=default_plan()
)


def in_a_row(widget: QWidget) -> bool:
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QTableWidget):
            return True
        parent = parent.parent()
    return False


def claims(dialog: QWidget) -> list[tuple[str, str | None]]:
    """(text, Alt+letter) of every label of a field, group and button the editor shows: the
    per-round Draw and Browse… buttons inside the plan's rows aside (one of each per round),
    a check box whose form label carries the letter, and Save and Cancel (Enter and Esc)."""
    labelled = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), mnemonic(widget.text())))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), mnemonic(widget.title())))
        elif (isinstance(widget, QCheckBox) and widget not in labelled) or (
            isinstance(widget, QPushButton)
            and widget.text()
            and not in_a_row(widget)
            and not isinstance(widget.parent(), QDialogButtonBox)
        ):
            found.append((widget.text(), mnemonic(widget.text())))
    return found


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_every_label_has_an_alt_letter_of_its_own(qtbot, language: str, english_afterwards) -> None:
    use_language(language)
    dialog = CircleEditor(TUESDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    found = claims(dialog)
    assert len(found) >= 17, found
    missing = [text for text, letter in found if letter is None]
    assert not missing, f"{language}: no Alt+letter on {missing}"
    twice = {letter: n for letter, n in Counter(letter for _, letter in found).items() if n > 1}
    assert not twice, f"{language}: {twice} in {found}"


def test_alt_and_a_letter_reach_the_field(qtbot) -> None:
    dialog = CircleEditor(TUESDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.retention
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.members


def test_an_empty_people_list_shows_it_has_the_keyboard(qtbot) -> None:
    dialog = CircleEditor()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    members = dialog.members
    ring = QColor(members.palette().highlight().color()).rgb()

    def ring_pixels() -> int:
        image = members.viewport().grab().toImage()
        return sum(
            1
            for x in range(image.width())
            for y in (0, 1, image.height() // 2)
            if image.pixel(x, y) == ring
        )

    assert ring_pixels() == 0
    members.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(members.hasFocus)
    assert ring_pixels() > members.viewport().width()  # the top edge, drawn
    dialog.name.setFocus()
    qtbot.waitUntil(lambda: not members.hasFocus())
    assert ring_pixels() == 0


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_adding_a_person_answers_to_alt_letters_too(
    qtbot, language: str, english_afterwards
) -> None:
    from circlekeeper.ui.setup.newcomer_dialog import NewcomerDialog

    use_language(language)
    dialog = NewcomerDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    letters = [mnemonic(text) for text, _letter in claims(dialog)]
    assert len(letters) == 2 and None not in letters and len(set(letters)) == 2, letters
