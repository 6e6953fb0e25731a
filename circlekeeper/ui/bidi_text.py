"""Names in any script, shown the way they were given, inside sentences in any direction.

A label such as ``نور (she/her)`` starts with a right-to-left letter, so the whole line would be
laid out right to left and the pronouns would jump to the wrong side. Wrapping right-to-left
user text in Unicode first-strong isolates (FSI … PDI) keeps it whole and leaves the sentence
around it in its own direction. Left-to-right text is returned untouched: it needs no help.
"""

from __future__ import annotations

import re
import unicodedata

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
ZERO_WIDTH_SPACE = "\u200b"
LEFT_TO_RIGHT_MARK = "\u200e"

NAME_ON_SCREEN = 60
"""Characters of a name shown on screen; the full name stays in the record and the editor."""
PRONOUNS_ON_SCREEN = 30
BREAK_AFTER = 24
"""A run this long without a space gets invisible break points, so it can wrap."""
_LONG_RUN = re.compile(rf"\S{{{BREAK_AFTER + 1},}}")


_INVISIBLE_MARKS = (
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    ZERO_WIDTH_SPACE,
    LEFT_TO_RIGHT_MARK,
)


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate(text: str) -> str:
    """``text`` wrapped in an isolate when it holds right-to-left letters."""
    if not text or not has_right_to_left(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut shown with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def breakable(text: str) -> str:
    """``text`` with invisible break points inside very long runs without spaces.

    A label wraps only between words; one 10,000-letter "word" (a pasted link, a name typed
    without spaces) would otherwise make the window as wide as the word.
    """

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return ZERO_WIDTH_SPACE.join(
            run[i : i + BREAK_AFTER] for i in range(0, len(run), BREAK_AFTER)
        )

    return _LONG_RUN.sub(split, text)


def display_name(name: str) -> str:
    """A name for screens and sentences: isolated, kept to a sensible length, wrappable."""
    return isolate(breakable(shorten(name, NAME_ON_SCREEN)))


def person_label(name: str, pronouns: str = "") -> str:
    """A person as the circle sees them: their name, and their pronouns when given."""
    shown = display_name(name)
    if not pronouns:
        return shown
    return f"{shown} ({isolate(breakable(shorten(pronouns, PRONOUNS_ON_SCREEN)))})"


def sentence(text: str) -> str:
    """A line we compose (a list of names, a title) kept left to right like the rest of the UI.

    Selectable labels lay text out with a text document, which picks a paragraph's direction
    from its first strong letter *ignoring* isolates, so a list starting with a Hebrew name was
    laid out right to left, its commas and pronouns jumbled. A leading LRM settles it.
    """
    return LEFT_TO_RIGHT_MARK + text if text else text


def plain(text: str) -> str:
    """The text as a person reads it (no isolates or break points; for comparisons)."""
    for mark in (
        FIRST_STRONG_ISOLATE,
        POP_DIRECTIONAL_ISOLATE,
        ZERO_WIDTH_SPACE,
        LEFT_TO_RIGHT_MARK,
    ):
        text = text.replace(mark, "")
    return text
