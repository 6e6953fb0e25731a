"""Retention: how long a circle keeps its finished sessions, what is due, and deleting it.

A preview and the deletion share one definition of "due" (finished, started before now − days),
so what the facilitator is shown is exactly what goes. Live sessions are never due: a session
left live by a crash is offered for resuming first, never deleted behind anyone's back.

On a server several facilitators share a circle, and each may delete only their own sessions
(row-level security): with ``owner`` the preview and the deletion take that facilitator's
sessions only, so nobody is offered, or told they deleted, what the server keeps for its owner.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Engine, and_, func, select

from circlekeeper.history.records import RetentionPreview
from circlekeeper.store import models as m
from circlekeeper.store.history.detail import SessionLogs
from circlekeeper.store.history.sql import C, S, finished_in, listing_from, listing_query

log = logging.getLogger(__name__)


def retention_preview(
    engine: Engine,
    circle_id: int,
    days: int,
    *,
    now: datetime | None = None,
    sample: int = 20,
    owner: str | None = None,
) -> RetentionPreview:
    """What :func:`apply_retention` with the same arguments would delete (nothing is changed)."""
    now = now or datetime.now(UTC)
    cutoff = _cutoff(days, now)
    doomed = _due(circle_id, cutoff, owner)
    with engine.connect() as conn:
        count, oldest, newest = conn.execute(
            select(func.count(), func.min(S.started_at), func.max(S.started_at)).where(doomed)
        ).one()
        notes = conn.execute(
            select(func.count())
            .select_from(m.NoteRow)
            .join(S, S.id == m.NoteRow.session_id)
            .where(doomed)
        ).scalar_one()
        rows = conn.execute(
            listing_query().where(doomed).order_by(S.started_at, S.id).limit(sample)
        ).all()
    return RetentionPreview(
        circle_id=circle_id,
        days=days,
        now=now,
        cutoff=cutoff,
        sessions=int(count),
        notes=int(notes),
        oldest=_aware(oldest),
        newest=_aware(newest),
        sample=tuple(listing_from(row) for row in rows),
    )


def retention_due(
    engine: Engine, *, now: datetime | None = None, owner: str | None = None
) -> list[RetentionPreview]:
    """For every circle with a retention period, what is due for deletion now (circles
    with nothing due are left out). The app shows these before deleting anything."""
    now = now or datetime.now(UTC)
    with engine.connect() as conn:
        circles = conn.execute(
            select(C.id, C.retention_days).where(C.retention_days.is_not(None)).order_by(C.id)
        ).all()
    previews = [
        retention_preview(engine, cid, days, now=now, owner=owner)
        for cid, days in circles
        if days is not None
    ]
    return [p for p in previews if p.sessions]


def apply_retention(
    engine: Engine,
    logs: SessionLogs,
    circle_id: int,
    days: int,
    *,
    now: datetime | None = None,
    owner: str | None = None,
) -> int:
    """Delete the circle's finished sessions that started before now − ``days``.

    Each goes through the repository's ``delete`` (log, notes, prompt uses and moods go
    with it). Returns how many were deleted.
    """
    cutoff = _cutoff(days, now)
    with engine.connect() as conn:
        ids = list(conn.execute(select(S.id).where(_due(circle_id, cutoff, owner))).scalars())
    for session_id in ids:
        logs.delete(session_id)
    log.info("Retention deleted %d sessions of circle %d", len(ids), circle_id)
    return len(ids)


def _due(circle_id: int, cutoff: datetime, owner: str | None) -> ColumnElement[bool]:
    due = and_(finished_in(circle_id), S.started_at < cutoff)
    return due if owner is None else and_(due, S.owner == owner)


def _cutoff(days: int, now: datetime | None) -> datetime:
    if days <= 0:
        raise ValueError("a retention period must be at least one day")
    return (now or datetime.now(UTC)) - timedelta(days=days)


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
