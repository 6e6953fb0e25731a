"""The vault, seen from Qt: lock/unlock signals, the idle check on a timer, activity tracking.

The vault itself is plain Python (an injected clock and ``touch()``). This bridge asks it every
few seconds whether the idle time is over, turns its listener calls into ``locked`` /
``unlocked`` signals for the widgets (which clear their text on ``locked``), counts key presses
and clicks anywhere in the app as activity, and on lock clears the clipboard if it still holds
text the facilitator copied out of a notes widget, so a note copied by hand does not outlive the
lock (only a digest of such text is kept, in memory, until the lock).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from circlekeeper.errors import ConnectionLost, UserFacingError
from circlekeeper.i18n import _
from circlekeeper.vault.vault import Vault

log = logging.getLogger(__name__)

CHECK_MS = 5_000
"""How often the idle time is checked; the lock is at most this late."""
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

UnlockPrompt = Callable[[QWidget | None], bool]
PRIVATE = "circlekeeperPrivateNote"
"""Dynamic property marking a widget that shows note text (copies from it are tracked)."""


def mark_private(widget: QWidget) -> None:
    widget.setProperty(PRIVATE, True)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class VaultBridge(QObject):
    """One per application; every notes widget listens to its signals."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        check_ms: int = CHECK_MS,
        track_activity: bool = True,
        unlock_prompt: UnlockPrompt | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self._prompt = unlock_prompt
        vault.add_listener(self._vault_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check_idle)
        self._timer.start()
        self._filtering = False
        self._copied: set[bytes] = set()
        if QGuiApplication.instance() is not None:
            clipboard = QGuiApplication.clipboard()
            clipboard.dataChanged.connect(
                lambda: self._clipboard_changed(QClipboard.Mode.Clipboard)
            )
            clipboard.selectionChanged.connect(
                lambda: self._clipboard_changed(QClipboard.Mode.Selection)
            )
        app = QCoreApplication.instance()
        if track_activity and app is not None:
            app.installEventFilter(self)
            self._filtering = True

    @property
    def is_unlocked(self) -> bool:
        return self.vault.is_unlocked

    def check_idle(self) -> None:
        self.vault.check_idle()

    def lock(self) -> None:
        self.vault.lock()

    def request_unlock(self, parent: QWidget | None = None) -> bool:
        """Ask for the passphrase (or to choose one on first use); True once unlocked.

        Which dialog to show depends on the vault's header, read from the database: on a
        server that does not answer, a message says so at once (before, the slot failed
        silently and the passphrase typed next went to the live circle as its keys).
        """
        if self.vault.is_unlocked:
            return True
        try:
            if self._prompt is not None:
                return self._prompt(parent)
            from circlekeeper.ui.notes.passphrase_dialogs import ask_to_unlock

            return ask_to_unlock(self.vault, parent)
        except UserFacingError as error:
            from PySide6.QtWidgets import QMessageBox

            said = (
                _(
                    "Private notes cannot be unlocked while the server does not answer; the"
                    " circle goes on. Try again once the server is back."
                )
                if isinstance(error, ConnectionLost)
                else str(error)
            )
            QMessageBox.warning(parent, _("Notes are locked"), said)
            return False

    def set_unlock_prompt(self, prompt: UnlockPrompt | None) -> None:
        """Tests (and the composition root) may replace the passphrase dialogs."""
        self._prompt = prompt

    def shutdown(self) -> None:
        """Lock, stop the timer and stop listening (application exit)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if self._filtering and app is not None:
            app.removeEventFilter(self)
            self._filtering = False
        self.vault.lock()
        self.vault.remove_listener(self._vault_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.vault.is_unlocked:
            self.vault.touch()
        return False

    def _vault_changed(self, unlocked: bool) -> None:
        if unlocked:
            self.unlocked.emit()
            return
        self._clear_copied_notes()
        self.locked.emit()

    def _clipboard_data_changed(self) -> None:
        self._clipboard_changed(QClipboard.Mode.Clipboard)

    def _selection_changed(self) -> None:
        self._clipboard_changed(QClipboard.Mode.Selection)

    def _clipboard_changed(self, mode: QClipboard.Mode) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and focus.property(PRIVATE):
            self._copied.add(_digest(QGuiApplication.clipboard().text(mode)))

    def _clear_copied_notes(self) -> None:
        if not self._copied or QGuiApplication.instance() is None:
            self._copied.clear()
            return
        clipboard = QGuiApplication.clipboard()
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            if _digest(clipboard.text(mode)) in self._copied:
                clipboard.clear(mode)
                log.info("Cleared note text from the clipboard as notes locked")
        self._copied.clear()
