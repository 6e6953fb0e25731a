"""Every window, page, dialog and message box in Arabic and German (the longest) at 1366×768:
no button or label too small for its words, and Qt's own Cancel in the words of our catalog.

The walk (``tests/ui/screen_walk.py``) opens each as a facilitator does; each is measured with
the pseudo-locale scanner's own check (``pseudo_screens.cut_off``), here on real translations
and on Qt's own buttons too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

from circlekeeper.app import AppParts
from circlekeeper.i18n import _, use_language
from circlekeeper.ui.qt_language import apply_language
from tests.ui.conftest import TestClock
from tests.ui.pseudo_screens import cut_off, cut_off_text
from tests.ui.screen_walk import shown_in, walk

LANGUAGES = ("ar", "de")


@pytest.fixture(params=LANGUAGES)
def translated_app(
    request: pytest.FixtureRequest,
    qtbot,
    tmp_path: Path,
    clock: TestClock,
    english_afterwards: QApplication,
) -> Iterator[AppParts]:
    db = tmp_path / "fit.sqlite3"
    with shown_in(request.param, qtbot, db, clock, english_afterwards) as parts:
        yield parts


def test_no_button_or_label_is_too_small_for_its_words(
    translated_app: AppParts, clock: TestClock
) -> None:
    found = walk(translated_app, clock, cut_off_text)
    assert not found, f"{len(found)} cut off:\n" + "\n".join(str(o) for o in found)


def test_the_check_catches_qts_own_button_made_too_narrow(qtbot, english_afterwards) -> None:
    apply_language(english_afterwards, "de")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Abbrechen"
    cancel.setFixedWidth(cancel.fontMetrics().horizontalAdvance("Abb"))
    box.show()
    assert cut_off(cancel, cancel.text())
    assert [o.widget.split("/")[-1] for o in cut_off_text("sample", box)] == ["QPushButton"]


def qt_cancel(parent: QWidget) -> QPushButton:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent)
    return box.button(QDialogButtonBox.StandardButton.Cancel)


def test_qts_cancel_says_what_our_own_cancel_buttons_say(qtbot, english_afterwards) -> None:
    """Qt's Arabic catalog says «ألغِ» (an imperative whose last vowel mark reads like a word
    cut off: it was reported as «إلغ»); every Cancel in the window says «إلغاء» instead."""
    top = QWidget()
    qtbot.addWidget(top)
    for code, word in (("ar", "إلغاء"), ("de", "Abbrechen"), ("fr", "Annuler")):
        use_language(code)
        translator = apply_language(english_afterwards, code)
        assert translator is not None
        assert qt_cancel(top).text() == word == _("Cancel")
        english_afterwards.removeTranslator(translator)


def test_qts_file_dialog_labels_are_translated_where_its_catalog_lacks_the_shortcut(
    english_afterwards,
) -> None:
    """Qt's Arabic, Spanish, French and Portuguese catalogs hold «Files of type:» but not the
    «Files of &type:» its file dialog asks for: that label showed in English."""
    for code in ("ar", "es", "fr", "pt_BR"):
        translator = apply_language(english_afterwards, code)
        assert translator is not None
        label = QCoreApplication.translate("QFileDialog", "Files of &type:")
        assert label and "Files" not in label, (code, label)
        english_afterwards.removeTranslator(translator)
