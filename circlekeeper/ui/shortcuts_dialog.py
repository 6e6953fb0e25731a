"""Help ▸ Keyboard shortcuts: every key the app answers, in a dialog that fits the screen.

The help was a message box, as wide as Qt's message boxes are (about 500 pixels): in French
its lines wrapped so often that it stood 595 pixels tall on a 1024×600 screen with 568 free,
and its OK button sat under the desktop panel. The dialog takes the width it would like
(most lines then fit on one line), no more than the screen has, and its text scrolls when
even then it is taller than the screen; OK stays in sight and is the default button.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from circlekeeper.i18n import _
from circlekeeper.ui.screen_fit import FRAME_ALLOWANCE, available_area, scrolling
from circlekeeper.ui.window_menus import shortcuts_help

WIDEST = 760
"""Pixels the dialog would like: most lines of the help on one line in every language."""

SEPARATOR = "   ·   "
HELD_SEPARATOR = "\u00a0\u00a0\u00a0·   "
"""The dot held to the key before it (no-break spaces): a wrapped line then ends with the dot
and never starts with one, as a lone "·" at the start of a German line did."""


def wrappable(help_text: str) -> str:
    """The help as shown: lines break after a separator's dot, not before it."""
    return help_text.replace(SEPARATOR, HELD_SEPARATOR)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, room: QRect | None = None) -> None:
        """``room``: the free area of the screen (the parent's screen's when not given)."""
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        text = QLabel(wrappable(shortcuts_help()))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setAccessibleName(_("Keyboard shortcuts"))
        body = QVBoxLayout()
        body.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(buttons)
        area = room if room is not None else available_area(self)
        extra_w, extra_h = FRAME_ALLOWANCE
        width = min(WIDEST, area.width() - extra_w)
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right() - 2 * body.contentsMargins().left()
        wanted = (
            text.heightForWidth(inner)
            + buttons.sizeHint().height()
            + margins.top()
            + margins.bottom()
            + layout.spacing()
            + 2 * body.contentsMargins().top()
        )
        self.resize(width, min(wanted, area.height() - extra_h))
