"""Start a circle with a prompt for each person: drawn in one click, reviewed, redrawn, kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QTableWidget

from circlekeeper.prompts import PromptDrawer, PromptLibrary
from circlekeeper.prompts.deck import Deck
from circlekeeper.prompts.drawer import PromptMode
from circlekeeper.session import Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import PromptCategory
from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.prompts.picker import PromptTools
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan

MEMBERS = (
    Participant("1", "Amal", "she/her"),
    Participant("2", "山田 花子", ""),
    Participant("3", "<b>Bo</b> & co 🌱", ""),
    Participant("4", "מרים", ""),
)


def make(qtbot, library, *, seed: int = 1, plan=None, browse=None) -> SetupDialog:
    brief = CircleBrief("Tuesday", MEMBERS, (), plan or default_plan(), ("Sam",))
    tools = PromptTools(
        drawer=PromptDrawer(library, seed=seed), browse=browse or (lambda p, c: None)
    )
    dialog = SetupDialog(brief, seed=1, prompt_tools=tools)
    qtbot.addWidget(dialog)
    return dialog


def child(dialog, kind, name):
    found = [w for w in dialog.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{name!r}: {len(found)} found"
    return found[0]


def each_person(dialog, round_number: int) -> QTableWidget:
    mode = child(dialog, QComboBox, f"Prompt for everyone or each person in round {round_number}")
    mode.setCurrentIndex(mode.findData(PromptMode.PER_PERSON))
    return child(dialog, QTableWidget, f"Prompts for each person in round {round_number}")


def listed(table: QTableWidget) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_draw_deals_a_different_prompt_to_each_person_present(qtbot, library) -> None:
    dialog = make(qtbot, library)
    dialog.present.item(3).setCheckState(Qt.CheckState.Unchecked)  # מרים is away today
    table = each_person(dialog, 1)
    names = [plain(name) for name, _ in listed(table)]
    assert names == ["Amal (she/her)", "山田 花子", "<b>Bo</b> & co 🌱"]
    assert all(text == "" for _, text in listed(table))
    child(dialog, QPushButton, "Draw a prompt for each person in round 1").click()
    texts = [text for _, text in listed(table)]
    assert all(texts) and len(set(texts)) == 3
    cell = dialog.plan.cell(0)
    assert all(
        cell.people.prompt_of(pid).category is PromptCategory.CHECK_IN for pid in ("1", "2", "3")
    )
    dialog.start_button.click()
    check_in = dialog.result_setup.plan[0]
    assert check_in.per_person and check_in.prompt == ""
    assert [pid for pid, _ in check_in.person_prompts] == ["1", "2", "3"]
    assert [check_in.prompt_for(pid) for pid in ("1", "2", "3")] == texts
    assert check_in.prompt_for("4") == ""
    assert not dialog.result_setup.plan[1].per_person


def test_another_redraws_only_the_selected_person_never_repeating(qtbot, library) -> None:
    dialog = make(qtbot, library, seed=7)
    table = each_person(dialog, 3)
    another = child(dialog, QPushButton, "Draw another prompt for the selected person in round 3")
    assert not another.isEnabled()
    child(dialog, QPushButton, "Draw a prompt for each person in round 3").click()
    before = listed(table)
    table.setCurrentCell(1, 1)
    assert another.isEnabled()
    seen = {before[1][1]}
    for _ in range(5):
        another.click()
        after = listed(table)
        assert after[0] == before[0] and after[2:] == before[2:]
        assert after[1][1] not in seen
        assert after[1][1] not in {text for i, (_, text) in enumerate(after) if i != 1}
        seen.add(after[1][1])


def test_browse_chooses_the_selected_persons_prompt_from_the_library(qtbot, library) -> None:
    asked: list[PromptCategory | None] = []
    chosen = library.get("sharing:value-you-live-by")

    def browse(parent, category):
        asked.append(category)
        return chosen

    dialog = make(qtbot, library, browse=browse)
    table = each_person(dialog, 2)
    pick = child(dialog, QPushButton, "Browse prompts for the selected person in round 2")
    assert not pick.isEnabled(), "nobody selected yet"
    table.setCurrentCell(1, 1)
    pick.click()
    assert asked == [PromptCategory.SHARING], "the browser opens on the round's kind of prompt"
    assert listed(table)[1][1] == chosen.text and listed(table)[0][1] == ""
    assert dialog.plan.cell(1).people.prompt_of("2") == chosen
    dialog.start_button.click()
    assert dialog.result_setup.plan[1].prompt_for("2") == chosen.text


def test_typed_prompts_count_and_ticking_people_updates_the_list(qtbot, library) -> None:
    dialog = make(qtbot, library)
    table = each_person(dialog, 2)
    table.item(0, 1).setText("ما الذي يسندك اليوم؟")
    table.item(2, 1).setText("x" * 10_000)
    dialog.present.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert table.rowCount() == 3
    assert listed(table)[0][1] == "ما الذي يسندك اليوم؟"
    dialog.present.item(1).setCheckState(Qt.CheckState.Checked)
    assert table.rowCount() == 4
    dialog.start_button.click()
    sharing = dialog.result_setup.plan[1]
    assert sharing.person_prompts == (("1", "ما الذي يسندك اليوم؟"), ("3", "x" * 10_000))
    assert dialog.plan.cell(1).people.prompt_of("1") is None  # typed, not from the library


def test_switching_back_to_one_shared_prompt_stores_no_personal_ones(qtbot, library) -> None:
    dialog = make(qtbot, library)
    each_person(dialog, 1)
    child(dialog, QPushButton, "Draw a prompt for each person in round 1").click()
    mode = child(dialog, QComboBox, "Prompt for everyone or each person in round 1")
    mode.setCurrentIndex(mode.findData(PromptMode.SHARED))
    dialog.plan.picker(0).setText("How are you arriving?")
    dialog.start_button.click()
    check_in = dialog.result_setup.plan[0]
    assert not check_in.per_person and check_in.prompt == "How are you arriving?"


def test_newcomers_get_a_prompt_that_follows_them_to_their_stored_id(qtbot, library) -> None:
    dialog = make(qtbot, library)
    dialog.add_newcomer(Participant("new-1", "Noor"))
    table = each_person(dialog, 1)
    assert table.rowCount() == 5
    table.item(4, 1).setText("Welcome: what brought you here?")
    dialog.start_button.click()
    setup = dialog.result_setup
    stored = tuple(
        Participant("99", p.name) if p.person_id == "new-1" else p for p in setup.present
    )
    moved = setup.with_stored_people(stored)
    assert moved.plan[0].prompt_for("99") == "Welcome: what brought you here?"
    assert moved.present == stored


def test_other_rounds_never_draw_a_prompt_someone_already_holds(qtbot, library, shipped) -> None:
    deck = next(d for d in shipped if d.deck_id == "sharing")
    small = PromptLibrary([Deck("sharing", "S", deck.prompts[:6])], library.repository)
    plan = (RoundPlan(RoundKind.SHARING, TimePolicy.open()),) * 2
    dialog = make(qtbot, small, plan=plan)
    each_person(dialog, 1)
    child(dialog, QPushButton, "Draw a prompt for each person in round 1").click()
    held = {text for _, text in dialog.plan.cell(0).person_prompts()}
    for _ in range(5):
        dialog.plan.picker(1).draw_button.click()
        assert dialog.plan.picker(1).text() not in held


def test_fewer_prompts_than_people_says_so(qtbot, library, shipped) -> None:
    deck = next(d for d in shipped if d.deck_id == "sharing")
    small = PromptLibrary([Deck("sharing", "S", deck.prompts[:2])], library.repository)
    dialog = make(qtbot, small, plan=(RoundPlan(RoundKind.SHARING, TimePolicy.open()),))
    table = each_person(dialog, 1)
    child(dialog, QPushButton, "Draw a prompt for each person in round 1").click()
    assert all(text for _, text in listed(table))
    assert "fewer fitting prompts than people" in dialog.plan.cell(0).people.note_text()


def test_a_circles_default_plan_offers_no_per_person_choice(qtbot, library) -> None:
    tools = PromptTools(drawer=PromptDrawer(library, seed=1))
    editor = RoundPlanEditor(default_plan(), prompt_tools=tools)
    qtbot.addWidget(editor)
    assert not editor.cell(0).mode.isVisibleTo(editor)
    saved = RoundPlan(person_prompts=(("1", "Kept from a session"),))
    editor.add_round(saved)
    assert editor.round_at(3).person_prompts == ()


def test_moving_a_round_keeps_its_choice_and_its_peoples_prompts(qtbot, library) -> None:
    dialog = make(qtbot, library)
    each_person(dialog, 3)  # nothing drawn yet: the choice alone must survive the move
    table = each_person(dialog, 1)
    table.item(2, 1).setText("Your own words 🌿")
    editor = dialog.plan
    editor.table.setCurrentCell(0, 0)
    child(dialog, QPushButton, "Move the selected round down").click()
    assert [editor.round_at(r).kind for r in range(3)] == [
        RoundKind.SHARING,
        RoundKind.CHECK_IN,
        RoundKind.CHECK_OUT,
    ]
    assert editor.cell(1).prompt_mode() is PromptMode.PER_PERSON
    assert editor.cell(2).prompt_mode() is PromptMode.PER_PERSON
    assert editor.cell(0).prompt_mode() is PromptMode.SHARED
    assert editor.round_at(1).person_prompts == (("3", "Your own words 🌿"),)
    moved = editor.cell(1).people.table
    assert moved.accessibleName() == "Prompts for each person in round 2"
    assert moved.rowCount() == 4


def test_a_tall_per_person_row_keeps_its_other_editors_at_their_natural_height(
    qtbot, library
) -> None:
    dialog = make(qtbot, library)
    dialog.show()
    qtbot.waitExposed(dialog)
    each_person(dialog, 1)
    editor = dialog.plan
    editor.cell(0).people.draw()
    QApplication.processEvents()
    row_height = editor.table.rowHeight(0)
    for column in range(4):  # kind, name, time policy, minutes
        field = editor.field(0, column)
        assert row_height > 3 * field.height(), "the row grew for the list of people"
        assert field.height() <= field.sizeHint().height() + 2, f"column {column} stretched"
        assert field.y() <= 2, f"column {column} sits at the top of its cell"
