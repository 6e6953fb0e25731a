"""The SQL vocabulary every history query shares: table aliases, "finished in this circle",
"its last K sessions", and the one listing row shape.

Kept in one place so the listing columns, and what counts as a finished session, cannot drift
apart between the session table, the person and circle views, the balance and retention.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, and_, select

from circlekeeper.history.records import SessionListing
from circlekeeper.store import codec
from circlekeeper.store import models as m

S = m.SessionRow
C = m.CircleRow
SP = m.SessionPersonRow
FINISHED = ("ended", "abandoned")


AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"
"""A SELECT of any columns (SQLAlchemy 2.1 types a select by the tuple of its columns)."""


def finished_in(circle_id: int) -> ColumnElement[bool]:
    """The circle's sessions that are over (ended, or abandoned and closed); never live ones."""
    return and_(S.circle_id == circle_id, S.status.in_(FINISHED))


def recent_finished(circle_id: int, last_sessions: int) -> Any:
    """A subquery of the ids of the circle's last ``last_sessions`` finished sessions (≥ 1)."""
    return (
        select(S.id)
        .where(finished_in(circle_id))
        .order_by(S.started_at.desc(), S.id.desc())
        .limit(max(1, last_sessions))
        .scalar_subquery()
    )


def listing_query() -> AnySelect:
    """The columns of a :class:`SessionListing`, sessions joined to their circle."""
    return select(
        S.id,
        S.circle_id,
        C.name.label("circle_name"),
        C.demo.label("circle_demo"),
        S.started_at,
        S.ended_at,
        S.timezone,
        S.facilitators_json,
        S.run_by,
        S.status,
        S.present_count,
        S.duration_seconds,
        S.fairness,
    ).join(C, C.id == S.circle_id)


def listing_from(row: Any) -> SessionListing:
    """A row of :func:`listing_query` as the record the widgets get: the facilitator is who
    ran the session where that is recorded (``run_by``, 0009), else the names typed for it."""
    named = tuple(codec.loads(row.facilitators_json, []))
    return SessionListing(
        session_id=row.id,
        circle_id=row.circle_id,
        circle_name=row.circle_name,
        circle_demo=bool(row.circle_demo),
        started_at=row.started_at,
        ended_at=row.ended_at,
        timezone=row.timezone,
        facilitators=(row.run_by,) if row.run_by else named,
        named_facilitators=named if row.run_by and _differ(named, row.run_by) else (),
        status=row.status,
        present_count=row.present_count,
        duration_seconds=row.duration_seconds,
        fairness=row.fairness,
    )


def _differ(named: tuple[str, ...], run_by: str) -> bool:
    """Whether the typed names say something else than the role ("Robin" is robin)."""
    return [name.casefold() for name in named] != [run_by.casefold()]
