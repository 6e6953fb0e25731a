"""Typed fields out of parsed session-file JSON, each problem raised with its place.

Shared by :mod:`circlekeeper.session.interchange.session_file` (the log, the people, the plan) and
:mod:`circlekeeper.session.interchange.beside_log` (moods and prompt uses), so every part of a
file is refused in the same words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, overload

from circlekeeper.session.document import InvalidSessionFile


def unknown_field_reason(key: str) -> str:
    if "note" in key.lower():
        return "private notes are never part of a session file"
    return "unknown field"


def require(data: dict[str, Any], key: str, place: str) -> Any:
    if key not in data:
        raise InvalidSessionFile(place, "is missing")
    return data[key]


def text_field(data: dict[str, Any], key: str, place: str | None = None) -> str:
    place = place or key
    value = require(data, key, place)
    if not isinstance(value, str):
        raise InvalidSessionFile(place, f"must be text, not {json_type(value)}")
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
        raise InvalidSessionFile(place, f"must be a date and time as text, not {json_type(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidSessionFile(place, f"{value!r} is not an ISO 8601 date and time") from error
    if moment.tzinfo is None:
        raise InvalidSessionFile(place, "needs a UTC offset (for example 'Z' or '+00:00')")
    return moment.astimezone(UTC)


def json_type(value: Any) -> str:
    match value:
        case None:
            return "null"
        case bool():
            return "true/false"
        case int() | float():
            return "a number"
        case str():
            return "text"
        case list():
            return "a list"
        case dict():
            return "an object"
    return type(value).__name__


def list_field(data: dict[str, Any], key: str) -> list[Any]:
    value = require(data, key, key)
    if not isinstance(value, list):
        raise InvalidSessionFile(key, f"must be a list, not {json_type(value)}")
    return value


def object_field(item: Any, place: str, keys: frozenset[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise InvalidSessionFile(place, f"must be an object, not {json_type(item)}")
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
        raise InvalidSessionFile(f"{place}.{key}", f"must be text or null, not {json_type(value)}")
    return value
