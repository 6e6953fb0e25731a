"""Who came to which of a circle's sessions in a period: the period report's attendance grid.

People by name, sessions in time order; each cell marks a late arrival (L), an early leaving
(E) and a pass (P), or a dot for a plain visit. The caller decides whether the circle's
privacy level allows printing names.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from circlekeeper.session.period_figures import AttendanceGrid, GridPerson, PeriodScope
from circlekeeper.store import models as m
from circlekeeper.store.history.reach_visits import finished_between
from circlekeeper.store.history.sql import SP, S


def attendance_grid(engine: Engine, scope: PeriodScope, circle_id: int) -> AttendanceGrid:
    """Who came to which of the circle's sessions in the period, people by name, sessions in
    time order. The caller decides whether the privacy level allows printing it."""
    with engine.connect() as conn:
        sessions = conn.execute(
            select(S.id, S.started_at)
            .where(finished_between(scope.low, scope.high), S.circle_id == circle_id)
            .order_by(S.started_at, S.id)
        ).all()
        column = {row.id: index for index, row in enumerate(sessions)}
        rows = conn.execute(
            select(
                SP.session_id,
                SP.person_id,
                m.PersonRow.name,
                SP.joined_late,
                SP.left_early,
                SP.passes,
            )
            .join(m.PersonRow, m.PersonRow.id == SP.person_id)
            .join(S, S.id == SP.session_id)
            .where(finished_between(scope.low, scope.high), S.circle_id == circle_id)
        ).all()
    marks: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for row in rows:
        names[row.person_id] = row.name
        cells = marks.setdefault(row.person_id, [""] * len(sessions))
        mark = ("L" if row.joined_late else "") + ("E" if row.left_early else "")
        mark += "P" if row.passes else ""
        cells[column[row.session_id]] = mark or "●"
    people = sorted(names, key=lambda pid: (names[pid].casefold(), pid))
    return AttendanceGrid(
        circle_id=circle_id,
        sessions=tuple(row.started_at for row in sessions),
        people=tuple(GridPerson(names[pid], tuple(marks[pid])) for pid in people),
    )
