"""The list a circle's language is chosen from: each language by its own name.

A Spanish-speaking circle can run while the window speaks English; the circle's language picks
the prompt decks its rounds are drawn from. Empty means "whatever the app speaks".
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from circlekeeper.i18n import _, shipped_languages


def circle_language_choice(current: str) -> QComboBox:
    choice = QComboBox()
    choice.setAccessibleName(_("Language of the prompts"))
    choice.setToolTip(_("Prompts are drawn from the decks in this language"))
    choice.addItem(_("The app's language"), "")
    for language in shipped_languages():
        choice.addItem(language.native_name, language.code)
    choice.setCurrentIndex(max(0, choice.findData(current)))
    return choice
