"""The vault, seen from Qt: lock/unlock signals, the idle check on a timer, activity tracking.

The vault itself is plain Python (an injected clock and ``touch()``). This bridge asks it every
few seconds whether the idle time is over, turns its listener calls into ``locked`` /
``unlocked`` signals for the widgets (which clear their text on ``locked``), counts key presses
and clicks anywhere in the app as activity, and on lock clears the clipboard if this app still
owns it, so a note copied by hand does not outlive the lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QWidget

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
        if track_activity and QCoreApplication.instance() is not None:
            QCoreApplication.instance().installEventFilter(self)
            self._filtering = True

    @property
    def is_unlocked(self) -> bool:
        return self.vault.is_unlocked

    def check_idle(self) -> None:
        self.vault.check_idle()

    def lock(self) -> None:
        self.vault.lock()

    def request_unlock(self, parent: QWidget | None = None) -> bool:
        """Ask for the passphrase (or to choose one on first use); True once unlocked."""
        if self.vault.is_unlocked:
            return True
        if self._prompt is not None:
            return self._prompt(parent)
        from circlekeeper.ui.notes.passphrase_dialogs import ask_to_unlock

        return ask_to_unlock(self.vault, parent)

    def set_unlock_prompt(self, prompt: UnlockPrompt | None) -> None:
        """Tests (and the composition root) may replace the passphrase dialogs."""
        self._prompt = prompt

    def shutdown(self) -> None:
        """Lock, stop the timer and stop listening (application exit)."""
        self._timer.stop()
        if self._filtering and QCoreApplication.instance() is not None:
            QCoreApplication.instance().removeEventFilter(self)
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
        _clear_own_clipboard()
        self.locked.emit()


def _clear_own_clipboard() -> None:
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.ownsClipboard():
        clipboard.clear(QClipboard.Mode.Clipboard)
        log.info("Cleared the clipboard this app owned when notes locked")
    if clipboard.supportsSelection() and clipboard.ownsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
