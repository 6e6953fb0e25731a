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
            raise ValueError(f"the key {key!r} appears twice in one object")
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
                _check_text(f"{place} (a key)" if place else "(a key)", key)
                pending.append((f"{place}.{key}" if place else key, item))
        elif isinstance(value, list):
            pending.extend((f"{place}[{i}]", item) for i, item in enumerate(value))


def _check_text(place: str, text: str) -> None:
    bad = _NOT_TEXT.search(text)
    if bad is not None:
        what = (
            "a NUL character"
            if bad.group() == "\x00"
            else f"an unpaired surrogate (\\u{ord(bad.group()):04x}), which is not a character"
        )
        raise InvalidSessionFile(place, f"contains {what}")
    limit = MAX_LONG_TEXT.get(place, MAX_TEXT)
    if len(text) > limit:
        raise InvalidSessionFile(
            place, f"is {len(text):,} characters long; at most {limit:,} are allowed"
        )
