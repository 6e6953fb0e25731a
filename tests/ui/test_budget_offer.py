"""*Start a circle* warns when minimum turns outgrow a round, and fixes it in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from circlekeeper.session import Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog

TWELVE = tuple(Participant(str(i), f"Person {i}") for i in range(1, 13))
PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600, minimum=60)),
)


def open_dialog(qtbot) -> SetupDialog:
    dialog = SetupDialog(CircleBrief("Thursday", TWELVE, default_plan=PLAN), seed=3)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen windows are not activated by themselves; keys need it
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def button(dialog: SetupDialog, starts: str) -> QPushButton:
    (found,) = [b for b in dialog.budget_offer.buttons() if b.text().startswith(starts)]
    return found


def test_the_warning_says_the_arithmetic_and_each_fix_shows_its_result(qtbot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.budget_offer.warnings() == [
        "Sharing: 12 people × 1:00 minimum = 12:00, more than the 10:00 planned."
    ]
    assert [b.text() for b in dialog.budget_offer.buttons()] == [
        "Give this round 12:00",
        "Lower the minimum to 0:50",
    ]


def test_giving_the_round_more_time_by_keyboard_then_undoing_with_ctrl_z(qtbot) -> None:
    dialog = open_dialog(qtbot)
    longer = button(dialog, "Give this round")
    assert longer.focusPolicy() & Qt.FocusPolicy.TabFocus, "reachable with Tab"
    longer.setFocus()
    qtbot.keyClick(longer, Qt.Key.Key_Space)
    assert dialog.plan.round_at(1).policy == TimePolicy.fair_share(720, minimum=60)
    assert dialog.plan.length(1).text() == "12:00"
    assert dialog.budget_offer.warnings() == []
    assert dialog.budget_offer.done.text() == "Sharing now lasts 12:00."
    assert dialog.budget_offer.undo_button.hasFocus(), "Undo is one key away"

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.plan.round_at(1).policy == TimePolicy.fair_share(600, minimum=60)
    assert dialog.budget_offer.done.text() == "Sharing is back to 10:00."
    assert len(dialog.budget_offer.warnings()) == 1, "the warning and its fixes come back"


def test_lowering_the_minimum_keeps_the_round_and_starts_with_it(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(button(dialog, "Lower the minimum"), Qt.MouseButton.LeftButton)
    assert dialog.plan.minimum(1).text() == "0:50"
    assert dialog.budget_offer.done.text() == "Sharing: everyone is now offered at least 0:50."
    assert not dialog.budget_offer.warnings()
    dialog.start_button.click()
    assert dialog.result_setup is not None
    assert dialog.result_setup.plan[1].policy == TimePolicy.fair_share(600, minimum=50)


def test_undo_button_takes_back_the_fix_and_the_time_stays_editable(qtbot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(button(dialog, "Lower the minimum"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.budget_offer.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.plan.minimum(1).seconds() == 60
    assert not dialog.budget_offer.undo_button.isVisible()
    dialog.plan.minimum(1).set_seconds(45)  # or simply typed in the table
    assert not dialog.budget_offer.warnings()


def test_fewer_people_need_no_fix_and_a_facilitator_who_holds_the_space_is_not_counted(
    qtbot,
) -> None:
    dialog = open_dialog(qtbot)
    dialog.facilitator.setText("Person 1")
    dialog.facilitator_shares.setChecked(False)
    assert dialog.budget_offer.warnings() == [
        "Sharing: 11 people × 1:00 minimum = 11:00, more than the 10:00 planned."
    ]
    for row in range(2, 4):
        dialog.present.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.budget_offer.warnings() == []
    assert not dialog.budget_offer.isVisible()
