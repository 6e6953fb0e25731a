"""*Start a circle*, *New circle* and *Add a newcomer* at 1024×600: every placeholder, label,
choice and button reads whole, in every language.

"Someone of the circle, or a…" (the facilitator fields), "Schreib eine Fra…" (a round's
prompt) and, in French, a prompt field of 53 pixels that said "Tape…": a narrow field now
shows the longest wording it has room for, and a narrow prompt cell says its "Same for
everyone" choice in fewer words so the prompt keeps room to be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from circlekeeper.i18n import SHIPPED_LANGUAGES, use_language
from circlekeeper.prompts import PromptDrawer, PromptLibrary, load_shipped_decks
from circlekeeper.prompts.memory import MemoryPromptRepository
from circlekeeper.session import Participant
from circlekeeper.ui.prompts.picker import PromptTools
from circlekeeper.ui.qt_language import apply_language
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.newcomer_dialog import NewcomerDialog
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan
from tests.ui.small_screen import SMALL_WINDOW
from tests.ui.words_cut import words_cut

PEOPLE = tuple(
    Participant(str(i), name, "")
    for i, name in enumerate(["Amal Haddad", "Jonas Berg", "Priya", "Wen"], 1)
)
PROMPT_READABLE = 100
"""Pixels of a round's prompt field: a dozen letters of the prompt (French had 53)."""


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return PromptLibrary(load_shipped_decks(), MemoryPromptRepository())


@pytest.fixture(params=SHIPPED_LANGUAGES)
def language(request: pytest.FixtureRequest, english_afterwards: QApplication) -> Iterator[str]:
    from circlekeeper.ui.theme import apply_theme

    code = str(request.param)
    use_language(code)
    apply_language(english_afterwards, code)
    sheet, font = english_afterwards.styleSheet(), english_afterwards.font()
    apply_theme(english_afterwards)  # the app's font and padding, as it starts
    yield code
    english_afterwards.setStyleSheet(sheet)
    english_afterwards.setFont(font)


def test_start_a_circle_reads_whole_at_1024x600(qtbot, library, language: str) -> None:
    brief = CircleBrief("Tuesday", PEOPLE, ("Listen to understand.",), default_plan(), ())
    tools = PromptTools(drawer=PromptDrawer(library, seed=0), browse=lambda parent, c: None)
    dialog = SetupDialog(brief, seed=1, prompt_tools=tools)
    qtbot.addWidget(dialog)
    dialog.resize(*SMALL_WINDOW)
    dialog.show()
    QApplication.processEvents()
    assert not dialog.facilitator.text(), "its placeholder shows"
    assert words_cut(dialog) == []
    for row in range(dialog.plan.table.rowCount()):
        picker = dialog.plan.picker(row)
        assert picker is not None and picker.field.width() >= PROMPT_READABLE, (
            row,
            picker.field.width(),
        )


def _settings() -> QDialog:
    from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog

    return SettingsDialog(AppSettings(), language="")


def _arrival() -> QDialog:
    from circlekeeper.ui.live.arrival_dialog import ArrivalDialog

    return ArrivalDialog(PEOPLE)


@pytest.mark.parametrize(
    "make",
    [CircleEditor, NewcomerDialog, _settings, _arrival],
    ids=["circle", "newcomer", "settings", "late arrival"],
)
def test_the_circle_newcomer_and_settings_dialogs_read_whole_at_1024x600(
    qtbot, language: str, make: Callable[[], QDialog]
) -> None:
    """Settings said "Ein PNG- oder JPEG-Bild (fr…" for its logo at both screen sizes, and
    *Late arrival* "Tippe einen Teil eines Namens oder den N…"."""
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(min(dialog.width(), SMALL_WINDOW[0]), min(dialog.height(), SMALL_WINDOW[1]))
    QApplication.processEvents()
    assert words_cut(dialog) == []
