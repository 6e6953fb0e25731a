"""One circle over time: its finished sessions as points, months, moods, prompts heard, and
who has been heard least lately.

Read from the figures stored beside each session, never by replaying logs; the monthly
buckets are computed in :mod:`stats`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from circlekeeper.history.records import CircleHistory, CircleSessionPoint, PromptCount
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history.balance import least_heard
from circlekeeper.store.history.sql import C, S, finished_in
from circlekeeper.store.history.stats import months_of


def circle_history(engine: Engine, circle_id: int, last_sessions: int = 10) -> CircleHistory:
    with engine.connect() as conn:
        circle = conn.execute(select(C).where(C.id == circle_id)).one_or_none()
        if circle is None:
            raise KeyError(circle_id)
        rows = conn.execute(
            select(S.id, S.started_at, S.present_count, S.fairness, S.duration_seconds)
            .where(finished_in(circle_id))
            .order_by(S.started_at, S.id)
        ).all()
        moods = _circle_moods(conn, circle_id)
        prompts = conn.execute(
            select(
                m.PromptUseRow.text,
                func.count().label("uses"),
                func.max(S.started_at).label("last"),
            )
            .join(S, S.id == m.PromptUseRow.session_id)
            .where(S.circle_id == circle_id)
            .group_by(m.PromptUseRow.text)
            .order_by(func.count().desc(), m.PromptUseRow.text)
        ).all()
    points = tuple(
        CircleSessionPoint(
            session_id=r.id,
            started_at=r.started_at,
            present_count=r.present_count,
            fairness=r.fairness,
            duration_seconds=r.duration_seconds,
            mood_check_in=moods.get((r.id, "check-in")),
            mood_check_out=moods.get((r.id, "check-out")),
        )
        for r in rows
    )
    present = [p.present_count for p in points if p.present_count is not None]
    fair = [p.fairness for p in points if p.fairness is not None]
    return CircleHistory(
        circle_id=circle.id,
        name=circle.name,
        sessions_held=len(points),
        first=points[0].started_at if points else None,
        last=points[-1].started_at if points else None,
        average_present=sum(present) / len(present) if present else None,
        average_fairness=sum(fair) / len(fair) if fair else None,
        retention_days=circle.retention_days,
        points=points,
        months=tuple(months_of(points)),
        prompts=tuple(PromptCount(p.text, p.uses, p.last) for p in prompts),
        least_heard=tuple(least_heard(engine, circle_id, last_sessions)),
        cadence=codec.cadence_from_columns(circle.cadence, circle.cadence_since),
        demo=bool(circle.demo),
    )


def _circle_moods(conn: Any, circle_id: int) -> dict[tuple[int, str], float]:
    query = (
        select(m.MoodRow.session_id, m.MoodRow.moment, m.MoodRow.counts_json)
        .join(S, S.id == m.MoodRow.session_id)
        .where(S.circle_id == circle_id)
    )
    result: dict[tuple[int, str], float] = {}
    for row in conn.execute(query):
        counts = MoodCounts(
            row.moment, {int(k): v for k, v in codec.loads(row.counts_json, {}).items()}
        )
        if counts.average is not None:
            result[(row.session_id, row.moment)] = counts.average
    return result
