"""The period figures' sums: per circle and period, sessions held, attendances, hours and
fairness, added up in SQL over what ``finish()`` stored beside each session.

One grouped query answers the current period and the previous one of the same length at once
(:func:`which_period` labels each session's start); :func:`reach` joins the sums with the
people counted by ``reach_visits.py`` into the :class:`Reach` the report prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select

from circlekeeper.session.period_figures import PeriodScope, Reach
from circlekeeper.store.history.reach_visits import (
    CURRENT,
    PREVIOUS,
    PeopleTally,
    finished_between,
    in_scope,
)
from circlekeeper.store.history.sql import S


def which_period(scope: PeriodScope, previous: PeriodScope) -> Any:
    """``'current'``, ``'previous'`` or NULL for a session's start."""
    return case(
        (S.started_at >= scope.low, CURRENT),
        (S.started_at >= previous.low, PREVIOUS),
        else_=None,
    )


@dataclass(frozen=True, slots=True)
class Totals:
    sessions: int
    attendances: int
    circle_seconds: float
    person_seconds: float
    fairness_total: float
    fairness_sessions: int


def period_totals(
    conn: Any, scope: PeriodScope, previous: PeriodScope
) -> dict[tuple[int, str], Totals]:
    """Per circle and period: sessions held, attendances, lengths, fairness (SQL sums)."""
    which = which_period(scope, previous).label("which")
    present = func.coalesce(S.present_count, 0)
    length = func.coalesce(S.duration_seconds, 0.0)
    query = (
        select(
            S.circle_id,
            which,
            func.count().label("sessions"),
            func.sum(present).label("attendances"),
            func.sum(length).label("circle_seconds"),
            func.sum(length * present).label("person_seconds"),
            func.sum(S.fairness).label("fairness_total"),
            func.count(S.fairness).label("fairness_sessions"),
        )
        .where(finished_between(previous.low, scope.high), *in_scope(scope))
        .group_by(S.circle_id, which)
    )
    return {
        (row.circle_id, row.which): Totals(
            row.sessions,
            int(row.attendances or 0),
            float(row.circle_seconds or 0.0),
            float(row.person_seconds or 0.0),
            float(row.fairness_total or 0.0),
            row.fairness_sessions,
        )
        for row in conn.execute(query)
    }


def sum_totals(totals: dict[tuple[int, str], Totals], which: str) -> Totals | None:
    parts = [t for (_, w), t in totals.items() if w == which]
    if not parts:
        return None
    return Totals(
        sum(t.sessions for t in parts),
        sum(t.attendances for t in parts),
        sum(t.circle_seconds for t in parts),
        sum(t.person_seconds for t in parts),
        sum(t.fairness_total for t in parts),
        sum(t.fairness_sessions for t in parts),
    )


def reach(totals: Totals | None, people: PeopleTally | None) -> Reach:
    totals = totals or Totals(0, 0, 0.0, 0.0, 0.0, 0)
    people = people or PeopleTally()
    return Reach(
        sessions=totals.sessions,
        attendances=totals.attendances,
        circle_seconds=totals.circle_seconds,
        person_seconds=totals.person_seconds,
        fairness_total=totals.fairness_total,
        fairness_sessions=totals.fairness_sessions,
        people=people.people,
        newcomers=people.newcomers,
        returned=people.returned,
        newcomers_returned=people.newcomers_returned,
        person_attendances=people.person_attendances,
        attendances_with_pass=people.attendances_with_pass,
        visits=tuple(sorted(people.visits.items())),
    )
