"""*Started late…* takes a length of time as every other field does ("0:33", "33s", "1"),
says what it could not read, and corrects the turn only with a time it understood."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from circlekeeper.ui.live.late_start_dialog import LateStartDialog
from tests.ui.conftest import TestClock
from tests.ui.test_live_view import view  # noqa: F401  (the fixture)


def retype(qtbot, dialog: LateStartDialog, text: str) -> None:
    field = dialog.box.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def open_dialog(qtbot, spoken: float) -> LateStartDialog:
    dialog = LateStartDialog(spoken)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.box.hasFocus)
    return dialog


def test_the_field_starts_explained_and_takes_seconds_typed_with_a_unit(qtbot) -> None:
    dialog = open_dialog(qtbot, 3.4)
    assert dialog.box.lineEdit().text() == "0:33"
    assert any(
        "0:33, half a minute more" in label.text()
        for label in dialog.findChildren(type(dialog.problem))
    )
    retype(qtbot, dialog, "33s")
    assert dialog.result() == LateStartDialog.DialogCode.Accepted and dialog.seconds() == 33


def test_minutes_and_seconds_are_read_as_everywhere_else(qtbot) -> None:
    dialog = open_dialog(qtbot, 10)
    retype(qtbot, dialog, "1:05")
    assert dialog.result() == LateStartDialog.DialogCode.Accepted and dialog.seconds() == 65


def test_text_that_is_not_a_time_keeps_the_dialog_open_and_says_why(qtbot) -> None:
    dialog = open_dialog(qtbot, 10)
    retype(qtbot, dialog, "half a minute")
    assert dialog.isVisible() and dialog.result() != LateStartDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    assert "“half a minute” is not a length of time" in dialog.problem.text()
    assert dialog.seconds() == 40, "the time it had is kept"
    retype(qtbot, dialog, "0:50")
    assert not dialog.problem.isVisible()
    assert dialog.result() == LateStartDialog.DialogCode.Accepted and dialog.seconds() == 50


def test_a_time_no_earlier_than_the_timer_is_refused(qtbot) -> None:
    dialog = open_dialog(qtbot, 40)
    retype(qtbot, dialog, "0:20")
    assert dialog.isVisible() and "Choose a time from 0:41" in dialog.problem.text()


def test_ctrl_t_on_the_live_screen_corrects_the_turn_from_the_keyboard(
    qtbot,
    view,  # noqa: F811
    clock: TestClock,
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_N)  # the round opens; the room settles for a minute
    clock.advance(60)
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal speaking, though she began a little before
    clock.advance(5)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LateStartDialog)
        seen.append(dialog.box.lineEdit().text())
        retype(qtbot, dialog, "0:45")

    QTimer.singleShot(0, answer)
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["0:35"]
    assert round(view.controller.turn_view().spoken) == 45
    assert view.status.text() == "The turn now counts from 0:45 ago."


def test_it_offers_no_time_before_the_turn_before_ended(qtbot) -> None:
    """The previous turn ended 10 s ago: 0:33 would only be refused by the circle, so the
    field starts at 0:10, says why, and takes nothing earlier."""
    dialog = LateStartDialog(3, longest=10.4)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.box.hasFocus)
    assert dialog.box.lineEdit().text() == "0:10"
    texts = [label.text() for label in dialog.findChildren(type(dialog.problem))]
    assert any("0:10, when the turn before ended" in text for text in texts), texts
    retype(qtbot, dialog, "0:20")
    assert dialog.isVisible() and "Choose a time from 0:04 to 0:10" in dialog.problem.text()
    retype(qtbot, dialog, "8s")
    assert dialog.result() == LateStartDialog.DialogCode.Accepted and dialog.seconds() == 8
