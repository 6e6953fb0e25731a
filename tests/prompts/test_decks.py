"""Every shipped deck loads, and the library as shipped is varied, tagged and unique."""

from __future__ import annotations

from collections import Counter

from circlekeeper.prompts.deck import Deck, normalized_text
from circlekeeper.session.prompts import Intensity, PromptCategory

DISCLOSURE_PUSHERS = ("you must", "you have to", "tell us everything", "diagnos", "symptom")


def all_prompts(decks: list[Deck]):
    return [p for deck in decks for p in deck.prompts]


def test_five_decks_with_at_least_150_prompts(shipped) -> None:
    assert {d.deck_id for d in shipped} == {c.value for c in PromptCategory}
    assert len(all_prompts(shipped)) >= 150
    for deck in shipped:
        assert deck.title and deck.description
        assert all(p.category.value == deck.deck_id for p in deck.prompts)


def test_no_duplicate_ids_or_texts_across_decks(shipped) -> None:
    prompts = all_prompts(shipped)
    ids = Counter(p.prompt_id for p in prompts)
    texts = Counter(normalized_text(p.text) for p in prompts)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_prompt_is_tagged_with_principles_and_tags(shipped) -> None:
    for prompt in all_prompts(shipped):
        assert prompt.tags, prompt.prompt_id
        assert prompt.principles, prompt.prompt_id
        assert prompt.prompt_id == f"{prompt.deck}:{prompt.prompt_id.split(':')[1]}"
        assert not prompt.custom


def test_every_deck_offers_each_depth_and_first_meeting_prompts(shipped) -> None:
    for deck in shipped:
        intensities = {p.intensity for p in deck.prompts}
        assert {Intensity.LIGHT, Intensity.MEDIUM} <= intensities, deck.deck_id
        assert sum(p.first_meeting for p in deck.prompts) >= 10, deck.deck_id
    deep = [p for p in all_prompts(shipped) if p.intensity is Intensity.DEEP]
    assert deep and not any(p.first_meeting for p in deep)


def test_language_stays_gentle(shipped) -> None:
    for prompt in all_prompts(shipped):
        lowered = prompt.text.lower()
        assert not any(word in lowered for word in DISCLOSURE_PUSHERS), prompt.prompt_id
        assert len(prompt.text) < 250, prompt.prompt_id


def test_every_principle_is_served(shipped) -> None:
    served = Counter(pr for p in all_prompts(shipped) for pr in p.principles)
    assert all(n >= 20 for n in served.values()) and len(served) == 4
