"""Looks at windows as the window system shows them, and presses buttons through it.

Runs inside the app's process on a real display (``driver.py``). A dialog opened with
``exec()`` blocks its caller, so the probe watches from a timer inside that nested event loop:
it finds the new window once the window manager has mapped it, measures it against the
screen's available area (without the panel), then moves the real pointer with ``xdotool`` and
clicks the default button, exactly as a facilitator would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)

SETTLE = 0.35
"""Seconds for the window manager to place and frame a newly mapped window."""

TRANSIENT = (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen)
"""Top-level widgets that are not windows a facilitator answers."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def xdo_later(*args: str) -> None:
    """Run xdotool without waiting: the click may open a modal loop that must keep running."""
    subprocess.Popen(["xdotool", *args])


def spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    app = QApplication.instance()
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[union-attr]
        time.sleep(0.01)


def spin_until(condition: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    app = QApplication.instance()
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[union-attr]
        if condition():
            return True
        time.sleep(0.01)
    return False


def default_button(window: QWidget) -> QPushButton | None:
    """The button Enter would press: a message box's default, else the dialog's."""
    if isinstance(window, QMessageBox) and window.defaultButton() is not None:
        return window.defaultButton()
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.isDefault():
            return button
    return None


def accept_button(window: QWidget) -> QPushButton | None:
    """The accepting button of the dialog's button box (for a dialog that names no default)."""
    for box in window.findChildren(QDialogButtonBox):
        for button in box.buttons():
            role = box.buttonRole(button)
            if isinstance(button, QPushButton) and role in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.YesRole,
                QDialogButtonBox.ButtonRole.ApplyRole,
            ):
                return button
    return None


def measure(window: QWidget) -> dict[str, Any]:
    screen = window.screen()
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    record: dict[str, Any] = {
        "title": window.windowTitle(),
        "frame": rect(frame),
        "available": rect(area),
        "fits": inside(frame, area),
        "active": QApplication.activeWindow() is window,
    }
    button = default_button(window)
    record["has_default"] = button is not None
    button = button or accept_button(window)
    if button is not None:
        where = global_rect(button)
        record["button"] = button.text().replace("&", "")
        record["button_rect"] = rect(where)
        record["button_on_screen"] = inside(where, area) and inside(where, window.geometry())
    return record


@dataclass
class Expect:
    """One window expected to open: ``prepare`` fills it in before its button is pressed."""

    name: str
    prepare: Callable[[QWidget], object] | None = None
    title: str = ""
    """Only a window whose title contains this (skips e.g. a progress dialog on the way)."""
    press: str = "default"
    """``default`` clicks the default button with the pointer; ``enter`` presses Enter;
    ``none`` leaves the window open (a window that is not a dialog)."""
    record: dict[str, Any] = field(default_factory=dict)


