"""Start a circle with the prompt library: each round's prompt typed, browsed or drawn."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from circlekeeper.prompts import PromptDrawer, PromptUseRecorder
from circlekeeper.session import Participant
from circlekeeper.session.model import RoundKind
from circlekeeper.session.prompts import PromptCategory
from circlekeeper.ui.prompts.picker import PromptPicker, PromptTools
from circlekeeper.ui.setup.round_plan_editor import ACTIONS
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan

SHIFT = Qt.KeyboardModifier.ShiftModifier
MEMBERS = (Participant("1", "Amal", "she/her"), Participant("2", "山田 花子", ""))


def make(qtbot, library, **tools) -> SetupDialog:
    brief = CircleBrief("Tuesday", MEMBERS, (), default_plan(), ("Sam",))
    dialog = SetupDialog(brief, seed=1, prompt_tools=PromptTools(**tools))
    qtbot.addWidget(dialog)
    return dialog


def test_each_round_can_be_drawn_browsed_or_typed(qtbot, library, repo) -> None:
    chosen = library.get("sharing:value-you-live-by")
    browsed = []
    dialog = make(
        qtbot,
        library,
        drawer=PromptDrawer(library, circle_id=9, seed=5),
        browse=lambda parent, category: browsed.append(category) or chosen,
    )
    editor = dialog.plan
    check_in, sharing, check_out = (editor.picker(row) for row in range(3))
    assert isinstance(check_in, PromptPicker)
    assert editor.table.isColumnHidden(ACTIONS)
    check_in.draw_button.click()
    assert check_in.prompt().category is PromptCategory.CHECK_IN
    sharing.browse_button.click()
    assert browsed == [PromptCategory.SHARING] and sharing.text() == chosen.text
    check_out.setText("One word, or a pass 🌙")
    dialog.start_button.click()
    plan = dialog.result_setup.plan
    assert [r.prompt for r in plan] == [check_in.text(), chosen.text, "One word, or a pass 🌙"]

    repo.add_session(1, 9, datetime.now(UTC))
    uses = PromptUseRecorder(library).record_plan(1, plan)
    assert [u.prompt_id for u in uses] == [check_in.prompt().prompt_id, chosen.prompt_id, None]


def test_changing_a_round_kind_changes_what_is_drawn(qtbot, library) -> None:
    dialog = make(qtbot, library, drawer=PromptDrawer(library, seed=2))
    kind = dialog.plan.field(2, 0)
    kind.setCurrentIndex(kind.findData(RoundKind.SHARING))
    picker = dialog.plan.picker(2)
    picker.draw_button.click()
    assert picker.prompt().category is PromptCategory.SHARING


def test_first_meeting_draws_only_first_meeting_prompts(qtbot, library) -> None:
    dialog = make(qtbot, library, drawer=PromptDrawer(library, seed=3), first_meeting=True)
    picker = dialog.plan.picker(1)
    for _ in range(15):
        picker.redraw_button.click() if picker.prompt() else picker.draw_button.click()
        assert picker.prompt().first_meeting


def test_skip_check_in_still_works_with_pickers(qtbot, library) -> None:
    dialog = make(qtbot, library, drawer=PromptDrawer(library, seed=4))
    dialog.plan.picker(0).draw_button.click()
    dialog.skip_check_in.setChecked(True)
    dialog.start_button.click()
    assert [r.kind for r in dialog.result_setup.plan] == [RoundKind.SHARING, RoundKind.CHECK_OUT]


def test_render_setup_with_pickers(qtbot, library) -> None:
    dialog = make(qtbot, library, drawer=PromptDrawer(library, seed=4), browse=lambda p, c: None)
    dialog.plan.picker(0).draw_button.click()
    dialog.show()
    qtbot.waitExposed(dialog)
    Path("/tmp/shots").mkdir(exist_ok=True)
    assert dialog.grab().save("/tmp/shots/setup_with_pickers.png")


def test_two_rounds_of_one_kind_never_draw_the_same_prompt(qtbot, library, shipped) -> None:
    from circlekeeper.prompts import PromptLibrary
    from circlekeeper.prompts.deck import Deck
    from circlekeeper.session.model import RoundPlan, TimePolicy

    deck = next(d for d in shipped if d.deck_id == "sharing")
    small = PromptLibrary([Deck("sharing", "S", deck.prompts[:2])], library.repository)
    plan = (RoundPlan(RoundKind.SHARING, TimePolicy.open()),) * 2
    brief = CircleBrief("Tuesday", MEMBERS, (), plan, ("Sam",))
    dialog = SetupDialog(brief, seed=1, prompt_tools=PromptTools(PromptDrawer(small, seed=0)))
    qtbot.addWidget(dialog)
    first, second = dialog.plan.picker(0), dialog.plan.picker(1)
    for _ in range(10):
        first.draw_button.click()
        second.draw_button.click()
        assert first.prompt() != second.prompt()


def _saved_plan(library, check_in_text: str):
    from circlekeeper.session.model import RoundPlan, TimePolicy

    return (
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt=check_in_text),
        RoundPlan(RoundKind.SHARING, TimePolicy.open(), prompt="What are you carrying today?"),
    )


def test_a_saved_prompt_heard_last_time_says_so_and_another_replaces_it(
    qtbot, library, repo
) -> None:
    """The circle's plan saves its check-in; last week's session heard it. *Start a circle*
    opens with it, says plainly that the group heard it last time, and one key draws another
    (never the same words back)."""
    check_in = next(p for p in library.prompts() if p.category is PromptCategory.CHECK_IN)
    repo.add_session(1, 9, datetime(2026, 11, 24, 18, 0, tzinfo=UTC))
    plan = _saved_plan(library, check_in.text)
    PromptUseRecorder(library).record_plan(1, plan)
    brief = CircleBrief("Tuesday", MEMBERS, (), plan, ("Sam",))
    drawer = PromptDrawer(library, circle_id=9, seed=3)
    dialog = SetupDialog(brief, seed=1, prompt_tools=PromptTools(drawer=drawer))
    qtbot.addWidget(dialog)
    picker = dialog.plan.picker(0)
    assert picker.text() == check_in.text  # kept until the facilitator says otherwise
    assert picker.note.isVisibleTo(dialog)
    assert "heard this prompt last time (Nov 24, 2026)" in picker.note_text().replace("\xa0", " ")
    assert "Ctrl+Shift+D" in picker.note_text()
    assert picker.redraw_button.isEnabled()
    # The sharing prompt was heard too, but typed words the library does not hold are no
    # less heard: the same note.
    assert dialog.plan.picker(1).note.isVisibleTo(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen windows are not activated by themselves; keys need it
    picker.field.setFocus()
    qtbot.waitUntil(picker.field.hasFocus)
    qtbot.keyClick(picker.field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert picker.text() != check_in.text
    assert picker.prompt().category is PromptCategory.CHECK_IN
    assert "last time" not in picker.note_text()
    # The note went with the old prompt, and so did the line it took.
    table = dialog.plan.table
    qtbot.waitUntil(lambda: table.rowHeight(0) < table.rowHeight(1))
    assert table.rowHeight(0) < table.rowHeight(1)


def test_a_saved_prompt_not_heard_last_time_opens_without_a_note(qtbot, library, repo) -> None:
    check_in = next(p for p in library.prompts() if p.category is PromptCategory.CHECK_IN)
    plan = _saved_plan(library, check_in.text)
    repo.add_session(1, 9, datetime(2026, 11, 17, 18, 0, tzinfo=UTC))
    PromptUseRecorder(library).record_plan(1, plan)  # two weeks ago ...
    repo.add_session(2, 9, datetime(2026, 11, 24, 18, 0, tzinfo=UTC))  # ... not last week
    brief = CircleBrief("Tuesday", MEMBERS, (), plan, ("Sam",))
    drawer = PromptDrawer(library, circle_id=9, seed=3)
    dialog = SetupDialog(brief, seed=1, prompt_tools=PromptTools(drawer=drawer))
    qtbot.addWidget(dialog)
    picker = dialog.plan.picker(0)
    assert picker.text() == check_in.text
    assert not picker.note.isVisibleTo(dialog)
    assert not picker.redraw_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "ar", "de"])
def test_the_day_it_was_heard_is_never_split_across_two_lines(
    qtbot, library, repo, language: str
) -> None:
    """Under 1366 px the note wraps; in Arabic it broke the date after a slash, "(24/" at
    the end of one line and "2026/11)" at the start of the next. No line may begin inside
    the date, whatever width the note is given."""
    from PySide6.QtCore import QTextBoundaryFinder

    from circlekeeper.i18n import use_language
    from circlekeeper.i18n.formats import format_date

    check_in = next(p for p in library.prompts() if p.category is PromptCategory.CHECK_IN)
    heard = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    repo.add_session(1, 9, heard)
    plan = _saved_plan(library, check_in.text)
    PromptUseRecorder(library).record_plan(1, plan)
    try:
        use_language(language)
        brief = CircleBrief("Tuesday", MEMBERS, (), plan, ("Sam",))
        drawer = PromptDrawer(library, circle_id=9, seed=3)
        dialog = SetupDialog(brief, seed=1, prompt_tools=PromptTools(drawer=drawer))
        qtbot.addWidget(dialog)
        text = dialog.plan.picker(0).note.text()
        day = format_date(heard.astimezone(), "medium")
    finally:
        use_language("en")
    start = text.index(day[:2])  # "Nov", "24": where the date begins
    end = text.index("2026", start) + 3  # its last digit
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    breaks = []
    position = finder.toNextBoundary()
    while position != -1:
        breaks.append(position)
        position = finder.toNextBoundary()
    inside = [b for b in breaks if start < b <= end]
    assert not inside, f"a line may begin inside {text[start : end + 1]!r} at {inside}"
