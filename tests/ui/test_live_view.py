"""The facilitator's live screen, driven the way a facilitator drives it: keys and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.presenter_window import PresenterWindow
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import PEOPLE, PLAN, MemoryJournal, TestClock


def open_view(qtbot, clock: TestClock, journal: MemoryJournal) -> LiveView:
    """A live view on a started circle, shown and focused as the facilitator would have it."""
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    widget = LiveView(controller)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    return widget


@pytest.fixture
def view(qtbot, clock: TestClock, journal: MemoryJournal) -> LiveView:
    widget = open_view(qtbot, clock, journal)
    yield widget
    widget.controller.shutdown()


def button(view: LiveView, accessible_name: str) -> QPushButton:
    matches = [b for b in view.findChildren(QPushButton) if b.accessibleName() == accessible_name]
    assert len(matches) == 1, accessible_name
    return matches[0]


def test_space_starts_pauses_and_resumes(qtbot, view: LiveView, clock: TestClock) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)  # opens the check-in round
    assert "Ready: Amal (she/her)" in view.speaker_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.speaker_label.text() == "Amal (she/her)"
    assert button(view, "Pause").isEnabled()
    clock.advance(10)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.ring.caption() == "paused"
    assert button(view, "Resume")


def test_phase_shows_in_words_not_only_colour(qtbot, view: LiveView, clock: TestClock) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.ring.text() == "1:00" and view.ring.caption() == "remaining"
    clock.advance(50)
    view.controller.tick()
    assert view.ring.caption() == "nearing end"
    assert view.ring.accessibleDescription() == "nearing end"
    clock.advance(25)
    view.controller.tick()
    assert view.ring.text() == "+0:15" and view.ring.caption() == "over time"


def test_pass_and_come_back_later_by_keyboard(qtbot, view: LiveView, clock: TestClock) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal speaking
    clock.advance(30)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Jonas starts automatically
    assert view.speaker_label.text() == "Jonas"
    qtbot.keyClick(view, Qt.Key.Key_P)  # Jonas passes, 山田 花子 starts
    assert view.speaker_label.text() == "山田 花子 (they/them)"
    qtbot.keyClick(view, Qt.Key.Key_L)  # comes back later
    assert view.queue.queue.person_ids() == ["3"]
    assert "Passed: Jonas" in view.queue.heard.text()
    assert "Coming back at the end: 山田 花子 (they/them)" in view.queue.heard.text()


def test_undoing_come_back_later_says_it_in_the_button_s_words(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    """L, then Ctrl+Z: the status line named a "pass for now", a word the live screen shows
    nowhere (its button says "Come back later", its tooltip "Move to the end of this round")."""
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal speaking
    qtbot.keyClick(view, Qt.Key.Key_L)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.speaker_label.text() == "Amal (she/her)"
    assert view.status.text() == "Undone: moving Amal to the end of the round."


def test_extend_and_undo(qtbot, view: LiveView, clock: TestClock) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    clock.advance(55)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    view.controller.tick()
    assert view.ring.text() == "0:35"
    assert view.status.text() == "30 seconds added: this turn now has 1:30."
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # each press says the new length, not only the step
    assert view.status.text() == "30 seconds added: this turn now has 2:00."
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    view.controller.tick()
    assert view.ring.text() == "0:05"
    assert view.status.text() == "Undone: extra time."


def test_buttons_are_labelled_with_their_shortcuts(view: LiveView) -> None:
    for name, key in [("Next", "N"), ("Pass", "P"), ("Come back later", "L"), ("Undo", "Ctrl+Z")]:
        found = button(view, name)
        assert f"[{key}]" in found.text()
        assert key in found.toolTip()


def test_storage_failure_shows_a_banner_and_keeps_going(
    qtbot, view: LiveView, journal: MemoryJournal
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    journal.fail = True
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.storage_banner.isVisible()
    assert "disk full" in view.storage_banner.text()
    assert view.speaker_label.text() == "Amal (she/her)"


def test_a_freed_disk_takes_the_kept_actions_and_the_banner_goes(
    qtbot, view: LiveView, journal: MemoryJournal, clock: TestClock
) -> None:
    """Someone frees space mid-circle: within a retry interval the actions kept in the window
    are stored, in order, the banner goes and the status says so; quitting then loses
    nothing."""
    from circlekeeper.session.live.journal import RETRY_SECONDS
    from circlekeeper.ui.quit_question import quit_question

    qtbot.keyClick(view, Qt.Key.Key_N)
    journal.fail = True
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    kept = view.controller.unsaved
    assert len(kept) >= 2 and view.storage_banner.isVisible()
    view.controller.tick()
    journal.fail = False
    clock.advance(RETRY_SECONDS)
    view.controller.tick()
    assert not view.storage_banner.isVisible()
    assert view.status.text() == (
        f"Saved again: the {len(kept)} actions kept in this window are in the database now."
    )
    assert [e.seq for e in journal.entries][-len(kept) :] == list(kept)
    assert view.controller.unsaved == ()
    assert quit_question(view.controller, 0)[0] == "A circle is running"
    qtbot.keyClick(view, Qt.Key.Key_N)
    stored = [e.seq for e in journal.entries]  # the next actions stored at once, in order
    assert stored == list(range(1, stored[-1] + 1)) and stored[-1] > kept[-1]


def test_drag_reorder_reaches_the_engine(qtbot, view: LiveView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)
    queue = view.queue.queue
    queue.setCurrentRow(3)
    queue.move_current(-3)
    assert view.controller.current_round().queue == ["4", "1", "2", "3"]


def test_presenter_never_shows_private_widgets(qtbot, view: LiveView) -> None:
    presenter = PresenterWindow(view.controller)
    qtbot.addWidget(presenter)
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert presenter.speaker_label.text() == "Amal (she/her)"
    assert presenter.prompt_label.text() == "What are you bringing today?"
    assert presenter.next_label.text() == "Next: Jonas"
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    assert not presenter.findChildren(QLineEdit)
    assert not presenter.findChildren(QTextEdit)
    assert not presenter.findChildren(QPlainTextEdit)


def test_status_line_follows_the_moment_and_never_keeps_a_finished_speaker(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    said: list[str] = []
    view.controller.announced.connect(said.append)
    qtbot.keyClick(view, Qt.Key.Key_N)  # opens the check-in round; nobody speaks yet
    assert view.status.text() == "Nobody is speaking. Amal is next: press Space to start."
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.status.text() == "Amal is speaking."
    for _ in range(3):
        clock.advance(20)
        qtbot.keyClick(view, Qt.Key.Key_N)
    assert plain(view.status.text()) == "נועה is speaking."
    clock.advance(20)
    qtbot.keyClick(view, Qt.Key.Key_N)  # the last turn of the round ends
    assert "is speaking" not in view.status.text()
    assert view.status.text() in {
        "Everyone has had a turn in Check-in. Press N to move on.",
        "Next round: Sharing. Press N or Space to begin.",
    }
    view.controller.tick()
    assert said.count(view.status.text()) == 1, "each moment is announced once, not every tick"


def test_the_ring_follows_a_dark_desktop_theme(qtbot, view: LiveView, clock: TestClock) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.live.timer_ring import DARK, LIGHT

    assert view.ring.colours() is LIGHT
    desktop = QApplication.palette()
    dark = QPalette(desktop)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1f2429"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8ecef"))
    QApplication.setPalette(dark)  # a dark desktop theme, as the app starts
    try:
        night = open_view(qtbot, clock, MemoryJournal())
        controller = night.controller
        controller.move_on()  # opens the check-in round
        controller.move_on()  # Amal speaks: the time is painted in the middle
        assert night.ring.colours() is DARK
        image = night.ring.grab().toImage()
        middle = [
            QColor(image.pixel(x, image.height() // 2)).lightness()
            for x in range(image.width() // 3, 2 * image.width() // 3)
        ]
        assert max(middle) > 180, "the time reads light on the dark background"
        controller.shutdown()
    finally:
        QApplication.setPalette(desktop)


def test_at_the_end_of_a_round_only_the_controls_that_act_are_enabled(
    qtbot, clock, journal
) -> None:
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.live.view import LiveView
    from tests.ui.conftest import PEOPLE, PLAN

    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday", PEOPLE, ["Sam"])
    view = LiveView(controller)
    qtbot.addWidget(view)
    controller.move_on()
    while not controller.progress().round_complete:
        controller.pass_turn() if controller.turn_view() else controller.move_on()
    assert not view.buttons["toggle"].isEnabled(), "Space has nobody left to start"
    assert not view.buttons["pass"].isEnabled() and not view.buttons["later"].isEnabled()
    assert view.buttons["next"].isEnabled(), "N closes the round"
    controller.shutdown()


def test_a_late_arrival_is_welcomed_with_the_pronouns_they_gave() -> None:
    from circlekeeper.ui.live.welcome import welcome_line

    assert welcome_line("Priya", "she/her") == "Welcome, Priya. She joins at the end of this round."
    assert welcome_line("Sam", "they/them") == "Welcome, Sam. They join at the end of this round."
    assert welcome_line("Jonas", "") == "Welcome, Jonas. Jonas joins at the end of this round."
    assert welcome_line("Kit", "xe/xem").endswith("Kit joins at the end of this round.")


def test_passing_status_messages_do_not_stay_through_a_circle(qtbot, real_app) -> None:
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.setup.setup_dialog import default_plan

    window = real_app().window
    window.save_circle(
        CircleDetail(None, "Tuesday", default_plan=default_plan(), members=(Member(-1, "Amal"),))
    )
    window.say("The new circle is ready.")
    window.start_circle()
    assert window.statusBar().currentMessage() == ""


def test_the_next_button_says_what_n_does_now(qtbot, view: LiveView, clock: TestClock) -> None:
    next_button = button(view, "Next")
    assert next_button.toolTip() == "Open the next planned round (N or →)"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert next_button.toolTip() == "Start the turn of the first person waiting (N or →)"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert next_button.toolTip() == "End this turn and move to the next speaker (N or →)"
    assert next_button.accessibleDescription() == next_button.toolTip()


def test_someone_leaving_is_said_with_how_to_take_it_back(
    qtbot, view: LiveView, clock: TestClock
) -> None:
    """Ctrl+K opened on the first person present, so Enter pressed once too often took them
    out of the circle. Now nobody is chosen until the facilitator chooses, and the status
    line, like the shortened plan's, says Ctrl+Z undoes it; Ctrl+Z does."""
    from circlekeeper.ui.live.leaving_dialog import LeavingDialog
    from tests.ui.conftest import when_dialog_opens

    qtbot.keyClick(view, Qt.Key.Key_N)

    def jonas(dialog: LeavingDialog) -> None:
        # Nobody is chosen as it opens: Enter alone takes nobody out of the circle.
        assert dialog.people.currentIndex() == -1 and not dialog.record.isEnabled()
        qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
        assert dialog.isVisible()
        dialog.people.setCurrentIndex(dialog.people.findText("Jonas"))
        assert dialog.record.isEnabled()
        dialog.record.click()

    when_dialog_opens(LeavingDialog, jonas)
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "2" not in view.controller.session.state.present
    assert view.status.text() == (
        "Jonas has left the circle; what they shared is kept. Ctrl+Z undoes it."
    )
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.status.text() == "Undone: Jonas leaving."
    assert "2" in view.controller.session.state.present
