"""Dialogs a facilitator fills in from the keyboard: typing goes where the eye expects.

Found by walking the real app with the keyboard only (xdotool on Xvfb): the circle editor opened
with the keyboard on its invisible scroll area, so a name typed at once went nowhere and Enter
answered "Please give the circle a name."; Tab in the agreements typed a tab character instead
of moving on; and the refusal stayed on screen after the name was given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea

from circlekeeper.session import Participant
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen windows are not activated by themselves
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def typed(qtbot, text: str) -> None:
    """Keys sent where the keyboard is, as xdotool sends them."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_a_new_circle_s_name_is_typed_straight_away(qtbot) -> None:
    dialog = shown(qtbot, CircleEditor())
    typed(qtbot, "Circle <b>&")
    assert dialog.name.text() == "Circle <b>&"


def test_no_scroll_area_takes_the_keyboard(qtbot) -> None:
    """A scroll area around a form is no stop on the Tab round: it shows no focus, so keys
    pressed while it holds the keyboard seem to vanish."""
    members = (Participant("1", "Amal", "she/her"), Participant("2", "نور", ""))
    brief = CircleBrief("Tuesday", members, ("Everyone may pass.",), default_plan(), ("Sam",))
    for dialog in (CircleEditor(), SetupDialog(brief)):
        shown(qtbot, dialog)
        for area in dialog.findChildren(QScrollArea):
            assert area.focusPolicy() == Qt.FocusPolicy.NoFocus, type(dialog).__name__
        assert not isinstance(QApplication.focusWidget(), QScrollArea), type(dialog).__name__


def test_tab_leaves_the_agreements_for_the_next_field(qtbot) -> None:
    dialog = shown(qtbot, CircleEditor())
    dialog.agreements.setFocus()
    typed(qtbot, "We listen.")
    qtbot.keyClick(dialog.agreements, Qt.Key.Key_Tab)
    assert dialog.agreements.toPlainText() == "We listen."
    assert QApplication.focusWidget() is not dialog.agreements


def test_a_refused_save_puts_the_keyboard_on_the_name_and_the_name_clears_the_refusal(
    qtbot,
) -> None:
    dialog = shown(qtbot, CircleEditor())
    dialog.description.setFocus()
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert dialog.error.isVisible()
    assert QApplication.focusWidget() is dialog.name
    typed(qtbot, "Tuesday")
    assert not dialog.error.isVisible()


def test_tab_leaves_the_shareable_summary_for_its_buttons(qtbot) -> None:
    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.ui.live.summary_view import SummaryView

    view = SummaryView(demo_summary(people=3, rounds=2), can_export=True)
    shown(qtbot, view)
    view.shareable.setFocus()
    typed(qtbot, "A good evening.")
    qtbot.keyClick(view.shareable, Qt.Key.Key_Tab)
    assert view.shareable.toPlainText() == "A good evening."
    assert QApplication.focusWidget() is not view.shareable


LONG_PROMPT = "What do you need from this circle tonight, and what would help you ask for it?"


def test_a_prompt_longer_than_its_field_shows_its_beginning(qtbot) -> None:
    """A line edit given its text at construction puts the cursor, and so the view, at the
    end: "…do you need from this circle tonight?" read from the middle of the question."""
    from dataclasses import replace

    from circlekeeper.ui.prompts.picker import PromptPicker
    from circlekeeper.ui.setup.round_plan_editor import PROMPT_COLUMN, RoundPlanEditor

    picker = PromptPicker(label="round 1", text=LONG_PROMPT)
    plan = tuple(replace(r, prompt=LONG_PROMPT) for r in default_plan())
    editor = RoundPlanEditor(plan)
    for widget in (picker, editor):
        qtbot.addWidget(widget)
        widget.resize(500, 300)
        widget.show()
    fields = [picker.field, editor.field(0, PROMPT_COLUMN)]
    for field in fields:
        assert field.text() == LONG_PROMPT
        assert field.cursorPosition() == 0


DEMO_ROOM = (
    ("山田 花子", "she/her"),
    ("김민준", ""),
    ("נועה לוי", "she/her"),
    ("Борис Петров", ""),
    ("Анна Смирнова", "she/her"),
    ("佐藤 健", "they/them"),
    ("שירה אברהם", "they/them"),
    ("Alex Kim", "they/them"),
    ("عمر خليل", "he/him"),
)


def test_who_is_here_shows_each_name_and_pronouns_whole_on_a_laptop(qtbot) -> None:
    """At 1366×768 the list was a narrow fifth of the dialog beside an order column with room
    to spare: "Анна Смирнова (she/" and a horizontal scroll bar."""
    members = tuple(Participant(str(i), n, p) for i, (n, p) in enumerate(DEMO_ROOM, 1))
    brief = CircleBrief("Tuesday", members, ("Everyone may pass.",), default_plan(), ("Sam",))
    dialog = SetupDialog(brief)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 720)  # what fit_to_screen gives it on a 1366×768 laptop
    dialog.show()
    qtbot.waitExposed(dialog)
    listing = dialog.present
    assert listing.sizeHintForColumn(0) <= listing.viewport().width()
    assert not listing.horizontalScrollBar().isVisible()


