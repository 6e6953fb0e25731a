"""The past-sessions table as a lazily fetching Qt model.

Qt asks ``canFetchMore``/``fetchMore`` as the user scrolls towards the end; each call reads
one keyset page (a fixed cost however far down the user is), so a list of 100,000 sessions
opens as fast as a list of 100. Sorting and filtering start again from the first page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from circlekeeper.history.records import (
    PageCursor,
    SessionFilter,
    SessionListing,
    SessionOrder,
    SessionSort,
)
from circlekeeper.history.source import HistorySource
from circlekeeper.i18n import N_, _, ngettext, pgettext
from circlekeeper.i18n.formats import format_list
from circlekeeper.ui.bidi_text import isolate, listed_person, sentence
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.history.choices import typed_matches
from circlekeeper.ui.history.format import count, decimal, duration, listed_time, names_place

log = logging.getLogger(__name__)

COLUMNS: tuple[tuple[str, SessionSort | None], ...] = (
    (N_("Date"), SessionSort.STARTED),
    (N_("Circle"), SessionSort.CIRCLE),
    (N_("Facilitators"), None),
    # Translators: a column of the past-sessions table: how many people were present.
    (N_("Present"), SessionSort.PRESENT),
    (N_("Duration"), SessionSort.DURATION),
    (N_("Fairness"), SessionSort.FAIRNESS),
    (N_("Status"), SessionSort.STATUS),
)
"""Column headings (translated when shown) and the sort each one asks for."""
SESSION_ID = Qt.ItemDataRole.UserRole
ALL_AT_ONCE = 500
"""Rows a page asks for when everything left is wanted (the store's largest page)."""
WORDS = frozenset({0, 1, 2, 4, 6})
"""Columns of words, which a narrow table shortens with "…" (their tooltips say them whole);
the figures' columns are never narrower than their figures."""


def status_word(status: str) -> str:
    """A session's status as a person reads it, in the active language."""
    words = {
        "ended": pgettext("session status", "Ended"),
        "abandoned": pgettext("session status", "Closed after a crash"),
        "live": pgettext("session status", "Live"),
    }
    return words.get(status, status)


Index = QModelIndex | QPersistentModelIndex
# Qt asks ``data`` thousands of times per repaint, mostly for roles this model leaves empty
# (font, colours, check state…): plain ints, and one set lookup turns those away first.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
SESSION_ID_ROLE = int(SESSION_ID)
ANSWERED_ROLES = frozenset({DISPLAY, ACCESSIBLE, ALIGNMENT, TOOLTIP, SESSION_ID_ROLE})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags


class SessionTableModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, source: HistorySource, *, page_size: int = 100, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._page_size = page_size
        self._filter = SessionFilter()
        self._order = SessionOrder()
        self._hidden: set[int] = set()
        """Sessions deleted in the window whose deletion can still be undone: listed nowhere,
        counted nowhere, though the store still holds them (``deleting.py``)."""
        self._rows: list[SessionListing] = []
        self._cells: list[tuple[str, ...] | None] = []
        self._cursor: PageCursor | None = None
        self._exhausted = True
        self._loaded = False
        """Nothing is read until the table is first shown (:meth:`reload`)."""
        self.total = 0
        self.places_shown = False
        """Whether a row read so far names its circle's place after its time (another clock
        than this computer's): the date column then needs room for it."""

    # ----------------------------------------------------------- control

    @property
    def filter(self) -> SessionFilter:
        return self._filter

    @property
    def order(self) -> SessionOrder:
        return self._order

    def set_filter(self, filter: SessionFilter) -> None:
        self._filter = filter
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a filter, a sort or a deletion)."""
        self._loaded = True
        self.beginResetModel()
        page = self._source.sessions(
            self._asked(), self._order, limit=self._page_size, with_total=True
        )
        self._rows = list(page.rows)
        self._cells = [None] * len(self._rows)
        self.places_shown = _any_place(self._rows)
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        self.total = page.total or 0
        self.endResetModel()
        self.total_changed.emit(self.total)

    def _asked(self) -> SessionFilter:
        """The filter as the store is asked it: without the sessions hidden meanwhile."""
        if not self._hidden:
            return self._filter
        return replace(self._filter, hidden=frozenset(self._hidden))

    def listing(self, row: int) -> SessionListing:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for i, listing in enumerate(self._rows):
            if listing.session_id == session_id:
                return i
        return None

    def delete_question(self, session_id: int, notes: int) -> str:
        """What *Delete session?* asks when ``notes`` private notes would go with it: which
        session, by its circle and date as the row shows them, when the row is listed (a
        session opened from another tab may not be). Undo follows the deletion, so the
        question no longer says it cannot be undone."""
        row = self.row_of(session_id)
        if row is None:
            # Translators: asked before a session with private notes is deleted.
            return ngettext(
                "Delete this session? Its log, prompts and moods go with it, and so does"
                " your private note about it.",
                "Delete this session? Its log, prompts and moods go with it, and so do your"
                " {count} private notes about it.",
                notes,
            ).format(count=count(notes))
        # Translators: asked before a session with private notes is deleted; {when} is the
        # session's date and time as the history table shows it.
        return ngettext(
            "Delete the session of {circle} on {when}? Its log, prompts and moods go with it,"
            " and so does your private note about it.",
            "Delete the session of {circle} on {when}? Its log, prompts and moods go with it,"
            " and so do your {count} private notes about it.",
            notes,
        ).format(
            circle=self._rows[row].circle_name,
            when=self.data(self.index(row, 0)),
            count=count(notes),
        )

    def hide_session(self, session_id: int) -> None:
        """Out of the list (and its count) while its deletion can still be undone, even when
        the list is filtered, sorted or read again meanwhile."""
        self._hidden.add(session_id)
        self.remove_session(session_id)

    def show_again(self, session_id: int) -> int | None:
        """Back in the list (an undone deletion, or one the store refused): read again, then
        read on until its row is there; returns its row (``None``: the filter leaves it out)."""
        self._hidden.discard(session_id)
        self.reload()
        while (row := self.row_of(session_id)) is None and self.canFetchMore():
            self._fetch(max(self._page_size, ALL_AT_ONCE))
        return row

    def forget(self, session_id: int) -> None:
        """The deletion was carried out: nothing is left to hide."""
        self._hidden.discard(session_id)

    def remove_session(self, session_id: int) -> None:
        """Drop a deleted session without re-reading every page already shown."""
        row = self.row_of(session_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._cells[row]
        self.endRemoveRows()
        self.total = max(0, self.total - 1)
        self.total_changed.emit(self.total)

    # ------------------------------------------------------ lazy loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch(self._page_size)

    def _fetch(self, limit: int) -> None:
        if self._exhausted:
            return
        page = self._source.sessions(self._asked(), self._order, after=self._cursor, limit=limit)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend([None] * len(page.rows))
            self.places_shown = self.places_shown or _any_place(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None

    def fetch_all(self) -> None:
        """Read every page not read yet (Ctrl+End: the oldest session, not the end of the
        pages scrolled so far), in pages as large as the store gives."""
        while self.canFetchMore():
            self._fetch(max(self._page_size, ALL_AT_ONCE))

    # ------------------------------------------------------------ Qt API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (DISPLAY, TOOLTIP):
            return _(COLUMNS[section][0])  # the tooltip: a heading a narrow column cuts
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in ANSWERED_ROLES:
            return None
        row = index.row()
        if row < 0 or row >= len(self._rows):
            return None
        column = index.column()
        if role in (DISPLAY, ACCESSIBLE):
            cells = self._cells[row]
            if cells is None:
                cells = tuple(_cell(self._rows[row], c) for c in range(len(COLUMNS)))
                self._cells[row] = cells
            return cells[column]
        if role == SESSION_ID_ROLE:
            return self._rows[row].session_id
        if role == ALIGNMENT and column in (3, 4, 5):
            return RIGHT
        if role == TOOLTIP and column in WORDS:
            return self.data(index, DISPLAY) or None  # words a narrow column cuts, whole
        if role == TOOLTIP and column == 5 and self._rows[row].fairness is not None:
            return _("Jain fairness index: 1.00 means everyone had the same speaking time.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def match(
        self,
        start: Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """Typing a circle's first letters in its column finds it, when its name (Arabic,
        Hebrew) is set in its own direction behind invisible marks."""
        if role != DISPLAY or not isinstance(value, str):
            return super().match(start, role, value, hits, flags)
        return typed_matches(self, start, value, hits, flags)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self._order = SessionOrder(key, order == Qt.SortOrder.DescendingOrder)
        if self._loaded:
            self.reload()


def _any_place(rows: Sequence[SessionListing]) -> bool:
    return any(names_place(row.started_at, row.timezone) for row in rows)


def _cell(listing: SessionListing, column: int) -> str:
    match column:
        case 0:
            return listed_time(listing.started_at, listing.timezone)
        case 1:
            # Isolated: in Arabic "Tea & <b>Talk</b> دائرة" read ">Tea & <b>Talk</b …".
            return isolate(demo_name(listing.circle_name, listing.circle_demo))
        case 2:
            return sentence(format_list(map(listed_person, listing.facilitators)))
        case 3:
            return "" if listing.present_count is None else count(listing.present_count)
        case 4:
            seconds = listing.duration_seconds
            return "" if seconds is None else duration(seconds, to_the_minute=True)
        case 5:
            return decimal(listing.fairness, 2)
        case 6:
            return status_word(listing.status)
    return ""
