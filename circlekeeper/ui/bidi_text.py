"""Names in any script, shown the way they were given, inside sentences in any direction.

A label such as ``نور (she/her)`` starts with a right-to-left letter, so the whole line would be
laid out right to left and the pronouns would jump to the wrong side. Wrapping right-to-left
user text in Unicode first-strong isolates (FSI … PDI) keeps it whole and leaves the sentence
around it in its own direction. Left-to-right text is returned untouched: it needs no help.
"""

from __future__ import annotations

import re
import unicodedata

from circlekeeper.i18n import active_language, writes_right_to_left

FIRST_STRONG_ISOLATE = "\u2068"
LEFT_TO_RIGHT_ISOLATE = "\u2066"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
POP_DIRECTIONAL_ISOLATE = "\u2069"
ZERO_WIDTH_SPACE = "\u200b"
SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
LEFT_TO_RIGHT_MARK = "\u200e"
RIGHT_TO_LEFT_MARK = "\u200f"

NAME_ON_SCREEN = 60
"""Characters of a name shown on screen; the full name stays in the record and the editor."""
PRONOUNS_ON_SCREEN = 30
BREAK_AFTER = 24
"""A run this long without a space gets invisible break points, so it can wrap."""
HYPHENATE_FROM = 12
"""A word of a hyphenating alphabet longer than this gets soft hyphens; shorter ones fit."""
_LONG_RUN = re.compile(rf"\S{{{HYPHENATE_FROM + 1},}}")
_HYPHENATES = r"[\u0041-\u058f\u1e00-\u1fff'’.\-]+"
"""Latin, Greek, Cyrillic and Armenian (with their marks), apostrophes, full stops, hyphens.
Compiled by ``re`` (and kept in its cache) when a long word first asks: its character ranges
cost about 2 M instructions to compile, and most first pages have no word that long."""


_INVISIBLE_MARKS = (
    FIRST_STRONG_ISOLATE,
    LEFT_TO_RIGHT_ISOLATE,
    RIGHT_TO_LEFT_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    ZERO_WIDTH_SPACE,
    LEFT_TO_RIGHT_MARK,
    RIGHT_TO_LEFT_MARK,
    SOFT_HYPHEN,
    WORD_JOINER,
)


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate(text: str) -> str:
    """``text`` wrapped in an isolate when it holds right-to-left letters, or, in a
    right-to-left window, when it starts or ends with a sign that takes the direction of what
    is around it: in Arabic "<b>Jonas</b> & Co" read "b>Jonas</b> & Co<" with its first "<"
    thrown to the far end and mirrored."""
    if not text:
        return text
    if not has_right_to_left(text) and not (
        writes_right_to_left(active_language()) and _neutral_at_an_end(text)
    ):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def _neutral_at_an_end(text: str) -> bool:
    """Whether ``text``'s first or last character has no direction of its own (punctuation,
    a symbol, a digit): laid out in the paragraph's direction, not the word's."""
    return any(unicodedata.bidirectional(ch) != "L" for ch in (text[0], text[-1]))


