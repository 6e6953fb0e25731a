"""Where PDFs go and how they were last made: the documents folder, remembered choices, and
what to do with a PDF once it is written.

A fresh account may have no ``~/Documents`` yet; the first export creates the platform's
documents folder instead of failing. The privacy level and paper chosen for a circle, and the
folder last saved to, are kept in Qt's per-user settings (they are display choices of this
laptop, like the window's place), so the next export opens with them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from circlekeeper.i18n import N_, _
from circlekeeper.reports import Paper, Privacy

log = logging.getLogger(__name__)


def documents_folder() -> Path:
    """The person's documents folder, created if the account has none yet; else home."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not location:
        return Path.home()
    folder = Path(location)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.warning("cannot create the documents folder %s: %s", folder, error)
        return Path.home()
    return folder


class ExportMemory:
    """The last export's choices: privacy and paper for each circle, and the folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CircleKeeper", "export"
        )

    def privacy(self, circle: str, default: Privacy) -> Privacy:
        value = self._settings.value(f"privacy/{_key(circle)}", default.value)
        try:
            return Privacy(str(value))
        except ValueError:
            return default

    def paper(self, default: Paper) -> Paper:
        try:
            return Paper(str(self._settings.value("paper", default.value)))
        except ValueError:
            return default

    def folder(self) -> Path:
        saved = self._settings.value("folder", "")
        if isinstance(saved, str) and saved and Path(saved).is_dir():
            return Path(saved)
        return documents_folder()

    def remember(self, circle: str, privacy: Privacy, paper: Paper, path: Path) -> None:
        self.remember_choice(circle, privacy, paper)
        self.remember_folder(path.parent)

    def remember_choice(self, circle: str, privacy: Privacy, paper: Paper) -> None:
        """The privacy chosen for ``circle`` and the paper: the next export offers them."""
        self._settings.setValue(f"privacy/{_key(circle)}", privacy.value)
        self._settings.setValue("paper", paper.value)
        self._settings.sync()

    def remember_folder(self, folder: Path) -> None:
        """The folder a file was just written to: the next export starts there."""
        self._settings.setValue("folder", str(folder))
        self._settings.sync()


def _key(circle: str) -> str:
    """A settings key for a circle's name (any script; no slashes, which nest keys)."""
    return circle.replace("/", "∕").replace("\\", "∖") or "-"


SAVED_WORDS = {
    "summary": (N_("Summary saved"), N_("The summary was saved as “{name}”.")),
    # Translators: the title and text after the history's Period tab saved its PDF report.
    "report": (N_("Report saved"), N_("The period report was saved as “{name}”.")),
    # Translators: the title and text after the history's Period tab saved its figures (CSV).
    "figures": (N_("Figures saved"), N_("The period's figures were saved as “{name}”.")),
}
"""What was saved, in words: a session's summary, a period's report, a period's figures."""


def offer_to_open(parent: QWidget | None, path: Path, kind: str = "summary") -> None:
    """After a file is written: say what and where, and offer to open it or its folder."""
    title, text = SAVED_WORDS[kind]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_(title))
    box.setText(_(text).format(name=path.name))
    # Translators: under "The summary was saved as …": the folder it is in.
    box.setInformativeText(_("In {folder}").format(folder=path.parent))
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    open_file = box.addButton(_("&Open"), QMessageBox.ButtonRole.ActionRole)
    # Translators: & marks the Alt+letter; each must differ from this dialog's others.
    show_folder = box.addButton(_("Show in &folder"), QMessageBox.ButtonRole.ActionRole)
    done = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(done)
    box.setEscapeButton(done)
    box.exec()
    clicked = box.clickedButton()
    target = path if clicked is open_file else path.parent if clicked is show_folder else None
    if target is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        QMessageBox.warning(
            parent,
            _("Could not open"),
            _("No program opened {target}; it is saved there.").format(target=target),
        )
