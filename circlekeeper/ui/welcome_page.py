"""The first page a facilitator meets: on an empty database it says hello and offers a path.

Shown before the data has opened, so it is kept small and loads nothing beyond a few widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from circlekeeper.i18n import _


class WelcomePage(QWidget):
    """Nobody should meet an empty grey window: the first start says hello and offers a path."""

    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Welcome"))
        title = QLabel(_("Welcome to CircleKeeper"))
        title.setObjectName("welcomeTitle")
        text = QLabel(
            _(
                "CircleKeeper helps you hold a peer-support circle: a fair speaking-turn timer"
                " that gives everyone an equal share of the time, the right to pass, check-in"
                " and check-out prompts, and private notes only you can read."
            )
            + "\n\n"
            + _(
                "Start by creating your circle — its name, the people in it and your group"
                " agreements — or look around a demo circle first."
            )
        )
        text.setWordWrap(True)
        self.text_label = text
        create = QPushButton(_("Create your first circle"))
        create.setAccessibleName(create.text())
        create.setDefault(True)
        create.clicked.connect(self.create_requested)
        demo = QPushButton(_("Look around a demo circle"))
        demo.setAccessibleName(demo.text())
        demo.clicked.connect(self.demo_requested)
        self._buttons = (create, demo)
        self.demo_refused = QLabel()
        self.demo_refused.setWordWrap(True)
        self.demo_refused.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addWidget(create)
        layout.addWidget(demo)
        layout.addWidget(self.demo_refused)
        layout.addStretch(2)
        self.setStyleSheet("#welcomeTitle { font-size: 28px; font-weight: 600; }")
        self.setMaximumWidth(720)

    def buttons(self) -> tuple[QPushButton, ...]:
        return self._buttons

    def refuse_demo(self, reason: str) -> None:
        """No demo circle here (an organization's server): say why where it was asked for,
        and take the button away."""
        self._buttons[1].hide()
        self.demo_refused.setText(reason)
        self.demo_refused.show()

    def set_ready(self, ready: bool) -> None:
        """While the data opens (a moment after the window appears) the buttons wait; while
        a server's opens, the window shows :class:`~circlekeeper.ui.opening_page.OpeningPage`
        instead (the welcome is for an empty database, not for one not read yet)."""
        for button in self._buttons:
            button.setEnabled(ready)
        self._take_the_keys()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._take_the_keys()

    def _take_the_keys(self) -> None:
        """The keyboard on *Create your first circle*, the button that looks like the default:
        it sat on the empty circle list beside it, where Enter or Space did nothing."""
        create = self._buttons[0]
        focus = QApplication.focusWidget()
        here = focus is not None and self.isAncestorOf(focus)
        if self.isVisible() and create.isEnabled() and not here:
            create.setFocus()
