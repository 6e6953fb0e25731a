"""A list of people in the room's seating order, reordered by dragging or by keyboard.

People sit in a circle and the app's order should match the room. Alt+Up and Alt+Down move the
chosen person one seat, for facilitators who do not use a mouse (or a screen reader); dragging
does the same with the mouse. Both go through Qt's own row move, so whoever listens to the
model's ``rowsMoved`` hears about either.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QWidget

from circlekeeper.i18n import _


def seating_tip() -> str:
    """How to reorder the list, in the language the window speaks now."""
    return _("Drag names, or press Alt+Up / Alt+Down, to match where people sit.")


SHOWN_ROWS = 6
"""Names the list asks room for; a bigger circle scrolls in it (Qt's default asked for about
twelve, and on a 1024×600 screen pushed *Start a circle*'s round plan below its fold)."""


FOCUS_RING = 2
"""Pixels of the ring an empty list draws when it has the keyboard (the buttons' ring, see
``theme.STYLE_SHEET``)."""


class SeatingList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        # A long name wraps inside the list: at 1024×600 it is about 210 pixels wide, and
        # names ran off its edge behind a sideways scroll bar ("Maria Fernanda de los Santo").
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def sizeHint(self) -> QSize:
        row = max(self.fontMetrics().height(), self.sizeHintForRow(0))
        return QSize(super().sizeHint().width(), SHOWN_ROWS * row + 2 * self.frameWidth())

    def paintEvent(self, event: QPaintEvent) -> None:
        """An empty list that holds the keyboard says so with the app's focus ring: Fusion
        marks only a list's current row, so Tab into a new circle's empty People list seemed
        to go nowhere."""
        super().paintEvent(event)
        if self.count() or not self.hasFocus():
            return
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().highlight().color(), FOCUS_RING))
        inset = FOCUS_RING // 2
        painter.drawRect(self.viewport().rect().adjusted(inset, inset, -inset, -inset))
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the ring of an empty list

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_current(self, by: int) -> bool:
        """Move the current person ``by`` seats (stopping at either end)."""
        row = self.currentRow()
        target = row + by
        if row < 0 or not 0 <= target < self.count():
            return False
        model = self.model()
        # moveRow's destination is the row *before which* the item lands.
        destination = target + 1 if by > 0 else target
        if not model.moveRow(QModelIndex(), row, QModelIndex(), destination):
            return False
        self.setCurrentRow(target)
        return True
