"""A stored session read back: its row, its record, its log, its times in UTC.

Shared by the repository (``repository.py``), what finishing a session derives
(``finish.py``), its search text (``search.py``) and the date-range listing
(``ranges.py``), so each reads a session the one same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.store import codec
from circlekeeper.store.errors import RecordNotFound, StoreError
from circlekeeper.store.models import EventRow, SessionRow
from circlekeeper.store.records import SessionRecord


def session_row(s: Session, session_id: int) -> SessionRow:
    row = s.get(SessionRow, session_id)
    if row is None:
        raise RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
    return row


EVENT_COLUMNS = (EventRow.seq, EventRow.kind, EventRow.payload, EventRow.wall, EventRow.elapsed)
"""What a log is rebuilt from, in the order :func:`entries_from_rows` takes them."""


def stored_entries(s: Session, session_id: int) -> tuple[ev.Entry, ...]:
    """The log in sequence order, rebuilt into domain entries; a damaged row says so."""
    rows = s.execute(
        select(*EVENT_COLUMNS).where(EventRow.session_id == session_id).order_by(EventRow.seq)
    )
    return entries_from_rows(session_id, rows)


def entries_from_rows(session_id: int, rows: Iterable[Any]) -> tuple[ev.Entry, ...]:
    """One session's log from its rows of :data:`EVENT_COLUMNS`, in sequence order."""
    entries = []
    for seq, kind, payload, wall, elapsed in rows:
        try:
            event = ev.from_payload(kind, json.loads(payload))
        except (ValueError, ev.MalformedEvent) as error:
            raise StoreError(
                _(
                    "Event {seq} of session {session} cannot be read ({reason}); run"
                    " circlekeeper check, and restore a backup if it reports damage."
                ).format(seq=seq, session=session_id, reason=error)
            ) from error
        entries.append(ev.Entry(seq=seq, elapsed=elapsed, wall=wall, event=event))
    return tuple(entries)


def session_record(row: SessionRow, circle_name: str) -> SessionRecord:
    return SessionRecord(
        session_id=row.id,
        circle_id=row.circle_id,
        circle_name=circle_name,
        facilitators=codec.texts_from_json(row.facilitators_json),
        co_facilitators=codec.texts_from_json(row.co_facilitators_json),
        plan=codec.plan_from_json(row.plan_json),
        started_at=row.started_at,
        ended_at=row.ended_at,
        timezone=row.timezone,
        status=row.status,
        shareable=row.shareable,
        last_heartbeat_wall=row.heartbeat_wall,
        last_heartbeat_elapsed=row.heartbeat_elapsed,
        events=row.event_count,
        present_count=row.present_count,
        duration_seconds=row.duration_seconds,
        fairness=row.fairness,
        run_by=row.run_by,
    )


def as_utc(moment: datetime) -> datetime:
    """An aware UTC time (a naive one, as SQLite hands back, is taken as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
