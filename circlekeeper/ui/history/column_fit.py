"""The past-sessions table's columns, fitted to the table's width: it never scrolls sideways.

Each column says what it would like (its natural width, from the font and a usual value in
the active language), the least it can do with, and how readily it gives room up. When the
table is wider than the natural widths, the text columns (circle, facilitators) share what
is left; when it is narrower, the columns of words give room in proportion to what each can
spare (a long circle name, facilitator, duration or status ends in "…", its tooltip says it
whole), and last of all the date's time of day; headings and figures are never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from circlekeeper.i18n.formats import at_place, format_date
from circlekeeper.ui.history.format import count, decimal, duration, local_time
from circlekeeper.ui.history.session_table import status_word

PADDING = 12
READABLE_NAME = 100
"""Pixels a circle's or facilitator's column keeps before it gives room to a place after the
date: a word or two of a name (on a small screen the place goes first)."""
"""A cell's margins around its words (and a header's room for the sort arrow, less)."""
TIGHT_PADDING = 8
"""A column's margins at its least on a narrow page: the 3 pixels a cell keeps each side of
its words (4 in the heading) and a pixel to spare. There the columns give up the rest of
``PADDING``, not a letter: the Period tab's German table on a 1024×600 screen needed 743
pixels of its 702 with the full margins, and scrolled sideways."""


@dataclass(frozen=True, slots=True)
class ColumnRoom:
    natural: int
    """The width that shows a usual value and the heading whole."""
    least: int
    """Narrower than this, the column's words are cut (figures: never narrower)."""
    share: int = 0
    """How much of the room left over the column takes (text columns)."""
    gives: int = 0
    """Which columns give room first when there is too little: lower gives first."""
    wants: int = 0
    """More it would show, given room to spare, before the text columns share it out."""


def fitted_widths(rooms: Sequence[ColumnRoom], width: int) -> list[int]:
    """Widths for ``rooms`` adding up to ``width`` (or to their least, when even that is
    more than ``width``: then the table scrolls rather than cut a figure)."""
    widths = [room.natural for room in rooms]
    spare = width - sum(widths)
    for index, room in enumerate(rooms):
        extra = min(room.wants, max(0, spare))
        widths[index] += extra
        spare -= extra
    if spare >= 0:
        shares = sum(room.share for room in rooms)
        if shares == 0:
            return widths
        given = 0
        for index, room in enumerate(rooms):
            part = spare * room.share // shares
            widths[index] += part
            given += part
        last = max(i for i, room in enumerate(rooms) if room.share)
        widths[last] += spare - given
        return widths
    deficit = -spare
    for tier in sorted({room.gives for room in rooms}):
        members = [i for i, room in enumerate(rooms) if room.gives == tier]
        slack = sum(widths[i] - rooms[i].least for i in members)
        if slack <= 0:
            continue
        if slack <= deficit:
            for i in members:
                widths[i] = rooms[i].least
            deficit -= slack
            continue
        taken = 0
        for i in members:
            part = (widths[i] - rooms[i].least) * deficit // slack
            widths[i] -= part
            taken += part
        for i in members:  # what rounding left over, from the first that can give it
            if taken == deficit:
                break
            step = min(deficit - taken, widths[i] - rooms[i].least)
            widths[i] -= step
            taken += step
        return widths
    return widths


