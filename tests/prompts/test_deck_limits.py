"""Deck files shaped to break the TOML parser: refused in one sentence, quickly, never a crash.

Before, 100,000 nested arrays raised ``RecursionError``, a 5,000-digit number ``ValueError``
and 50,000 dotted key parts kept the parser busy for minutes.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.prompts.deck import load_shipped_decks, parse_deck
from circlekeeper.prompts.deck_writer import dump_deck
from circlekeeper.prompts.errors import DeckError

HOSTILE = {
    "deep arrays": ("x = " + "[" * 100_000 + "]" * 100_000, "nests lists or tables more than 8"),
    "deep tables": ("x = " + "{a = " * 100_000 + "1" + "}" * 100_000, "more than 8 deep"),
    "long number": ("x = " + "7" * 5_000, "a number 5,000 digits long"),
    "long dotted key": ("a" + "".join(f".k{i}" for i in range(50_000)) + " = 1", "50001 dotted"),
    "many dotted keys": ("\n".join(f"k{i}.x = 1" for i in range(50_000)), "100 dotted keys"),
    "many keys": ("\n".join(f"k{i} = 1" for i in range(30_000)), "20,000 keys"),
    "huge string": ('x = "' + "a" * 1_000_000 + '"', "quoted text 1,000,002 characters"),
    "many lines": ("\n" * 200_000, "200,000 lines"),
    "too big": ("#" + "a" * 3_000_000, "3,000,001 characters long"),
}


@pytest.mark.parametrize(("text", "expected"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_deck_is_refused_in_one_sentence(text: str, expected: str) -> None:
    with pytest.raises(DeckError) as refusal:
        parse_deck(text, source="evil.toml")
    message = str(refusal.value)
    assert message.startswith("The deck “evil.toml”: ") and expected in message
    assert "\n" not in message


def test_brackets_digits_and_dots_inside_texts_and_comments_do_not_count() -> None:
    deck = load_shipped_decks()[0]
    text = dump_deck(deck)
    tricky = text.replace(
        "[deck]",
        "# [[[[[[[[[[[[ 12345678901234567890123 a.b.c.d.e.f.g.h.i.j\n[deck]",
        1,
    )
    assert parse_deck(tricky, source="ok.toml").prompts == deck.prompts


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]{}=\"'\\#.,0123456789 ab\n", max_size=300))
def test_any_text_is_a_deck_or_a_deck_error(text: str) -> None:
    with contextlib.suppress(DeckError):
        parse_deck(text, source="fuzz.toml")


def test_the_command_line_says_it_in_one_line(tmp_path: Path) -> None:
    deck = tmp_path / "deep.toml"
    deck.write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "prompts", "check", str(deck)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "nests lists or tables more than 8 deep" in done.stderr
