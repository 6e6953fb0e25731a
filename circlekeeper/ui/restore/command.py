"""Circle ▸ *Restore from backup…*: what ``circlekeeper restore`` does, without a terminal.

Refused, with a sentence saying why, while a circle runs or its summary is open (the circle is
being written), on a server database and in a read-only folder (as the command refuses them).
Otherwise: choose a backup, confirm a question that says what is replaced and where the data
of now is kept, then the data is closed, the backup put in place (with a progress dialog) and
the window built again on the restored data, as a language switch builds it, with no restart.
A backup found damaged or wrong at that point changes nothing: the window opens the data it
had.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.ui.restore.shelf import BackupEntry, BackupShelf, holds_words, when_words

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from circlekeeper.ui.language_switch import LanguageSwitch
    from circlekeeper.ui.main_window import MainWindow

log = logging.getLogger(__name__)

Tell = Callable[["QWidget", str, str], object]
"""Shows a message (parent, title, text)."""


def _warn(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def _inform(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


class RestoreCommand:
    """The menu command; called with the window it was chosen in."""

    def __init__(
        self,
        shelf: Callable[[], BackupShelf],
        release: Callable[[], object],
        connect: Callable[[MainWindow], object],
        switch: LanguageSwitch,
    ) -> None:
        """``release`` closes the open data (the restore replaces its file); ``connect`` opens
        it again for a new window; ``switch`` puts that window where the old one was."""
        self.shelf = shelf
        self.release = release
        self.connect = connect
        self.switch = switch
        self.choose: Callable[[MainWindow, BackupShelf], BackupEntry | None] = choose_backup
        """Asks which backup (tests answer it themselves)."""
        self.refuse: Tell = _warn
        self.done: Tell = _inform

    def __call__(self, window: MainWindow) -> MainWindow | None:
        """Restore, asking first; returns the window showing the restored data, or ``None``."""
        from circlekeeper.ui.history.deleting import settle_pages

        settle_pages(window)  # a session deleted in History goes first, before its data does
        title = _("Restore from backup")
        shelf = self.shelf()
        refusal = _busy(window) or shelf.refusal()
        if refusal is not None:
            self.refuse(window, title, refusal)
            return None
        entry = self.choose(window, shelf)
        if entry is None:
            return None
        if entry.problem is not None:
            self.refuse(
                window,
                title,
                _("{file} cannot be restored: {reason}.").format(
                    file=entry.path.name, reason=entry.problem
                ),
            )
            return None
        if not window.ask(_("Restore this backup?"), confirmation(shelf.current(), entry)):
            return None
        from circlekeeper.ui.restore.progress import run_with_progress

        self.release()
        kept, failure = run_with_progress(window, lambda tell: shelf.restore(entry.path, tell))
        fresh = self.reopen(window)
        if fresh is None:
            return None
        if failure is not None:
            if not isinstance(failure, UserFacingError):
                log.error("restore failed", exc_info=failure)
            self.refuse(fresh, title, _failure_words(failure))
            return fresh
        said = _("Restored the backup of {when}: {holds}.").format(
            when=when_words(entry), holds=holds_words(entry)
        )
        if kept is not None:
            said += " " + _("Your data as it was is kept as {file}.").format(file=kept)
        fresh.say(said)
        self.done(fresh, title, said)
        return fresh

    def reopen(self, old: MainWindow) -> MainWindow | None:
        """The window again, on the data as the restore left it (restored, or as it was)."""
        from copy import copy

        from circlekeeper.ui.main_window import MainWindow

        options = copy(old.options)  # the window's own choices carry over, as in a switch
        options.extra_pages, options.switch_language = {}, None
        fresh = MainWindow(None, options)
        try:
            self.connect(fresh)
        except UserFacingError as error:  # the data is closed: nothing can go on without it
            from PySide6.QtWidgets import QApplication, QMessageBox

            log.error("could not open the database after a restore: %s", error)
            fresh.deleteLater()
            QMessageBox.critical(old, _("CircleKeeper cannot open its data"), str(error))
            QApplication.exit(error.exit_code)
            return None
        self.switch.put_in_place(old, fresh)
        fresh.offer_resume()  # a backup made while a circle ran holds it, to resume
        return fresh


def _busy(window: MainWindow) -> str | None:
    """Why the window cannot let its data go now."""
    if window.controller is not None:
        return _(
            "A circle is running. End it first (its record is being written), then restore"
            " the backup."
        )
    if window.summary_view is not None:
        return _("Save and close the circle's summary first, then restore the backup.")
    if not window.has_data:
        return _("The data is still opening; try again in a moment.")
    return None


def confirmation(now: BackupEntry, entry: BackupEntry) -> str:
    """The question: what goes, what comes back, and where the data of now is kept."""
    return "\n\n".join(
        (
            _(
                "Everything CircleKeeper holds now ({holds_now}, private notes, prompts and"
                " settings) will be replaced by the backup of {when} ({holds})."
            ).format(holds_now=holds_words(now), when=when_words(entry), holds=holds_words(entry)),
            _(
                "Your current data is kept first, as a file beside the database in {folder},"
                " so nothing is lost: you can restore it the same way."
            ).format(folder=now.path.parent),
            _("Private notes in the backup open with the passphrase they had then."),
        )
    )


def _failure_words(failure: BaseException) -> str:
    if isinstance(failure, UserFacingError):
        return str(failure)
    return _("The backup could not be restored ({reason}); your data was left as it was.").format(
        reason=failure
    )


def choose_backup(window: MainWindow, shelf: BackupShelf) -> BackupEntry | None:
    """The chooser dialog, with *Choose another file…* starting in the backups folder."""
    from circlekeeper.ui.restore.chooser import BackupChooser

    def pick_file(parent: QWidget) -> BackupEntry | None:
        from PySide6.QtWidgets import QFileDialog

        filters = ";;".join(
            (_("CircleKeeper backups (*.sqlite3 *.db *.replaced-*)"), _("All files (*)"))
        )
        path, _filter = QFileDialog.getOpenFileName(
            parent, _("Choose a backup"), str(shelf.folder()), filters
        )
        if not path:
            return None
        try:
            return shelf.describe(Path(path))
        except OSError as error:
            _warn(
                parent,
                _("Restore from backup"),
                _("CircleKeeper cannot read {path} ({reason}).").format(
                    path=path, reason=error.strerror
                ),
            )
            return None

    dialog = BackupChooser(shelf.backups(), pick_file, window)
    dialog.exec()
    return dialog.chosen
