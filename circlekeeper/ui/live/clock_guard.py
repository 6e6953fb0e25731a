"""Dialogs opened during a circle appear beside the turn's clock, never over it.

Someone leaving, a late arrival, the notes passphrase: the facilitator answers these while a
turn runs, and the room's time must stay in sight. While the live view is on screen, every
dialog that opens is moved off the ring's time (to its right, else to its left, else below);
the window manager has already placed it, so the move is a plain request it honours.

The window manager may place a dialog late (a loaded laptop), and the live view may reflow while
the dialog is open (a long name arrives, the notes panel opens), so an open dialog is looked at
again a few times a second until it closes, not only when it appears.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

GAP = 12
LOOK_AGAIN_EVERY_MS = 200


def clear_of(frame: QRect, clock: QRect, area: QRect) -> QPoint | None:
    """Where a window with ``frame`` goes to leave ``clock`` uncovered inside ``area``; ``None``
    when it already does (or nowhere would)."""
    if not frame.intersects(clock):
        return None
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height())
    candidates = [
        QPoint(clock.right() + GAP, top),
        QPoint(clock.left() - GAP - frame.width(), top),
        QPoint(frame.left(), clock.bottom() + GAP),
        QPoint(frame.left(), clock.top() - GAP - frame.height()),
    ]
    for point in candidates:
        moved = QRect(point, frame.size())
        if area.contains(moved) and not moved.intersects(clock):
            return point
    return None


class ClockGuard(QObject):
    """Watches dialogs appearing while ``clock_area()`` (global coordinates) is on screen."""

    def __init__(self, owner: QWidget, clock_area: Callable[[], QRect]) -> None:
        super().__init__(owner)
        self._owner = owner
        self._clock_area = clock_area
        self._open: list[QWidget] = []
        self._watch = QTimer(self)
        self._watch.setInterval(LOOK_AGAIN_EVERY_MS)
        self._watch.timeout.connect(self._look_again)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and self._owner.isVisible()
        ):
            self.keep_clear(watched)
            if watched not in self._open:
                self._open.append(watched)
            self._watch.start()
        return False

    def _look_again(self) -> None:
        """Keeps every open dialog off the clock; stops looking once none is open."""
        self._open = [d for d in self._open if shiboken6.isValid(d) and d.isVisible()]
        if not self._open or not self._owner.isVisible():
            self._open.clear()
            self._watch.stop()
            return
        for dialog in self._open:
            self.keep_clear(dialog)

    def keep_clear(self, dialog: QWidget) -> None:
        frame = dialog.frameGeometry()
        offset = dialog.pos() - frame.topLeft()
        target = clear_of(frame, self._clock_area(), dialog.screen().availableGeometry())
        if target is not None:
            dialog.move(target + offset - (dialog.geometry().topLeft() - dialog.pos()))

    def stop(self) -> None:
        self._watch.stop()
        self._open.clear()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
