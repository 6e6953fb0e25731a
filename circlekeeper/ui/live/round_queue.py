"""The round's queue: who is still to speak (drag to reorder), who has spoken, who passed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_list
from circlekeeper.session.state import RoundState
from circlekeeper.ui.list_rows import current_item, item_at

PERSON = Qt.ItemDataRole.UserRole
HEARD_LINES = 2
"""Lines kept for "Speaking: …" and "Heard: …" from before the round begins, so the first turn
does not make the column taller (and the ring beside it smaller)."""
QUEUE_ROWS = 2
"""Names the queue always shows; below its natural height it scrolls rather than making the
live screen taller than the window when "Passed: …" adds a line under it."""


class QueueList(QListWidget):
    """A list whose rows can be dragged (or moved with Alt+Up/Down) into a new order."""

    order_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        # Long names end in "…" (the whole name is the row's tooltip) instead of a scroll bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model().rowsMoved.connect(self._emit_order)
        self._rows = QUEUE_ROWS
        self.setMinimumHeight(self._height_of(QUEUE_ROWS))

    def hold_rows(self, rows: int) -> bool:
        """Ask for room for ``rows`` names (never fewer than :data:`QUEUE_ROWS`); True when
        that differs from before.

        The queue asks for the names waiting now, so it gives up a name's room as each person
        is heard: the speaking-time list below it (which has the column's stretch, the queue
        none) takes that room. Holding the longest the queue had been kept empty rows above
        a list that cut its last person at 1366×768.
        """
        rows = max(QUEUE_ROWS, rows)
        if rows == self._rows:
            return False
        self._rows = rows
        return True

    def row_height(self) -> int:
        """Every name's row is this tall, whatever glyphs it holds (a name with an accent or
        a soft hyphen asked a pixel more, and the list's whole-row height missed by one)."""
        return self.fontMetrics().height()

    def _height_of(self, rows: int) -> int:
        return rows * self.row_height() + 2 * self.frameWidth()

    def whole_rows_within(self, height: int) -> int:
        """The tallest height up to ``height`` that shows whole names only (never below the
        :data:`QUEUE_ROWS` the list always shows)."""
        frame = 2 * self.frameWidth()
        rows = max(QUEUE_ROWS, (height - frame) // self.row_height())
        return min(height, self._height_of(rows))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_of(self._rows))

    def person_ids(self) -> list[str]:
        return [self.item(i).data(PERSON) for i in range(self.count())]

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self._emit_order()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def _emit_order(self, *args: object) -> None:
        self.order_changed.emit(self.person_ids())


