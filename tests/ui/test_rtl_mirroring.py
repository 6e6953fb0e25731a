"""Arabic reads right to left, and so does the window: the speaking-time strip is mirrored.

The timer ring keeps running clockwise (clocks do in Arabic too) with its digits upright;
the strip's names move to the right and its bars grow leftwards from them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from circlekeeper.ui.fairness_strip import FairnessStrip, ShareBar
from circlekeeper.ui.theme import colours_for


def filled_columns(strip: FairnessStrip) -> list[int]:
    """x positions of the first row where the bar's colour is painted."""
    image = strip.grab().toImage()
    colours = colours_for(strip.palette())
    bar = {QColor(colours.accent).name(), QColor(colours.over).name()}  # within or over share
    y = int(strip.TOP + strip.row_height() / 2)
    return [x for x in range(image.width()) if image.pixelColor(x, y).name() in bar]


def test_the_speaking_strip_grows_from_the_right_in_arabic(qtbot) -> None:
    strip = FairnessStrip()
    qtbot.addWidget(strip)
    strip.resize(500, 120)
    strip.set_bars([ShareBar("أمل", 50), ShareBar("Jonas", 10)], equal_share=30)
    left_to_right = filled_columns(strip)
    strip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    right_to_left = filled_columns(strip)
    assert left_to_right and right_to_left
    assert min(left_to_right) < strip.width() / 2 < max(right_to_left)
    # the same bar, mirrored about the middle
    assert abs((strip.width() - 1 - max(right_to_left)) - min(left_to_right)) <= 1
    assert len(left_to_right) == len(right_to_left)


def test_an_english_prompt_keeps_its_question_mark_at_its_end_in_the_arabic_summary(
    qtbot,
) -> None:
    """Table cells take the window's direction: the prompt is isolated so an English one
    reads "…tonight?" and not "?What…" in the mirrored window."""
    from PySide6.QtWidgets import QTableWidget

    from circlekeeper.i18n import active_language, use_language
    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.ui.bidi_text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
    from circlekeeper.ui.live.summary_view import SummaryView

    before = active_language()
    use_language("ar")
    try:
        view = SummaryView(demo_summary(people=3, rounds=2))
        qtbot.addWidget(view)
        view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        (rounds,) = view.findChildren(QTableWidget)
        prompt = rounds.item(0, 4).text()
    finally:
        use_language(before)
    assert prompt.startswith(FIRST_STRONG_ISOLATE) and prompt.endswith(POP_DIRECTIONAL_ISOLATE)
    assert prompt.strip(FIRST_STRONG_ISOLATE + POP_DIRECTIONAL_ISOLATE)
