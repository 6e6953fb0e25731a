"""How the data opened, said before anything else (a backup that failed, a read-only folder)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from circlekeeper.i18n import _

if TYPE_CHECKING:
    from circlekeeper.ui.main_window import MainWindow


def show_notices(window: MainWindow, notices: Sequence[str], *, read_only: bool) -> None:
    """Say how the data opened (a backup that failed, a read-only folder) before anything else:
    the app works on, and the facilitator knows what it cannot do."""
    from PySide6.QtWidgets import QMessageBox

    if read_only:
        # Translators: the window title while the data is open read-only.
        window.setWindowTitle(_("{title} (read-only)").format(title=window.windowTitle()))
    for notice in notices:
        window.statusBar().showMessage(notice)
        title = _("Opened read-only") if read_only else _("Today's backup was not made")
        QMessageBox.warning(window, title, notice)
