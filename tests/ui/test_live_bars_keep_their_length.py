"""The live speaking-time bars keep their length for the whole circle, in every language.

In German the first pass added "· 1-mal ausgesetzt" to a row's figures; the figures' column
widened to hold it and every bar in the list shrank mid-circle (about 160 to 78 pixels on a
1366-pixel screen), the chart the facilitator glances at jumping as someone used their right
to pass. The live list keeps room for the passes a circle can have from its first second.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import active_language, use_language
from circlekeeper.ui.fairness_strip import SHORTEST_BAR
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock


@pytest.fixture(params=["de", "fr", "ar", "en", "es", "pt_BR"])
def language(request):  # type: ignore[no-untyped-def]
    before = active_language()
    app = QApplication.instance()
    use_language(request.param)
    if request.param == "ar":
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield request.param
    finally:
        use_language(before)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("size", [(1366, 700), (1024, 540)], ids=["1366", "1024"])
def test_a_pass_never_moves_the_bars(qtbot, language: str, size: tuple[int, int]) -> None:
    clock = TestClock()
    controller = LiveController(clock, MemoryJournal(), PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    view = LiveView(controller)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    strip = view.fairness
    controller.toggle()  # the check-in opens
    controller.toggle()  # Amal speaks
    clock.advance(20)
    view.refresh()
    before = strip.columns(), strip.value_column()
    assert before[0][2] >= SHORTEST_BAR
    controller.end_turn()  # Jonas is up
    controller.pass_turn()  # and passes: "1 pass" appears after his figures
    clock.advance(5)
    view.refresh()
    assert any(bar.passes for bar in strip.bars())
    assert (strip.columns(), strip.value_column()) == before, language
    # Every round's pass (one each) still fits in the column kept for them.
    for _round in range(2):
        controller.end_round()
        controller.start_next_round()
        controller.pass_turn("2")
        view.refresh()
    assert max(bar.passes for bar in strip.bars()) == 3
    assert (strip.columns(), strip.value_column()) == before, language
    controller.shutdown()
