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

import json
import math
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session import frozen
from circlekeeper.session.allotment import floor_problem
from circlekeeper.session.document import (
    FORMAT,
    VERSION,
    InvalidSessionFile,
    PromptHeard,
    SessionDocument,
    document_from_log,
    renumber_people,
    renumber_plan,
    renumber_prompt_uses,
)
from circlekeeper.session.interchange.beside_log import (
    ADDED_IN_VERSION_2,
    dump_moods,
    dump_prompt_uses,
    read_moods,
    read_prompt_uses,
)
from circlekeeper.session.interchange.fields import moment_field as _moment
from circlekeeper.session.interchange.fields import not_a as _not_a
from circlekeeper.session.interchange.fields import require as _require
from circlekeeper.session.interchange.fields import text_field as _text
from circlekeeper.session.interchange.fields import unknown_field_reason as _unknown_field_reason
from circlekeeper.session.interchange.fields import unknown_person as _unknown_person
from circlekeeper.session.interchange.text_limits import (
    MAX_FILE_CHARACTERS,
    check_texts,
    refuse_duplicate_keys,
)
from circlekeeper.session.interchange.versions import (
    check_header,
    not_in_version,
    refuse_newer_than,
)
from circlekeeper.session.logcheck import LogInconsistent, check_log
from circlekeeper.session.model import Participant, RoundPlan

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
EVENT_KEYS = frozenset({"seq", "kind", "elapsed", "wall", "payload"})
PERSON_KEYS = frozenset({"id", "name", "pronouns"})


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
        "moods": dump_moods(doc),
        "prompt_uses": dump_prompt_uses(doc),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


# --------------------------------------------------------------------------- reading


def load_session(text: str) -> SessionDocument:
    """Parse and validate a session file; raises :class:`InvalidSessionFile` on any problem."""
    if len(text) > MAX_FILE_CHARACTERS:
        raise InvalidSessionFile(
            "",
            _("the file is {count} characters long, far more than a session holds").format(
                count=len(text)
            ),
        )
    try:
        data = json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=refuse_duplicate_keys
        )
    except json.JSONDecodeError as error:
        raise InvalidSessionFile(
            _("line {line} column {column}").format(line=error.lineno, column=error.colno),
            # Translators: {reason} is the JSON reader's own words, in English.
            _("not valid JSON ({reason})").format(reason=error.msg),
        ) from error
    except ValueError as error:
        raise InvalidSessionFile("", str(error)) from error
    except RecursionError as error:
        raise InvalidSessionFile("", _("the JSON is nested too deeply")) from error
    if not isinstance(data, dict):
        raise InvalidSessionFile("", _("the file must hold a JSON object"))
    check_texts(data)
    version = check_header(data)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise InvalidSessionFile(unknown[0], _unknown_field_reason(unknown[0]))
    if version < 2:
        newer = sorted(set(data) & ADDED_IN_VERSION_2)
        if newer:
            raise InvalidSessionFile(newer[0], not_in_version(version, 2))

    circle = _text(data, "circle")
    facilitators = _texts(data, "facilitators")
    co_facilitators = _texts(data, "co_facilitators") if "co_facilitators" in data else ()
    people = _people(data)
    plan = _round_plan(data)
    started = _moment(data, "started", optional=True)
    ended = _moment(data, "ended", optional=True)
    if started is not None and ended is not None and ended < started:
        raise InvalidSessionFile("ended", _("the session cannot end before it started"))
    timezone = _text(data, "timezone")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidSessionFile(
            "timezone", _("unknown time zone {zone}").format(zone=repr(timezone))
        ) from error
    summary = _text(data, "shareable_summary")
    entries = _entries(data, version)
    _check_against_log(entries, people)
    _check_plan_people(plan, people)
    moods = read_moods(data) if "moods" in data else ()
    prompt_uses = read_prompt_uses(data, plan, people) if "prompt_uses" in data else ()
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
    raise ValueError(_("{name} is not a number a session file may hold").format(name=name))


