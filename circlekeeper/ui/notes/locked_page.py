"""What the notes panel shows while private notes are locked (or not set up yet): one sentence
and the button that asks for the passphrase, or offers to choose one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from circlekeeper.i18n import _


class LockedPage(QWidget):
    def __init__(self, unlock: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(_("Private notes are locked."))
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(_("Notes are locked"))
        self.button = QPushButton()
        self.button.clicked.connect(lambda _=False: unlock())
        self.show_for(set_up=True)
        layout.addStretch(1)
        # Full width, centred text: a wrapped label given only its preferred width by an
        # alignment flag got too little height and its second line was cut in half.
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def show_for(self, *, set_up: bool) -> None:
        """The words for a vault with a passphrase (unlock it) or without one (choose one)."""
        if set_up:
            self.label.setText(_("Private notes are locked."))
            self.button.setText(_("Unlock…"))
            self.button.setAccessibleName(_("Unlock notes"))
            self.button.setToolTip(_("Enter your passphrase"))
        else:
            # The button asks for a passphrase nobody has yet: it offers to choose one.
            self.label.setText(_("No private notes yet. Choose a passphrase to start."))
            self.button.setText(_("Choose a passphrase…"))
            self.button.setAccessibleName(_("Choose a passphrase"))
            self.button.setToolTip(_("Private notes are encrypted with a passphrase only you know"))
