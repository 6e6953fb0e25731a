"""Write a deck back out as TOML in exactly the format :mod:`deck` reads.

Python ships a TOML reader (``tomllib``) but no writer, and the subset a deck needs is tiny:
basic strings, booleans, integers and arrays of strings. Writing it here keeps the files
stable and diff-friendly (fixed key order, sorted tags) without another dependency.
"""

from __future__ import annotations

from collections.abc import Iterable

from circlekeeper.prompts.deck import DECK_FORMAT, Deck, slug_of
from circlekeeper.session.prompts import Prompt

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_array(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def dump_deck(deck: Deck) -> str:
    """The deck as TOML text; ``parse_deck(dump_deck(d))`` gives back an equal deck."""
    lines = [
        "# A CircleKeeper prompt deck. Anyone may pass on any prompt.",
        "",
        "[deck]",
        f"id = {toml_string(deck.deck_id)}",
        f"title = {toml_string(deck.title)}",
    ]
    if deck.description:
        lines.append(f"description = {toml_string(deck.description)}")
    lines.append(f"format = {DECK_FORMAT}")
    for prompt in deck.prompts:
        lines.extend(["", *prompt_lines(prompt, slug_of(prompt.prompt_id))])
    return "\n".join(lines) + "\n"


def prompt_lines(prompt: Prompt, slug: str) -> list[str]:
    lines = [
        "[[prompts]]",
        f"slug = {toml_string(slug)}",
        f"text = {toml_string(prompt.text)}",
        f"category = {toml_string(prompt.category.value)}",
        f"intensity = {toml_string(prompt.intensity.value)}",
        f"principles = {toml_array(sorted(p.value for p in prompt.principles))}",
        f"first_meeting = {'true' if prompt.first_meeting else 'false'}",
        f"tags = {toml_array(sorted(prompt.tags))}",
    ]
    if prompt.based_on:
        lines.append(f"based_on = {toml_string(prompt.based_on)}")
    return lines
