"""Values inserted into a translated sentence, each kept whole and in its own direction.

In Arabic, "تعذّر حفظ الملف /home/user/circle/summary.pdf." came out with the path's slashes
and the sentence's full stop moved about: the bidi algorithm lays out each run of the path
against the Arabic words around it. Unicode isolates fix that where the value goes in: the
value is laid out on its own, then set into the sentence as one unbreakable unit. A path,
an address or a file name is isolated left to right (LRI … PDI), whatever letters it holds,
because that is the order the system and the person typing it use (a mark after each folder
separator keeps Arabic folder names in that order too). In a right-to-left sentence, a value
with right-to-left letters runs right to left (RLI … PDI: a list the sentence composed,
"Dana وBo", keeps its first name first); any other value takes the direction of its own
first letter (FSI … PDI), so an English circle name, "Ctrl+Z" or "42 MB" reads left to right
inside an Arabic sentence, and an Arabic name right to left inside an English one. A bare
number needs nothing and gets nothing.

Where the controls would be wrong they are taken out again (:func:`without_isolates`): log
lines (:class:`PlainLogFormatter`), a command's output to a file or a pipe
(:func:`isolate_values`), the clipboard (``ui/plain_clipboard.py``), CSV cells.

:class:`~circlekeeper.i18n.translation.Sentence` (what ``_``, ``ngettext`` and ``pgettext``
return) calls :func:`embed` for every value it formats, so no call site has to remember.

Standard library only: ``session/`` formats its sentences through here too.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import unicodedata

LEFT_TO_RIGHT_ISOLATE = "\u2066"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
ISOLATE_CONTROLS = frozenset(
    (LEFT_TO_RIGHT_ISOLATE, RIGHT_TO_LEFT_ISOLATE, FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE)
)
_OPENERS = frozenset((LEFT_TO_RIGHT_ISOLATE, RIGHT_TO_LEFT_ISOLATE, FIRST_STRONG_ISOLATE))

ADDRESS_FIELDS = frozenset(
    ("path", "file", "folder", "url", "host", "backup", "journal", "wal", "database")
)
"""Placeholders whose value is always something the system reads left to right."""

_ADDRESS = r"""(?x)
    (?: [~/\\] | [A-Za-z]:[\\/] | \.{1,2}[\\/] )        # /home, ~/x, \\server, C:\, ./x
    | [A-Za-z][A-Za-z0-9+.-]*://                       # postgresql://, https://
    | [^\s@]+@[^\s@]+\.[^\s@]+$                         # someone@example.org
    | \S+\.[A-Za-z][A-Za-z0-9]{0,4}$                    # summary.pdf, db.example.org
    """
_PLAIN_NUMBER = r"[0-9\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c\u00a0\u202f ]*[0-9]"
"""An unsigned number as Babel writes it: already one left-to-right run in any sentence, and
left bare so "{done}/{total}" and "{hours}:{minutes}" keep reading as one figure."""
LEFT_TO_RIGHT_MARK = "\u200e"
_AFTER_SEPARATOR = r"([/\\])(?!\u200e)"
"""A folder separator, after which a left-to-right mark keeps two right-to-left folder names
apart: "/home/نور/الحلقات" otherwise ran its two Arabic names together, right to left.

