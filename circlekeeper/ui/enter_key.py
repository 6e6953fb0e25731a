"""Enter (or Return) on a focused button presses it, as Space does, in every window.

Installed by :func:`circlekeeper.ui.theme.install_enter_presses_buttons` once the main
window is on screen; kept apart from the theme so that loading the theme does not build the
enums of Qt's event classes before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton


class EnterPressesButtons(QObject):
    """Enter (or Return) on a focused button presses it, as Space does: Tab then Enter is how
    many people work a form. A dialog's own default-button handling is left alone."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Key events on buttons first: this runs for every event of the app.
        if not (isinstance(event, QKeyEvent) and isinstance(watched, QPushButton)):
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and watched.isEnabled()
            and not (watched.autoDefault() and isinstance(watched.window(), QDialog))
        ):
            watched.animateClick()
            return True
        return False
