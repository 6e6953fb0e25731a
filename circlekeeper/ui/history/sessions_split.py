"""The past-sessions table beside the chosen session's detail, or above it on a small screen.

At 1024×600 the circles list, the table and the detail side by side left the table about 470
pixels: the circle and facilitator columns came down to 47–57 pixels, readable only through
their tooltips, and German's "Begleitung" heading was cut. A page too narrow for the table's
comfortable width and a readable detail beside it puts the detail below the table instead,
and the table gets the page's whole width; a wide page keeps them side by side, with the
table given the room its columns want before the detail takes the rest.

Below the table, the detail is there only while a session is open: with nothing chosen its
"Choose a session…" hint took nearly half the height, and a facilitator looking back over the
sessions saw three of them at 1024×600. A session opens the detail below the table; its
*Close* button beside its title (or Esc in the table) gives the whole height back to the
sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from circlekeeper.ui.history.column_fit import ColumnRoom

DETAIL_LEAST = 380
"""The narrowest the detail beside the table may be and still read as text, not a column:
its private notes ask 312 pixels in Arabic and 355 in German, with the scroll bar beside them;
at 300 the Arabic detail's sentences ran off its edge."""
SHORT = 600
"""A split less tall than this is short: a detail below would leave the table a handful of
rows (1366×768 gives it about 470), so the detail goes beside the table as soon as the
table's words fit there on two lines, not only once they fit on one."""
TABLE_SHARE_BELOW = 0.55
"""The table's part of the height when a session's detail opens below it."""


def table_widths(
    table: QTableView, rooms: Sequence[ColumnRoom], wrapped: int = 0
) -> tuple[int, int, int]:
    """(comfortable, natural, wrapped): the table's width with every column readable (a text
    column at three quarters of what it would like, never below its least), with every column
    as wide as it would like, and with its words whole on two lines (``wrapped``, the
    columns' own); each with the frame and the vertical scroll bar."""
    chrome = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 4
    natural = sum(room.natural for room in rooms)
    comfortable = sum(max(room.least, room.natural * 3 // 4) for room in rooms)
    return comfortable + chrome, natural + chrome, (wrapped or comfortable) + chrome


class SessionsSplit(QSplitter):
    """``table_part`` and ``detail`` side by side when both fit, else one above the other.

    The orientation follows the width at every resize; the sizes are set only when the
    orientation changes, so a facilitator who dragged the handle keeps where they put it.
    """

    placed = Signal(bool)
    """Carries whether the detail is below the table (it can be closed there)."""

    def __init__(
        self,
        table_part: QWidget,
        detail: QWidget,
        widths: Callable[[], tuple[int, int, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._widths = widths
        self._arranged = False
        self._open = False
        self.addWidget(table_part)
        self.addWidget(detail)
        self.detail = detail
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def side_by_side(self) -> bool:
        return self.orientation() == Qt.Orientation.Horizontal

    def detail_in_sight(self) -> bool:
        """Beside the table, always (a session or the hint to choose one); below it, only
        while a session is open."""
        return self.side_by_side() or self._open

    def set_open(self, open_: bool) -> None:
        """A session is shown in the detail (``True``), or none is (the hint)."""
        opening = open_ and not self._open
        self._open = open_
        self._show_detail(opening)

    def _show_detail(self, opening: bool) -> None:
        below = not self.side_by_side()
        self.placed.emit(below)
        self.detail.setVisible(self.detail_in_sight())
        if below and opening:
            table = int(self.height() * TABLE_SHARE_BELOW)
            self.setSizes([table, self.height() - table])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        comfortable, natural, wrapped = self._widths()
        width, height = self.width(), self.height()
        table_least = wrapped if height < SHORT else comfortable
        beside = width >= table_least + DETAIL_LEAST + self.handleWidth()
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self._arranged and wanted == self.orientation():
            return
        self._arranged = True
        self.setOrientation(wanted)
        if beside:
            table = min(natural, width - DETAIL_LEAST - self.handleWidth())
            self.setSizes([table, width - table])
        else:
            table = int(height * TABLE_SHARE_BELOW)
            self.setSizes([table, height - table])
        self._show_detail(opening=False)
