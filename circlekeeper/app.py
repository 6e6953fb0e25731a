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


def default_options() -> WindowOptions:
    from circlekeeper.ui.main_window import WindowOptions

    return WindowOptions(muted=os.environ.get("CIRCLEKEEPER_MUTE") == "1")


def run_gui(db: str | None, *, smoke_test: bool = False, argv: Sequence[str] = ()) -> int:
    """Show the main window at once, then open the data and fill it in.

    The database, its migrations and SQLAlchemy itself take a moment to load; the window does
    not wait for them, so a facilitator sees CircleKeeper appear as fast as any Qt window.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("CircleKeeper")
    app.setApplicationDisplayName("CircleKeeper")
    apply_theme(app)  # type: ignore[arg-type]
    window = MainWindow(None, default_options())
    window.show()
    opened: list[Store] = []
    failure: list[UserFacingError] = []

    def open_data() -> None:
        if smoke_test:
            print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)
        try:
            opened.append(connect_store(window, db))
        except UserFacingError as error:
            log.error("could not open the database: %s", error)
            failure.append(error)
            if not smoke_test:
                QMessageBox.critical(window, "CircleKeeper cannot open its data", str(error))
            app.exit(error.exit_code)
            return
        if smoke_test:
            log.info("data ready after %.0f ms", seconds_since_process_start() * 1000)
            app.quit()
            return
        window.offer_resume()

    QTimer.singleShot(0, open_data)
    try:
        code = app.exec()
    finally:
        for store in opened:
            store.close()
    if failure:
        raise failure[0]
    return code


def connect_store(window: MainWindow, db: str | None) -> Store:
    """Open the database and give the window everything that lives on it."""
    from circlekeeper.store import open_store
    from circlekeeper.ui.store_catalog import StoreCatalog

    store = open_store(db)
    try:
        window.attach_catalog(StoreCatalog(store))
    except BaseException:
        store.close()
        raise
    return store


def build_app(db: str | None, options: WindowOptions | None = None) -> AppParts:
    """The window already connected to the store (for tests and tools: no event loop)."""
    from circlekeeper.ui.main_window import MainWindow

    window = MainWindow(None, options or default_options())
    return AppParts(connect_store(window, db), window)
