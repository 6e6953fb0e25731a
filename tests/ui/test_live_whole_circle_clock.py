"""What facilitators miss most during a circle, on the live screen: the whole circle's clock,
a one-step choice when it runs over, and a second chance for those who passed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from circlekeeper.ui.live.circle_glance import local_clock
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.presenter_window import PresenterWindow
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock
from tests.ui.test_live_view import open_view


@pytest.fixture
def view(qtbot, clock: TestClock, journal: MemoryJournal) -> LiveView:
    widget = open_view(qtbot, clock, journal)
    yield widget
    widget.controller.shutdown()


def a_second_passes(view: LiveView) -> None:
    """The screen refreshes the circle's figures about once a second (five repaints)."""
    for _ in range(5):
        view.controller.tick()


def long_check_in(qtbot, view: LiveView, clock: TestClock, seconds: float = 150) -> None:
    """Everyone takes 2:30 of a 1:00 check-in (the plan is 4 + 8 + 2 = 14 minutes)."""
    qtbot.keyClick(view, Qt.Key.Key_N)  # open the check-in
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        clock.advance(seconds)
        qtbot.keyClick(view, Qt.Key.Key_Space)  # pause…
        view.controller.end_turn()


def test_the_circle_clock_says_when_the_plan_ends_and_where_it_is_heading(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    a_second_passes(view)
    end = local_clock(clock.origin.replace(minute=14))
    assert view.circle_clock.text() == f"Planned end {end} · 14 min left · on time"
    long_check_in(qtbot, view, clock)
    a_second_passes(view)
    assert view.circle_clock.text() == (
        f"Planned end {end} · 4 min left · Check-out will end about 6 min after {end}"
    )
    # The offer to shorten the plan stands in for the line while it asks (it says how far
    # over the plan is heading), so a 600-pixel screen keeps its height; then the line is back.
    assert view.overrun_offer.isVisible() and not view.circle_clock.isVisible()
    view.overrun_offer.keep()
    assert view.circle_clock.isVisible()


def test_the_circle_clock_shows_as_soon_as_the_circle_opens(
    qtbot, clock: TestClock, journal: MemoryJournal
) -> None:
    """The window shows the live screen, then the circle starts: the clock line says when the
    plan ends straight away, not a second later (it was empty, then filled and pushed the
    ring down by a pixel: the real-display tier's ring test caught it on a loaded machine)."""
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    view = LiveView(controller)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    try:
        end = local_clock(clock.origin.replace(minute=14))
        assert view.circle_clock.text() == f"Planned end {end} · 14 min left · on time"
    finally:
        controller.shutdown()


def test_shortening_the_rounds_left_is_one_key_and_one_undo(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    long_check_in(qtbot, view, clock)
    a_second_passes(view)
    offer = view.overrun_offer
    assert offer.isVisible()
    assert "Sharing 0:48 each; Check-out 0:15 each" in offer.message.full_text()  # 4:00 for 10:00
    qtbot.keyClick(
        view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not offer.isVisible()
    plans = view.controller.effective_plan()
    assert plans[1].policy.seconds == 190 and plans[2].policy.seconds == 15
    assert "shortened to fit" in view.status.text()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.controller.effective_plan()[1].policy.seconds == 480
    assert view.status.text() == "Undone: new plan for the rounds left."


def test_keeping_the_plan_is_asked_again_only_when_it_runs_further_over(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    long_check_in(qtbot, view, clock)
    a_second_passes(view)
    view.overrun_offer.keep_button.click()
    a_second_passes(view)
    assert not view.overrun_offer.isVisible()
    clock.advance(301)
    a_second_passes(view)
    assert view.overrun_offer.isVisible()


def test_anyone_who_passed_may_speak_once_the_round_is_through(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)  # open the check-in; Amal is up
    qtbot.keyClick(view, Qt.Key.Key_P)  # Amal passes
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        clock.advance(30)
        view.controller.end_turn()
    bar = view.passers_bar
    assert bar.isVisible()
    assert bar.title.full_text() == (
        "Anyone who passed may speak now: Amal (she/her). N closes the round."
    )
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.speaker_label.text() == "Amal (she/her)"
    assert view.controller.turn_view().allotted == 60
    assert not bar.isVisible()
    clock.advance(40)
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal finishes; nobody else is waiting
    summary = view.controller.session.summary()
    amal = summary.person("1")
    assert (amal.passes, amal.turns, amal.spoke_after_passing) == (1, 1, 1)
    qtbot.keyClick(view, Qt.Key.Key_N)  # closes the round and opens the next
    assert view.controller.progress().index == 1


def test_the_number_keys_do_nothing_while_people_still_wait(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert not view.passers_bar.isVisible()
    assert view.controller.session.state.current_turn is None


def test_the_presenter_shows_the_planned_end_only_when_the_facilitator_chose_to(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    presenter = PresenterWindow(view.controller)
    qtbot.addWidget(presenter)
    presenter.show()
    assert not presenter.end_label.isVisible()
    presenter.show_end_time(True)
    end = local_clock(clock.origin.replace(minute=14))
    assert presenter.end_label.isVisible() and presenter.end_label.text() == f"We close at {end}"
    long_check_in(qtbot, view, clock)
    assert presenter.end_label.text() == f"We close at {end}", "never how far over it runs"
    presenter.show_end_time(False)
    assert not presenter.end_label.isVisible()


@pytest.mark.parametrize(("language", "between"), [("fr", " ; "), ("ar", "؛ "), ("es", "; ")])
def test_the_shortened_rounds_are_listed_with_the_language_s_semicolon(
    qtbot, english_afterwards, language: str, between: str
) -> None:
    """French read "Partage : 2:19 chacun·e; Tour de clôture : 0:25 chacun·e" (no space before
    the semicolon) and Arabic had a Latin semicolon in an Arabic sentence."""
    from circlekeeper.i18n import use_language
    from circlekeeper.session.forecast import Refit
    from circlekeeper.ui.live.circle_glance import OverrunOffer

    use_language(language)
    offer = OverrunOffer()
    qtbot.addWidget(offer)
    refit = Refit(1, (), (139.0, 25.0), True)
    wording = offer._wording(120.0, refit, ["A", "B"])
    assert between in wording and wording.count(";") + wording.count("؛") == 1, wording


def test_once_shortened_as_far_as_it_goes_the_offer_is_not_made_again(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    """A check-in far over: the rounds left shrink to their floors and the circle still runs
    over. The offer came straight back with the same plan, and each Ctrl+Shift+F wrote it
    again and said "shortened to fit"; now it stays gone and the clock line says how far
    over the circle is heading."""
    long_check_in(qtbot, view, clock, seconds=300)
    a_second_passes(view)
    assert view.overrun_offer.isVisible()
    shorten = (
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(view, *shorten)
    logged = len(view.controller.session.log)
    a_second_passes(view)
    assert not view.overrun_offer.isVisible()
    assert view.circle_clock.isVisible() and "after" in view.circle_clock.text()
    qtbot.keyClick(view, *shorten)
    assert len(view.controller.session.log) == logged, "nothing more to shorten"


def test_keeping_the_plan_has_its_own_key_shown_on_the_button(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    """*Shorten the rounds left* had Ctrl+Shift+F while *Keep the plan* needed the mouse: a
    facilitator at the keyboard could take one answer by key and not the other."""
    from circlekeeper.ui.window_menus import shortcuts_help

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    offer = view.overrun_offer
    assert offer.keep_button.text() == "Keep the plan  [Ctrl+Shift+K]"
    assert "Ctrl+Shift+K — keep the plan" in shortcuts_help()
    long_check_in(qtbot, view, clock)
    a_second_passes(view)
    assert offer.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_K, ctrl_shift)
    assert not offer.isVisible() and view.circle_clock.isVisible()
    plans = view.controller.effective_plan()
    assert plans[1].policy.seconds == 480  # the plan kept as it was
    a_second_passes(view)
    assert not offer.isVisible()
    clock.advance(301)
    a_second_passes(view)
    assert offer.isVisible()


def test_the_offer_s_two_answers_fit_a_small_laptop_in_german(
    qtbot, english_afterwards, clock: TestClock, journal: MemoryJournal
) -> None:
    """With its key shown on *Keep the plan* too, German's pair of buttons asked 630 pixels
    side by side and pushed the live screen past a 1024-pixel screen's edge (its right
    column cut off). Too narrow for both, they stand one above the other."""
    from circlekeeper.i18n import use_language

    use_language("de")
    view = open_view(qtbot, clock, journal)
    try:
        view.resize(680, 568)  # the test's fonts are narrower than a real screen's
        long_check_in(qtbot, view, clock)
        a_second_passes(view)
        qtbot.wait(50)
        offer = view.overrun_offer
        assert offer.isVisible()
        pair = offer.shorten_button.sizeHint().width() + offer.keep_button.sizeHint().width()
        assert offer.minimumSizeHint().width() < pair  # it asks for its widest button only
        assert view.minimumSizeHint().width() <= 680
        assert offer.answers.stacked()
        for button in (offer.shorten_button, offer.keep_button):
            where = button.geometry().translated(offer.answers.pos())
            assert offer.rect().contains(where), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()  # nothing cut
        view.resize(1366, 700)
        qtbot.wait(50)
        assert not offer.answers.stacked()  # side by side again where there is room
    finally:
        view.controller.shutdown()
