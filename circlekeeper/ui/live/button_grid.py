"""The live circle's controls: as many buttons to a row as the window has room for.

A fixed six-column grid made the window at least 1,050 pixels wide, wider than a small laptop
at 125 % scaling; here the columns follow the width, from six down to three.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QPushButton, QWidget

MOST_COLUMNS = 6
FEWEST_COLUMNS = 3


class ButtonGrid(QWidget):
    def __init__(self, buttons: Sequence[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # The grid of the moment must not pin the widget's width: this widget says its own least
        # size (three columns) and rearranges when it is given less than the current grid wants.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        self._arrange(MOST_COLUMNS)

    def columns(self) -> int:
        return self._columns

    def _needed_width(self, columns: int) -> int:
        """The width ``columns`` columns need, each as wide as its widest button."""
        widths = [0] * columns
        for index, button in enumerate(self._buttons):
            column = index % columns
            widths[column] = max(widths[column], button.sizeHint().width())
        return sum(widths) + (columns - 1) * max(0, self._grid.horizontalSpacing())

    def _columns_for(self, width: int) -> int:
        for columns in range(MOST_COLUMNS, FEWEST_COLUMNS, -1):
            if self._needed_width(columns) <= width:
                return columns
        return FEWEST_COLUMNS

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(MOST_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.setFixedHeight(self._height(columns))  # fewer columns, more rows: taller

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._columns_for(event.size().width()))
        super().resizeEvent(event)

    def _height(self, columns: int) -> int:
        rows = -(-len(self._buttons) // columns)
        spacing = max(0, self._grid.verticalSpacing())
        return rows * max(b.sizeHint().height() for b in self._buttons) + (rows - 1) * spacing

    def sizeHint(self) -> QSize:
        return QSize(self._needed_width(MOST_COLUMNS), self._height(MOST_COLUMNS))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._needed_width(FEWEST_COLUMNS), self._height(self._columns or 1))
