"""Drawing rules: freshness over the last K sessions, seeds, redraws, favourites, per person."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.prompts import (
    SKIP_CHECK_IN,
    DrawRequest,
    PromptDrawer,
    PromptMode,
    PromptUseRecorder,
    without_skipped,
)
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import Intensity, PromptCategory, PromptUse
from tests.prompts.conftest import week

CHECK_IN = DrawRequest.for_round(RoundKind.CHECK_IN)
CIRCLE = 7


def hold_sessions(repo, drawer: PromptDrawer, count: int, first: int = 0) -> list[str]:
    """Run ``count`` weekly sessions, each hearing one drawn check-in prompt."""
    drawn = []
    for n in range(first, first + count):
        result = drawer.draw(CHECK_IN)  # drawn while setting up, before the session exists
        assert result.prompt is not None
        repo.add_session(n, CIRCLE, week(n))
        repo.record_use(PromptUse(n, 0, result.prompt.text, result.prompt.prompt_id))
        drawn.append(result.prompt.prompt_id)
    return drawn


def test_no_prompt_repeats_within_the_last_k_sessions(library, repo) -> None:
    drawer = PromptDrawer(library, circle_id=CIRCLE, avoid_last=8, seed=3)
    drawn = hold_sessions(repo, drawer, 60)
    for i in range(len(drawn)):
        window = drawn[max(0, i - 8) : i]
        assert drawn[i] not in window, (i, drawn[i])


def test_a_typed_prompt_with_library_words_counts_as_used(library, repo) -> None:
    candidates = library.prompts(CHECK_IN.query())
    repo.add_session(1, CIRCLE, week(1))
    for prompt in candidates[:-1]:  # typed in by hand: no id, only words
        repo.record_use(PromptUse(1, 0, prompt.text.upper()))
    drawer = PromptDrawer(library, circle_id=CIRCLE, seed=1)
    assert drawer.draw(CHECK_IN).prompt == candidates[-1]


def test_when_everything_was_used_the_oldest_is_drawn_and_the_draw_says_so(library, repo) -> None:
    request = DrawRequest(
        categories=frozenset({PromptCategory.CHECK_IN}), tags=frozenset({"nature"})
    )
    pool = library.prompts(request.query())
    assert 2 <= len(pool) < 8
    for n, prompt in enumerate(pool):
        repo.add_session(n, CIRCLE, week(n))
        repo.record_use(PromptUse(n, 0, prompt.text, prompt.prompt_id))
    result = PromptDrawer(library, circle_id=CIRCLE, seed=5).draw(request)
    assert result.reused and result.prompt == pool[0]
    assert "heard every fitting prompt in its last 8 sessions" in result.note
    assert week(0).strftime("%b %-d, %Y") in result.note  # "Nov 3, 2026": CLDR's English


def test_k_is_configurable_and_zero_means_no_avoiding(library, repo) -> None:
    short = PromptDrawer(library, circle_id=CIRCLE, avoid_last=2, seed=9)
    drawn = hold_sessions(repo, short, 30)
    assert any(drawn[i] in drawn[i - 5 : i - 2] for i in range(5, 30))  # reuse after 2
    assert all(drawn[i] not in drawn[max(0, i - 2) : i] for i in range(30))
    assert PromptDrawer(library, circle_id=CIRCLE, avoid_last=0).recent_uses() == ({}, {})
    with pytest.raises(ValueError):
        PromptDrawer(library, avoid_last=-1)


def test_the_same_seed_draws_the_same_prompts(library) -> None:
    def run(seed: int) -> list[str]:
        drawer = PromptDrawer(library, seed=seed)
        return [drawer.draw(CHECK_IN).prompt.prompt_id for _ in range(20)]

    assert run(42) == run(42)
    assert run(42) != run(43)


def test_redraw_never_repeats_the_rejected_prompt(library) -> None:
    drawer = PromptDrawer(library, seed=0)
    request = DrawRequest(
        categories=frozenset({PromptCategory.CHECK_IN}), tags=frozenset({"nature"})
    )
    first = drawer.draw(request).prompt
    for _ in range(50):
        again = drawer.redraw(request, first)
        assert again.prompt is not None and again.prompt != first
    nonverbal = DrawRequest(tags=frozenset({"nonverbal"}))
    (only,) = library.prompts(nonverbal.query())
    widened = drawer.redraw(nonverbal, only)
    assert widened.prompt != only and "tags was set aside" in widened.note


def test_redraw_in_a_one_prompt_library_says_there_is_no_other(shipped, repo) -> None:
    from circlekeeper.prompts import PromptLibrary
    from circlekeeper.prompts.deck import Deck

    deck = shipped[0]
    tiny = PromptLibrary([Deck(deck.deck_id, deck.title, deck.prompts[:1])], repo)
    lonely = PromptDrawer(tiny, seed=1).redraw(CHECK_IN, deck.prompts[0])
    assert lonely.prompt is None and "no other prompt" in lonely.note


def test_favourites_are_drawn_more_often(library) -> None:
    pool = library.prompts(CHECK_IN.query())
    favourite = pool[5].prompt_id
    library.set_favourite(favourite, True)
    drawer = PromptDrawer(library, seed=11, favourite_weight=3.0)
    counts = Counter(drawer.draw(CHECK_IN).prompt.prompt_id for _ in range(3000))
    others = [n for pid, n in counts.items() if pid != favourite]
    assert counts[favourite] > 2 * (sum(others) / len(others))


def test_hidden_prompts_are_never_drawn(library) -> None:
    pool = library.prompts(CHECK_IN.query())
    for prompt in pool[1:]:
        library.set_hidden(prompt.prompt_id, True)
    drawer = PromptDrawer(library, seed=2)
    assert {drawer.draw(CHECK_IN).prompt.prompt_id for _ in range(30)} == {pool[0].prompt_id}


def test_filters_widen_with_a_note_when_nothing_matches(library) -> None:
    request = DrawRequest(
        categories=frozenset({PromptCategory.CHECK_OUT}),
        tags=frozenset({"no-such-tag"}),
        intensities=frozenset({Intensity.DEEP}),
    )
    result = PromptDrawer(library, seed=1).draw(request)
    assert result.prompt is not None and result.prompt.category is PromptCategory.CHECK_OUT
    assert result.widened == ("tags", "intensity")
    assert "tags and intensity were set aside" in result.note


def test_an_empty_library_gives_no_prompt_and_says_what_to_do(repo) -> None:
    from circlekeeper.prompts import PromptLibrary

    result = PromptDrawer(PromptLibrary([], repo)).draw(CHECK_IN)
    assert result.prompt is None and "type one" in result.note


def test_one_prompt_per_person_deals_different_prompts(library) -> None:
    people = [str(i) for i in range(10)]
    drawer = PromptDrawer(library, seed=4)
    round_ = drawer.draw_round(CHECK_IN, PromptMode.PER_PERSON, people)
    ids = [d.prompt.prompt_id for d in round_.per_person.values()]
    assert list(round_.per_person) == people and len(set(ids)) == 10
    shared = drawer.draw_round(CHECK_IN, PromptMode.SHARED, people)
    assert shared.shared.prompt is not None and not shared.per_person
    assert drawer.draw_round(CHECK_IN, SKIP_CHECK_IN).shared is None


def test_per_person_repeats_only_once_every_prompt_is_dealt(library) -> None:
    request = DrawRequest(tags=frozenset({"nonverbal"}))
    dealt = PromptDrawer(library, seed=1).draw_for_people(request, ["a", "b", "c"])
    assert all(d.prompt is not None for d in dealt.values())


def test_recorder_stores_ids_for_library_words_and_plain_text_otherwise(library, repo) -> None:
    recorder = PromptUseRecorder(library)
    text = library.get("check-in:inner-weather").text
    plan = [
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), text),
        RoundPlan(RoundKind.SHARING, TimePolicy.open(), "Our own question 🌻"),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30), ""),
    ]
    repo.add_session(1, CIRCLE, week(1))
    uses = recorder.record_plan(1, plan, per_person={2: {"p1": "One word", "p2": "  "}})
    assert [(u.round_index, u.prompt_id, u.person_id) for u in uses] == [
        (0, "check-in:inner-weather", None),
        (1, None, None),
        (2, None, "p1"),
    ]
    history = recorder.history(CIRCLE)
    assert [r.text for r in history] == [text, "Our own question 🌻", "One word"]
    assert all(r.when == week(1) for r in history)


def test_skip_check_in_drops_only_check_in_rounds() -> None:
    plan = [
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)),
        RoundPlan(RoundKind.SHARING, TimePolicy.open()),
    ]
    assert [r.kind for r in without_skipped(plan, {0: SKIP_CHECK_IN, 1: SKIP_CHECK_IN})] == [
        RoundKind.SHARING
    ]
    assert without_skipped(plan) == plan


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), k=st.integers(1, 12), tag=st.sampled_from(["", "week"]))
def test_property_no_repeat_within_k_whenever_enough_prompts_fit(shipped, seed, k, tag) -> None:
    from circlekeeper.prompts import PromptLibrary
    from circlekeeper.prompts.memory import MemoryPromptRepository

    repo = MemoryPromptRepository()
    library = PromptLibrary(shipped, repo)
    request = DrawRequest(
        categories=frozenset({PromptCategory.CHECK_IN}),
        tags=frozenset({tag}) if tag else frozenset(),
    )
    pool = len(library.prompts(request.query()))
    drawer = PromptDrawer(library, circle_id=CIRCLE, avoid_last=k, seed=seed)
    drawn = []
    for n in range(30):
        result = drawer.draw(request)
        assert result.reused == (pool <= k and n >= pool)
        repo.add_session(n, CIRCLE, week(n))
        repo.record_use(PromptUse(n, 0, result.prompt.text, result.prompt.prompt_id))
        drawn.append(result.prompt.prompt_id)
        window = drawn[max(0, n - min(k, pool - 1)) : n]
        assert drawn[n] not in window


def test_recorder_records_a_plans_own_prompts_for_each_person(library, repo) -> None:
    recorder = PromptUseRecorder(library)
    text = library.get("check-in:inner-weather").text
    plan = [
        RoundPlan(
            RoundKind.CHECK_IN,
            TimePolicy.fixed(60),
            "For anyone arriving late ✨",
            person_prompts=(("p1", text), ("p2", "مرحبا، كيف حالك؟")),
        ),
        RoundPlan(RoundKind.SHARING, TimePolicy.open(), "Same", person_prompts=(("p1", "Same"),)),
    ]
    repo.add_session(1, CIRCLE, week(1))
    uses = recorder.record_plan(1, plan)
    assert [(u.round_index, u.prompt_id, u.person_id, u.text) for u in uses] == [
        (0, "check-in:inner-weather", "p1", text),
        (0, None, "p2", "مرحبا، كيف حالك؟"),
        (0, None, None, "For anyone arriving late ✨"),
        (1, None, "p1", "Same"),
    ]