class Prober:
    def __init__(self, report: dict[str, Any], path: Path | None = None) -> None:
        self.report = report
        self.path = path
        self.app = QApplication.instance()
        self.watchers: list[Callable[[QWidget], dict[str, Any]]] = []
        """Extra measurements taken of every window (e.g. is the turn clock still visible)."""

    def save(self) -> None:
        """The report so far, on disk (a crash later still leaves what was seen)."""
        if self.path is not None:
            self.path.write_text(json.dumps(self.report, indent=1))

    def visible_windows(self) -> list[QWidget]:
        """Windows and dialogs on screen; never a tooltip or a menu, which come and go as the
        pointer rests (a tooltip over the main window would be taken for the next dialog)."""
        return [
            w
            for w in self.app.topLevelWidgets()  # type: ignore[union-attr]
            if w.isVisible()
            and w.windowType() not in TRANSIENT
            and w.windowHandle() is not None
            and w.windowHandle().isExposed()
        ]

    def run(self, trigger: Callable[[], object], *expected: Expect, timeout: float = 8) -> None:
        """Calls ``trigger`` and handles each expected window in turn as it appears.

        Each window has ``timeout`` seconds to open, counted from the trigger or from the
        closing of the window before it, and as long again to close once pressed: on a loaded
        machine a slow file dialog must not use up the time of the box that follows it. A
        dialog ``exec()`` keeps ``trigger`` from returning until it closes, so when a window
        does not come in time, whatever dialog is blocking (one nobody expected, or one that
        came too late) is closed and named in the report: the scenario fails at once, saying
        what it waited for, instead of hanging until the test's own limit.
        """
        pending = list(expected)
        before = set(self.visible_windows())
        started = time.monotonic()
        deadline = started + timeout
        running = True

        def since() -> str:
            return f"{time.monotonic() - started:.1f} s"

        def more_time() -> None:
            nonlocal deadline
            deadline = time.monotonic() + timeout

        def look() -> None:
            if not running or not pending:
                return
            if time.monotonic() > deadline:
                give_up()
                return
            wanted = pending[0].title
            fresh = [
                w for w in self.visible_windows() if w not in before and wanted in w.windowTitle()
            ]
            modal = QApplication.activeModalWidget()
            window = modal if modal in fresh else (fresh[-1] if fresh else None)
            if window is None:
                QTimer.singleShot(50, look)
                return
            spin(SETTLE)
            try:
                handle(window)
            except Exception:
                log(traceback.format_exc())
                self.report.setdefault("errors", []).append(traceback.format_exc())
                dismiss(window)
                more_time()
                QTimer.singleShot(50, look)

        def give_up() -> None:
            """No window came in time: unblock the trigger and say what was missing."""
            missing = ", ".join(e.name for e in pending)
            log(f"{missing}: did not open within {timeout} s (at {since()})")
            self.report.setdefault("errors", []).append(
                f"{missing}: did not open within {timeout} s"
            )
            pending.clear()
            sweep()

        def sweep() -> None:
            """Close each dialog that blocks the trigger until it returns."""
            if not running:
                return
            modal = QApplication.activeModalWidget()
            if modal is not None and modal not in before:
                log(f"closing {modal.windowTitle()!r}, which was not expected")
                self.report.setdefault("errors", []).append(
                    f"{modal.windowTitle()!r} opened unexpected"
                )
                dismiss(modal)
            QTimer.singleShot(50, sweep)

        def handle(window: QWidget) -> None:
            expect = pending.pop(0)
            log(f"{expect.name}: opened {window.windowTitle()!r} at {since()}")
            record = measure(window)
            for watcher in self.watchers:
                record.update(watcher(window))
            if expect.prepare is not None:
                expect.prepare(window)
                spin(0.1)
            record["closed"] = False
            expect.record.update(record)
            self.report.setdefault("windows", {})[expect.name] = expect.record
            self.save()
            more_time()  # counted from the press: what ``prepare`` looked at takes its own time
            if expect.press == "none":
                before.add(window)
                QTimer.singleShot(50, look)
                return
            if expect.press == "enter":
                xdo_later("key", "--clearmodifiers", "Return")
            else:
                button = default_button(window) or accept_button(window)
                if button is None:
                    window.close()
                else:
                    centre = button.mapToGlobal(button.rect().center())
                    # No ``--sync``: xdotool's synchronous move waits for the pointer to
                    # move, and never returns (nor clicks) when it already rests there, as it
                    # does when two dialogs in a row have their buttons in the same place.
                    # Its click follows the move on the same connection, so it lands there.
                    xdo_later(
                        "mousemove",
                        str(centre.x()),
                        str(centre.y()),
                        "sleep",
                        "0.15",
                        "click",
                        "1",
                    )

            clicked_at = time.monotonic()

            def closed() -> None:
                if os.environ.get("PROBE_DEBUG"):
                    log(
                        subprocess.run(
                            ["xdotool", "getmouselocation"], capture_output=True, text=True
                        ).stdout
                    )
                    w = QApplication.widgetAt(QCursor.pos())
                    log(f"under pointer: {w!r} {QCursor.pos()}")
                gone = not shiboken6.isValid(window)
                if not gone and window.isVisible():
                    if expect.press == "default" and time.monotonic() - clicked_at > 2:
                        # The pointer's click was not taken: Enter presses the same default
                        # button (the report says which of the two closed the window).
                        log(f"{expect.name}: click not taken; pressing Enter")
                        expect.record["pressed_by"] = "enter"
                        expect.press = "enter-retry"
                        xdo_later("key", "--clearmodifiers", "Return")
                    if time.monotonic() < deadline:
                        QTimer.singleShot(50, closed)
                        return
                    log(f"{expect.name}: still open after {timeout} s; closing it")
                    expect.record["closed"] = False
                    dismiss(window)
                    more_time()
                    if pending:
                        QTimer.singleShot(50, look)
                    return
                expect.record["closed"] = gone or not window.isVisible()
                log(f"{expect.name}: closed={expect.record['closed']} at {since()}")
                # Only windows seen before the trigger (and those left open on purpose) stay
                # "old". A window that opened while this one was closing is the next one
                # expected: a refusal box shown straight after a file dialog is often mapped
                # before this check runs, and marking it old left the scenario waiting on it.
                before.difference_update([w for w in before if not shiboken6.isValid(w)])
                more_time()
                if pending:
                    QTimer.singleShot(50, look)

            QTimer.singleShot(100, closed)

        def finished() -> bool:
            return all(
                "closed" in e.record and (e.press == "none" or e.record["closed"]) for e in expected
            )

        QTimer.singleShot(50, look)
        trigger()
        spin_until(
            lambda: finished() or time.monotonic() > deadline,
            timeout * (2 * len(expected) + 1),
        )
        running = False
        for stuck in self.visible_windows():  # a window that did not close must not block the rest
            if stuck not in before and QApplication.activeModalWidget() is stuck:
                log(f"closing stuck {stuck.windowTitle()!r}")
                dismiss(stuck)
        for expect in expected:
            self.report.setdefault("windows", {}).setdefault(expect.name, {"opened": False})


def dismiss(window: QWidget) -> None:
    """Closes a window as Escape would; a message box without an Escape button ignores
    ``close()``, so a dialog is rejected instead."""
    if isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def is_dialog(widget: QWidget) -> bool:
    return isinstance(widget, QDialog)
