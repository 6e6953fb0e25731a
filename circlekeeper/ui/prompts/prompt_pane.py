"""The prompt browser's side pane: the current prompt in large words, its facts, the note that
anyone may pass, and the buttons that act on it (favourite, hide, edit, archive).

Kept out of the dialog so the dialog only wires intents to the library; this pane only shows
what it is told and labels its buttons to match.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, pgettext
from circlekeeper.session.prompts import Prompt
from circlekeeper.ui.prompts.browser_parts import PreviewText
from circlekeeper.ui.prompts.labels import describe, origin, passing_note, technical_id
from circlekeeper.ui.read_only_hold import writes


class PromptPane(QWidget):
    """Preview, facts, passing note and action buttons for the prompt the list has current."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewText()
        self.preview.setAccessibleName(_("Prompt preview"))
        font = QFont(self.preview.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.preview.setFont(font)
        self.details = QLabel()
        self.details.setAccessibleName(_("Prompt details"))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        # A long prompt must not widen the dialog.
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        passing = QLabel(passing_note())
        passing.setWordWrap(True)
        self.favourite = writes(QPushButton(_favourite_words(False)))
        self.favourite.setCheckable(True)
        self.favourite.setAccessibleName(plain(_favourite_words(False)))
        # Ctrl+D beside Alt+F: a button's setShortcut would replace the Alt+letter of its text.
        QShortcut(QKeySequence("Ctrl+D"), self, self.favourite.click)
        self.hide_button = writes(QPushButton(_hide_words(False)))
        self.hide_button.setAccessibleName(plain(_hide_words(False)))
        self.edit_button = writes(QPushButton(_("&Edit…")))
        self.edit_button.setAccessibleName(_("Edit prompt"))
        self.archive_button = writes(QPushButton(_archive_words(False)))
        self.archive_button.setAccessibleName(plain(_archive_words(False)))
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
            self.preview.setText(_("No prompt matches. Try fewer filters, or write your own."))
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
        self.favourite.setText(_favourite_words(favourite))
        self.hide_button.setText(_hide_words(hidden))
        self.hide_button.setAccessibleName(plain(self.hide_button.text()))
        self.archive_button.setVisible(prompt.custom)
        self.archive_button.setText(_archive_words(prompt.archived))
        self.archive_button.setAccessibleName(plain(self.archive_button.text()))


# Buttons that act on a prompt: verbs (mark it a favourite, hide it, archive it), not nouns.


def plain(text: str) -> str:
    """A button's words without the ``&`` of its Alt+letter, for its accessible name."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _favourite_words(favourite: bool) -> str:
    if favourite:
        return pgettext("prompt action", "★ &Favourite")
    # Translators: a toggle button: mark the prompt as one of your favourites.
    return pgettext("prompt action", "&Favourite")


def _hide_words(hidden: bool) -> str:
    if hidden:
        return pgettext("prompt action", "Sho&w again")
    # Translators: a button: stop offering and drawing this prompt.
    return pgettext("prompt action", "Hi&de")


def _archive_words(archived: bool) -> str:
    if archived:
        return pgettext("prompt action", "&Restore")
    # Translators: a button: put one of your own prompts away (it can be restored).
    return pgettext("prompt action", "&Archive")