def test_tab_walks_through_a_round_plan_and_out_of_it(qtbot) -> None:
    """Tab in the plan's table moved its current cell, not the keyboard: the editors in the
    cells were never reached and Tab went round the table forever, short of Save."""
    from circlekeeper.ui.setup.round_plan_editor import KIND, LENGTH, RoundPlanEditor

    editor = shown(qtbot, RoundPlanEditor(default_plan()))
    editor.field(0, KIND).setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if isinstance(seen[-1], QPushButton):
            break
    assert editor.field(0, LENGTH).isAncestorOf(seen[2]) or seen[2] is editor.field(0, LENGTH)
    assert isinstance(seen[-1], QPushButton), "Tab never left the table"
    assert seen[-1].text() == "Add a &round"


def test_the_round_being_edited_is_the_one_remove_takes(qtbot) -> None:
    from circlekeeper.ui.setup.round_plan_editor import NAME, RoundPlanEditor

    editor = shown(qtbot, RoundPlanEditor(default_plan()))
    kinds = [r.kind for r in editor.rounds()]
    editor.field(2, NAME).setFocus()
    qtbot.waitUntil(lambda: editor.table.currentRow() == 2)
    remove = next(b for b in editor.findChildren(QPushButton) if b.text() == "Remo&ve round")
    remove.click()
    assert [r.kind for r in editor.rounds()] == kinds[:2]


def test_adding_a_person_has_room_for_its_hints_and_a_long_name(qtbot) -> None:
    """The dialog opened at its buttons' width: the hints were cut off ("As they would like
    t") and the title bar read "Add a per…cleKeeper"."""
    from circlekeeper.ui.setup.newcomer_dialog import NewcomerDialog

    dialog = shown(qtbot, NewcomerDialog(None, "Add a person"))
    for field in (dialog.name, dialog.pronouns):
        hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
        assert hint + 16 <= field.width(), field.placeholderText()
    assert dialog.name.width() >= 40 * dialog.name.fontMetrics().averageCharWidth()


def test_tab_leaves_the_summary_s_rounds_for_the_shareable_summary(qtbot) -> None:
    """The rounds table moved its current cell on Tab, for ever: the shareable summary and
    *Save and close* below it could not be reached."""
    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.ui.live.summary_view import SummaryView

    view = shown(qtbot, SummaryView(demo_summary(people=3, rounds=3), can_export=True))
    view.rounds.setFocus()
    qtbot.keyClick(view.rounds, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.shareable


def test_on_first_start_the_keys_are_on_create_your_first_circle(qtbot, real_app) -> None:
    """The welcome page's default-looking button did not have the keyboard: it sat on the
    empty circle list, so Enter or Space on a first start did nothing."""
    window = real_app().window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focus = QApplication.focusWidget()
    assert isinstance(focus, QPushButton) and focus.text() == "Create your first circle"


def test_the_welcome_takes_the_keys_when_its_buttons_wake(qtbot) -> None:
    from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

    from circlekeeper.ui.welcome_page import WelcomePage

    host = QWidget()
    layout = QVBoxLayout(host)
    circles = QListWidget()
    welcome = WelcomePage()
    layout.addWidget(circles)
    layout.addWidget(welcome)
    welcome.set_ready(False)  # the data is opening
    shown(qtbot, host)
    circles.setFocus()
    welcome.set_ready(True)
    assert QApplication.focusWidget() is welcome.buttons()[0]


def test_editing_a_circle_its_long_description_shows_its_beginning(qtbot) -> None:
    from circlekeeper.ui.catalog import CircleDetail

    about = "A drop-in peer-support circle for anyone going through a hard time."
    detail = CircleDetail(3, "Tuesday Evening Circle", about, default_plan=default_plan())
    dialog = shown(qtbot, CircleEditor(detail))
    assert dialog.description.text() == about
    assert dialog.description.cursorPosition() == 0


def test_the_summary_opens_with_the_keyboard_on_its_shareable_lines(qtbot, clock) -> None:
    """Ending a circle took the live screen, and the keyboard with it, away: the summary
    opened with no focus anywhere, so the lines typed for the group went nowhere and Tab
    started from nothing. The keyboard is where the facilitator writes next."""
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.main_window import MainWindow, WindowOptions
    from tests.ui.conftest import AutoSetup
    from tests.ui.memory_catalog import MemoryCatalog

    options = WindowOptions(
        clock_factory=lambda: clock,
        wall=clock.wall,
        setup_dialog=AutoSetup,
        muted=True,
        ask=lambda parent, title, question: True,
    )
    window = MainWindow(MemoryCatalog(), options)
    shown(qtbot, window)
    members = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan(), members=members))
    window.start_circle()
    assert window.live_view is not None
    window.live_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    window.live_view.end_circle()
    assert window.summary_view is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    assert QApplication.focusWidget() is window.summary_view.shareable
    typed(qtbot, "We laughed & <b>rested</b>.")
    assert window.summary_view.shareable_text() == "We laughed & <b>rested</b>."
