"""The JSON interchange format for one session (``docs/session-json.md``).

A file holds what another CircleKeeper needs to rebuild the session exactly: the circle's name,
the facilitators, the people, the round plan, the full event log, the facilitator's shareable
summary and (since version 2) the anonymous mood counts and the prompts heard. It never holds
private notes: the format has no place for them and a file that tries
to add one is refused.

Loading trusts nothing: every field's type is checked, events are rebuilt through the same codec
the store uses, and the log is replayed by :func:`circlekeeper.session.logcheck.check_log`.
The first problem found is reported with its place, e.g.
``events[12].payload.person_id: unknown person 'p9'``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from circlekeeper.session import events as ev
from circlekeeper.session.document import (
    FORMAT,
    MOOD_MOMENTS,
    MOOD_VALUES,
    VERSION,
    InvalidSessionFile,
    PromptHeard,
    SessionDocument,
    document_from_log,
    renumber_people,
    renumber_plan,
    renumber_prompt_uses,
)
from circlekeeper.session.logcheck import LogInconsistent, check_log
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.prompts import MoodCounts

TOP_KEYS = frozenset(
    {
        "format",
        "version",
        "circle",
        "facilitators",
        "co_facilitators",
        "people",
        "round_plan",
        "started",
        "ended",
        "timezone",
        "shareable_summary",
        "events",
        "moods",
        "prompt_uses",
    }
)
ADDED_IN_VERSION_2 = frozenset({"moods", "prompt_uses"})
EVENT_KEYS = frozenset({"seq", "kind", "elapsed", "wall", "payload"})
PERSON_KEYS = frozenset({"id", "name", "pronouns"})
MOOD_KEYS = frozenset({"moment", "counts"})
USE_KEYS = frozenset({"round", "text", "prompt_id", "person_id", "used_at"})


# --------------------------------------------------------------------------- writing


def dump_session(doc: SessionDocument) -> str:
    """The document as JSON text (UTF-8 safe, every script kept as it is, no NaN)."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "circle": doc.circle,
        "facilitators": list(doc.facilitators),
        "co_facilitators": list(doc.co_facilitators),
        "people": [{"id": p.person_id, "name": p.name, "pronouns": p.pronouns} for p in doc.people],
        "round_plan": [plan.to_dict() for plan in doc.round_plan],
        "started": _iso(doc.started),
        "ended": _iso(doc.ended),
        "timezone": doc.timezone,
        "shareable_summary": doc.shareable_summary,
        "events": [
            {
                "seq": entry.seq,
                "kind": entry.event.kind,
                "elapsed": entry.elapsed,
                "wall": _iso(entry.wall),
                "payload": ev.to_payload(entry.event),
            }
            for entry in doc.entries
        ],
        "moods": [
            {
                "moment": mood.moment,
                "counts": {str(value): n for value, n in sorted(mood.counts.items())},
            }
            for mood in doc.moods
        ],
        "prompt_uses": [
            {
                "round": use.round_index,
                "text": use.text,
                "prompt_id": use.prompt_id,
                "person_id": use.person_id,
                "used_at": _iso(use.used_at),
            }
            for use in doc.prompt_uses
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


# --------------------------------------------------------------------------- reading


def load_session(text: str) -> SessionDocument:
    """Parse and validate a session file; raises :class:`InvalidSessionFile` on any problem."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InvalidSessionFile(
            f"line {error.lineno} column {error.colno}", f"not valid JSON ({error.msg})"
        ) from error
    except ValueError as error:
        raise InvalidSessionFile("", str(error)) from error
    except RecursionError as error:
        raise InvalidSessionFile("", "the JSON is nested too deeply") from error
    if not isinstance(data, dict):
        raise InvalidSessionFile("", "the file must hold a JSON object")
    version = _check_header(data)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise InvalidSessionFile(unknown[0], _unknown_field_reason(unknown[0]))
    if version < 2:
        newer = sorted(set(data) & ADDED_IN_VERSION_2)
        if newer:
            raise InvalidSessionFile(
                newer[0], f"is not part of a version {version} file (it came in version 2)"
            )

    circle = _text(data, "circle")
    facilitators = _texts(data, "facilitators")
    co_facilitators = _texts(data, "co_facilitators") if "co_facilitators" in data else ()
    people = _people(data)
    plan = _round_plan(data)
    started = _moment(data, "started", optional=True)
    ended = _moment(data, "ended", optional=True)
    if started is not None and ended is not None and ended < started:
        raise InvalidSessionFile("ended", "the session cannot end before it started")
    timezone = _text(data, "timezone")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidSessionFile("timezone", f"unknown time zone {timezone!r}") from error
    summary = _text(data, "shareable_summary")
    entries = _entries(data)
    _check_against_log(entries, people)
    _check_plan_people(plan, people)
    moods = _moods(data) if "moods" in data else ()
    prompt_uses = _prompt_uses(data, plan, people) if "prompt_uses" in data else ()
    return SessionDocument(
        circle=circle,
        facilitators=facilitators,
        co_facilitators=co_facilitators,
        people=people,
        round_plan=plan,
        entries=entries,
        started=started,
        ended=ended,
        timezone=timezone,
        shareable_summary=summary,
        moods=moods,
        prompt_uses=prompt_uses,
    )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a session file may hold")


def _unknown_field_reason(key: str) -> str:
    if "note" in key.lower():
        return "private notes are never part of a session file"
    return "unknown field"


def _check_header(data: dict[str, Any]) -> int:
    """Checks format and version; returns the version (every version up to ours is read)."""
    if data.get("format") != FORMAT:
        raise InvalidSessionFile("format", f"expected {FORMAT!r}, found {data.get('format')!r}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidSessionFile("version", "must be a whole number")
    if version > VERSION:
        raise InvalidSessionFile(
            "version",
            f"the file is version {version}, newer than this CircleKeeper reads ({VERSION});"
            " update CircleKeeper to import it",
        )
    if version < 1:
        raise InvalidSessionFile("version", f"unknown version {version}")
    return version


def _require(data: dict[str, Any], key: str, place: str) -> Any:
    if key not in data:
        raise InvalidSessionFile(place, "is missing")
    return data[key]


def _text(data: dict[str, Any], key: str, place: str | None = None) -> str:
    place = place or key
    value = _require(data, key, place)
    if not isinstance(value, str):
        raise InvalidSessionFile(place, f"must be text, not {_json_type(value)}")
    return value


def _texts(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = _require(data, key, key)
    if not isinstance(value, list):
        raise InvalidSessionFile(key, f"must be a list, not {_json_type(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidSessionFile(f"{key}[{i}]", f"must be text, not {_json_type(item)}")
    return tuple(value)


def _people(data: dict[str, Any]) -> tuple[Participant, ...]:
    value = _require(data, "people", "people")
    if not isinstance(value, list):
        raise InvalidSessionFile("people", f"must be a list, not {_json_type(value)}")
    people: list[Participant] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        place = f"people[{i}]"
        if not isinstance(item, dict):
            raise InvalidSessionFile(place, f"must be an object, not {_json_type(item)}")
        unknown = sorted(set(item) - PERSON_KEYS)
        if unknown:
            raise InvalidSessionFile(f"{place}.{unknown[0]}", _unknown_field_reason(unknown[0]))
        person_id = _text(item, "id", f"{place}.id")
        if not person_id:
            raise InvalidSessionFile(f"{place}.id", "must not be empty")
        if person_id in seen:
            raise InvalidSessionFile(f"{place}.id", f"{person_id!r} is listed twice")
        seen.add(person_id)
        name = _text(item, "name", f"{place}.name")
        pronouns = _text(item, "pronouns", f"{place}.pronouns") if "pronouns" in item else ""
        people.append(Participant(person_id, name, pronouns))
    return tuple(people)


def _round_plan(data: dict[str, Any]) -> tuple[RoundPlan, ...]:
    value = _require(data, "round_plan", "round_plan")
    if not isinstance(value, list):
        raise InvalidSessionFile("round_plan", f"must be a list, not {_json_type(value)}")
    plans = []
    for i, item in enumerate(value):
        try:
            plans.append(RoundPlan.from_dict(item))
        except KeyError as error:
            raise InvalidSessionFile(f"round_plan[{i}].{error.args[0]}", "is missing") from error
        except (TypeError, ValueError) as error:
            raise InvalidSessionFile(f"round_plan[{i}]", str(error)) from error
    return tuple(plans)


def _moment(
    data: dict[str, Any], key: str, *, optional: bool = False, place: str = ""
) -> datetime | None:
    place = place or key
    value = _require(data, key, place)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidSessionFile(place, f"must be a date and time as text, not {_json_type(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidSessionFile(place, f"{value!r} is not an ISO 8601 date and time") from error
    if moment.tzinfo is None:
        raise InvalidSessionFile(place, "needs a UTC offset (for example 'Z' or '+00:00')")
    return moment.astimezone(UTC)


def _entries(data: dict[str, Any]) -> tuple[ev.Entry, ...]:
    value = _require(data, "events", "events")
    if not isinstance(value, list):
        raise InvalidSessionFile("events", f"must be a list, not {_json_type(value)}")
    if not value:
        raise InvalidSessionFile("events", "a session needs at least its session-started event")
    entries = []
    for i, item in enumerate(value):
        place = f"events[{i}]"
        if not isinstance(item, dict):
            raise InvalidSessionFile(place, f"must be an object, not {_json_type(item)}")
        unknown = sorted(set(item) - EVENT_KEYS)
        if unknown:
            raise InvalidSessionFile(f"{place}.{unknown[0]}", _unknown_field_reason(unknown[0]))
        seq = _require(item, "seq", f"{place}.seq")
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise InvalidSessionFile(f"{place}.seq", "must be a whole number")
        elapsed = _require(item, "elapsed", f"{place}.elapsed")
        if isinstance(elapsed, bool) or not isinstance(elapsed, int | float):
            raise InvalidSessionFile(f"{place}.elapsed", "must be a number of seconds")
        if not math.isfinite(elapsed):
            raise InvalidSessionFile(f"{place}.elapsed", "must be a finite number")
        wall = _moment(item, "wall", place=f"{place}.wall")
        kind = _text(item, "kind", f"{place}.kind")
        payload = _require(item, "payload", f"{place}.payload")
        entries.append(ev.Entry(seq, float(elapsed), wall, _event(kind, payload, place)))
    return tuple(entries)


def _event(kind: str, payload: Any, place: str) -> ev.Event:
    cls = ev.EVENT_TYPES.get(kind)
    if cls is None:
        raise InvalidSessionFile(f"{place}.kind", f"unknown event kind {kind!r}")
    if isinstance(payload, dict):
        allowed = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(set(payload) - allowed)
        if unknown:
            raise InvalidSessionFile(
                f"{place}.payload.{unknown[0]}", _unknown_field_reason(unknown[0])
            )
    try:
        return ev.from_payload(kind, payload)
    except ev.MalformedEvent as error:
        field = f"{place}.payload" + (f".{error.field}" if error.field else "")
        raise InvalidSessionFile(field, error.reason) from error


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = _require(data, key, key)
    if not isinstance(value, list):
        raise InvalidSessionFile(key, f"must be a list, not {_json_type(value)}")
    return value


def _object(item: Any, place: str, keys: frozenset[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise InvalidSessionFile(place, f"must be an object, not {_json_type(item)}")
    unknown = sorted(set(item) - keys)
    if unknown:
        raise InvalidSessionFile(f"{place}.{unknown[0]}", _unknown_field_reason(unknown[0]))
    return item


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _moods(data: dict[str, Any]) -> tuple[MoodCounts, ...]:
    """Anonymous counts: one per moment at most (as the store keeps them), values 1–5 only."""
    moods: list[MoodCounts] = []
    seen: set[str] = set()
    for i, raw in enumerate(_list(data, "moods")):
        place = f"moods[{i}]"
        item = _object(raw, place, MOOD_KEYS)
        moment = _text(item, "moment", f"{place}.moment")
        if moment not in MOOD_MOMENTS:
            known = ", ".join(MOOD_MOMENTS)
            raise InvalidSessionFile(
                f"{place}.moment", f"unknown moment {moment!r} (known: {known})"
            )
        if moment in seen:
            raise InvalidSessionFile(f"{place}.moment", f"{moment!r} is counted twice")
        seen.add(moment)
        counts = _require(item, "counts", f"{place}.counts")
        if not isinstance(counts, dict):
            raise InvalidSessionFile(
                f"{place}.counts", f"must be an object, not {_json_type(counts)}"
            )
        clean: dict[int, int] = {}
        for key, n in counts.items():
            if key not in {str(value) for value in MOOD_VALUES}:
                raise InvalidSessionFile(
                    f"{place}.counts.{key}", "a mood value must be one of 1, 2, 3, 4, 5"
                )
            if not _whole(n) or n < 0:
                raise InvalidSessionFile(
                    f"{place}.counts.{key}", "must be a whole number, 0 or more"
                )
            clean[int(key)] = n
        moods.append(MoodCounts(moment, dict(sorted(clean.items()))))
    return tuple(moods)


def _prompt_uses(
    data: dict[str, Any], plan: tuple[RoundPlan, ...], people: tuple[Participant, ...]
) -> tuple[PromptHeard, ...]:
    """Each use names a round of ``round_plan`` and, when it was one person's own prompt, a
    person of ``people``; ``prompt_id`` is the library's id (or null for words typed fresh)."""
    ids = {person.person_id for person in people}
    uses: list[PromptHeard] = []
    for i, raw in enumerate(_list(data, "prompt_uses")):
        place = f"prompt_uses[{i}]"
        item = _object(raw, place, USE_KEYS)
        round_index = _require(item, "round", f"{place}.round")
        if not _whole(round_index):
            raise InvalidSessionFile(f"{place}.round", "must be a whole number")
        if not 0 <= round_index < len(plan):
            raise InvalidSessionFile(
                f"{place}.round",
                f"there is no round {round_index} in round_plan"
                f" (it has {len(plan)}, numbered from 0)",
            )
        text = _text(item, "text", f"{place}.text")
        if not text.strip():
            raise InvalidSessionFile(f"{place}.text", "must not be empty")
        prompt_id = _optional_text(item, "prompt_id", place)
        if prompt_id is not None and not prompt_id.strip():
            raise InvalidSessionFile(f"{place}.prompt_id", "must be null or a prompt's id")
        person_id = _optional_text(item, "person_id", place)
        if person_id is not None and person_id not in ids:
            raise InvalidSessionFile(
                f"{place}.person_id", f"unknown person {person_id!r} (not in people)"
            )
        used_at = (
            _moment(item, "used_at", optional=True, place=f"{place}.used_at")
            if "used_at" in item
            else None
        )
        uses.append(PromptHeard(round_index, text, prompt_id, person_id, used_at))
    return tuple(uses)


def _optional_text(item: dict[str, Any], key: str, place: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidSessionFile(f"{place}.{key}", f"must be text or null, not {_json_type(value)}")
    return value


def _check_plan_people(plan: tuple[RoundPlan, ...], people: tuple[Participant, ...]) -> None:
    """A per-person prompt must belong to someone the file lists."""
    ids = {person.person_id for person in people}
    for i, round_ in enumerate(plan):
        for person_id, _text in round_.person_prompts:
            if person_id not in ids:
                raise InvalidSessionFile(
                    f"round_plan[{i}].person_prompts.{person_id}",
                    f"unknown person {person_id!r} (not in people)",
                )


def _check_against_log(entries: tuple[ev.Entry, ...], people: tuple[Participant, ...]) -> None:
    ids = {person.person_id for person in people}
    for i, entry in enumerate(entries):
        event = entry.event
        if isinstance(event, ev.SessionStarted):
            for j, person in enumerate(event.participants):
                if person.person_id not in ids:
                    raise InvalidSessionFile(
                        f"events[{i}].payload.participants[{j}].person_id",
                        f"unknown person {person.person_id!r} (not in people)",
                    )
        elif isinstance(event, ev.ParticipantJoined) and event.participant.person_id not in ids:
            raise InvalidSessionFile(
                f"events[{i}].payload.participant.person_id",
                f"unknown person {event.participant.person_id!r} (not in people)",
            )
        elif isinstance(event, ev.RoundStarted):
            for person_id, _text in event.plan.person_prompts:
                if person_id not in ids:
                    raise InvalidSessionFile(
                        f"events[{i}].payload.plan.person_prompts.{person_id}",
                        f"unknown person {person_id!r} (not in people)",
                    )
    try:
        check_log(entries)
    except LogInconsistent as error:
        place = f"events[{error.index}]" + (f".{error.field}" if error.field else "")
        raise InvalidSessionFile(place, error.reason) from error
    in_log = {person.person_id for entry in entries for person in _people_in(entry.event)}
    for j, person in enumerate(people):
        if person.person_id not in in_log:
            raise InvalidSessionFile(
                f"people[{j}].id", f"{person.person_id!r} never appears in the session's events"
            )


def _people_in(event: ev.Event) -> tuple[Participant, ...]:
    if isinstance(event, ev.SessionStarted):
        return event.participants
    if isinstance(event, ev.ParticipantJoined):
        return (event.participant,)
    return ()


def _json_type(value: Any) -> str:
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


__all__ = [
    "FORMAT",
    "VERSION",
    "InvalidSessionFile",
    "PromptHeard",
    "SessionDocument",
    "document_from_log",
    "dump_session",
    "load_session",
    "renumber_people",
    "renumber_plan",
    "renumber_prompt_uses",
]
