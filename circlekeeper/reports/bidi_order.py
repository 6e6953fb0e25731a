"""Which way a text runs, and the controls that keep inserted names in their own direction.

The ordering itself (the Unicode Bidirectional Algorithm, level by level) lives in
:mod:`circlekeeper.reports.bidi_levels`; the typesetter applies it to each printed line.
"""

from __future__ import annotations

import unicodedata

from circlekeeper.reports.bidi_levels import FSI, MARKS_AND_ISOLATES, PDI, first_strong_is_rtl

_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


def has_rtl(text: str) -> bool:
    """Whether ``text`` needs the bidi algorithm: a right-to-left letter or mark, or digits
    and signs of a right-to-left script (Arabic-Indic "٣٢" and Persian "۳۲", which harfbuzz
    would otherwise run right to left, printing "23")."""
    if text.isascii():
        return False  # most of a report: no ASCII character is right-to-left
    return any(
        "\u0590" <= ch <= "\u08ff"
        or "\ufb1d" <= ch <= "\ufefc"
        or unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT
        for ch in text
        if ch >= "\u0590"
    )


def base_is_rtl(text: str) -> bool:
    """The paragraph direction from its first strong character (rules P2–P3)."""
    # (digits never decide it: "٣٢ Alex" is a left-to-right line)
    return bool(first_strong_is_rtl(text))


def without_controls(text: str) -> str:
    """``text`` without bidi marks and isolate controls (they steer the order, never print)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if ch not in MARKS_AND_ISOLATES)


def isolate(text: str) -> str:
    """``text`` (a name, a prompt, a circle's name) set inside one of our sentences as a unit
    in its own direction: "الجولة 1: What helps?" keeps the question mark after "helps",
    and "Alex (3)" its count beside the name, whichever way the sentence runs (FSI…PDI).

    Marks and isolates the text brings along are dropped first, so it can never leave an
    isolate of ours open (or close one)."""
    inner = without_controls(text)
    return FSI + inner + PDI if inner else inner
