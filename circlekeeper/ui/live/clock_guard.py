"""Dialogs opened during a circle appear beside the turn's clock, never over it.

Someone leaving, a late arrival, the notes passphrase: the facilitator answers these while a
turn runs, and the room's time must stay in sight. While the live view is on screen, every
dialog that opens is moved off the ring's time (to its right, else to its left, else below);
the window manager has already placed it, so the move is a plain request it honours.

The window manager may place a dialog late (a loaded laptop), and the live view may reflow while
the dialog is open (a long name arrives, the notes panel opens), so an open dialog is looked at
again a few times a second until it closes, not only when it appears. A dialog too wide to go
beside the clock (the private notes on a 1024×600 screen) is narrowed into the wider side,
down to its minimum width; it stayed over the clock.
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


def narrowed_beside(frame: QRect, clock: QRect, area: QRect, least: int) -> int | None:
    """The frame width at which a window too wide to go beside ``clock`` as it is (the
    private notes, 822 pixels on a 1024×600 screen) fits on the wider side of it: that
    side's width, when it is at least ``least`` (the window's minimum, frame included)."""
    if not frame.intersects(clock) or frame.height() > area.height():
        return None
    width = max(area.right() - clock.right() - GAP, clock.left() - GAP - area.left())
    return min(width, frame.width()) if width >= least else None


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
        clock, area = self._clock_area(), dialog.screen().availableGeometry()
        target = clear_of(frame, clock, area)
        if target is not None:
            # A window's position is its frame's (Qt's move() and pos() both), so the frame
            # goes where asked. Taking the title bar off as well put a dialog clamped to the
            # top of the screen 20 pixels above it once the window manager had framed it.
            dialog.move(target + (dialog.pos() - frame.topLeft()))
            return
        # Nowhere beside the clock as it is: narrower, if the dialog can be (its minimum); the
        # next look moves it beside the clock, once the window manager has framed that size.
        extra = frame.width() - dialog.width()
        width = narrowed_beside(frame, clock, area, dialog.minimumSizeHint().width() + extra)
        if width is not None:
            dialog.resize(width - extra, dialog.height())

    def stop(self) -> None:
        self._watch.stop()
        self._open.clear()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
