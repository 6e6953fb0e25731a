"""One person over time: every finished session they attended and their runs in each circle.

Read from the per-person figures stored beside each session (``session_people``), never by
replaying logs; the streak and gap arithmetic itself is in :mod:`stats`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from circlekeeper.history.records import (
    CircleAttendance,
    PersonHistory,
    PersonSessionPoint,
)
from circlekeeper.store import models as m
from circlekeeper.store.history.sql import FINISHED, SP, C, S, finished_in
from circlekeeper.store.history.stats import attendance_runs


def person_history(engine: Engine, person_id: int) -> PersonHistory:
    with engine.connect() as conn:
        person = conn.execute(select(m.PersonRow).where(m.PersonRow.id == person_id)).one_or_none()
        if person is None:
            raise KeyError(person_id)
        rows = conn.execute(
            select(
                S.id,
                S.circle_id,
                S.started_at,
                SP.spoken_seconds,
                SP.equal_share,
                SP.passes,
                SP.joined_late,
                SP.left_early,
            )
            .join(SP, SP.session_id == S.id)
            .where(SP.person_id == person_id, S.status.in_(FINISHED))
            .order_by(S.started_at, S.id)
        ).all()
        circle_ids = sorted({row.circle_id for row in rows} | _member_of(conn, person_id))
        attendance = [
            _attendance(conn, circle_id, {r.id for r in rows}) for circle_id in circle_ids
        ]
    points = tuple(
        PersonSessionPoint(
            session_id=r.id,
            circle_id=r.circle_id,
            started_at=r.started_at,
            spoken_seconds=r.spoken_seconds or 0.0,
            equal_share=r.equal_share or 0.0,
            passes=r.passes or 0,
            joined_late=bool(r.joined_late),
            left_early=bool(r.left_early),
        )
        for r in rows
    )
    ratios = [p.share_ratio for p in points if p.share_ratio is not None]
    return PersonHistory(
        person_id=person.id,
        name=person.name,
        pronouns=person.pronouns,
        archived=bool(person.archived),
        sessions_attended=len(points),
        total_spoken_seconds=sum(p.spoken_seconds for p in points),
        average_share=sum(ratios) / len(ratios) if ratios else None,
        passes=sum(p.passes for p in points),
        late=sum(1 for p in points if p.joined_late),
        left_early=sum(1 for p in points if p.left_early),
        points=points,
        circles=tuple(a for a in attendance if a is not None),
    )


def _member_of(conn: Any, person_id: int) -> set[int]:
    query = select(m.CircleMemberRow.circle_id).where(m.CircleMemberRow.person_id == person_id)
    return set(conn.execute(query).scalars())


def _attendance(conn: Any, circle_id: int, attended: set[int]) -> CircleAttendance | None:
    name = conn.execute(select(C.name).where(C.id == circle_id)).scalar_one_or_none()
    if name is None:
        return None
    held = conn.execute(
        select(S.id, S.started_at).where(finished_in(circle_id)).order_by(S.started_at, S.id)
    ).all()
    flags = [row.id in attended for row in held]
    runs = attendance_runs(flags)
    last = max((row.started_at for row in held if row.id in attended), default=None)
    return CircleAttendance(
        circle_id=circle_id,
        circle_name=name,
        held=len(held),
        attended=sum(flags),
        longest_streak=runs.longest_streak,
        current_streak=runs.current_streak,
        longest_gap=runs.longest_gap,
        current_gap=runs.current_gap,
        last_attended=last,
    )