This pattern and the others kept as text are compiled by ``re`` (and kept in its cache) when
first used: they serve right-to-left values, right-to-left sentences and copied text, and
compiling them when the module loads cost an English window's first paint about 5 M
instructions."""
_FIELD = re.compile(r"\{[^{}]*\}")


class _Setting:
    """Whether formatted values get isolates in this process (see :func:`isolate_values`)."""

    on = True


def isolate_values(on: bool) -> None:
    """Turn isolating on or off for the whole process.

    Off for a command whose output goes to a file or a pipe (``circlekeeper export … | tee``):
    a script reading "Wrote /home/user/summary.pdf" must get the path as it is. The window
    (and a command in a terminal, where a person reads it) keeps them on.
    """
    _Setting.on = on


def isolating() -> bool:
    return _Setting.on


def has_right_to_left(text: str) -> bool:
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def may_need_isolating(value: object) -> bool:
    """Whether ``value`` could hold right-to-left letters (false for ASCII text, numbers and
    paths: a left-to-right sentence then formats them with plain ``str.format``)."""
    if isinstance(value, bool | int | float):
        return False
    if isinstance(value, str | os.PathLike):
        return not str(value).isascii()
    return True  # a date, a lazy string…: the careful way


@functools.lru_cache(maxsize=4096)
def only_plain_fields(template: str) -> bool:
    """Whether every field of ``template`` is a bare name or index (no format spec, no
    conversion, no attribute): its values can be formatted, isolated, then inserted."""
    return all(_PLAIN_FIELD.fullmatch(field) for field in _ANY_FIELD.findall(template))


_ANY_FIELD = re.compile(r"(?<!\{)\{(?!\{)[^{}]*\}")
_PLAIN_FIELD = re.compile(r"\{\w*\}")


@functools.lru_cache(maxsize=4096)
def runs_right_to_left(template: str) -> bool:
    """Whether a message's own words start right to left (its placeholders left out): a
    sentence in Arabic, wherever the window is. A message with no letter of its own is not."""
    for ch in _FIELD.sub("", template):
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


_TOKEN = r"(?:[A-Za-z][A-Za-z0-9_.\-]*|-{1,2}[A-Za-z][\w-]*|\{\w*\}[\w.]*)"
_LATIN_SPAN = rf"{_TOKEN}(?: +{_TOKEN})+"


def keep_commands_whole(template: str, values: dict[str, object]) -> str:
    """A right-to-left template with its left-to-right stretches that quote values (a
    command, "circlekeeper restore {backup}", "pip install {package}") in one isolate.

    Each value is a unit of its own; inside an Arabic sentence a path isolated alone beside
    "restore" would sit on its far side, and the command read "/backup.sqlite3 circlekeeper
    restore". A stretch whose values hold right-to-left words ("CircleKeeper {language}",
    the language in Arabic) is left to read right to left."""

    def whole(match: re.Match[str]) -> str:
        span = match.group(0)
        names = re.findall(_FIELD_NAME, span)
        words = _FIELD.sub("", span)
        if not names or not any(ch.isalpha() for ch in words):
            return span
        for name in names:
            value = values.get(name, "")
            if has_right_to_left(str(value)) and not is_address(value, name):
                return span
        return f"{LEFT_TO_RIGHT_ISOLATE}{span}{POP_DIRECTIONAL_ISOLATE}"

    return re.sub(_LATIN_SPAN, whole, template) if _Setting.on else template


_FIELD_NAME = r"\{(\w*)\}"


def is_isolated(text: str) -> bool:
    """Whether ``text`` is one isolate from its first character to its last."""
    if len(text) < 2 or text[0] not in _OPENERS or text[-1] != POP_DIRECTIONAL_ISOLATE:
        return False
    depth = 0
    for index, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch == POP_DIRECTIONAL_ISOLATE:
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0


def is_address(value: object, field: str = "") -> bool:
    """A path, URL, e-mail address, host or file name: laid out left to right."""
    if isinstance(value, os.PathLike) or field in ADDRESS_FIELDS:
        return True
    return isinstance(value, str) and bool(re.match(_ADDRESS, value))


def embed(shown: str, value: object, *, right_to_left: bool, field: str = "") -> str:
    """``shown`` (``value`` formatted) ready to sit inside a sentence.

    In a right-to-left sentence every value is isolated (a bare number needs nothing): an
    address left to right, a value with right-to-left letters right to left (a list the
    sentence's language composed reads in its order whatever name comes first), anything else
    in its own first letter's direction. In a left-to-right sentence only a value with
    right-to-left letters is isolated (first strong), as
    ``circlekeeper.ui.bidi_text.isolate`` has always done for names. A value that is one
    isolate already is left as it is, and one of several lines is isolated line by line
    (an isolate ends with its paragraph).
    """
    if not shown or shown.isspace() or not _Setting.on or is_isolated(shown):
        return shown
    if not right_to_left and not has_right_to_left(shown):
        return shown
    if re.fullmatch(_PLAIN_NUMBER, shown):
        return shown
    opener = FIRST_STRONG_ISOLATE
    if right_to_left and has_right_to_left(shown):
        # words in the sentence's own direction: an Arabic name, or a list composed in Arabic
        # ("Dana وBo": first-strong would run it left to right, the first name on the left)
        opener = RIGHT_TO_LEFT_ISOLATE
    if is_address(value, field):
        opener = LEFT_TO_RIGHT_ISOLATE
        if has_right_to_left(shown):
            shown = re.sub(_AFTER_SEPARATOR, rf"\1{LEFT_TO_RIGHT_MARK}", shown)
    return "\n".join(
        f"{opener}{line}{POP_DIRECTIONAL_ISOLATE}" if line and not is_isolated(line) else line
        for line in shown.split("\n")
    )


def without_isolates(text: str) -> str:
    """``text`` without isolate controls (and the marks :func:`embed` puts after a path's
    separators): for a file, a log, a pipe or the clipboard, where a path must be the path
    (``cd`` does not find "⁦/home/user⁩")."""
    if text.isascii():
        return text
    text = re.sub(_MARKED_SEPARATOR, r"\1", text)
    return "".join(ch for ch in text if ch not in ISOLATE_CONTROLS)


_MARKED_SEPARATOR = "([/\\\\])\u200e"


class PlainLogFormatter(logging.Formatter):
    """A log line without isolate controls, whatever the message it quotes."""

    def format(self, record: logging.LogRecord) -> str:
        return without_isolates(super().format(record))
