"""While the data is open read-only, the commands that would change it are held, and say why.

A database in a folder CircleKeeper cannot write (a locked USB stick, a read-only share) opens
read-only: the window said so, but *New circle*, *Start a circle*, *Import* and the rest stayed
enabled, and each failed only after the facilitator had filled in a form or picked who is
there. Now each is disabled with a tooltip (and a status-bar tip, for menus) saying why; what
only reads (the circles, history, exports, the prompt library to browse) stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    from circlekeeper.ui.main_window import MainWindow
    from circlekeeper.ui.notes.factory import NotesMenu


def read_only_reason() -> str:
    """The tooltip of every held command."""
    return _(
        "Not available: the data is open read-only because its folder cannot be written to."
        " Copy the database to a writable folder to change it."
    )


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


def _hold_action(action: QAction, reason: str) -> None:
    action.setEnabled(False)
    action.setToolTip(reason)
    action.setStatusTip(reason)
