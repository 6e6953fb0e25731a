"""A late arrival's prompt comes from the library by the round's rules: its category, never
words the group heard this session, a shared one only when nothing else is left."""

from __future__ import annotations

from circlekeeper.prompts import PromptDrawer, PromptLibrary
from circlekeeper.prompts.deck import Deck
from circlekeeper.prompts.late_deal import library_deal
from circlekeeper.session.model import RoundKind, RoundPlan
from circlekeeper.session.prompts import PromptCategory


def test_the_card_fits_the_round_and_repeats_nothing_heard(library) -> None:
    check_out = RoundPlan(RoundKind.CHECK_OUT, person_prompts=(("a", "x"),))
    fitting = [p for p in library.prompts() if p.category is PromptCategory.CHECK_OUT]
    heard = [p.text for p in fitting[:-1]]  # all but one were heard this session
    heard[0] = heard[0].upper()  # words heard are recognised however they were written
    deal = library_deal(library, PromptDrawer(library, seed=3))
    for _ in range(20):
        card = deal(check_out, heard)
        assert card is not None
        assert (card.text, card.prompt_id) == (fitting[-1].text, fitting[-1].prompt_id)


def test_when_every_fitting_prompt_was_heard_one_is_shared_rather_than_none(shipped, repo) -> None:
    deck = next(d for d in shipped if any(p.category is PromptCategory.CHECK_IN for p in d.prompts))
    one = next(p for p in deck.prompts if p.category is PromptCategory.CHECK_IN)
    tiny = PromptLibrary([Deck(deck.deck_id, deck.title, (one,))], repo)
    deal = library_deal(tiny, PromptDrawer(tiny, seed=1))
    card = deal(RoundPlan(RoundKind.CHECK_IN), [one.text])
    assert card is not None and card.text == one.text


def test_an_empty_library_deals_nothing(repo) -> None:
    empty = PromptLibrary([], repo)
    assert library_deal(empty, PromptDrawer(empty))(RoundPlan(RoundKind.SHARING), []) is None
