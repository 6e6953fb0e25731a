"""While the data is open read-only, the commands that would change it are held, and say why.

A database in a folder CircleKeeper cannot write (a locked USB stick, a read-only share) opens
read-only: the window said so, but *New circle*, *Start a circle*, *Import* and the rest stayed
enabled, and each failed only after the facilitator had filled in a form or picked who is
there. Now each is disabled with a tooltip (and a status-bar tip, for menus) saying why; what
only reads (the circles, history, exports, the prompt library to browse) stays as it was.

Controls built later, in dialogs and views that open on demand (History's *Delete session…*,
a circle's retention period, the prompt library's *Edit…* and *New prompt…*, a private note's
*Edit* and *Delete…*), are marked where they are built with :func:`writes`; while the data is
read-only a watcher on the application greys each marked control as it is shown and keeps it
greyed when its own logic would enable it again. Nothing is watched when the data is writable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from circlekeeper.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.notes.factory import NotesMenu


WRITES = "circlekeeper_writes"
"""The property that marks a control that changes the data."""
WidgetT = TypeVar("WidgetT", bound=QWidget)


def writes(widget: WidgetT) -> WidgetT:
    """``widget`` marked as changing the data: held, saying why, while the data is read-only."""
    widget.setProperty(WRITES, True)
    return widget


class _HeldWrites(QObject):
    """Greys every marked control as it is shown, and again when something enables it."""

    WATCHED = (QEvent.Type.ParentChange, QEvent.Type.Show, QEvent.Type.EnabledChange)
    """Put in a window (so held even before it shows), shown, enabled by its own logic."""

    def __init__(self, reason: str, window: QWidget) -> None:
        super().__init__(window)
        self.reason = reason
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in self.WATCHED
            and isinstance(watched, QWidget)
            and watched.property(WRITES)
            and self._in_window(watched)
        ):
            self.hold(watched)
        return False

    def _in_window(self, widget: QWidget) -> bool:
        """Only this window's controls and its dialogs': another window may hold other data."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            parent = parent.parentWidget()
        return parent is self.window

    def hold(self, widget: QWidget) -> None:
        if not widget.property(WRITES):
            return
        if widget.isEnabled():
            widget.setEnabled(False)
        if widget.toolTip() != self.reason:  # greyed by its own logic, it says why too
            widget.setToolTip(self.reason)


def read_only_reason() -> str:
    """The tooltip of every held command."""
    return _("Not available: the data is open read-only, so nothing can be changed.")


def hold_writes(window: MainWindow, notes_menu: NotesMenu | None = None) -> None:
    """Disable every command of ``window`` (and of its Notes menu) that would write, each
    saying why."""
    from PySide6.QtWidgets import QPushButton

    reason = read_only_reason()
    window.menus.build()
    window.menus.writes_held = True  # choosing a circle later must not enable them again
    window.menus.circle_menu.setToolTipsVisible(True)
    for action in window.menus.writing_actions:
        _hold_action(action, reason)
    buttons: list[QAbstractButton] = list(window.side.findChildren(QPushButton))
    buttons += [window.circle_page.start, window.circle_page.edit, *window.welcome.buttons()]
    for button in buttons:
        button.setEnabled(False)
        button.setToolTip(reason)
    if notes_menu is not None:
        notes_menu.hold_writes(reason)
    _hold_marked(window, reason)


def _hold_marked(window: MainWindow, reason: str) -> None:
    """Every control marked with :func:`writes`, in this window now and in whatever opens
    later (the watcher goes with the window)."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QApplication

    held = _HeldWrites(reason, window)
    for widget in window.findChildren(QWidget):
        held.hold(widget)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(held)
    delete = QKeySequence(QKeySequence.StandardKey.Delete)
    for shortcut in window.findChildren(QShortcut):  # History's Delete: deletes a session
        if shortcut.key() == delete:
            shortcut.setEnabled(False)


def _hold_action(action: QAction, reason: str) -> None:
    action.setEnabled(False)
    action.setToolTip(reason)
    action.setStatusTip(reason)
