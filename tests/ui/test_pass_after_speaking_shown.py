"""A pass made after speaking, as the facilitator sees it: the live screen says the time
counts and the speaking-time list keeps it; History says "spoke 40 sec, then passed"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from circlekeeper.i18n import active_language, use_language
from circlekeeper.session.state import TurnOutcome, TurnRecord
from circlekeeper.ui.fairness_strip import bar_value
from circlekeeper.ui.history.session_detail import turn_words
from tests.ui.conftest import MemoryJournal, TestClock
from tests.ui.test_live_view import open_view as open_live_view


def open_view(qtbot, clock: TestClock, journal: MemoryJournal):  # type: ignore[no-untyped-def]
    view = open_live_view(qtbot, clock, journal)
    qtbot.waitUntil(view.isActiveWindow)  # the live keys are window shortcuts
    return view


def test_p_after_forty_seconds_keeps_them_and_says_so(qtbot) -> None:
    clock = TestClock()
    view = open_view(qtbot, clock, MemoryJournal())
    qtbot.keyClick(view, Qt.Key.Key_N)  # the check-in opens
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal speaks
    clock.advance(40)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.status.text() == (
        "Amal (she/her) spoke 0:40, then passed: the time counts. They may still speak once"
        " everyone has been heard."
    )
    view.refresh()
    amal = view.fairness.bars()[0]
    assert bar_value(amal) == "0:40 of 1:00 · 1 pass"
    assert "Amal" in view.queue.heard.text()  # among those who passed, free to come back
    view.controller.shutdown()


def test_a_quick_pass_says_nothing_about_time(qtbot) -> None:
    clock = TestClock()
    view = open_view(qtbot, clock, MemoryJournal())
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    clock.advance(3)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert "then passed" not in view.status.text()
    view.refresh()
    assert bar_value(view.fairness.bars()[0]) == "0:00 · 1 pass"
    view.controller.shutdown()


def record(outcome: TurnOutcome, spoken: float) -> TurnRecord:
    return TurnRecord(0, "a", 90.0, spoken, outcome, 0.0, spoken)


def test_history_says_what_came_first() -> None:
    before = active_language()
    try:
        assert turn_words(record(TurnOutcome.PASSED, 40)) == "spoke 40\u00a0sec, then passed"
        assert turn_words(record(TurnOutcome.PASSED, 0)) == "passed"
        assert (
            turn_words(record(TurnOutcome.DEFERRED, 30))
            == "spoke 30\u00a0sec, then asked to come back later"
        )
        assert turn_words(record(TurnOutcome.SPOKE, 40)) == "spoke"
        use_language("de")
        assert turn_words(record(TurnOutcome.PASSED, 40)).endswith("gepasst")
    finally:
        use_language(before)