def session_columns(table: QTableView) -> list[ColumnRoom]:
    """The past-sessions table's columns: date, circle, facilitators, present, duration,
    fairness, status. Measured from samples in the language on screen (German's longer
    words fit), never from every row: asking for every cell cost more than the query."""
    metrics = QFontMetrics(table.font())

    def width(text: str) -> int:
        return metrics.horizontalAdvance(text)

    model = table.model()

    def heading(column: int, *, arrow: int = 12) -> int:
        """A heading whole, with room for the sort arrow (unless squeezed: only one
        column shows the arrow)."""
        return width(str(model.headerData(column, Qt.Orientation.Horizontal))) + PADDING + arrow

    sample = datetime(2026, 12, 30, 18, 20, tzinfo=UTC)
    date = width(local_time(sample, "UTC")) + PADDING
    # A place after the time, as a session on another clock than this computer's shows it
    # (a sample in the language on screen: Arabic's city names run wider than Latin ones),
    # where there is room: cut short, the place was the part lost.
    elsewhere = at_place(local_time(sample, "UTC"), ZoneInfo("America/Argentina/Buenos_Aires"))
    place = width(elsewhere) + PADDING - date
    day = (
        width(format_date(sample.date(), "medium")) + PADDING
    )  # the time may end in "…" last of all
    # A usual circle name, demo mark included (a sample, never shown nor translated).
    circle = width("Tuesday evening circle (demo)") + PADDING
    facilitators = width("Amal Haddad, Jonas Berg") + PADDING
    short = width("Tue…") + PADDING
    # A duration is words ("2 hr and 59 min"): on a small screen it may end in "…" too.
    longest = width(duration(2 * 3600 + 59 * 60, to_the_minute=True)) + PADDING
    minutes = width(duration(59 * 60, to_the_minute=True)) + PADDING
    present, fairness = (width(figure) + PADDING for figure in (count(999), decimal(1.0, 2)))
    rooms = [
        ColumnRoom(max(date, heading(0)), max(day, heading(0, arrow=0)), gives=1, wants=place),
        # A name may end in "…" (its tooltip says it whole); the heading is never cut.
        ColumnRoom(max(circle, heading(1)), max(short, heading(1, arrow=0)), share=2),
        ColumnRoom(max(facilitators, heading(2)), max(short, heading(2, arrow=0)), share=3),
        ColumnRoom(max(present, heading(3)), max(present, heading(3, arrow=0))),
        ColumnRoom(max(longest, heading(4)), max(minutes, heading(4, arrow=0))),
        ColumnRoom(max(fairness, heading(5)), max(fairness, heading(5, arrow=0))),
    ]
    status = max(width(status_word(s)) for s in ("ended", "abandoned", "live")) + PADDING
    least_status = max(width(status_word(s)) for s in ("ended", "live")) + PADDING
    rooms.append(ColumnRoom(max(status, heading(6)), max(least_status, heading(6, arrow=0))))
    return rooms


class ColumnFitter(QObject):
    """Fits ``table``'s columns to its width each time the table is resized."""

    def __init__(self, table: QTableView, rooms: Sequence[ColumnRoom]) -> None:
        super().__init__(table)
        self._table = table
        self._rooms = list(rooms)
        self._places = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # A chosen row turned every heading bold (a whole row is every column), wider than
        # the widths fitted to it: "Present", "Duration" and "Fairness" were cut at 1024×600.
        header.setHighlightSections(False)
        for column in range(len(self._rooms)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def show_places(self, shown: bool) -> None:
        """Rows name their circle's place after the time ("6:32 PM (Lagos)"): the date
        column then counts it in its natural width, so the names give room for it first, as
        long as each keeps ``READABLE_NAME``. Asked for only from room to spare, the place
        was cut, and the time with it ("6:32 P…"), at 1366×768 whenever a circle met on
        another clock."""
        if shown != self._places:
            self._places = shown
            self.fit()

    def widths(self) -> list[int]:
        width = self._table.viewport().width()
        if self._places:
            date, *rest = self._rooms
            roomier = ColumnRoom(date.natural + date.wants, date.least, date.share, date.gives)
            widths = fitted_widths([roomier, *rest], width)
            names = [w for w, room in zip(widths, self._rooms, strict=True) if room.share]
            if all(w >= READABLE_NAME for w in names):
                return widths
        return fitted_widths(self._rooms, width)

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        widths = self.widths()
        for column, size in enumerate(widths):
            header.resizeSection(column, size)
