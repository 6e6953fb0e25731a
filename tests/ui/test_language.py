"""The window's language: chosen in Settings by its own name, Qt's own buttons, RTL for Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n.choice import LanguagePreference
from circlekeeper.ui.qt_language import apply_language, reads_right_to_left
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog
from tests.ui.test_settings import answer_settings


def test_settings_list_languages_by_their_own_names(qtbot) -> None:
    dialog = SettingsDialog(AppSettings(), language="")
    qtbot.addWidget(dialog)
    assert dialog.language is not None
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == [
        "The system's language",
        "English",
        "Español",
        "Français",
        "Deutsch",
        "Português (Brasil)",
        "العربية",
    ]
    assert dialog.language.currentData() == ""


def test_no_place_to_keep_a_language_means_no_choice_offered(qtbot) -> None:
    dialog = SettingsDialog(AppSettings())
    qtbot.addWidget(dialog)
    assert dialog.language is None


def test_a_language_chosen_in_settings_is_kept_for_the_next_start(
    qtbot, real_app, tmp_path: Path, english_afterwards: QApplication
) -> None:
    parts = real_app()
    preference = LanguagePreference(tmp_path / "config" / "language")
    parts.window.options.language_preference = preference

    def choose_arabic(dialog: SettingsDialog) -> None:
        assert dialog.language is not None
        dialog.language.setCurrentIndex(dialog.language.findText("العربية"))

    answer_settings(choose_arabic)
    parts.window.open_settings()
    assert preference.load() == "ar"
    # ... and applied at once (tests/ui/test_language_switch.py has the details).
    assert parts.window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_arabic_mirrors_the_window_and_qt_speaks_its_own_buttons_in_arabic(
    english_afterwards: QApplication,
) -> None:
    app = english_afterwards
    translator = apply_language(app, "ar")
    assert translator is not None
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().language() == QLocale.Language.Arabic
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    assert cancel != "Cancel" and any("\u0600" <= c <= "\u06ff" for c in cancel)
    app.removeTranslator(translator)
    german = apply_language(app, "de")
    assert german is not None
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    app.removeTranslator(german)


@pytest.mark.parametrize(
    ("code", "right_to_left"),
    [
        ("ar", True),
        ("he", True),
        ("fa", True),
        ("ur", True),
        ("en", False),
        ("de", False),
        ("pt_BR", False),
        ("ja", False),
        ("zh", False),
    ],
)
def test_the_reading_direction_is_the_one_qt_knows(code: str, right_to_left: bool) -> None:
    locale = QLocale(code)
    assert reads_right_to_left(locale) is right_to_left
    expected = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    assert locale.textDirection() == expected
