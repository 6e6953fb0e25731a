"""Where the main window was: size, position and the split between circles and pages.

Kept in Qt's own per-user settings file, not in the database, because the window appears
before the database opens (start-up time) and should appear where the facilitator left it, not
jump there a moment later. A window saved on a monitor that is gone is brought back on screen by
Qt's ``restoreGeometry``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

GEOMETRY = "main_window/geometry"
SPLIT = "main_window/split"


def _settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CircleKeeper", "window"
    )


def restore_place(window: QMainWindow, splitter: QSplitter) -> bool:
    """Put the window back where it was; ``False`` (and the defaults) the first time, or when
    what was saved cannot be read."""
    settings = _settings()
    geometry = settings.value(GEOMETRY)
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    saved = settings.value(SPLIT, 0)  # an int, or text from an INI-style settings file
    try:
        side = int(saved) if isinstance(saved, int | str) else 0
    except ValueError:
        side = 0
    if restored and 0 < side < window.width():
        # Widths, not the splitter's saved state: before the window is shown the splitter has
        # no width of its own yet, and a restored state would be spread by stretch factors.
        splitter.setSizes([side, window.width() - side])
    return restored


def remember_place(window: QMainWindow, splitter: QSplitter) -> None:
    settings = _settings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(SPLIT, splitter.sizes()[0])
    settings.sync()