def _texts(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = _require(data, key, key)
    if not isinstance(value, list):
        raise InvalidSessionFile(key, _not_a("list", value))
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidSessionFile(f"{key}[{i}]", _not_a("text", item))
    return tuple(value)


def _people(data: dict[str, Any]) -> tuple[Participant, ...]:
    value = _require(data, "people", "people")
    if not isinstance(value, list):
        raise InvalidSessionFile("people", _not_a("list", value))
    people: list[Participant] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        place = f"people[{i}]"
        if not isinstance(item, dict):
            raise InvalidSessionFile(place, _not_a("object", item))
        unknown = sorted(set(item) - PERSON_KEYS)
        if unknown:
            raise InvalidSessionFile(f"{place}.{unknown[0]}", _unknown_field_reason(unknown[0]))
        person_id = _text(item, "id", f"{place}.id")
        if not person_id:
            raise InvalidSessionFile(f"{place}.id", _("must not be empty"))
        if person_id in seen:
            raise InvalidSessionFile(
                f"{place}.id", _("{person} is listed twice").format(person=repr(person_id))
            )
        seen.add(person_id)
        name = _text(item, "name", f"{place}.name")
        pronouns = _text(item, "pronouns", f"{place}.pronouns") if "pronouns" in item else ""
        people.append(Participant(person_id, name, pronouns))
    return tuple(people)


def _round_plan(data: dict[str, Any]) -> tuple[RoundPlan, ...]:
    value = _require(data, "round_plan", "round_plan")
    if not isinstance(value, list):
        raise InvalidSessionFile("round_plan", _not_a("list", value))
    plans = []
    for i, item in enumerate(value):
        try:
            plans.append(RoundPlan.from_dict(item))
        except KeyError as error:
            raise InvalidSessionFile(f"round_plan[{i}].{error.args[0]}", _("is missing")) from error
        except (TypeError, ValueError) as error:
            raise InvalidSessionFile(f"round_plan[{i}]", str(error)) from error
        problem = floor_problem(plans[-1].policy)
        if problem is not None:
            raise InvalidSessionFile(f"round_plan[{i}].policy.minimum", problem)
    return tuple(plans)


def _entries(data: dict[str, Any], version: int) -> tuple[ev.Entry, ...]:
    value = _require(data, "events", "events")
    if not isinstance(value, list):
        raise InvalidSessionFile("events", _not_a("list", value))
    if not value:
        raise InvalidSessionFile("events", _("a session needs at least its session-started event"))
    entries = []
    for i, item in enumerate(value):
        place = f"events[{i}]"
        if not isinstance(item, dict):
            raise InvalidSessionFile(place, _not_a("object", item))
        unknown = sorted(set(item) - EVENT_KEYS)
        if unknown:
            raise InvalidSessionFile(f"{place}.{unknown[0]}", _unknown_field_reason(unknown[0]))
        seq = _require(item, "seq", f"{place}.seq")
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise InvalidSessionFile(f"{place}.seq", _("must be a whole number"))
        elapsed = _require(item, "elapsed", f"{place}.elapsed")
        if isinstance(elapsed, bool) or not isinstance(elapsed, int | float):
            raise InvalidSessionFile(f"{place}.elapsed", _("must be a number of seconds"))
        if not math.isfinite(elapsed):
            raise InvalidSessionFile(f"{place}.elapsed", _("must be a finite number"))
        wall = _moment(item, "wall", place=f"{place}.wall")
        kind = _text(item, "kind", f"{place}.kind")
        payload = _require(item, "payload", f"{place}.payload")
        if version < VERSION:
            refuse_newer_than(version, kind, payload, place)
        entries.append(ev.Entry(seq, float(elapsed), wall, _event(kind, payload, place)))
    return tuple(entries)


def _event(kind: str, payload: Any, place: str) -> ev.Event:
    cls = ev.EVENT_TYPES.get(kind)
    if cls is None:
        raise InvalidSessionFile(
            f"{place}.kind", _("unknown event kind {kind}").format(kind=repr(kind))
        )
    if isinstance(payload, dict):
        allowed = set(frozen.fields(cls))
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


def _check_plan_people(plan: tuple[RoundPlan, ...], people: tuple[Participant, ...]) -> None:
    """A per-person prompt must belong to someone the file lists."""
    ids = {person.person_id for person in people}
    for i, round_ in enumerate(plan):
        for person_id, _prompt in round_.person_prompts:
            if person_id not in ids:
                raise InvalidSessionFile(
                    f"round_plan[{i}].person_prompts.{person_id}", _unknown_person(person_id)
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
                        _unknown_person(person.person_id),
                    )
        elif isinstance(event, ev.ParticipantJoined) and event.participant.person_id not in ids:
            raise InvalidSessionFile(
                f"events[{i}].payload.participant.person_id",
                _unknown_person(event.participant.person_id),
            )
        elif isinstance(event, ev.RoundStarted):
            for person_id, _prompt in event.plan.person_prompts:
                if person_id not in ids:
                    raise InvalidSessionFile(
                        f"events[{i}].payload.plan.person_prompts.{person_id}",
                        _unknown_person(person_id),
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
                f"people[{j}].id",
                _("{person} never appears in the session's events").format(
                    person=repr(person.person_id)
                ),
            )


def _people_in(event: ev.Event) -> tuple[Participant, ...]:
    if isinstance(event, ev.SessionStarted):
        return event.participants
    if isinstance(event, ev.ParticipantJoined):
        return (event.participant,)
    return ()


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
