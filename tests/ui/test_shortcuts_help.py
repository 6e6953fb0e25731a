"""Help ▸ Keyboard shortcuts names the keys of the history and of private notes, not only the
live circle's: a facilitator reviewing past sessions found Ctrl+F, Delete and the notes' Ctrl+E
and Ctrl+S only by accident (or, for Ctrl+E, in one button's tooltip)."""

from __future__ import annotations

from unittest.mock import Mock

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QKeySequence, QShortcut

from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.notes.panel import NotesPanel
from circlekeeper.ui.screen_fit import FRAME_ALLOWANCE
from circlekeeper.ui.window_menus import shortcuts_help
from tests.ui.notes_support import make_kit


def keys_of(widget) -> set[str]:
    """The named keys (not the arrows) a widget's own shortcuts answer, as the help spells them."""
    found = set()
    for shortcut in widget.findChildren(QShortcut):
        text = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        if text and "Up" not in text and "Down" not in text:
            found.add("Delete" if text == "Del" else text)
    return found


def help_line(starting: str) -> str:
    lines = [line for line in shortcuts_help().splitlines() if line.startswith(starting)]
    assert len(lines) == 1, shortcuts_help()
    return lines[0]


def test_the_help_names_every_key_of_the_history(qtbot) -> None:
    page = HistoryPage(Mock(), threaded=False)  # nothing is read before the page is shown
    qtbot.addWidget(page)
    line = help_line("History:")
    keys = keys_of(page)
    assert keys == {"Ctrl+F", "Delete", "Esc", "Ctrl+Z"}  # Ctrl+Z: a deletion taken back
    assert all(f"{key} — " in line for key in keys), line
    assert "Return — " in line


def test_the_help_names_every_key_of_private_notes(qtbot) -> None:
    kit = make_kit()
    panel = NotesPanel(kit.service, kit.bridge)
    qtbot.addWidget(panel)
    line = help_line("Private notes:")
    keys = keys_of(panel)
    assert keys == {"Ctrl+F", "Ctrl+N", "Ctrl+E", "Ctrl+S", "Delete"}
    assert all(f"{key} — " in line for key in keys), line


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt_BR", "ar"])
def test_the_help_fits_a_small_screen_with_its_ok_button_in_sight(
    qtbot, english_afterwards, language: str
) -> None:
    """In French the help was a message box 595 pixels tall on a 1024×600 screen (568 free):
    its OK button sat under the desktop panel. It is a dialog of its own now, as wide as the
    screen allows, whose text scrolls if it must; OK is its default button."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMainWindow

    from circlekeeper.i18n import use_language
    from circlekeeper.ui.shortcuts_dialog import ShortcutsDialog

    use_language(language)
    parent = QMainWindow()
    qtbot.addWidget(parent)
    dialog = ShortcutsDialog(parent, room=QRect(0, 0, 1024, 568))
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    width, height = FRAME_ALLOWANCE
    assert dialog.width() + width <= 1024 and dialog.height() + height <= 568, dialog.size()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isDefault() and ok.isVisible()
    assert dialog.rect().contains(ok.geometry().translated(ok.parentWidget().pos()))
    (text,) = (label for label in dialog.findChildren(QLabel) if label.text())
    assert text.text().replace("\u00a0", " ") == shortcuts_help()
    assert not [line for line in shown_lines(text) if line.lstrip().startswith("·")]
    ok.click()
    assert not dialog.isVisible()


def shown_lines(label) -> list[str]:
    """The label's text as Qt wraps it at the label's width, one string per line on screen."""
    from PySide6.QtGui import QTextLayout, QTextOption

    shown = []
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(label.contentsRect().width())
            shown.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
    return shown
