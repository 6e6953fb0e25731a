"""Qt's own words (its ``qtbase`` catalog) in the facilitator's language, with our repairs.

Apart from ``qt_language.py`` because an English window loads no Qt translator: the class is
built, and Qt's translator class wrapped for Python, only when another language is spoken.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import N_

OUR_WORDS_FOR_QT: dict[tuple[str, str], str] = {("QPlatformTheme", "Cancel"): N_("Cancel")}
"""Qt's own words that CircleKeeper's catalog says instead: (Qt's context, Qt's source text)
→ our message id.

Qt's Arabic catalog calls every dialog's Cancel button «ألغِ», a short imperative whose final
vowel mark reads to many as a word cut off («إلغ…»); our catalog's «إلغاء» is what Arabic
software usually shows, and what CircleKeeper's own Cancel buttons already say. Taking the word
from our catalog keeps one wording per language across Qt's buttons and ours."""


class QtWords(QTranslator):
    """Qt's ``qtbase`` catalog for one language, with two repairs.

    - The few words in :data:`OUR_WORDS_FOR_QT` come from CircleKeeper's catalog.
    - Qt's widget file dialog asks for ``Files of &type:``, which several of Qt's own
      catalogs (Arabic, Spanish, French, Brazilian Portuguese) only hold without the ``&``:
      that older wording is used instead of English (the label loses its shortcut letter,
      which its combo box never had a use for).
    """

    def __init__(self, code: str, parent: QApplication) -> None:
        super().__init__(parent)
        from circlekeeper.i18n import translations_for

        ours = translations_for(code)
        self.ours = {
            key: ours.gettext(message)
            for key, message in OUR_WORDS_FOR_QT.items()
            if ours.gettext(message) != message
        }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        ours = self.ours.get((context, source))
        if ours is not None:
            return ours
        found = super().translate(context, source, disambiguation, n)
        if not found and "&" in source:
            found = super().translate(context, source.replace("&", ""), disambiguation, n)
        return found or ""
