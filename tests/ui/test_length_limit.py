"""A name pasted by mistake (10,000 characters) was cut to its first 200 without a word: the
field now says what it kept, in the facilitator's language."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolTip

from circlekeeper.ui.setup.newcomer_dialog import MAX_NAME, NewcomerDialog


def paste_into(dialog: NewcomerDialog, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    dialog.name.setFocus()
    dialog.name.paste()


def test_a_pasted_name_too_long_is_cut_and_the_field_says_so(qtbot) -> None:
    dialog = NewcomerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    paste_into(dialog, "Konstantinopoulou" * 600)
    assert len(dialog.name.text()) == MAX_NAME
    assert QToolTip.text() == "Only the first 200 characters are kept."


def test_a_name_that_fits_says_nothing(qtbot) -> None:
    QToolTip.hideText()
    dialog = NewcomerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    paste_into(dialog, "يوسف الحسيني 🌈")
    assert dialog.name.text() == "يوسف الحسيني 🌈"
    assert QToolTip.text() == ""


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("es", "Solo se conservan los primeros 200 caracteres."),
        ("ar", "يُحفظ أول 200 حرف فقط."),
    ],
)
def test_the_notice_is_in_the_facilitator_s_language(
    qtbot, english_afterwards, language: str, said: str
) -> None:
    from circlekeeper.i18n import use_language

    use_language(language)
    dialog = NewcomerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    paste_into(dialog, "x" * 1000)
    assert QToolTip.text() == said
