"""Start a circle: presence, newcomers, order strategies and the round plan."""

from __future__ import annotations

from PySide6.QtCore import Qt

from circlekeeper.session import Participant
from circlekeeper.session.model import PolicyMode, RoundKind
from circlekeeper.session.order import OrderStrategy
from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.setup.round_plan_editor import ACTIONS, POLICY, PROMPT_COLUMN
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan

MEMBERS = tuple(
    Participant(str(i), name, pronouns)
    for i, (name, pronouns) in enumerate(
        [("Amal", "she/her"), ("Jonas", ""), ("山田 花子", "they/them"), ("נועה", "she/her")], 1
    )
)


def make(qtbot, **kw) -> SetupDialog:
    brief = CircleBrief("Tuesday", MEMBERS, ("Everyone may pass.",), default_plan(), ("Sam",), **kw)
    dialog = SetupDialog(brief, seed=7, draw_prompt=lambda plan, w: f"Drawn for {plan.label}")
    qtbot.addWidget(dialog)
    return dialog


def test_seating_order_from_a_chosen_first_speaker_both_ways(qtbot) -> None:
    dialog = make(qtbot)
    dialog.first.setCurrentIndex(2)  # 山田 花子
    assert [p.person_id for p in dialog.speaking_order()] == ["3", "4", "1", "2"]
    dialog.direction.setCurrentIndex(1)
    assert [p.person_id for p in dialog.speaking_order()] == ["3", "2", "1", "4"]
    assert "Order: 山田 花子, Jonas, Amal, נועה" in plain(dialog.order_preview.text())


def test_unticked_people_are_not_present_and_newcomers_join(qtbot) -> None:
    dialog = make(qtbot)
    dialog.present.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.add_newcomer(Participant("new-1", "Zoë 🌱", "she/they"))
    dialog.start_button.click()
    setup = dialog.result_setup
    assert setup is not None
    assert [p.name for p in setup.present] == ["Amal", "山田 花子", "נועה", "Zoë 🌱"]
    assert [p.person_id for p in setup.newcomers] == ["new-1"]
    assert setup.facilitators == ("Sam",)


def test_least_heard_first_and_rotation(qtbot) -> None:
    dialog = make(
        qtbot, balance={"1": 120.0, "2": -60.0, "3": 0.0, "4": -200.0}, previous_first="2"
    )
    dialog.strategy.setCurrentIndex(dialog.strategy.findData(OrderStrategy.LEAST_HEARD))
    assert [p.person_id for p in dialog.speaking_order()] == ["4", "2", "3", "1"]
    dialog.strategy.setCurrentIndex(dialog.strategy.findData(OrderStrategy.ROTATION))
    assert dialog.speaking_order()[0].person_id == "3"


def test_plan_edits_prompt_draw_and_skip_check_in(qtbot) -> None:
    dialog = make(qtbot)
    draw = dialog.plan.field(0, ACTIONS).findChildren(type(dialog.start_button))[0]
    draw.click()
    assert dialog.plan.field(0, PROMPT_COLUMN).text() == "Drawn for Check-in"
    dialog.plan.field(1, POLICY).setCurrentIndex(1)  # fixed per person
    dialog.plan.length(1).set_seconds(240)
    dialog.skip_check_in.setChecked(True)
    dialog.start_button.click()
    plan = dialog.result_setup.plan
    assert [r.kind for r in plan] == [RoundKind.SHARING, RoundKind.CHECK_OUT]
    assert plan[0].policy.mode is PolicyMode.FIXED and plan[0].policy.seconds == 240


def test_nobody_ticked_is_refused_with_a_message(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    dialog = make(qtbot)
    for row in range(dialog.present.count()):
        dialog.present.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.start_button.click()
    assert dialog.result_setup is None
    assert shown == ["Tick at least one person present."]


def test_closing_a_prepared_circle_asks_first(qtbot) -> None:
    asked: list[str] = []
    answers = [False, True]

    def ask(title: str, question: str) -> bool:
        asked.append(title)
        return answers.pop(0)

    brief = CircleBrief("Tuesday", MEMBERS, (), default_plan(), ("Sam",))
    dialog = SetupDialog(brief, seed=1, ask=ask)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing changed: closes without a question
    assert asked == [] and not dialog.isVisible()

    dialog = SetupDialog(brief, seed=1, ask=ask)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.present.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.reject()
    assert asked == ["Discard this circle?"] and dialog.isVisible(), "No keeps it open"
    assert dialog.present.item(1).checkState() == Qt.CheckState.Unchecked
    dialog.reject()
    assert not dialog.isVisible()


def test_minimum_turns_that_outgrow_the_budget_are_warned_about_before_starting(qtbot) -> None:
    dialog = make(qtbot)
    dialog.show()
    offer = dialog.budget_offer
    assert offer.accessibleName() == "Time budget warning"
    assert not offer.isVisible()
    sharing = next(row for row in range(3) if dialog.plan.round_at(row).kind is RoundKind.SHARING)
    dialog.plan.length(sharing).set_seconds(120)  # 4 people x at least 1:00 each > 2:00
    assert offer.isVisible()
    assert offer.warnings() == [
        "Sharing: 4 people × 1:00 minimum = 4:00, more than the 2:00 planned."
    ]
    dialog.present.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.present.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert offer.warnings() == [] and not offer.isVisible()  # 2 people x 1:00 fit in 2:00
    dialog.start_button.click()
    assert dialog.result_setup is not None  # a warning, never a refusal


def test_the_time_column_fits_the_longest_way_of_timing_a_round_in_german(qtbot) -> None:
    """The columns were measured on the English words: German's "Offen (ohne Grenze)" was cut
    to "Offen (ohne Gren"."""
    from circlekeeper.i18n import active_language, use_language
    from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor

    before = active_language()
    use_language("de")
    try:
        editor = RoundPlanEditor(default_plan())
        qtbot.addWidget(editor)
        combo = editor.field(0, POLICY)
        needed = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert "Offen (ohne Grenze)" in [combo.itemText(i) for i in range(combo.count())]
        assert editor.table.columnWidth(POLICY) >= needed + 20
    finally:
        use_language(before)
