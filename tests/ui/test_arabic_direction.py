"""Arabic: a circle's own words sit on the right like the rest of the page, and a signed
figure keeps its sign on the number's left, the ring's over-time as every other one."""

from __future__ import annotations

import pytest
from bidi import get_display
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.i18n.formats import format_clock, format_percent
from circlekeeper.session.model import Phase
from circlekeeper.session.state import TurnView
from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.live.timer_ring import time_text
from circlekeeper.ui.qt_language import apply_language
from circlekeeper.ui.setup.circle_page import CirclePage
from tests.ui.test_bidi_layout import _ink_columns


def seen_in_arabic(text: str) -> str:
    """What an Arabic reader sees, left to right on the screen, in a right-to-left line."""
    return plain(get_display(text, base_dir="R"))


@pytest.fixture
def arabic(english_afterwards):
    use_language("ar")
    apply_language(english_afterwards, "ar")
    return english_afterwards


def over_time(seconds: float) -> TurnView:
    return TurnView(
        person_id="1", spoken=60.0 + seconds, allotted=60.0, running=True, phase=Phase.OVER_TIME
    )


def test_the_rings_over_time_keeps_its_plus_on_the_numbers_left(arabic) -> None:
    """It read "0:16+": a bare "+" in a right-to-left line goes to the number's right."""
    shown = time_text(over_time(16))
    assert seen_in_arabic(shown) == "+0:16"
    # Written as the app writes every other signed figure in Arabic.
    assert seen_in_arabic(format_percent(0.25, signed=True)) == "+25%"
    assert seen_in_arabic(format_clock(16, signed=True)) == "+0:16"
    assert seen_in_arabic(format_clock(-16, signed=True)) == "-0:16"
    assert shown.startswith(format_percent(0.25, signed=True).removesuffix("25%"))


def test_an_english_over_time_is_unchanged() -> None:
    assert time_text(over_time(15)) == "+0:15"


def test_a_circles_title_and_description_sit_on_the_right_in_arabic(qtbot, arabic) -> None:
    page = CirclePage()
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show_circle(
        CircleDetail(
            1,
            "Grief Circle",
            "Time and space to speak about loss, at your own pace.",
            agreements=("Listen to understand, not to reply.",),
            demo=True,
        )
    )
    page.show()
    QApplication.processEvents()
    for label in (page.title, page.description, page.agreements):
        ink = _ink_columns(label)
        assert ink, "drawn"
        assert max(ink) > label.width() - 12, f"{label.text()!r} ends at the right edge"
        assert min(ink) > label.width() / 4, f"{label.text()!r} is not pinned to the left"
    # The full stop stays at the end of the English sentence, not thrown to its start.
    assert plain(page.description.text()).endswith("pace.")


def test_the_agreements_to_read_aloud_sit_on_the_right_in_arabic(qtbot, arabic) -> None:
    """*Start a circle* set them left to right, pinned to the left edge, while the circle's
    page beside it aligned them right."""
    from PySide6.QtWidgets import QLabel

    from circlekeeper.session import Participant
    from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan

    agreements = ("Listen first.", "No advice.")
    brief = CircleBrief("Grief Circle", (Participant("1", "Sam"),), agreements, default_plan())
    dialog = SetupDialog(brief, seed=1)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.accessibleName() == "اتفاقات المجموعة")
    ink = _ink_columns(label)
    assert ink, "drawn"
    assert max(ink) > label.width() - 12, "the agreements end at the right edge"
    assert min(ink) > label.width() / 3, "the agreements are not pinned to the left"
    # Each keeps its own words in order: the full stop after "first", not before "Listen".
    assert plain(label.text()).splitlines()[0].endswith("1. Listen first.")
