"""Names in any script, shown the way they were given, inside sentences in any direction.

A label such as ``نور (she/her)`` starts with a right-to-left letter, so the whole line would be
laid out right to left and the pronouns would jump to the wrong side. Wrapping right-to-left
user text in Unicode first-strong isolates (FSI … PDI) keeps it whole and leaves the sentence
around it in its own direction. Left-to-right text is returned untouched: it needs no help.
"""

from __future__ import annotations

import unicodedata

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate(text: str) -> str:
    """``text`` wrapped in an isolate when it holds right-to-left letters."""
    if not text or not has_right_to_left(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def person_label(name: str, pronouns: str = "") -> str:
    """A person as the circle sees them: their name, and their pronouns when given."""
    return f"{isolate(name)} ({isolate(pronouns)})" if pronouns else isolate(name)


def plain(text: str) -> str:
    """The text without isolates (what a person reads; for comparisons and exports)."""
    return text.replace(FIRST_STRONG_ISOLATE, "").replace(POP_DIRECTIONAL_ISOLATE, "")
