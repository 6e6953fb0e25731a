"""Tables and the keyboard: one stop each on the Tab round, and the keys go where the eye does.

Qt's table views move their current cell on Tab (``tabKeyNavigation``), so a keyboard user
who tabbed into one went round its cells for ever and never reached the buttons below it (the
summary's rounds before *Save and close*, the round plan before *Save*). In our tables the
arrow keys move between cells and Tab goes on to the next control, as in a form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ViewT = TypeVar("ViewT", bound=QAbstractItemView)


def tab_leaves(view: ViewT) -> ViewT:
    """``view`` with Tab and Shift+Tab moving to the next and previous control."""
    view.setTabKeyNavigation(False)
    return view


def choose_row(view: QAbstractItemView, row: int) -> None:
    """Row ``row`` of ``view`` chosen, as a click on it chooses it. Not ``selectRow``: right
    to left it chose nothing (Qt looks for a column at the view's left edge), and Return in
    an Arabic history's search box showed no session."""
    rows = QItemSelectionModel.SelectionFlag.ClearAndSelect
    rows |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), rows)


def keys_follow(area: QWidget, first: QWidget) -> None:
    """An area just shown (Ctrl+2) takes the keyboard, at ``first``, unless it already has
    it: the history appeared while the keys stayed on the circle list beside it, where Down
    moved through circles nobody could see change."""
    focus = QApplication.focusWidget()
    if focus is None or not area.isAncestorOf(focus):
        first.setFocus()


class _LoadAllFirst(QObject):
    def __init__(self, view: QAbstractItemView, load_all: Callable[[], None]) -> None:
        super().__init__(view)
        self._load_all = load_all

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_End
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._load_all()  # then the view moves to the last row, as it always does
        return False


def end_means_the_last_row(view: ViewT, load_all: Callable[[], None]) -> ViewT:
    """``view``, a table that reads its rows page by page, where Ctrl+End reads the pages
    left first: it stopped at the end of the rows read so far (three presses for 300
    sessions), which looked like the last session and was not."""
    view.installEventFilter(_LoadAllFirst(view, load_all))
    return view


class _FirstArrowSelects(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.parent()
        if (
            isinstance(view, QAbstractItemView)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and view.currentIndex().isValid()
            and not view.selectionModel().hasSelection()
        ):
            view.selectionModel().select(
                view.currentIndex(),
                view.selectionModel().SelectionFlag.ClearAndSelect
                | view.selectionModel().SelectionFlag.Rows,
            )
            return True
        return False


def first_arrow_selects(view: ViewT) -> ViewT:
    """``view`` where Down (or Up) with nothing chosen chooses the row the keyboard is on.
    Qt marks the first row as current, unselected, when the table takes the keys; Down then
    went to the second row, and the newest session could not be reached by going down."""
    view.installEventFilter(_FirstArrowSelects(view))
    return view
