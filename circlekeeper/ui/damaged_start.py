"""A damaged database at start-up, with a good backup beside it: restored from the window.

Before, the window said "to go back to it run: circlekeeper restore /home/…/circlekeeper-2026…
-daily.sqlite3" and closed: a facilitator who never opened a terminal was handed a command
line, on the morning their circle meets. Now the same message asks, in plain words, whether to
put the newest good backup in place: what it holds, when it was made, that changes after it
are not in it, and that the damaged file is kept beside it (nothing is deleted). *Restore the
backup* runs the restore *Restore from backup…* runs (checked before and after, with its
progress dialog); *Quit* (and Esc) leaves everything as it was. The store side (which backup,
the restore itself) arrives from the composition root, so nothing here imports the store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QWidget

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.ui.restore.shelf import BackupEntry, Progress, holds_words, when_words

if TYPE_CHECKING:
    from circlekeeper.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class BackupOffer(Protocol):
    """A damaged database's newest good backup (``store.restoring.BackupOffer``)."""

    @property
    def damage(self) -> str:
        """What is wrong, and that the file was not changed."""

    @property
    def backup(self) -> BackupEntry: ...
    @property
    def database(self) -> Path: ...

    def restore(self, progress: Progress) -> Path | None:
        """Put the backup in place (off the window's thread); returns where the damaged file
        was kept."""


def cannot_open(window: MainWindow, error: UserFacingError, offer: BackupOffer | None) -> bool:
    """Say why the data cannot be opened, behind the message as well as in it; ``True`` when
    the facilitator chose to restore ``offer`` and it is in place (open the data again)."""
    from circlekeeper.ui.opening_page import show_cannot_open

    title = _("Your circles could not be opened")
    show_cannot_open(window, window.pages, str(error) if offer is None else offer.damage)
    if offer is None:
        tell(window, title, str(error), failed=True)
        return False
    return offer_restore(window, offer)


def offer_words(entry: BackupEntry, folder: Path) -> str:
    """What restoring brings back, what it does not, and that the damaged file stays."""
    return _(
        "The newest good backup is from {when} ({holds}). CircleKeeper can put it in place"
        " now; anything changed after {when} is not in it. The damaged file is kept, under a"
        " new name, in {folder}, so nothing is deleted."
    ).format(when=when_words(entry), holds=holds_words(entry), folder=folder)


def ask_to_restore(parent: QWidget, title: str, damage: str, offer: str) -> bool:
    """The question, as a critical message with *Restore the backup* and *Quit* (Esc)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, damage, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    box.setInformativeText(offer)
    restore = box.addButton(_("&Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(_("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(leave)
    box.exec()
    return box.clickedButton() is restore


def tell(parent: QWidget, title: str, text: str, *, failed: bool) -> None:
    """Why the data cannot be opened, or what came of the restore (tests replace this, as
    they do ``ask_to_restore``)."""
    icon = QMessageBox.Icon.Critical if failed else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    fit_title(box)
    box.exec()


TITLE_BAR_ROOM = 140
"""Pixels a title bar spends besides its title: the icon, the window buttons, the margins."""


def fit_title(box: QMessageBox) -> None:
    """``box`` at least as wide as its title needs (within the screen).

    A message box is as wide as its text: a short one ("/x is a folder; …") cut its own title
    to "لا يستطيع CircleKee…", the window manager eliding what did not fit."""
    from PySide6.QtWidgets import QApplication, QSpacerItem

    shown = f"{box.windowTitle()} — {QApplication.applicationDisplayName()}"
    width = box.fontMetrics().horizontalAdvance(shown) + TITLE_BAR_ROOM
    screen = box.screen()
    if screen is not None:
        width = min(width, screen.availableGeometry().width() * 9 // 10)
    layout = box.layout()
    if isinstance(layout, QGridLayout):  # QMessageBox's own: a row under everything else
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


def offer_restore(parent: QWidget, offer: BackupOffer) -> bool:
    """Ask to restore the offered backup in place of the damaged file; ``True`` once it is.

    ``False``: the facilitator chose *Quit*, or the restore failed (said in a message; the
    damaged file is then left exactly where it was, as the restore promises)."""
    from circlekeeper.ui.restore.progress import run_with_progress

    title, entry = _("Your circles could not be opened"), offer.backup
    words = offer_words(entry, offer.database.parent)
    if not ask_to_restore(parent, title, offer.damage, words):
        return False
    kept, failure = run_with_progress(parent, offer.restore)
    if failure is not None:
        if not isinstance(failure, UserFacingError):
            log.error("restore at start-up failed", exc_info=failure)
            failure = UserFacingError(
                _(
                    "The backup could not be restored ({reason}); your data was left as it was."
                ).format(reason=failure)
            )
        tell(parent, title, str(failure), failed=True)
        return False
    said = _("Restored the backup of {when}: {holds}.").format(
        when=when_words(entry), holds=holds_words(entry)
    )
    if kept is not None:
        said += " " + _("Your data as it was is kept as {file}.").format(file=kept)
    tell(parent, _("Restore from backup"), said, failed=False)
    return True
