"""The prompt library and the prompt editor from the keyboard: every button, tick box and field
label has an Alt+letter, in every language, and no two of one window share one.

Walking the library keyboard-only, *New prompt…* was thirteen Tabs away and nothing in the
library or the editor had an Alt+letter, while the history beside it had one for every control.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget

from circlekeeper.i18n import SHIPPED_LANGUAGES, use_language
from circlekeeper.session.prompts import PromptCategory
from circlekeeper.ui.prompts.browser import PromptBrowser
from circlekeeper.ui.prompts.editor import PromptEditorDialog
from circlekeeper.ui.prompts.labels import principle_names
from tests.ui.mnemonics import mnemonic, mnemonic_clashes


def without_letters(window: QWidget) -> list[str]:
    """Buttons, tick boxes and field labels of ``window`` that Alt+letter cannot reach (the
    dialog's own Close / Cancel are Qt's, Return presses the default button, and tabs switch
    with Ctrl+Tab). A button given another shortcut (Ctrl+N) loses its Alt+letter: the letter
    is underlined and does nothing, and Alt+N typed an "n" into the search box."""
    standard = {
        button
        for box in window.findChildren(QDialogButtonBox)
        for button in box.buttons()
        if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    }
    missing = [
        b.text()
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window)
        and b.text()
        and b not in standard
        and not getattr(b, "isDefault", lambda: False)()
        and (mnemonic(b.text()) is None or b.shortcut() != QKeySequence.mnemonic(b.text()))
    ]
    missing += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and mnemonic(label.text()) is None
    ]
    return missing


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_the_library_answers_alt_letters_in_every_language(
    qtbot, library, language: str, english_afterwards: QApplication
) -> None:
    use_language(language)
    browser = PromptBrowser(library, circle_id=1, circle_name="Tuesday")
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    browser.pane.archive_button.setVisible(True)  # shown for one's own prompts
    assert without_letters(browser) == []
    assert mnemonic_clashes("prompt library", browser) == []


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_the_prompt_editor_answers_alt_letters_in_every_language(
    qtbot, language: str, english_afterwards: QApplication
) -> None:
    use_language(language)
    dialog = PromptEditorDialog(category=PromptCategory.HOPE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    principles = set(principle_names().values())
    # The four principles' tick boxes keep their names as written: a set to Tab through.
    missing = [text for text in without_letters(dialog) if text not in principles]
    assert missing == []
    assert mnemonic_clashes("prompt editor", dialog) == []


def test_ctrl_d_and_alt_f_both_mark_a_favourite(qtbot, library) -> None:
    browser = PromptBrowser(library)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    first = browser.pane.favourite.isChecked()
    qtbot.keyClick(browser.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert browser.pane.favourite.isChecked() is not first
    qtbot.keyClick(browser.list, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: browser.pane.favourite.isChecked() is first)  # an animated click