def own_direction(text: str) -> str:
    """``text`` set in the direction of its own first letter, whatever the widget's.

    A table cell takes its paragraph direction from the window, not from its text: in the
    Arabic window an English prompt read "?What do you need from this circle tonight", its
    question mark thrown to the start. An isolate lets the words keep their own direction."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut shown with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def breakable(text: str) -> str:
    """``text`` with break points inside long words, so a label wraps without cutting a word
    just anywhere.

    Qt wraps a label between words, and breaks a word wider than the label wherever it runs out
    of room ("Vander/bilt"). Words of an alphabet that hyphenates (Latin, Greek, Cyrillic)
    longer than :data:`HYPHENATE_FROM` letters get soft hyphens, two letters from either end:
    invisible unless Qt breaks there, and then shown as "-". Other long runs without spaces (a
    pasted link) get invisible break points every :data:`BREAK_AFTER` characters, so one
    10,000-character "word" cannot make the window as wide as itself.
    """

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        if re.fullmatch(_HYPHENATES, run):
            return _with_soft_hyphens(run)
        if len(run) <= BREAK_AFTER:
            return run
        return ZERO_WIDTH_SPACE.join(
            run[i : i + BREAK_AFTER] for i in range(0, len(run), BREAK_AFTER)
        )

    return _LONG_RUN.sub(split, text)


def unbroken(text: str) -> str:
    """``text`` (a date, a figure with its unit) kept on one line of a wrapped label: no-break
    spaces for its spaces, and a word joiner after each slash, where Qt would otherwise break
    ("(24/" at the end of one line and "2026/11)" at the start of the next, in Arabic)."""
    return text.replace(" ", NO_BREAK_SPACE).replace("/", "/" + WORD_JOINER)


def _with_soft_hyphens(word: str) -> str:
    out = []
    for index, ch in enumerate(word):
        if (
            2 <= index <= len(word) - 2
            and ch.isalpha()
            and word[index - 1].isalpha()
            and unicodedata.category(ch) != "Mn"
        ):
            out.append(SOFT_HYPHEN)
        out.append(ch)
    return "".join(out)


def display_name(name: str) -> str:
    """A name for screens and sentences: isolated, kept to a sensible length, wrappable."""
    return isolate(breakable(shorten(name, NAME_ON_SCREEN)))


def person_label(name: str, pronouns: str = "") -> str:
    """A person as the circle sees them: their name, and their pronouns when given."""
    shown = display_name(name)
    if not pronouns:
        return shown
    return f"{shown} ({isolate(breakable(shorten(pronouns, PRONOUNS_ON_SCREEN)))})"


def listed_person(name: str, pronouns: str = "") -> str:
    """A person in a line that lists several (the circle's People line, the facilitators of a
    session): the name in a left-to-right isolate whatever its script, then the pronouns.

    Each name is its own unit, so a comma or the next name cannot join it. The isolate is
    left to right, the direction of the line (:func:`sentence`), not the name's first letter:
    a name that starts in Adlam or Arabic and goes on in Latin (``𞤀𞤣𞤢𞤥𞤢 Diallo``) keeps its
    words in the order the line reads, as the printed summary sets it, where a first-strong
    isolate turned it into "Diallo 𞤀𞤣𞤢𞤥𞤢". Right-to-left letters still run right to left
    inside the isolate, and a name all in one right-to-left script reads as it did.
    """
    name = breakable(shorten(name, NAME_ON_SCREEN))
    shown = f"{LEFT_TO_RIGHT_ISOLATE}{name}{POP_DIRECTIONAL_ISOLATE}"
    if not pronouns:
        return shown
    return f"{shown} ({isolate(breakable(shorten(pronouns, PRONOUNS_ON_SCREEN)))})"


def sentence(text: str) -> str:
    """A line we compose (a list of names, a title) kept in the direction of the rest of the
    UI: left to right, or right to left in a language written so (its list words, Arabic «و»,
    read from the right, the first name rightmost).

    Selectable labels lay text out with a text document, which picks a paragraph's direction
    from its first strong letter *ignoring* isolates, so a list starting with a Hebrew name was
    laid out right to left, its commas and pronouns jumbled. A leading LRM (RLM) settles it.
    """
    if not text:
        return text
    right_to_left = writes_right_to_left(active_language())
    return (RIGHT_TO_LEFT_MARK if right_to_left else LEFT_TO_RIGHT_MARK) + text


def plain(text: str) -> str:
    """The text as a person reads it (no isolates or break points; for comparisons)."""
    for mark in _INVISIBLE_MARKS:
        text = text.replace(mark, "")
    return text


def literal_ampersands(text: str) -> str:
    """Someone's words for a button, tab or menu, where a single ``&`` marks an Alt+letter:
    doubled, "Tea & Talk" keeps its ampersand and claims no key (it read "Tea _Talk")."""
    return text.replace("&", "&&")
