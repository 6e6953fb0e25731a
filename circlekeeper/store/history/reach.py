"""The period figures: how many people the circles reached, how often they came, how each
circle did, and the same for the previous period of the same length.

One query layer for the period report's PDF, its CSV and the history view, so the three can
never disagree. Every figure comes from SQL aggregates over what ``finish()`` stores beside
each session (``present_count``, ``duration_seconds``, ``fairness``, ``session_people``); no
log is replayed. The one per-person pass groups ``session_people`` by circle and person over
everything before the period's end, because "newcomer" and "came back" depend on a person's
first visit, which may be years earlier.

This module puts the figures together; the queries behind them are ``reach_totals.py`` (the
sums), ``reach_visits.py`` (who came, newcomers), ``reach_contents.py`` (prompts, moods,
facilitators) and ``reach_plans.py`` (sessions held against each circle's plan). The
attendance grid is its own question, ``attendance.py``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from circlekeeper.session.period_figures import (
    CirclePeriod,
    PeriodFigures,
    PeriodScope,
    SessionLine,
    Trend,
    group_by_circle,
)
from circlekeeper.store import codec
from circlekeeper.store.history.reach_contents import (
    facilitator_counts,
    mood_months,
    prompts_heard,
)
from circlekeeper.store.history.reach_plans import plans_in_period
from circlekeeper.store.history.reach_totals import period_totals, reach, sum_totals
from circlekeeper.store.history.reach_visits import (
    CURRENT,
    PREVIOUS,
    count_visits,
    finished_between,
    in_scope,
)
from circlekeeper.store.history.sql import C, S

Progress = Callable[[int, int], None]
STEPS = 6
TOP_PROMPTS = 5


def period_figures(
    engine: Engine, scope: PeriodScope, *, progress: Progress | None = None
) -> PeriodFigures:
    """The figures of ``scope`` and of the period of the same length before it."""
    began = time.perf_counter()
    previous = scope.previous()
    step = _Stepper(progress)
    with engine.connect() as conn:
        circles = _circles(conn, scope)
        session_totals = period_totals(conn, scope, previous)
        step()
        visits = count_visits(conn, scope, previous)
        step()
        lines = _session_lines(conn, scope, circles, visits.first_timers)
        step()
        prompts = prompts_heard(conn, scope)
        step()
        moods = mood_months(conn, scope)
        step()
        facilitators = facilitator_counts(conn, scope)
        step()
    lines_of = group_by_circle(lines)
    shown = sorted(
        {cid for cid, _ in session_totals} | {cid for cid, _ in visits.by_circle},
        key=lambda cid: (_natural(circles[cid][0]), cid),
    )
    with engine.connect() as conn:
        plans = plans_in_period(conn, scope, shown, lines_of)
    per_circle = tuple(
        CirclePeriod(
            circle_id=cid,
            name=circles[cid][0],
            privacy=circles[cid][1],
            current=reach(session_totals.get((cid, CURRENT)), visits.by_circle.get((cid, CURRENT))),
            previous=reach(
                session_totals.get((cid, PREVIOUS)), visits.by_circle.get((cid, PREVIOUS))
            ),
            trend=_trend(lines_of.get(cid, ()), scope),
            prompts_used=sum(n for _, n in prompts.get(cid, ())),
            top_prompts=tuple(prompts.get(cid, ())[:TOP_PROMPTS]),
            moods=tuple(moods.get(cid, ())),
            facilitators=tuple(sorted(facilitators.get(cid, {}).items(), key=_alphabetical)),
            plan=plans[cid],
        )
        for cid in shown
    )
    everyone: Counter[str] = Counter()
    for counted in facilitators.values():
        everyone.update(counted)
    return PeriodFigures(
        scope=scope,
        circle_name=circles[scope.circle_id][0] if scope.circle_id in circles else None,
        current=reach(sum_totals(session_totals, CURRENT), visits.overall[CURRENT]),
        previous=reach(sum_totals(session_totals, PREVIOUS), visits.overall[PREVIOUS]),
        circles=per_circle,
        sessions=tuple(lines),
        facilitators=tuple(sorted(everyone.items(), key=_alphabetical)),
        prompts_used=sum(c.prompts_used for c in per_circle),
        computed_seconds=time.perf_counter() - began,
    )


# --------------------------------------------------------------------------- the queries


@dataclass(slots=True)
class _Stepper:
    progress: Progress | None
    done: int = 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, STEPS)


def _circles(conn: Any, scope: PeriodScope) -> dict[int, tuple[str, str]]:
    query = select(C.id, C.name, C.privacy)
    if scope.circle_id is not None:
        query = query.where(C.id == scope.circle_id)
    return {row.id: (row.name, row.privacy) for row in conn.execute(query)}


def _session_lines(
    conn: Any,
    scope: PeriodScope,
    circles: dict[int, tuple[str, str]],
    first_timers: Counter[tuple[int, datetime]],
) -> list[SessionLine]:
    query = (
        select(
            S.id,
            S.circle_id,
            S.started_at,
            S.timezone,
            S.present_count,
            S.duration_seconds,
            S.fairness,
            S.facilitators_json,
        )
        .where(finished_between(scope.low, scope.high), *in_scope(scope))
        .order_by(S.started_at, S.id)
    )
    parsed: dict[str, tuple[str, ...]] = {}
    lines = []
    for row in conn.execute(query):
        started = _aware(row.started_at)
        names = parsed.get(row.facilitators_json)
        if names is None:
            names = parsed[row.facilitators_json] = tuple(codec.loads(row.facilitators_json, []))
        lines.append(
            SessionLine(
                session_id=row.id,
                circle_id=row.circle_id,
                circle_name=circles.get(row.circle_id, ("?", ""))[0],
                started_at=started,
                timezone=row.timezone or "UTC",
                present=row.present_count or 0,
                first_timers=first_timers.pop((row.circle_id, started), 0),
                duration_seconds=row.duration_seconds or 0.0,
                fairness=row.fairness,
                facilitators=names,
            )
        )
    return lines


# ------------------------------------------------------------------------ arithmetic


def _trend(lines: Sequence[SessionLine], scope: PeriodScope) -> Trend:
    middle = scope.low + (scope.high - scope.low) / 2
    first = [line.present for line in lines if line.started_at < middle]
    second = [line.present for line in lines if line.started_at >= middle]
    return Trend(_mean(first), _mean(second))


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _natural(name: str) -> list[tuple[int, int | str]]:
    """Sort key that puts "Circle 2" before "Circle 10"."""
    return [
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", name.casefold())
        if part
    ]


def _alphabetical(item: tuple[str, int]) -> tuple[str, str]:
    return item[0].casefold(), item[0]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
