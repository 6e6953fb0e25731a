"""Finished sessions in a date range, optionally for one circle (batch export, period report).

Kept apart from :mod:`circlekeeper.store.sessions.repository` so it could land while that
module was still being written; it is read-only and uses the indexes on ``sessions(started_at)`` and
``sessions(circle_id, started_at)``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from circlekeeper.store.models import CircleRow, SessionRow
from circlekeeper.store.records import SessionRecord, SessionStatus
from circlekeeper.store.sessions.rows import session_record
from circlekeeper.store.store import Store


def sessions_between(
    store: Store,
    start: datetime,
    end: datetime,
    *,
    circle_id: int | None = None,
    include_live: bool = False,
) -> list[SessionRecord]:
    """Sessions that started in ``[start, end)`` (aware UTC datetimes), oldest first."""
    query = (
        select(SessionRow, CircleRow.name)
        .join(CircleRow, CircleRow.id == SessionRow.circle_id)
        .where(SessionRow.started_at >= start, SessionRow.started_at < end)
        .order_by(SessionRow.started_at, SessionRow.id)
    )
    if circle_id is not None:
        query = query.where(SessionRow.circle_id == circle_id)
    if not include_live:
        query = query.where(SessionRow.status != SessionStatus.LIVE.value)
    with Session(store.engine) as s:
        return [session_record(row, name) for row, name in s.execute(query)]
