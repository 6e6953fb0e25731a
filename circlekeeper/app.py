"""The composition root of the desktop app: one place builds the store, the catalog and windows.

Nothing else constructs application-wide objects, so every other module can be handed exactly
the narrow things it uses (a catalog, a clock, a store) and be tested alone.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError

if TYPE_CHECKING:
    from circlekeeper.store import Store
    from circlekeeper.ui.main_window import MainWindow, WindowOptions

log = logging.getLogger(__name__)


def seconds_since_process_start() -> float:
    """How long this process has existed, from the kernel's own record of its start.

    ``--smoke-test`` reports this so a benchmark can compare the app with a bare Qt window
    started the same way; Python's own clocks start too late to include interpreter start-up.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


@dataclass(slots=True)
class AppParts:
    """What the composition root built; the caller closes the store when the window is gone."""

    store: Store
    window: MainWindow


def run_gui(db: str | None, *, smoke_test: bool = False, argv: Sequence[str] = ()) -> int:
    """Open the main window on the database and run until it closes."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from circlekeeper.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("CircleKeeper")
    app.setApplicationDisplayName("CircleKeeper")
    apply_theme(app)  # type: ignore[arg-type]
    try:
        parts = build_app(db)
    except UserFacingError as error:
        log.error("could not open the database: %s", error)
        if not smoke_test:
            QMessageBox.critical(None, "CircleKeeper cannot open its data", str(error))
        raise

    try:
        parts.window.show()
        if smoke_test:

            def report() -> None:
                print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)
                app.quit()

            QTimer.singleShot(0, report)
            app.exec()
            return 0
        QTimer.singleShot(0, parts.window.offer_resume)
        return app.exec()
    finally:
        parts.store.close()


def build_app(db: str | None, options: WindowOptions | None = None) -> AppParts:
    """The store, the catalog and the window, wired together (separate from ``run_gui`` so
    tests can build the real thing without starting an event loop)."""
    from circlekeeper.store import open_store
    from circlekeeper.ui.main_window import MainWindow, WindowOptions
    from circlekeeper.ui.store_catalog import StoreCatalog

    store = open_store(db)
    try:
        catalog = StoreCatalog(store)
        options = options or WindowOptions(muted=os.environ.get("CIRCLEKEEPER_MUTE") == "1")
        window = MainWindow(catalog, options)
    except BaseException:
        store.close()
        raise
    return AppParts(store, window)
