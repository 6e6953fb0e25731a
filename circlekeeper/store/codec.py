"""JSON text for the few structured columns (plans, name lists), identical on every database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from circlekeeper.session.model import RoundPlan


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
