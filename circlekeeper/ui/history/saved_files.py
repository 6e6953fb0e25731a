"""Saying where a file saved from the history went: a past session's PDF, a period's report or
figures.

The exports run on a worker; the hooks the history is handed return the running export. These
wrappers follow it, so that once the file is written the person is told what was saved and
where (the circle's summary screen always did; from the history the PDF appeared silently).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from circlekeeper.session.period_figures import PeriodScope
from circlekeeper.ui.history.period_view import PeriodSaver
from circlekeeper.ui.history.session_detail import PdfHook

Saved = Callable[[QWidget, Path, str], object]
"""(parent, path, ``"summary"``, ``"report"`` or ``"figures"``): a file the history saved."""
WhenSaved = Callable[[Path, str], None]

SAVED_SHOWN_MS = 15_000
"""How long "Saved: …" stays on the history's status line: as long as the main window's
status bar keeps "Summary saved: …" after a circle's summary is saved."""


class PassingStatus:
    """A status line whose "Saved: …" passes: it clears after ``SAVED_SHOWN_MS`` or when the
    person moves on (another tab), as the main window's timed status messages do. Without
    this, the path of a file saved long ago stayed under whatever was done next."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self.timer = QTimer(label)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVED_SHOWN_MS)
        self.timer.timeout.connect(self.clear)
        self._said = ""

    def say(self, text: str) -> None:
        self.label.setText(text)
        self._said = text
        self.timer.start()

    def clear(self) -> None:
        """Clear the passing message, leaving anything said since it untouched."""
        self.timer.stop()
        if self._said and self.label.text() == self._said:
            self.label.setText("")
        self._said = ""


def watched_pdf_hook(hook: PdfHook, when_saved: WhenSaved) -> PdfHook:
    """``hook`` (a past session's *Export PDF again…*), telling ``when_saved`` of the file."""

    def run(parent: QWidget, session_id: int) -> object:
        started = hook(parent, session_id)
        follow(started, "summary", when_saved)
        return started

    return run


def watched_saver(saver: PeriodSaver, when_saved: WhenSaved) -> PeriodSaver:
    """``saver`` (the Period tab's *Save PDF…* / *Save CSV…*), telling ``when_saved``."""

    def run(parent: QWidget, scope: PeriodScope, kind: str, grid: bool) -> object:
        started = saver(parent, scope, kind, grid)
        follow(started, "figures" if kind == "csv" else "report", when_saved)
        return started

    return run


def follow(started: object, kind: str, when_saved: WhenSaved) -> None:
    """Once the running export ``started`` has written its file, tell ``when_saved``."""
    finished = getattr(started, "finished", None)
    if finished is not None:  # None: the person closed the file dialog
        finished.connect(lambda path: when_saved(Path(str(path)), kind))
