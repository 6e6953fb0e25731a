"""The shipped prompts' tags in the facilitator's language.

A Spanish library showed "Etiquetas: arriving, feelings, short" under a Spanish prompt and a
tag filter of fifty-eight English words; the tags stay English words in the deck files (the
files are shared between languages), and are named in the window's language wherever a
facilitator reads, picks, searches or types them.
"""

from __future__ import annotations

import pytest

from circlekeeper.i18n import use_language
from circlekeeper.prompts import PromptQuery
from circlekeeper.prompts.tag_names import SHIPPED_TAG_NAMES, tag_from_name, tag_name
from circlekeeper.session.prompts import Principle
from circlekeeper.ui.prompts.browser import PromptBrowser
from circlekeeper.ui.prompts.editor import PromptEditorDialog
from circlekeeper.ui.prompts.labels import describe

ARRIVING = "check-in:one-word-arriving"  # tags: arriving, feelings, short
SAME_WORD = {"fr": {"courage", "gratitude", "imagination", "nature"}}
"""Tags spelled the same in a language as in English."""


@pytest.fixture
def spanish(english_afterwards) -> None:
    use_language("es")


def test_every_shipped_tag_has_a_name_to_translate(shipped) -> None:
    tags = {tag for deck in shipped for prompt in deck.prompts for tag in prompt.tags}
    assert tags <= set(SHIPPED_TAG_NAMES), sorted(tags - set(SHIPPED_TAG_NAMES))


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt_BR", "ar"])
def test_every_shipped_tag_is_translated(shipped, english_afterwards, language: str) -> None:
    use_language(language)
    same = [tag for tag in SHIPPED_TAG_NAMES if tag_name(tag) == tag]
    assert set(same) <= SAME_WORD.get(language, set()), same


def test_a_spanish_prompt_s_facts_name_its_tags_in_spanish(library, spanish) -> None:
    facts = describe(library.get(ARRIVING))
    assert "Etiquetas: breve, llegar, sentimientos" in facts
    assert "feelings" not in facts


def test_the_tag_filter_offers_spanish_words_and_filters_by_them(qtbot, library, spanish) -> None:
    browser = PromptBrowser(library)
    qtbot.addWidget(browser)
    combo = browser.filters.tag
    offered = [combo.itemText(i) for i in range(1, combo.count())]
    assert "sentimientos" in offered and "feelings" not in offered
    assert offered == sorted(offered, key=str.casefold)
    combo.setCurrentIndex(combo.findText("sentimientos"))
    assert browser.filters.query().tags == frozenset({"feelings"})


def test_a_spanish_tag_word_finds_its_prompts(library, spanish) -> None:
    library.refresh()  # the search words are gathered in the window's language
    found = {p.prompt_id for p in library.prompts(PromptQuery(text="sentimientos"))}
    assert ARRIVING in found
    assert found == {p.prompt_id for p in library.prompts(PromptQuery(tags={"feelings"}))}


def test_editing_shows_spanish_tags_and_keeps_the_shipped_ones(qtbot, library, spanish) -> None:
    dialog = PromptEditorDialog(library.get(ARRIVING))
    qtbot.addWidget(dialog)
    assert dialog.tags.text() == "breve, llegar, sentimientos"
    dialog.tags.setText("Sentimientos, llegar, música")
    dialog.principles[Principle.RESPECT].setChecked(True)
    assert dialog.prompt().tags == frozenset({"feelings", "arriving", "música"})


def test_a_typed_tag_is_kept_as_typed(english_afterwards) -> None:
    use_language("fr")
    assert tag_from_name("Émotions") == "feelings"
    assert tag_from_name("jardinage") == "jardinage"
    assert tag_name("jardinage") == "jardinage"
