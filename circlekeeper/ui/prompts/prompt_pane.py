"""The prompt browser's side pane: the current prompt in large words, its facts, the note that
anyone may pass, and the buttons that act on it (favourite, hide, edit, archive).

Kept out of the dialog so the dialog only wires intents to the library; this pane only shows
what it is told and labels its buttons to match.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.session.prompts import Prompt
from circlekeeper.ui.prompts.browser_parts import PreviewText
from circlekeeper.ui.prompts.labels import PASSING_NOTE, describe, origin, technical_id

NO_MATCH = "No prompt matches. Try fewer filters, or write your own."


class PromptPane(QWidget):
    """Preview, facts, passing note and action buttons for the prompt the list has current."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewText()
        self.preview.setAccessibleName("Prompt preview")
        font = QFont(self.preview.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.preview.setFont(font)
        self.details = QLabel()
        self.details.setAccessibleName("Prompt details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        # A long prompt must not widen the dialog.
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        passing = QLabel(PASSING_NOTE)
        passing.setWordWrap(True)
        self.favourite = QPushButton("Favourite")
        self.favourite.setCheckable(True)
        self.favourite.setAccessibleName("Favourite")
        self.favourite.setShortcut(QKeySequence("Ctrl+D"))
        self.hide_button = QPushButton("Hide")
        self.hide_button.setAccessibleName("Hide")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setAccessibleName("Edit prompt")
        self.archive_button = QPushButton("Archive")
        self.archive_button.setAccessibleName("Archive")
        actions = QHBoxLayout()
        for button in self.buttons():
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.details)
        layout.addWidget(passing)
        layout.addLayout(actions)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.favourite, self.hide_button, self.edit_button, self.archive_button)

    def show_prompt(
        self,
        prompt: Prompt | None,
        *,
        heard: str = "",
        favourite: bool,
        hidden: bool,
        based_on_text: str = "",
    ) -> None:
        """Show ``prompt`` (None: nothing matches). ``heard``: a line on when the circle last
        heard it, empty when no circle is in view."""
        for button in self.buttons():
            button.setEnabled(prompt is not None)
        if prompt is None:
            self.preview.setText(NO_MATCH)
            self.details.setText("")
            self.details.setToolTip("")
            return
        self.preview.setText(prompt.text)
        facts = describe(prompt) + "\n" + origin(prompt, based_on_text)
        if heard:
            facts += "\n" + heard
        self.details.setText(facts)
        self.details.setToolTip(technical_id(prompt))
        self.favourite.setChecked(favourite)
        self.favourite.setText("★ Favourite" if favourite else "Favourite")
        self.hide_button.setText("Show again" if hidden else "Hide")
        self.hide_button.setAccessibleName(self.hide_button.text())
        self.archive_button.setVisible(prompt.custom)
        self.archive_button.setText("Restore" if prompt.archived else "Archive")
        self.archive_button.setAccessibleName(self.archive_button.text())
