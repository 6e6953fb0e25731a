"""The per-round prompt picker: type, browse, draw with one click, redraw without repeats."""

from __future__ import annotations

from datetime import UTC, datetime

from circlekeeper.prompts import DrawRequest, PromptDrawer
from circlekeeper.session.model import RoundKind
from circlekeeper.session.prompts import PromptCategory, PromptUse
from circlekeeper.ui.prompts.picker import PromptPicker

NATURE_CHECK_IN = DrawRequest(
    categories=frozenset({PromptCategory.CHECK_IN}), tags=frozenset({"nature"})
)


def make(qtbot, **kw) -> PromptPicker:
    picker = PromptPicker(label="round 1", **kw)
    qtbot.addWidget(picker)
    return picker


def test_draw_fills_the_field_in_one_click(qtbot, library) -> None:
    picker = make(
        qtbot,
        drawer=PromptDrawer(library, seed=1),
        request=DrawRequest.for_round(RoundKind.CHECK_OUT),
    )
    assert picker.draw_button.accessibleName() == "Draw a prompt for round 1"
    assert not picker.redraw_button.isEnabled()
    picker.draw_button.click()
    assert picker.prompt() is not None and picker.prompt().category is PromptCategory.CHECK_OUT
    assert picker.text() == picker.prompt().text
    assert picker.redraw_button.isEnabled()


def test_redraw_never_gives_back_a_rejected_prompt(qtbot, library) -> None:
    pool = {p.prompt_id for p in library.prompts(NATURE_CHECK_IN.query())}
    picker = make(qtbot, drawer=PromptDrawer(library, seed=2), request=NATURE_CHECK_IN)
    picker.draw_button.click()
    seen = [picker.prompt().prompt_id]
    for _ in range(len(pool) - 1):
        picker.redraw_button.click()
        assert picker.prompt().prompt_id not in seen
        seen.append(picker.prompt().prompt_id)
    assert set(seen) == pool
    last = seen[-1]
    picker.redraw_button.click()  # all turned down once: start over, never the last one
    assert picker.prompt() is not None and picker.prompt().prompt_id != last


def test_typing_over_a_drawn_prompt_makes_it_typed(qtbot, library) -> None:
    picker = make(qtbot, drawer=PromptDrawer(library, seed=3), request=NATURE_CHECK_IN)
    picker.draw_button.click()
    picker.field.selectAll()
    qtbot.keyClicks(picker.field, "Our own words")
    assert picker.text() == "Our own words" and picker.prompt() is None
    assert not picker.redraw_button.isEnabled()
    picker.setText("Ünïcödé 🌱 مرحبا")
    assert picker.text() == "Ünïcödé 🌱 مرحبا"


def test_the_note_says_when_everything_was_heard_recently(qtbot, library, repo) -> None:
    pool = library.prompts(NATURE_CHECK_IN.query())
    for n, prompt in enumerate(pool):
        repo.add_session(n, 1, datetime(2026, 1, 1 + n, tzinfo=UTC))
        repo.record_use(PromptUse(n, 0, prompt.text, prompt.prompt_id))
    picker = make(qtbot, drawer=PromptDrawer(library, circle_id=1, seed=3), request=NATURE_CHECK_IN)
    picker.show()
    picker.draw_button.click()
    assert picker.prompt() == pool[0]
    assert picker.note.isVisible() and "heard every fitting prompt" in picker.note_text()
    picker.field.selectAll()
    qtbot.keyClicks(picker.field, "x")
    assert not picker.note.isVisible()


def test_browse_passes_the_round_category_and_fills_the_field(qtbot, library) -> None:
    asked = []
    chosen = library.get("check-out:taking-with-you")

    def browse(parent, category):
        asked.append(category)
        return chosen

    picker = make(qtbot, browse=browse, request=DrawRequest.for_round(RoundKind.CHECK_OUT))
    assert not picker.draw_button.isVisibleTo(picker)
    picker.browse_button.click()
    assert asked == [PromptCategory.CHECK_OUT]
    assert picker.prompt() == chosen and picker.text() == chosen.text
    cancelled = make(qtbot, browse=lambda parent, category: None)
    cancelled.setText("kept")
    cancelled.browse_button.click()
    assert cancelled.text() == "kept"


def test_a_narrow_cell_shows_icons_and_a_wide_one_words_with_names_kept(qtbot, library) -> None:
    """In a 1024-pixel German round plan the words would squeeze the prompt to a sliver: the
    buttons become icons, keeping their names, tooltips and shortcuts; given room, words."""
    picker = make(qtbot, drawer=PromptDrawer(library, seed=1), browse=lambda parent, c: None)
    picker.resize(900, 40)
    picker.show()
    qtbot.waitUntil(lambda: picker.words_shown())
    assert [b.text() for b in (picker.browse_button, picker.draw_button)] == ["Browse…", "Draw"]
    picker.resize(260, 40)
    readable = picker.field.fontMetrics().averageCharWidth() * 15
    qtbot.waitUntil(lambda: not picker.words_shown() and picker.field.width() >= readable)
    for button in (picker.browse_button, picker.draw_button, picker.redraw_button):
        assert button.text() == "" and not button.icon().isNull()
        assert button.width() >= button.sizeHint().width(), "nothing cut"
    assert picker.draw_button.accessibleName() == "Draw a prompt for round 1"
    assert picker.draw_button.toolTip().endswith("(Ctrl+D)")
    assert picker.browse_button.toolTip().endswith("(Ctrl+B)")
    assert picker.redraw_button.toolTip().endswith("(Ctrl+Shift+D)")


def test_the_keys_draw_browse_and_draw_another_from_the_prompt_field(qtbot, library) -> None:
    from PySide6.QtCore import Qt

    chosen = next(iter(library.prompts(NATURE_CHECK_IN.query())))
    asked = []

    def browse(parent, category):
        asked.append(category)
        return chosen

    picker = make(
        qtbot, drawer=PromptDrawer(library, seed=4), browse=browse, request=NATURE_CHECK_IN
    )
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    picker.field.setFocus()
    qtbot.waitUntil(picker.field.hasFocus)
    qtbot.keyClick(picker.field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    drawn = picker.prompt()
    assert drawn is not None and picker.text() == drawn.text
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(picker.field, Qt.Key.Key_D, shift_ctrl)
    assert picker.prompt() is not None and picker.prompt().prompt_id != drawn.prompt_id
    qtbot.keyClick(picker.field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert asked and picker.prompt() == chosen
