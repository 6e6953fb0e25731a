"""Tables on the Tab round: one stop each, not one per cell.

Qt's table views move their current cell on Tab (``tabKeyNavigation``), so a keyboard user
who tabbed into one went round its cells for ever and never reached the buttons below it (the
summary's rounds before *Save and close*, the round plan before *Save*). In our tables the
arrow keys move between cells and Tab goes on to the next control, as in a form.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView

ViewT = TypeVar("ViewT", bound=QAbstractItemView)


def tab_leaves(view: ViewT) -> ViewT:
    """``view`` with Tab and Shift+Tab moving to the next and previous control."""
    view.setTabKeyNavigation(False)
    return view
