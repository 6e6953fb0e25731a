"""Limits on a deck file's shape, checked by one linear pass before the TOML parser sees it.

Python's ``tomllib`` recurses into nested arrays and tables (100,000 levels raise
``RecursionError``), converts integers of any length (5,000 digits raise ``ValueError``) and
takes time that grows with the square of a dotted key's parts (50,000 parts: minutes). A prompt
deck needs none of that: tables one or two levels deep, short keys, small numbers. This pass
skips strings and comments and refuses, in one sentence, a file deeper, longer or with longer
keys or numbers than any deck, so parsing always takes a moment, whatever the file holds.
"""

from __future__ import annotations

import re

from circlekeeper.i18n import _
from circlekeeper.prompts.errors import DeckError

MAX_CHARACTERS = 2_000_000
"""About 2,000 prompts at their longest; the shipped decks are a few kilobytes."""
MAX_LINES = 100_000
"""2,000 prompts take about 18,000 lines."""
MAX_DEPTH = 8
"""Nesting of arrays and inline tables (a deck uses 1: ``tags = ["a", "b"]``)."""
MAX_KEY_PARTS = 8
"""Parts of one dotted key or table name (a deck uses ``[deck]`` and ``[[prompts]]``)."""
MAX_KEYS = 20_000
"""Keys and table headers in the whole file (2,000 prompts use about 16,000)."""
MAX_DOTTED_KEYS = 100
"""Dotted keys in the whole file: a deck uses none; the parser slows down with many."""
MAX_DIGITS = 18
"""Digits of one number outside strings (a deck's only number is ``format = 1``)."""

_DIGITS = re.compile(rf"[0-9_]{{{MAX_DIGITS + 1},}}")


def _number(value: int) -> str:
    """``1,000,002`` / ``1.000.002``: a refusal is rare, so Babel loads only for one."""
    from circlekeeper.i18n.formats import format_number

    return format_number(value)


def check_deck_shape(text: str, *, source: str = "") -> None:
    """Raise :class:`DeckError` if ``text`` is bigger, deeper or longer-keyed than a deck."""
    if len(text) > MAX_CHARACTERS:
        raise DeckError(
            _(
                "is {count} characters long, more than a prompt deck can be ({limit}); is it the"
                " right file?"
            ).format(count=_number(len(text)), limit=_number(MAX_CHARACTERS)),
            source=source,
        )
    if text.count("\n") > MAX_LINES:
        raise DeckError(
            _(
                "has {count} lines, more than a prompt deck can have ({limit}); is it the right"
                " file?"
            ).format(count=_number(text.count("\n")), limit=_number(MAX_LINES)),
            source=source,
        )
    depth = keys = dotted = 0
    for line_number, code in enumerate(_code_lines(text, source), start=1):
        stripped = code.strip()
        header = stripped.startswith("[") and depth == 0
        key = stripped.strip("[]") if header else code.split("=", 1)[0] if "=" in code else ""
        if header or "=" in code:
            parts = key.count(".") + 1
            keys += 1
            dotted += parts > 1
            if keys > MAX_KEYS or dotted > MAX_DOTTED_KEYS:
                many = (
                    _("has more than {count} keys (line {line}); a deck has far fewer.")
                    if keys > MAX_KEYS
                    else _("has more than {count} dotted keys (line {line}); a deck has far fewer.")
                )
                limit = MAX_KEYS if keys > MAX_KEYS else MAX_DOTTED_KEYS
                raise DeckError(many.format(count=_number(limit), line=line_number), source=source)
            if parts > MAX_KEY_PARTS:
                raise DeckError(
                    _(
                        "line {line} has a key of {parts} dotted parts; a deck needs at most"
                        " {limit}."
                    ).format(line=line_number, parts=parts, limit=MAX_KEY_PARTS),
                    source=source,
                )
        value = "" if header else code.split("=", 1)[1] if "=" in code else code
        for char in value:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise DeckError(
                        _(
                            "line {line} nests lists or tables more than {limit} deep; a deck"
                            " needs one level."
                        ).format(line=line_number, limit=MAX_DEPTH),
                        source=source,
                    )
            elif char in "]}":
                depth = max(0, depth - 1)
        long_number = _DIGITS.search(value)
        if long_number is not None:
            raise DeckError(
                _(
                    "line {line} has a number {count} digits long; a deck's numbers have at"
                    " most {limit}."
                ).format(
                    line=line_number, count=_number(len(long_number.group())), limit=MAX_DIGITS
                ),
                source=source,
            )


_SPECIAL = re.compile(r"[\n#\"']")


def _code_lines(text: str, source: str) -> list[str]:
    """Each line with strings blanked and comments cut, in one pass over the text.

    Strings become empty quotes, so brackets, dots and digits inside prompt words never count;
    a multi-line string leaves its lines empty. The pass jumps from one quote, comment or line
    end to the next, so it stays fast on a file of any shape.
    """
    lines: list[str] = []
    current: list[str] = []
    i, n = 0, len(text)
    while i < n:
        found = _SPECIAL.search(text, i)
        if found is None:
            current.append(text[i:])
            break
        current.append(text[i : found.start()])
        i = found.start()
        char = text[i]
        if char == "\n":
            lines.append("".join(current))
            current = []
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        else:
            i = _after_string(text, i, char, lines, current, source)
            current.append('""')
    lines.append("".join(current))
    return lines


_STRINGS = {  # "unrolled" patterns: the regex engine runs through plain text without backtracking
    '"""': re.compile(r'"""[^\\"]*(?:(?:\\.|"(?!""))[^\\"]*)*"""{0,2}', re.DOTALL),
    "'''": re.compile(r"'''[^']*(?:'(?!'')[^']*)*'''{0,2}"),
    '"': re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}
MAX_STRING = 20_000
"""Characters in one quoted string (a prompt has at most 1,000)."""


def _after_string(
    text: str, i: int, char: str, lines: list[str], current: list[str], source: str
) -> int:
    """Where the string starting at ``i`` ends; its inner line breaks still count as lines.

    Each kind of TOML string is one regular expression, so even a string of a million
    characters or escapes is skipped by the regex engine, not character by character.
    """
    quote = char * 3 if text.startswith(char * 3, i) else char
    found = _STRINGS[quote].match(text, i)
    if found is None:  # unclosed: tomllib will say where; skip to the line's end
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if found.end() - found.start() > MAX_STRING:
        raise DeckError(
            _(
                "has a quoted text {count} characters long; a deck's texts have at most {limit}."
            ).format(count=_number(found.end() - found.start()), limit=_number(MAX_STRING)),
            source=source,
        )
    for _line in range(found.group().count("\n")):
        lines.append("".join(current))
        current.clear()
    return found.end()
