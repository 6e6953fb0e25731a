"""What any text in a session file may hold, checked once over the whole parsed file.

JSON can carry things that are not text a person wrote: an escaped lone surrogate
(``"\\ud800"``) is not a character at all and cannot be stored or printed, a NUL cuts strings
short in C libraries, and a megabyte in one field makes every PDF of the session crawl. Objects
with the same key twice are ambiguous (most parsers keep the last one silently). Each is
refused with the place where it was found, before anything else reads the file.
"""

from __future__ import annotations

import re
from typing import Any

from circlekeeper.i18n import _, ngettext
from circlekeeper.session.document import InvalidSessionFile

MAX_FILE_CHARACTERS = 20_000_000
"""A year of weekly circles' logs fits many times over; beyond this is not a session file."""
MAX_TEXT = 20_000
"""Names, prompts, plan titles: a person's words, at most this many characters each."""
MAX_LONG_TEXT = {"shareable_summary": 200_000}
"""Fields that are paragraphs rather than names get more room (about 80 printed pages; a 100 KB
shareable summary, which a server must save and export, fits)."""

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json.loads`` hook: an object naming the same key twice is refused, not merged."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise ValueError(_("the key {key} appears twice in one object").format(key=repr(key)))
        data[key] = value
    return data


def check_texts(data: Any) -> None:
    """Walk the parsed file (without recursion) and refuse the first text that is not text."""
    pending: list[tuple[str, Any]] = [("", data)]
    while pending:
        place, value = pending.pop()
        if isinstance(value, str):
            _check_text(place, value)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(place, key, is_key=True)
                pending.append((f"{place}.{key}" if place else key, item))
        elif isinstance(value, list):
            pending.extend((f"{place}[{i}]", item) for i, item in enumerate(value))


def _check_text(place: str, text: str, *, is_key: bool = False) -> None:
    """``is_key``: ``text`` is a key of the object at ``place`` (so the place is said so)."""
    bad = _NOT_TEXT.search(text)
    if is_key and (bad is not None or len(text) > MAX_TEXT):
        place = _("{place} (a key)").format(place=place) if place else _("(a key)")
    if bad is not None:
        problem = (
            _("contains a NUL character")
            if bad.group() == "\x00"
            else _("contains an unpaired surrogate ({code}), which is not a character").format(
                code=f"\\u{ord(bad.group()):04x}"
            )
        )
        raise InvalidSessionFile(place, problem)
    limit = MAX_LONG_TEXT.get(place, MAX_TEXT)
    if len(text) > limit:
        # Translators: {count} is always large (over 20000); {limit} is 20000 or 200000.
        too_long = ngettext(
            "is {count} characters long; at most {limit} are allowed",
            "is {count} characters long; at most {limit} are allowed",
            len(text),
        )
        raise InvalidSessionFile(place, too_long.format(count=len(text), limit=limit))
