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

    def _widest(self) -> int:
        return max(button.sizeHint().width() for button in self._buttons)

    def _columns_for(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        fits = (width + spacing) // (self._widest() + spacing)
        return max(FEWEST_COLUMNS, min(MOST_COLUMNS, fits))

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
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._columns_for(event.size().width()))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        spacing = self._grid.horizontalSpacing()
        rows = -(-len(self._buttons) // FEWEST_COLUMNS)
        height = rows * max(b.sizeHint().height() for b in self._buttons) + (rows - 1) * spacing
        return QSize(FEWEST_COLUMNS * (self._widest() + spacing) - spacing, height)
