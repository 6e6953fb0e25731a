"""The window's language: Qt's own strings, QLocale's formats and the reading direction.

CircleKeeper's strings come from its gettext catalog (``circlekeeper.i18n``); the buttons and
dialogs Qt draws itself (Yes/No/Cancel, file dialogs, context menus) come from the ``qtbase``
catalogs that ship with PySide6. Arabic turns the whole window right-to-left.
"""

from __future__ import annotations

import logging
import unicodedata

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import PSEUDO_LANGUAGE, SOURCE_LANGUAGE
from circlekeeper.i18n.languages import babel_locale_name

log = logging.getLogger(__name__)


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def reads_right_to_left(locale: QLocale) -> bool:
    """Whether the language is written right to left, from its name in its own script.

    Qt's own CLDR copy names every language in its script (العربية, עברית, اردو); the first
    letter with a strong direction tells which way it reads. ``QLocale.textDirection`` would
    say the same, but its answer is a ``Qt`` enum, and building the ``Qt`` namespace's enums
    costs tens of milliseconds before the window can appear; asking Babel would load it too
    (tests/ui/test_startup.py).
    """
    for letter in locale.nativeLanguageName():
        kind = unicodedata.bidirectional(letter)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def apply_language(app: QApplication, code: str) -> QTranslator | None:
    """Speak ``code`` in everything Qt draws; returns the installed ``qtbase`` translator."""
    locale = QLocale(babel_locale_name(code))
    QLocale.setDefault(locale)
    right_to_left = reads_right_to_left(locale)
    if right_to_left != app.isRightToLeft():
        from PySide6.QtCore import Qt  # only when the direction changes: see reads_right_to_left

        direction = Qt.LayoutDirection
        app.setLayoutDirection(direction.RightToLeft if right_to_left else direction.LeftToRight)
    if code in (SOURCE_LANGUAGE, PSEUDO_LANGUAGE):
        return None
    translator = QTranslator(app)
    if not translator.load(QLocale(code), "qtbase", "_", qt_translations_folder()):
        log.info("Qt ships no qtbase translation for %s; its own buttons stay in English", code)
        return None
    app.installTranslator(translator)
    return translator
