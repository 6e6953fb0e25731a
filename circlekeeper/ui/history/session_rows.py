"""The past-sessions table on a narrow page: its words take two lines before any is cut.

On a 1024×600 screen the table is about 690 pixels wide and its columns would like about
950 (1,000 in German). Cut to one line, the time and the place of a session on another clock
read "Nov 24, 2026, 6:51 P…" and every circle "Tuesday …": the facilitator read them only
from tooltips. When the columns cannot all show a usual value on one line, every row becomes
two lines tall and the words wrap ("Nov 24, 2026, 6:51 PM" above "(Lagos)"); only when even
two lines of a usual value do not fit (or a name is far longer than usual) does a word end
in "…", its tooltip saying it whole, as before. One height for every row: measuring each of
100,000 rows cost more than reading them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from circlekeeper.i18n.formats import at_place
from circlekeeper.ui.history.column_fit import (
    PADDING,
    TIGHT_PADDING,
    ColumnFitter,
    ColumnRoom,
    fitted_widths,
)
from circlekeeper.ui.history.format import duration, local_time
from circlekeeper.ui.history.session_table import WORDS, status_word

WRAP_SLACK = 12
"""Pixels a two-line width may grow by before the text is taken as one line's width."""
ROW_MARGIN = 8
"""Pixels a row keeps above and below its lines."""
CIRCLE_COLUMN = 1
LONGEST_USUAL_NAME = 60
"""Characters of a circle's name the column makes room for on two lines; a longer name
ends in "…" (its tooltip says it whole) rather than take the other columns' room."""


def on_two_lines(metrics: QFontMetrics, text: str) -> int:
    """The width ``text`` needs on two lines at most, broken at its best space (its whole
    width if it has none), as Qt's word wrap breaks it: the halves measured apart, then
    widened until Qt's own wrap agrees ("أُغلقت بعد عطل" measured 45 pixels in halves and took
    three lines at 47)."""
    widths = [metrics.horizontalAdvance(text)]
    for index, char in enumerate(text):
        if char == " ":
            first = metrics.horizontalAdvance(text[:index])
            second = metrics.horizontalAdvance(text[index + 1 :])
            widths.append(max(first, second))
    width = min(widths)
    two_lines = 2 * metrics.lineSpacing()
    flags = int(Qt.TextFlag.TextWordWrap)
    for extra in range(WRAP_SLACK):
        if (
            metrics.boundingRect(QRect(0, 0, width + extra, 10_000), flags, text).height()
            <= two_lines
        ):
            return width + extra
    return widths[0]


def two_line_rooms(
    table: QTableView, rooms: Sequence[ColumnRoom], circles: Sequence[str] = ()
) -> list[ColumnRoom]:
    """``rooms`` whose columns of words keep a usual value whole on two lines, and the names
    of ``circles`` (the ones the table lists) too: the least of each is then that, with the
    tight margins of a narrow page (a heading and a figure are not cut either)."""
    metrics = QFontMetrics(table.font())
    sample = datetime(2026, 12, 30, 18, 20, tzinfo=UTC)
    usual = {
        # A date and time with a place after it (a sample in the language on screen).
        0: at_place(local_time(sample, "UTC"), ZoneInfo("America/Argentina/Buenos_Aires")),
        1: "Tuesday evening circle (demo)",  # a usual circle name (a sample, never shown)
        2: "Amal Haddad, Jonas Berg",
        4: duration(2 * 3600 + 59 * 60, to_the_minute=True),
        6: max(
            (status_word(s) for s in ("ended", "abandoned", "live")),
            key=metrics.horizontalAdvance,
        ),
    }
    # Who gives room first: the duration and the status (short words in a wide column), then
    # the names, the date last. Spread evenly, "32 Min." and "Beendet" kept room to spare
    # while "Dienstagabendkreis" ended in "…".
    gives = {0: 2, 1: 1, 2: 1}
    names = [n for n in circles if len(n) <= LONGEST_USUAL_NAME]
    wrapped = []
    for column, room in enumerate(rooms):
        texts = (
            [usual[column], *(names if column == CIRCLE_COLUMN else ())] if column in usual else []
        )
        least = max(
            [room.least - PADDING + TIGHT_PADDING]
            + [on_two_lines(metrics, text) + TIGHT_PADDING for text in texts]
        )
        natural = room.natural
        if column == CIRCLE_COLUMN and names:  # the names themselves, not a sample's
            widest = max(metrics.horizontalAdvance(n) for n in names) + PADDING
            natural = max(widest, room.least)
        wrapped.append(
            replace(
                room,
                natural=natural,
                least=min(least, natural + room.wants),
                gives=gives.get(column, 0),
            )
        )
    return wrapped


class SessionsFitter(ColumnFitter):
    """Fits the past-sessions table to its width: one line a row while every column shows a
    usual value whole, two lines (the words wrapped) when not."""

    def __init__(self, table: QTableView, rooms: Sequence[ColumnRoom]) -> None:
        self._one_line = list(rooms)
        self._two_lines = two_line_rooms(table, rooms)
        self.two_lines = False
        """Whether the rows are two lines tall now (their words wrap)."""
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        super().__init__(table, rooms)

    def know_circles(self, names: Sequence[str]) -> None:
        """The names of the circles the table may list: the circle column makes room for the
        longest on two lines (the samples alone left "Dienstagabendkreis" cut)."""
        self._two_lines = two_line_rooms(self._table, self._one_line, names)
        self.fit()

    def wrapped_width(self) -> int:
        """The columns' width with every usual value whole on two lines."""
        return sum(room.least for room in self._two_lines)

    def fit(self) -> None:
        table = self._table
        width = table.viewport().width()
        wrapped = sum(room.least for room in self._two_lines) <= width
        self._rooms = self._two_lines if wrapped else self._one_line
        widths = fitted_widths(self._rooms, width)
        self.two_lines = any(
            size < room.natural + room.wants
            for column, (size, room) in enumerate(zip(widths, self._two_lines, strict=True))
            if column in WORDS
        )
        lines = 2 if self.two_lines else 1
        height = lines * table.fontMetrics().lineSpacing() + ROW_MARGIN
        if table.verticalHeader().defaultSectionSize() != height:
            table.verticalHeader().setDefaultSectionSize(height)
        super().fit()
