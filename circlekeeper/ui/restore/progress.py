"""A restore runs off the window's thread, while a progress dialog says which step it is on.

Checking and copying a large history takes seconds; on the window's own thread the window
would stop painting (and a desktop offer to kill it). The dialog has no Cancel: a copy
stopped half-way would leave no database at all, and the steps before it change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_percent
from circlekeeper.ui.restore.shelf import Progress

SHOW_AFTER_MS = 300
"""A restore quicker than this shows no dialog at all (a flash would only startle)."""


def step_words(step: str, done: int, total: int) -> str:
    """What the progress dialog says for one step."""
    if step == "checking-backup":
        return _("Checking the backup…")
    if step == "keeping-current":
        return _("Keeping your current data aside…")
    if step == "copying":
        if total:
            # Translators: {percent} is how much of the backup is copied, e.g. "40 %".
            return _("Copying the backup: {percent}…").format(percent=format_percent(done / total))
        return _("Copying the backup…")
    return _("Checking the restored data…")


class _Restoring(QThread):
    stepped = Signal(str, int, int)

    def __init__(self, work: Callable[[Progress], Path | None]) -> None:
        super().__init__()
        self.work = work
        self.kept: Path | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            self.kept = self.work(lambda step, done, total: self.stepped.emit(step, done, total))
        except BaseException as error:  # handed to the window's thread, which shows it
            self.failure = error


def run_with_progress(
    parent: QWidget, work: Callable[[Progress], Path | None]
) -> tuple[Path | None, BaseException | None]:
    """Run ``work`` on a thread, showing its steps; returns what it returned or raised."""
    dialog = QProgressDialog(_("Checking the backup…"), "", 0, 0, parent)
    dialog.setWindowTitle(_("Restoring from backup"))
    dialog.setCancelButton(None)  # no Cancel: see the module's docstring
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setModal(True)
    thread = _Restoring(work)

    def stepped(step: str, done: int, total: int) -> None:
        dialog.setLabelText(step_words(step, done, total))
        dialog.setRange(0, total if step == "copying" else 0)
        if step == "copying" and total:
            dialog.setValue(done)

    thread.stepped.connect(stepped)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    if not thread.isFinished():
        loop.exec()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return thread.kept, thread.failure
