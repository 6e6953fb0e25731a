"""Help ▸ Keyboard shortcuts names the keys of the history and of private notes, not only the
live circle's: a facilitator reviewing past sessions found Ctrl+F, Delete and the notes' Ctrl+E
and Ctrl+S only by accident (or, for Ctrl+E, in one button's tooltip)."""

from __future__ import annotations

from unittest.mock import Mock

from PySide6.QtGui import QKeySequence, QShortcut

from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.notes.panel import NotesPanel
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
    assert keys == {"Ctrl+F", "Delete"}
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
