"""The prompt editor: what it refuses, and the prompt it hands back."""

from __future__ import annotations

from circlekeeper.session.prompts import Intensity, Principle, PromptCategory
from circlekeeper.ui.prompts.editor import PromptEditorDialog


def test_new_prompt_needs_words_and_a_principle(qtbot) -> None:
    dialog = PromptEditorDialog(category=PromptCategory.HOPE)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and "Write" in dialog.problem.text()
    dialog.text.setPlainText("  What are   you hoping for? 🌅 <b>&</b> ")
    assert "principle" in dialog.problem.text()
    dialog.principles[Principle.EMPOWERMENT].setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.intensity.setCurrentIndex(dialog.intensity.findData(Intensity.DEEP))
    dialog.tags.setText(" Future, , HOPE ,עתיד")
    prompt = dialog.prompt()
    assert prompt.text == "What are you hoping for? 🌅 <b>&</b>"
    assert prompt.category is PromptCategory.HOPE and prompt.intensity is Intensity.DEEP
    assert prompt.tags == frozenset({"future", "hope", "עתיד"})
    assert prompt.prompt_id == "" and prompt.custom


def test_ten_thousand_characters_are_refused_with_the_length(qtbot) -> None:
    dialog = PromptEditorDialog()
    qtbot.addWidget(dialog)
    dialog.principles[Principle.RESPECT].setChecked(True)
    dialog.text.setPlainText("x" * 10_000)
    assert not dialog.save_button.isEnabled() and "10000" in dialog.problem.text()


def test_editing_a_shipped_prompt_says_it_saves_a_copy(qtbot, library) -> None:
    original = library.get("check-in:inner-weather")
    dialog = PromptEditorDialog(original)
    qtbot.addWidget(dialog)
    assert dialog.save_button.text() == "&Save as my copy"
    assert dialog.text.toPlainText() == original.text
    assert dialog.principles[Principle.RESPECT].isChecked()
    assert dialog.prompt().prompt_id == ""  # the library turns it into a copy


def test_tags_typed_with_an_arabic_or_full_width_comma_are_separate_tags(qtbot) -> None:
    dialog = PromptEditorDialog(category=PromptCategory.HOPE)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("What are you hoping for?")
    dialog.principles[Principle.EMPOWERMENT].setChecked(True)
    dialog.tags.setText("أمل، مستقبل，nature")
    assert dialog.prompt().tags == frozenset({"أمل", "مستقبل", "nature"})
