"""A pseudo-locale: English made visibly foreign and 35 % longer, for layout tests.

Run the app with ``--lang qps`` (or ``CIRCLEKEEPER_LANG=qps``): every wrapped string reads
``[Ŝéţţîñĝš ~~~]``. Plain English left on screen was never wrapped; a missing closing bracket is
text a widget clipped; German-length words that do not fit show up before a translator finds
them. Placeholders, markup, Qt mnemonics and command-line options pass through untouched so
the strings still format and the app still works.
"""

from __future__ import annotations

import gettext
import math
import re

GROWTH = 0.35
"""How much longer a pseudo string is than the English (German runs about a third longer)."""
WORD = 10
"""The longest run of padding: about a long German word."""

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþʠŕšţüṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)
_UNTOUCHABLE = re.compile(
    r"\{[^{}]*\}"  # str.format placeholders
    r"|%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdfirx%]|%[sdfirx%]"  # %-placeholders
    r"|<[^<>]+>|&[a-z]+;"  # markup and entities
    r"|--[a-z][a-z0-9-]*"  # command-line options
    r"|`[^`]*`"  # commands quoted in backticks
    r"|&(?=\S)"  # a Qt mnemonic marker stays (the letter after it is accented)
)


def pseudolocalize(text: str) -> str:
    """``"Save {name}"`` → ``"[Šåvé {name} ~~]"``: accented, bracketed, 35 % longer."""
    if not text:
        return text
    pieces = []
    last = 0
    for match in _UNTOUCHABLE.finditer(text):
        pieces.append(text[last : match.start()].translate(_ACCENTED))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTED))
    body = "".join(pieces)
    padding = max(1, math.ceil(len(text) * GROWTH) - 2)
    trailing = len(body) - len(body.rstrip("\n"))
    core = body.rstrip("\n")
    # The growth comes as word-sized runs: a long German sentence is longer, not unbreakable.
    words = " ".join("~" * min(WORD, padding - start) for start in range(0, padding, WORD))
    return f"[{core} {words}]" + "\n" * trailing


class PseudoTranslations(gettext.NullTranslations):
    """A catalog that "translates" every string, wrapped or not in a .po file yet."""

    def gettext(self, message: str) -> str:
        return pseudolocalize(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalize(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudolocalize(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalize(msgid1 if n == 1 else msgid2)
