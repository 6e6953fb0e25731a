"""One past session in full: its listing, the summary folded from its log, prompts and moods.

The only history query that replays a log (through the repository, like the summary screen
does), so it lives apart from the listing queries that must never do so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, select, text

from circlekeeper.history.records import SessionDetail
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundPlan
from circlekeeper.session.prompts import MoodCounts, heard_only
from circlekeeper.session.so_far import SignOfLife, elapsed_so_far, quiet
from circlekeeper.session.summary import summarize
from circlekeeper.store import codec
from circlekeeper.store import models as m
from circlekeeper.store.history.sql import S, listing_from, listing_query
from circlekeeper.store.leases import STALE_AFTER
from circlekeeper.store.prompts import prompt_use_from
from circlekeeper.store.records import SessionStatus
from circlekeeper.store.sessions.rows import as_utc


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
            .add_columns(S.heartbeat_wall, S.heartbeat_elapsed, S.lease_token, S.lease_renewed_at)
            .where(S.id == session_id)
        ).one_or_none()
        if row is None:
            raise KeyError(session_id)
        now = _database_now(conn) if row.status == SessionStatus.LIVE.value else None
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
    sign = _sign_of_life(row)
    last_heard = None
    if now is None or not entries:
        summary = summarize(entries)
    else:  # running (here, elsewhere, or left open): the turn under way is timed to now
        summary = summarize(
            entries, now=elapsed_so_far(entries[-1].elapsed, sign, now, quiet_after=STALE_AFTER)
        )
        if sign is not None and quiet(sign, now, quiet_after=STALE_AFTER):
            last_heard = sign.at
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
        last_heard=last_heard,
    )


def _sign_of_life(row: Any) -> SignOfLife | None:
    """The running app's last heartbeat. A leased session's is timed by the server's clock
    (``lease_renewed_at``, the same clock as :func:`_database_now`); a SQLite file's by the
    laptop that wrote it, the one reading it."""
    if row.heartbeat_elapsed is None:
        return None
    at = row.lease_renewed_at if row.lease_token is not None else row.heartbeat_wall
    if at is None:
        return None
    return SignOfLife(as_utc(at), float(row.heartbeat_elapsed))


def _database_now(conn: Connection) -> datetime:
    """Now on the clock the heartbeats are compared with: the server's on PostgreSQL
    (laptops' clocks disagree), this computer's for a SQLite file."""
    if conn.dialect.name == "postgresql":
        moment: datetime = conn.execute(
            text("SELECT timezone('UTC', clock_timestamp())")
        ).scalar_one()
        return moment.replace(tzinfo=UTC)
    return datetime.now(UTC)
