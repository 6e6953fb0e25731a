"""The circle page at 1024×600 in every language: each group agreement can be read whole.

In German the page cut the agreements in the middle of their fifth line (the round plan and
the schedule below it squeezed them); what a circle holds now scrolls below its buttons.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.main_window import MainWindow
from circlekeeper.ui.qt_language import apply_language
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import app_options
from tests.ui.memory_catalog import MemoryCatalog

SMALL_WINDOW = (1016, 540)
"""The window on a 1024×600 screen, less its 32-pixel panel and the window manager's frame."""
AGREEMENTS = (
    "What is said here stays here.",
    "Phones away while someone is speaking.",
    "Speak from your own experience (“I”, not “you”).",
    "Listen to understand, not to reply.",
    "Everyone may pass, no questions asked.",
    "No advice unless someone asks for it.",
)


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt_BR", "ar"])
def test_every_agreement_can_be_read_whole_at_1024x600(
    qtbot, english_afterwards, clock, language: str
) -> None:
    use_language(language)
    apply_language(english_afterwards, language)
    window = MainWindow(MemoryCatalog(), app_options(clock))
    qtbot.addWidget(window)
    window.resize(*SMALL_WINDOW)
    window.show()
    qtbot.waitExposed(window)
    members = tuple(Member(-i, name, "they/them") for i, name in enumerate("ABCDEFGHIJ", 1))
    window.save_circle(
        CircleDetail(
            None,
            "Tuesday Evening Circle",
            description="A drop-in peer-support circle for anyone going through a hard time.",
            agreements=AGREEMENTS,
            default_plan=default_plan(),
            members=members,
        )
    )
    QApplication.processEvents()
    page = window.circle_page
    label = page.agreements
    assert label.height() >= label.heightForWidth(label.width()), "no line is squeezed out"
    page.sections.ensureWidgetVisible(label, 0, 0)
    QApplication.processEvents()
    viewport = page.sections.viewport()
    top = label.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + label.height() <= viewport.height(), "and all of it comes into view"
    assert window.height() <= SMALL_WINDOW[1], "the window keeps to the screen"