class WholeRows(QWidget):
    """Holds the queue list at a height of whole names: what is left below the last whole
    name stays empty rather than showing half of one (a name cut in half reads as someone
    left out). The layout sizes this holder; the holder sizes the list."""

    def __init__(self, listing: QueueList) -> None:
        super().__init__()
        self.listing = listing
        listing.setParent(self)

    def sizeHint(self) -> QSize:
        return self.listing.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.listing.minimumSizeHint().width(), self.listing.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The list as tall as the whole names that fit in the holder."""
        self.listing.setGeometry(0, 0, self.width(), self.listing.whole_rows_within(self.height()))


class RoundQueue(QWidget):
    """Thin view of a :class:`RoundState`; every change goes out as an intent signal."""

    reorder_requested = Signal(list)
    pass_requested = Signal(str)
    defer_requested = Signal(str)
    skip_requested = Signal(str)
    leave_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(_("Still to speak"))
        self._title.setObjectName("sectionTitle")
        self.queue = QueueList()
        self.queue.setAccessibleName(_("Still to speak in this round"))
        self.queue.setToolTip(
            _(
                "Drag names, or use Alt+Up / Alt+Down, to change the order."
                " Right-click (or the Menu key) for pass, come back later, absent or leaving."
            )
        )
        self.queue.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.queue.customContextMenuRequested.connect(self._menu)
        self.queue.order_changed.connect(self.reorder_requested)
        self.heard = QLabel()
        self.heard.setWordWrap(True)
        self.heard.setAccessibleName(_("Heard and passed in this round"))
        self.heard.setTextFormat(Qt.TextFormat.PlainText)
        self.heard.setMinimumHeight(HEARD_LINES * self.heard.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._list_room = WholeRows(self.queue)
        self._speaking = ""
        self._story: list[str] = []
        self.previewing = False
        """The list shows the next round's order, greyed, before that round begins."""
        layout.addWidget(self._title)
        layout.addWidget(self._list_room, 1)
        layout.addWidget(self.heard)

    def show_round(
        self,
        round_: RoundState | None,
        label: Callable[[str], str],
        current: str | None,
        upcoming: Sequence[str] = (),
    ) -> None:
        """``upcoming``: with no round going, the order the next one will open in, shown
        greyed (not started, not to be dragged) instead of an empty box."""
        ids: Sequence[str] = round_.queue if round_ is not None else upcoming
        preview = round_ is None and bool(ids)
        if self.queue.hold_rows(len(ids)):
            self._list_room.updateGeometry()
        if (
            self.queue.person_ids() != list(ids)
            or self._labels() != [label(i) for i in ids]
            or preview != self.previewing
        ):
            self.previewing = preview
            self.queue.blockSignals(True)
            self.queue.model().blockSignals(True)
            self.queue.clear()
            for person_id in ids:
                item = QListWidgetItem(label(person_id))
                item.setData(PERSON, person_id)
                item.setToolTip(label(person_id))
                item.setSizeHint(QSize(0, self.queue.row_height()))  # as wide as the list
                if preview:  # greyed: nobody is waiting yet, and there is no order to change
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.queue.addItem(item)
            self.queue.model().blockSignals(False)
            self.queue.blockSignals(False)
            self.queue.reset()
            self._list_room.fit()
        self._speaking = ""
        if round_ is None:
            self._story = [
                _("Not started: the round will begin in this order.")
                if preview
                else _("No round in progress.")
            ]
            self._tell()
            return
        spoke = [label(p) for p in round_.spoke]
        parts = []
        if current:
            self._speaking = _("Speaking: {name}").format(name=label(current))
        parts.append(
            _("Heard: {names}").format(names=format_list(spoke))
            if spoke
            else _("Heard: nobody yet")
        )
        if round_.passed:
            parts.append(
                _("Passed: {names}").format(names=format_list(label(p) for p in round_.passed))
            )
        if round_.deferred:
            waiting = [label(p) for p in round_.deferred if p in round_.queue]
            if waiting:
                parts.append(
                    _("Coming back at the end: {names}").format(names=format_list(waiting))
                )
        if round_.skipped:
            parts.append(
                _("Not here: {names}").format(names=format_list(label(p) for p in round_.skipped))
            )
        self._story = parts
        self._tell()

    def _tell(self) -> None:
        """The speaker on one line (their full name is large beside the ring; here it would
        wrap a long one and take a name's room from the queue), then what the round heard."""
        lines = list(self._story)
        if self._speaking:
            width = self.heard.contentsRect().width()
            metrics = self.heard.fontMetrics()
            lines.insert(0, metrics.elidedText(self._speaking, Qt.TextElideMode.ElideRight, width))
        self.heard.setText("\n".join(lines))
        self.heard.setToolTip(self._speaking)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell()

    def _labels(self) -> list[str]:
        return [self.queue.item(i).text() for i in range(self.queue.count())]

    def _menu(self, point: QPoint) -> None:
        item = item_at(self.queue, point) or current_item(self.queue)
        if item is None or self.previewing:
            return
        person_id = item.data(PERSON)
        menu = QMenu(self)
        for text, signal in (
            (_("Pass for this round"), self.pass_requested),
            (_("Come back at the end of the round"), self.defer_requested),
            (_("Not here (skip)"), self.skip_requested),
            (_("Leaves the circle"), self.leave_requested),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _=False, s=signal: s.emit(person_id))
            menu.addAction(action)
        menu.exec(self.queue.viewport().mapToGlobal(point))


__all__ = ["QueueList", "RoundQueue", "WholeRows"]
