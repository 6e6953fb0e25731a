"""The room's seating, each round's direction and opener, and fluid roles: set in *Start a
circle* with keys, run by the live circle exactly as previewed, and kept for next time."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from circlekeeper.session import Participant
from circlekeeper.session.seating import RoundDirection, RoundStart, SeatingRule
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan
from tests.ui.conftest import AutoSetup
from tests.ui.test_main_window import window  # noqa: F401 - the fixture

MEMBERS = tuple(
    Participant(str(i), name) for i, name in enumerate(["Ana", "Bo", "Cy", "Di"], start=1)
)


def dialog_for(qtbot, **brief) -> SetupDialog:
    dialog = SetupDialog(CircleBrief("Tuesday", MEMBERS, (), default_plan(), (), **brief))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def names(people) -> list[str]:
    return [p.name for p in people]


def test_alt_arrows_move_someone_to_where_they_sit(qtbot) -> None:
    dialog = dialog_for(qtbot)
    dialog.present.setCurrentRow(0)
    dialog.present.setFocus()
    qtbot.keyClick(dialog.present, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.present, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(dialog.seating()) == ["Bo", "Cy", "Ana", "Di"]
    assert dialog.present.currentItem().text() == "Ana", "the moved person stays chosen"
    qtbot.keyClick(dialog.present, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(dialog.seating()) == ["Bo", "Ana", "Cy", "Di"]
    assert "Order: Ana, Cy, Di, Bo" in dialog.order_preview.text(), "Ana still opens"


def test_a_facilitator_who_holds_the_space_is_present_but_not_in_the_order(qtbot) -> None:
    dialog = dialog_for(qtbot)
    qtbot.keyClicks(dialog.facilitator, "Bo")
    dialog.facilitator_shares.setChecked(False)
    assert "Order: Ana, Cy, Di" in dialog.order_preview.text()
    dialog.start_button.click()
    setup = dialog.result_setup
    assert names(setup.present) == ["Ana", "Bo", "Cy", "Di"], "Bo is counted as present"
    assert setup.facilitator_ids == ("2",) and not setup.seating_rule.facilitator_shares


def test_the_suggested_facilitator_is_who_facilitated_least_recently_one_key_away(qtbot) -> None:
    dialog = dialog_for(qtbot, recent_facilitators=(("Ana",), ("Cy",), ("Bo",), ("Di",)))
    assert dialog.suggestion.text().startswith("Suggested: Di")
    qtbot.waitExposed(dialog)
    with warnings.catch_warnings():  # offscreen has no window manager to activate it
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(dialog)
    qtbot.keyClick(
        dialog,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dialog.facilitator.text() == "Di"
    assert dialog.suggestion.text().startswith("Suggested: Bo"), "next in line after Di"


def test_the_circle_s_habit_opens_the_dialog_and_rounds_run_as_previewed(
    qtbot,
    window,  # noqa: F811 - the fixture
) -> None:
    window.save_circle(
        CircleDetail(None, "Tuesday", members=tuple(Member(-i, n) for i, n in enumerate("ABCD", 1)))
    )
    alternate = SeatingRule(RoundDirection.ALTERNATE, RoundStart.NEXT_ALONG)

    class TurnBackEachRound(AutoSetup):
        def exec(self) -> int:
            self.direction.setCurrentIndex(self.direction.findData(RoundDirection.ALTERNATE))
            self.round_start.setCurrentIndex(self.round_start.findData(RoundStart.NEXT_ALONG))
            return super().exec()

    window.options.setup_dialog = TurnBackEachRound
    window.start_circle()
    controller = window.controller
    qtbot.keyClick(window.live_view, Qt.Key.Key_N)  # the check-in opens
    assert [controller.name(p) for p in controller.current_round().queue] == ["A", "B", "C", "D"]
    for _ in range(4):
        controller.toggle()
        controller.end_turn()
    controller.end_round()
    # Round 2 turns back, opening one seat along from A: B, then A, D, C.
    assert [controller.name(p) for p in controller.order_for_next_round()] == ["B", "A", "D", "C"]
    assert window.catalog.brief(1).seating_rule == alternate


def test_the_circle_editor_reorders_people_by_keys_and_keeps_the_order(qtbot) -> None:
    detail = CircleDetail(1, "Tuesday", members=tuple(Member(i, n) for i, n in enumerate("ABC", 1)))
    editor = CircleEditor(detail)
    qtbot.addWidget(editor)
    editor.members.setCurrentRow(2)
    qtbot.keyClick(editor.members, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert [m.name for m in editor.result_detail.members] == ["A", "C", "B"]


def test_the_french_order_preview_counts_people_not_women(qtbot, english_afterwards) -> None:
    """ "4 présentes. Ordre : …" read as four women present; the facts line said "présents"."""
    from circlekeeper.i18n import use_language

    use_language("fr")
    dialog = dialog_for(qtbot)
    assert dialog.order_preview.text().startswith("4 personnes présentes. Ordre : Ana")
