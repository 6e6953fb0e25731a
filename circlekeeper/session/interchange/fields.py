"""Typed fields out of parsed session-file JSON, each problem raised with its place.

Shared by :mod:`circlekeeper.session.interchange.session_file` (the log, the people, the plan) and
:mod:`circlekeeper.session.interchange.beside_log` (moods and prompt uses), so every part of a
file is refused in the same words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, overload

from circlekeeper.i18n import _
from circlekeeper.session.document import InvalidSessionFile


def unknown_field_reason(key: str) -> str:
    if "note" in key.lower():
        return _("private notes are never part of a session file")
    return _("unknown field")


def unknown_person(person_id: str) -> str:
    return _("unknown person {person} (not in people)").format(person=repr(person_id))


def require(data: dict[str, Any], key: str, place: str) -> Any:
    if key not in data:
        raise InvalidSessionFile(place, _("is missing"))
    return data[key]


def text_field(data: dict[str, Any], key: str, place: str | None = None) -> str:
    place = place or key
    value = require(data, key, place)
    if not isinstance(value, str):
        raise InvalidSessionFile(place, not_a("text", value))
    return value


@overload
def moment_field(
    data: dict[str, Any], key: str, *, optional: Literal[False] = False, place: str = ""
) -> datetime: ...


@overload
def moment_field(
    data: dict[str, Any], key: str, *, optional: bool, place: str = ""
) -> datetime | None: ...


def moment_field(
    data: dict[str, Any], key: str, *, optional: bool = False, place: str = ""
) -> datetime | None:
    place = place or key
    value = require(data, key, place)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidSessionFile(place, not_a("date and time", value))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidSessionFile(
            place, _("{value} is not an ISO 8601 date and time").format(value=repr(value))
        ) from error
    if moment.tzinfo is None:
        raise InvalidSessionFile(place, _("needs a UTC offset (for example 'Z' or '+00:00')"))
    return moment.astimezone(UTC)


def json_type(value: Any) -> str:
    """What a JSON value is, in words (``null`` and ``true/false`` are JSON's own)."""
    match value:
        case None:
            return "null"
        case bool():
            return "true/false"
        case int() | float():
            # Translators: what a session file held where something else belongs.
            return _("a number")
        case str():
            return _("text")
        case list():
            return _("a list")
        case dict():
            return _("an object")
    return type(value).__name__


Wanted = Literal["text", "text or null", "date and time", "list", "object"]


def not_a(wanted: Wanted, value: Any) -> str:
    """ "must be text, not a number": one whole sentence for each kind of value wanted, so a
    translation never glues a noun into a sentence built for English."""
    found = json_type(value)
    sentences = {
        "text": _("must be text, not {found}"),
        "text or null": _("must be text or null, not {found}"),
        "date and time": _("must be a date and time as text, not {found}"),
        "list": _("must be a list, not {found}"),
        "object": _("must be an object, not {found}"),
    }
    return sentences[wanted].format(found=found)


def list_field(data: dict[str, Any], key: str) -> list[Any]:
    value = require(data, key, key)
    if not isinstance(value, list):
        raise InvalidSessionFile(key, not_a("list", value))
    return value


def object_field(item: Any, place: str, keys: frozenset[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise InvalidSessionFile(place, not_a("object", item))
    unknown = sorted(set(item) - keys)
    if unknown:
        raise InvalidSessionFile(f"{place}.{unknown[0]}", unknown_field_reason(unknown[0]))
    return item


def is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def optional_text(item: dict[str, Any], key: str, place: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidSessionFile(f"{place}.{key}", not_a("text or null", value))
    return value
