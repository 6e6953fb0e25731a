"""Window shortcuts a one-line text field would otherwise keep for itself.

On X11, Qt's line editor claims Ctrl+E (end of line, as in Emacs) before any shortcut sees it
(it accepts the ``ShortcutOverride``). Where the facilitator's keys sit in such a field, the
window's Ctrl+E did nothing, on Linux only: the private-notes panel's *Edit* from its search box,
and the live screen's *End circle…* from the private-note field. A field named here lets the
listed keys go on to the shortcuts; End and Home still move in the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

CTRL_E = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_E)
"""The live screen's *End circle…*, the notes panel's *Edit*."""


class _LetThrough(QObject):
    def __init__(self, keys: tuple[QKeyCombination, ...], field: QWidget) -> None:
        super().__init__(field)
        self._keys = keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() in self._keys
        ):
            event.ignore()  # not the field's: the window's shortcut takes it
            return True
        return False


def let_shortcuts_through(field: QWidget, *keys: QKeyCombination) -> None:
    """``keys`` pressed in ``field`` reach the window's shortcuts, not the field's editing."""
    field.installEventFilter(_LetThrough(keys, field))
