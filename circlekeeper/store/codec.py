"""JSON text for the few structured columns (plans, name lists), identical on every database,
and the circle's cadence columns read back the same way by the store and the file reader."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from circlekeeper.session.cadence import Cadence, InvalidCadence
from circlekeeper.session.circle import CircleRecord
from circlekeeper.session.model import RoundPlan

log = logging.getLogger(__name__)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    return json.loads(text)


def texts_to_json(values: Iterable[str]) -> str:
    return dumps([str(v) for v in values])


def texts_from_json(text: str | None) -> tuple[str, ...]:
    return tuple(str(v) for v in loads(text, []))


def plan_to_json(plan: Iterable[RoundPlan]) -> str:
    return dumps([round_.to_dict() for round_ in plan])


def plan_from_json(text: str | None) -> tuple[RoundPlan, ...]:
    return tuple(RoundPlan.from_dict(item) for item in loads(text, []))


def cadence_from_columns(kind: str | None, since: date | str | None) -> Cadence:
    """A circle's stored cadence (``since`` as a date, or the ISO text SQLite holds). A kind
    this version does not know (a newer CircleKeeper wrote it) reads as no fixed schedule, so
    an older copy still opens the circle and judges nothing by a plan it cannot count."""
    day = date.fromisoformat(since[:10]) if isinstance(since, str) else since
    try:
        return Cadence.parse(kind or "none", day)
    except InvalidCadence:
        log.warning("A circle's cadence %r is not one this version knows; read as none", kind)
        return Cadence()


CIRCLE_COLUMNS = (
    "id, name, description, agreements_json, default_plan_json, facilitators_json, archived,"
    " privacy, retention_days, mood_enabled, language, demo, cadence, cadence_since"
)
"""The ``circles`` columns :func:`circle_from_row` reads, in its order (plain ``sqlite3``
readers: the first page and the session-file reader)."""


def circle_from_row(row: tuple[Any, ...]) -> CircleRecord:
    cid, name, description, agreements, plan, facilitators, archived, *rest = row
    privacy, retention_days, mood_enabled, language, demo, cadence, cadence_since = rest
    return CircleRecord(
        circle_id=cid,
        name=name,
        description=description,
        agreements=texts_from_json(agreements),
        default_plan=plan_from_json(plan),
        facilitators=texts_from_json(facilitators),
        archived=bool(archived),
        privacy=privacy,
        retention_days=retention_days,
        mood_enabled=bool(mood_enabled),
        language=language or "",
        demo=bool(demo),
        cadence=cadence_from_columns(cadence, cadence_since),
    )
