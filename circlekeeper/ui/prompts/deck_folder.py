"""The folder *Import deck…* and *Export the list…* open in: the one a deck was last imported
from or exported to, else Documents.

The file dialog opened in the process's working directory, which for an app started from a
menu is wherever the launcher happened to be, so every import began with a hunt for the folder
of decks (and *Export deck…* suggested saving there). The folder is kept in Qt's per-user
settings (a display choice of this laptop, like the export folder), and one that has since
gone falls back to the documents folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from circlekeeper.ui.export_memory import documents_folder

KEY = "import_folder"


class DeckFolder:
    """Where the last deck was imported from or exported to."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CircleKeeper", "decks"
        )

    def folder(self) -> Path:
        saved = self._settings.value(KEY, "")
        if isinstance(saved, str) and saved and Path(saved).is_dir():
            return Path(saved)
        return documents_folder()

    def remember(self, deck: Path) -> None:
        self._settings.setValue(KEY, str(deck.parent))
        self._settings.sync()
