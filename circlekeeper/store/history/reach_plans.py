"""Sessions held against each circle's planned cadence, for the period figures.

A circle on a schedule that held no session at all in the period is still one the board wants
to see ("Every week on Tuesday: 0 of 4 planned sessions held"), so besides the circles that
met, every scheduled circle still running gets its plan, and :func:`unmet_plans` names those
that had meetings planned in the period.

Beside :mod:`reach`'s aggregates this costs one small query of the circles with a schedule and,
only for those with no start date (or archived), their first and last session: the planned
count itself is date arithmetic (:mod:`circlekeeper.session.cadence`), and the sessions held
come from the period's session lines the figures already read. No query per session, none for
circles without a schedule (every circle made before schedules existed).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, or_, select

from circlekeeper.session.cadence import Cadence
from circlekeeper.session.period_figures import PeriodScope, SessionLine
from circlekeeper.session.planned_sessions import PlannedSessions, planned_sessions
from circlekeeper.store import codec
from circlekeeper.store.history.sql import C, S


def plans_in_period(
    conn: Any,
    scope: PeriodScope,
    shown: Collection[int],
    lines_of: Mapping[int, Sequence[SessionLine]],
) -> dict[int, PlannedSessions]:
    """Each shown circle's sessions held against its plan, and the plan of every scheduled
    circle that is not archived (it may have met nowhere in the period: :func:`unmet_plans`);
    circles without a schedule get only their count of sessions held (nothing to compare
    with). An archived circle that did not meet is left out: its plan ended with its last
    session, before the period."""
    wanted = set(shown)
    query = select(C.id, C.cadence, C.cadence_since, C.archived).where(C.cadence != "none")
    if scope.circle_id is not None:
        query = query.where(C.id == scope.circle_id)
    scheduled = {
        row.id: (codec.cadence_from_columns(row.cadence, row.cadence_since), row.archived)
        for row in conn.execute(query)
        if row.id in wanted or not row.archived
    }
    bounds = _session_bounds(conn, scope, scheduled)
    result = {}
    for cid in [*shown, *(cid for cid in scheduled if cid not in wanted)]:
        held_on = [_day(line.started_at) for line in lines_of.get(cid, ())]
        cadence, archived = scheduled.get(cid, (Cadence(), False))
        first, last = bounds.get(cid, (None, None))
        result[cid] = planned_sessions(
            cadence,
            scope.first_day,
            scope.last_day,
            held_on=held_on,
            first_session=first,
            closed_after=last if archived else None,
            today=date.today(),
        )
    return result


def unmet_plans(plans: Mapping[int, PlannedSessions], shown: Collection[int]) -> list[int]:
    """The circles of ``plans`` not among ``shown`` (they held no session in the period nor
    the one before) that had at least one meeting planned in the period."""
    return [cid for cid, plan in plans.items() if cid not in shown and plan.planned]


def _session_bounds(
    conn: Any, scope: PeriodScope, scheduled: Mapping[int, tuple[Cadence, bool]]
) -> dict[int, tuple[date | None, date | None]]:
    """The day of the first finished session of each scheduled circle with no start date
    (it stands in for one), and of the last of each archived one (its plan ends there).

    One row per such circle, each day a correlated subquery that walks the (circle,
    started) index from one end and stops at the first finished session: a few index steps
    per circle, where grouping MIN and MAX read every session the circles ever held."""
    wanted = {
        cid for cid, (cadence, archived) in scheduled.items() if archived or not cadence.since
    }
    if not wanted:
        return {}

    def edge(newest: bool) -> Any:
        order = S.started_at.desc() if newest else S.started_at
        return (
            select(S.started_at)
            .where(S.circle_id == C.id, S.status != "live")
            .order_by(order)
            .limit(1)
            .scalar_subquery()
        )

    query = select(
        C.id,
        case((C.cadence_since.is_(None), edge(newest=False)), else_=None).label("first"),
        case((C.archived.is_(True), edge(newest=True)), else_=None).label("last"),
    ).where(C.cadence != "none", or_(C.cadence_since.is_(None), C.archived.is_(True)))
    if scope.circle_id is not None:
        query = query.where(C.id == scope.circle_id)
    return {
        row.id: (_maybe_day(row.first), _maybe_day(row.last))
        for row in conn.execute(query)
        if row.id in wanted
    }


def _maybe_day(moment: datetime | str | None) -> date | None:
    return None if moment is None else _day(moment)


def _day(moment: datetime | str) -> date:
    """The UTC day a session started (the period's days are UTC days too)."""
    if isinstance(moment, str):  # SQLite's MIN() hands back the stored text
        moment = datetime.fromisoformat(moment)
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).date()
