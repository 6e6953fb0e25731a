"""What the circles' sessions held in a period: the prompts heard, the moods, who facilitated.

Each is one grouped SQL query per period, counted per circle, so the report's per-circle pages
and the history's *Period* tab read a few rows per circle, never one per session.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Integer, String, cast, exists, func, select
from sqlalchemy.dialects.postgresql import JSONB

from circlekeeper.session.period_figures import MoodMonth, PeriodScope
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history.reach_visits import (
    finished_between,
    finished_between_by_circle,
    in_scope,
)
from circlekeeper.store.history.sql import S

MOOD_VALUES = (1, 2, 3, 4, 5)


def prompts_heard(conn: Any, scope: PeriodScope) -> dict[int, list[tuple[str, int]]]:
    """Prompts heard per circle, most used first. A session with no recorded use counts the
    prompts typed into its plan (those were what was heard); grouped by plan text in SQL."""
    where = (finished_between(scope.low, scope.high), *in_scope(scope))
    used = conn.execute(
        select(S.circle_id, m.PromptUseRow.text, func.count().label("uses"))
        .join(S, S.id == m.PromptUseRow.session_id)
        .where(finished_between_by_circle(scope.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, m.PromptUseRow.text)
    ).all()
    counted: dict[int, Counter[str]] = defaultdict(Counter)
    for row in used:
        if row.text.strip():
            counted[row.circle_id][row.text.strip()] += row.uses
    no_uses = ~exists().where(m.PromptUseRow.session_id == S.id)
    plans = conn.execute(
        select(S.circle_id, S.plan_json, func.count().label("sessions"))
        .where(*where, no_uses)
        .group_by(S.circle_id, S.plan_json)
    ).all()
    for row in plans:
        for plan in codec.plan_from_json(row.plan_json):
            for text in plan.prompts():
                if text.strip():
                    counted[row.circle_id][text.strip()] += row.sessions
    return {
        cid: sorted(texts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        for cid, texts in counted.items()
    }


def mood_months(conn: Any, scope: PeriodScope) -> dict[int, list[MoodMonth]]:
    """Mood counts per circle, month and moment, summed in SQL: the database's own JSON
    functions read how many chose each value (1–5, all a mood can be: the app offers no
    other and a session file with another is refused), so one row per circle, month and
    moment reaches Python, not one per session to be parsed there."""
    month = func.substr(cast(S.started_at, String), 1, 7).label("month")
    query = (
        select(
            S.circle_id,
            month,
            m.MoodRow.moment,
            *(func.sum(_chose(conn, value)).label(f"v{value}") for value in MOOD_VALUES),
        )
        .join(S, S.id == m.MoodRow.session_id)
        .where(finished_between_by_circle(scope.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, month, m.MoodRow.moment)
        .order_by(S.circle_id, month, m.MoodRow.moment)
    )
    result: dict[int, list[MoodMonth]] = defaultdict(list)
    for row in conn.execute(query):
        year, number = (int(part) for part in row.month.split("-"))
        counts = tuple(
            (value, int(n)) for value, n in zip(MOOD_VALUES, row[3:], strict=True) if n is not None
        )
        if counts:
            result[row.circle_id].append(MoodMonth(date(year, number, 1), row.moment, counts))
    return result


def _chose(conn: Any, value: int) -> Any:
    """How many chose ``value`` in a row's ``counts_json`` (``{"1": 2, "4": 3}``), or NULL."""
    if conn.dialect.name == "postgresql":
        return cast(cast(m.MoodRow.counts_json, JSONB)[str(value)].astext, Integer)
    return func.json_extract(m.MoodRow.counts_json, f'$."{value}"')


def facilitator_counts(conn: Any, scope: PeriodScope) -> dict[int, Counter[str]]:
    query = (
        select(S.circle_id, S.facilitators_json, func.count().label("sessions"))
        .where(finished_between(scope.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, S.facilitators_json)
    )
    result: dict[int, Counter[str]] = defaultdict(Counter)
    for row in conn.execute(query):
        for name in codec.loads(row.facilitators_json, []):
            if str(name).strip():
                result[row.circle_id][str(name).strip()] += row.sessions
    return result
