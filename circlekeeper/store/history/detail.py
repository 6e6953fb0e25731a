"""One past session in full: its listing, the summary folded from its log, prompts and moods.

The only history query that replays a log (through the repository, like the summary screen
does), so it lives apart from the listing queries that must never do so.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Engine, select

from circlekeeper.history.records import SessionDetail
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import MoodCounts, heard_only
from circlekeeper.session.summary import summarize
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history.sql import S, listing_from, listing_query
from circlekeeper.store.prompts import prompt_use_from


class SessionLogs(Protocol):
    """The slice of :class:`SessionRepository` the history needs."""

    def entries(self, session_id: int) -> tuple[ev.Entry, ...]: ...

    def delete_refusal(self, session_id: int) -> str | None: ...

    def delete(self, session_id: int) -> None: ...


def session_detail(engine: Engine, logs: SessionLogs, session_id: int) -> SessionDetail:
    """A session with the summary of its log, prompts and moods."""
    with engine.connect() as conn:
        row = conn.execute(
            listing_query()
            .add_columns(S.co_facilitators_json, S.plan_json, S.shareable, S.event_count)
            .where(S.id == session_id)
        ).one_or_none()
        if row is None:
            raise KeyError(session_id)
        prompt_rows = conn.execute(
            select(m.PromptUseRow)
            .where(m.PromptUseRow.session_id == session_id)
            .order_by(m.PromptUseRow.round_index, m.PromptUseRow.id)
        ).all()
        mood_rows = conn.execute(
            select(m.MoodRow.moment, m.MoodRow.counts_json).where(
                m.MoodRow.session_id == session_id
            )
        ).all()
    entries = logs.entries(session_id)
    moods = tuple(
        MoodCounts(r.moment, {int(k): int(v) for k, v in codec.loads(r.counts_json, {}).items()})
        for r in sorted(mood_rows, key=lambda r: r.moment != "check-in")
    )
    summary = summarize(entries)
    held = {r.index for r in summary.rounds}
    return SessionDetail(
        listing=listing_from(row),
        summary=summary,
        co_facilitators=tuple(codec.loads(row.co_facilitators_json, [])),
        plan=tuple(RoundPlan.from_dict(p) for p in codec.loads(row.plan_json, [])),
        prompts=tuple(heard_only((prompt_use_from(p) for p in prompt_rows), held)),
        moods=moods,
        shareable=row.shareable,
        events=row.event_count,
    )
