"""Anonymous mood counts per session and moment: how many chose each value, never who."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.store import codec
from circlekeeper.store.errors import RecordNotFound
from circlekeeper.store.models import MoodRow, SessionRow


class MoodRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def save(self, session_id: int, counts: MoodCounts) -> None:
        """Store (or replace) the session's counts for ``counts.moment``."""
        text = codec.dumps({str(int(k)): int(v) for k, v in sorted(counts.counts.items())})
        with Session(self._engine) as s, s.begin():
            if s.get(SessionRow, session_id) is None:
                raise RecordNotFound(_("There is no session with id {id}.").format(id=session_id))
            row = s.get(MoodRow, (session_id, counts.moment))
            if row is None:
                s.add(MoodRow(session_id=session_id, moment=counts.moment, counts_json=text))
            else:
                row.counts_json = text

    def for_session(self, session_id: int) -> list[MoodCounts]:
        with Session(self._engine) as s:
            rows = s.scalars(
                select(MoodRow).where(MoodRow.session_id == session_id).order_by(MoodRow.moment)
            )
            return [mood_counts_from(row) for row in rows]

    def for_circle(self, circle_id: int) -> list[tuple[datetime, MoodCounts]]:
        """Each session's counts with the session's start, oldest first."""
        query = (
            select(SessionRow.started_at, MoodRow)
            .join(MoodRow, MoodRow.session_id == SessionRow.id)
            .where(SessionRow.circle_id == circle_id)
            .order_by(SessionRow.started_at, SessionRow.id, MoodRow.moment)
        )
        with Session(self._engine) as s:
            return [(started, mood_counts_from(row)) for started, row in s.execute(query)]


def mood_counts_from(row: MoodRow) -> MoodCounts:
    """A stored row of mood counts as the domain record."""
    raw = codec.loads(row.counts_json, {})
    return MoodCounts(row.moment, {int(k): int(v) for k, v in raw.items()})
