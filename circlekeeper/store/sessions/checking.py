"""Every stored session asked what ``export-json`` would ask: what ``circlekeeper check`` runs.

Asking it one session at a time (:func:`~.exporting.export_problem`) reads each session with
six small ORM queries, each in a session of its own: on the history benchmark's 100,000
sessions that was most of half an hour of CPU. Here the same records are read a batch of
sessions at a time, in one read transaction, by the same converters, and each session's
document is then written and read back exactly as ``export-json`` and ``import`` would (so
nothing is checked less); ``progress(done, total)`` is told after every batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from circlekeeper.session.document import SessionDocument
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store.models import CircleRow, EventRow, MoodRow, PromptUseRow, SessionRow
from circlekeeper.store.moods import mood_counts_from
from circlekeeper.store.prompts import prompt_use_from
from circlekeeper.store.records import SessionRecord
from circlekeeper.store.sessions.exporting import ExportProblem, document_of, problem_in
from circlekeeper.store.sessions.rows import EVENT_COLUMNS, entries_from_rows, session_record
from circlekeeper.store.store import Store

BATCH = 200
"""Sessions read at a time: a few thousand events, so memory stays small on any database."""

Progress = Callable[[int, int], None]
"""Told ``(sessions checked, sessions in all)`` as the check goes."""


def export_problems(store: Store, progress: Progress | None = None) -> list[ExportProblem]:
    """Every stored session that ``export-json`` would refuse, oldest first."""
    found: list[ExportProblem] = []
    with Session(store.engine) as s:
        ids = list(s.scalars(select(SessionRow.id).order_by(SessionRow.id)))
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            for record, check in _batch(s, batch):
                problem = problem_in(record, check)
                if problem is not None:
                    found.append(problem)
            if progress is not None:
                progress(start + len(batch), len(ids))
    return found


def _batch(
    s: Session, ids: Sequence[int]
) -> Iterator[tuple[SessionRecord, Callable[[], SessionDocument]]]:
    """Each session of ``ids`` with a function building its document (so a damaged row is
    refused inside the check, as :func:`~.exporting.export_problem` refuses it)."""
    sessions = s.execute(
        select(SessionRow, CircleRow.name)
        .outerjoin(CircleRow, CircleRow.id == SessionRow.circle_id)
        .where(SessionRow.id.in_(ids))
        .order_by(SessionRow.id)
    )
    records = [session_record(row, name or "") for row, name in sessions]
    events = s.execute(
        select(EventRow.session_id, *EVENT_COLUMNS)
        .where(EventRow.session_id.in_(ids))
        .order_by(EventRow.session_id, EventRow.seq)
    )
    logs = {sid: [row[1:] for row in rows] for sid, rows in groupby(events, key=itemgetter(0))}
    moods: dict[int, list[MoodCounts]] = defaultdict(list)
    for mood in s.scalars(
        select(MoodRow).where(MoodRow.session_id.in_(ids)).order_by(MoodRow.moment)
    ):
        moods[mood.session_id].append(mood_counts_from(mood))
    uses: dict[int, list[PromptUse]] = defaultdict(list)
    for use in s.scalars(
        select(PromptUseRow)
        .where(PromptUseRow.session_id.in_(ids))
        .order_by(PromptUseRow.round_index, PromptUseRow.id)
    ):
        uses[use.session_id].append(prompt_use_from(use))
    for record in records:
        sid = record.session_id

        def document(record: SessionRecord = record, sid: int = sid) -> SessionDocument:
            return document_of(
                record,
                entries_from_rows(sid, logs.get(sid, ())),
                moods=moods.get(sid, []),
                prompt_uses=uses.get(sid, []),
            )

        yield record, document
