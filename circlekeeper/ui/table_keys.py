"""Tables and the keyboard: one stop each on the Tab round, and the keys go where the eye does.

Qt's table views move their current cell on Tab (``tabKeyNavigation``), so a keyboard user
who tabbed into one went round its cells for ever and never reached the buttons below it (the
summary's rounds before *Save and close*, the round plan before *Save*). In our tables the
arrow keys move between cells and Tab goes on to the next control, as in a form.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ViewT = TypeVar("ViewT", bound=QAbstractItemView)


def tab_leaves(view: ViewT) -> ViewT:
    """``view`` with Tab and Shift+Tab moving to the next and previous control."""
    view.setTabKeyNavigation(False)
    return view


def keys_follow(area: QWidget, first: QWidget) -> None:
    """An area just shown (Ctrl+2) takes the keyboard, at ``first``, unless it already has
    it: the history appeared while the keys stayed on the circle list beside it, where Down
    moved through circles nobody could see change."""
    focus = QApplication.focusWidget()
    if focus is None or not area.isAncestorOf(focus):
        first.setFocus()
