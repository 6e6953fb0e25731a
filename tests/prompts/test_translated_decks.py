"""Every shipped deck in every language: the same prompts, ids and tags, in translated words."""

from __future__ import annotations

import pytest

from circlekeeper.i18n import SHIPPED_LANGUAGES
from circlekeeper.prompts.deck import load_shipped_decks, normalized_text, slug_of
from circlekeeper.prompts.errors import DeckError
from circlekeeper.prompts.translated import (
    deck_languages,
    parse_translation,
    shipped_decks_in,
    translate_deck,
    translations_for,
)

TRANSLATED = [code for code in SHIPPED_LANGUAGES if code != "en"]


def test_every_shipped_language_has_prompt_decks() -> None:
    assert sorted(deck_languages()) == sorted(SHIPPED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translation_keeps_every_id_tag_category_and_intensity(language: str) -> None:
    english = load_shipped_decks()
    translated = shipped_decks_in(language)
    assert [d.deck_id for d in translated] == [d.deck_id for d in english]
    for source, target in zip(english, translated, strict=True):
        assert [
            (p.prompt_id, p.tags, p.category, p.intensity, p.principles, p.first_meeting)
            for p in target.prompts
        ] == [
            (p.prompt_id, p.tags, p.category, p.intensity, p.principles, p.first_meeting)
            for p in source.prompts
        ]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_prompt_and_deck_title_is_translated(language: str) -> None:
    """A prompt left out (or copied in English) would be drawn in English: fail instead."""
    english = {p.prompt_id: p.text for d in load_shipped_decks() for p in d.prompts}
    files = translations_for(language)
    for deck in load_shipped_decks():
        translation = files.get(deck.deck_id)
        assert translation is not None, f"{language}: no translation of {deck.deck_id}"
        missing = {slug_of(p.prompt_id) for p in deck.prompts} - set(translation.texts)
        assert not missing, f"{language}/{deck.deck_id}.toml lacks {sorted(missing)}"
        assert translation.title != deck.title
    for deck in shipped_decks_in(language):
        for prompt in deck.prompts:
            assert normalized_text(prompt.text) != normalized_text(english[prompt.prompt_id]), (
                f"{language}: {prompt.prompt_id} is still in English"
            )


def test_arabic_prompts_are_in_arabic_script() -> None:
    for deck in shipped_decks_in("ar"):
        for prompt in deck.prompts:
            assert any("\u0600" <= c <= "\u06ff" for c in prompt.text), prompt.prompt_id


def test_a_prompt_a_translation_lacks_is_drawn_in_english() -> None:
    deck = load_shipped_decks()[0]
    first, second = deck.prompts[:2]
    translation = parse_translation(
        f'[deck]\nid = "{deck.deck_id}"\nlanguage = "es"\ntitle = "Celebración"\n'
        f'[texts]\n{slug_of(first.prompt_id)} = "Primera pregunta"\n',
        source="es/x.toml",
    )
    translated = translate_deck(deck, translation)
    assert translated.title == "Celebración"
    assert translated.prompts[0].text == "Primera pregunta"
    assert translated.prompts[1].text == second.text


def test_a_translation_of_a_prompt_that_does_not_exist_is_refused_by_name() -> None:
    deck = load_shipped_decks()[0]
    translation = parse_translation(
        f'[deck]\nid = "{deck.deck_id}"\nlanguage = "es"\ntitle = "T"\n[texts]\nno-such = "x"\n',
        source="es/celebration.toml",
    )
    with pytest.raises(DeckError) as caught:
        translate_deck(deck, translation)
    assert caught.value.field == "texts.no-such" and "es/celebration.toml" in str(caught.value)


def test_a_translation_with_an_empty_text_is_refused() -> None:
    with pytest.raises(DeckError) as caught:
        parse_translation('[deck]\nid = "a"\nlanguage = "es"\ntitle = "T"\n[texts]\nx = " "\n')
    assert caught.value.field == "texts.x"
