"""Deck files: the exporter round-trips, and bad files fail with the file, prompt and field."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.prompts import DeckError, dump_deck, parse_deck
from circlekeeper.prompts.deck import Deck, normalize_tag
from circlekeeper.prompts.deck_writer import toml_string
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory

GOOD = """
[deck]
id = "mine"
title = "Mine"

[[prompts]]
slug = "one"
text = "What's good?"
category = "check-in"
intensity = "light"
principles = ["respect"]
tags = ["week"]
"""


def test_a_minimal_deck_parses_with_defaults() -> None:
    deck = parse_deck(GOOD, source="mine.toml")
    (prompt,) = deck.prompts
    assert prompt.prompt_id == "mine:one"
    assert prompt.category is PromptCategory.CHECK_IN
    assert prompt.first_meeting is False
    assert prompt.tags == frozenset({"week"})


def test_every_shipped_deck_round_trips_through_the_exporter(shipped) -> None:
    for deck in shipped:
        again = parse_deck(dump_deck(deck), source=deck.source)
        assert again.prompts == deck.prompts
        assert (again.deck_id, again.title, again.description) == (
            deck.deck_id,
            deck.title,
            deck.description,
        )


tricky_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300
).filter(lambda s: s.split())


@given(text=tricky_text, title=tricky_text, tag=tricky_text)
def test_any_text_survives_the_exporter(text: str, title: str, tag: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
    prompt = Prompt(
        "d:p",
        " ".join(text.split())[:1000],
        PromptCategory.HOPE,
        Intensity.DEEP,
        frozenset(Principle),
        True,
        frozenset({normalize_tag(normalize_tag(tag)[:20]) or "x"}),
        deck="d",
    )
    deck = Deck("d", title.strip() or "t", (prompt,), 'line one\nline two "quoted" \\ \tend')
    again = parse_deck(dump_deck(deck))
    assert again.title == deck.title and again.description == deck.description
    assert again.prompts[0] == prompt


def test_hostile_strings_are_escaped_not_interpreted() -> None:
    for value in [
        '"""',
        'a"b',
        "back\\slash",
        "\x00\x1f\x7f",
        "<b>&amp;</b>",
        "مرحبا 👋 שלום 你好",
    ]:
        assert tomllib.loads(f"x = {toml_string(value)}")["x"] == value


def bad(replace_from: str, replace_to: str) -> str:
    assert replace_from in GOOD
    return GOOD.replace(replace_from, replace_to)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (bad('text = "What\'s good?"\n', ""), "text", "missing"),
        (bad('"check-in"', '"feelings"'), "category", "“feelings” is not one of"),
        (bad('"light"', '"heavy"'), "intensity", "not one of light, medium, deep"),
        (bad('["respect"]', '["kindness"]'), "principles", "kindness"),
        (bad('["respect"]', "[]"), "principles", "at least one"),
        (bad('slug = "one"', 'slug = "One Two"'), "slug", "lower-case"),
        (bad('tags = ["week"]', 'tags = ["week", ""]'), "tags", "non-empty"),
        (bad('tags = ["week"]', 'tags = ["week"]\ncatgory = "x"'), "catgory", "not a prompt"),
        (bad('tags = ["week"]', 'tags = []\nfirst_meeting = "yes"'), "first_meeting", "true"),
        (bad('id = "mine"', 'id = "Mine!"'), "deck.id", "deck id"),
        (bad('title = "Mine"', ""), "deck.title", "missing"),
        (bad('title = "Mine"', 'title = "Mine"\nformat = 9'), "deck.format", "newer"),
    ],
)
def test_bad_fields_name_the_file_prompt_and_field(text: str, field: str, words: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(text, source="mine.toml")
    error = caught.value
    assert error.field == field
    assert words in error.problem
    assert str(error).startswith("The deck “mine.toml”")
    if not field.startswith("deck."):
        assert "“one”" in error.prompt or "1" in error.prompt


def test_bad_toml_says_so_with_a_line_number() -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(GOOD.replace('title = "Mine"', 'title = "Mine'), source="broken.toml")
    assert "not valid TOML" in str(caught.value) and "line" in str(caught.value)


def test_duplicates_within_a_deck_are_refused() -> None:
    twice = GOOD + GOOD[GOOD.index("[[prompts]]") :].replace('"one"', '"two"')
    with pytest.raises(DeckError) as caught:
        parse_deck(twice.replace("What's good?", "WHAT'S   good?", 1), source="d.toml")
    assert caught.value.field == "text" and "prompt 1" in caught.value.problem
    same_slug = GOOD + GOOD[GOOD.index("[[prompts]]") :].replace("good?", "new?")
    with pytest.raises(DeckError) as caught:
        parse_deck(same_slug)
    assert caught.value.field == "slug"


def test_a_deck_without_prompts_or_header_is_refused() -> None:
    with pytest.raises(DeckError, match="no prompts"):
        parse_deck('[deck]\nid = "x"\ntitle = "X"\n')
    with pytest.raises(DeckError, match=r"no \[deck\]"):
        parse_deck(GOOD[GOOD.index("[[prompts]]") :])


def test_very_long_text_is_refused_politely() -> None:
    with pytest.raises(DeckError, match="characters long"):
        parse_deck(bad("What's good?", "x" * 10_000))
