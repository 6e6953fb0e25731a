"""Who has been heard how much lately: the speaking balance and the least-heard-first order.

Both read the circle's last K finished sessions (one shared subquery), so "lately" means the
same thing in the balance figure and in the count of sessions it is based on.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from circlekeeper.history.records import BalanceEntry
from circlekeeper.store import models as m
from circlekeeper.store.history.sql import SP, recent_finished


def speaking_balance(engine: Engine, circle_id: int, last_sessions: int = 10) -> dict[int, float]:
    """Each person's balance over the circle's last K finished sessions they attended.

    ``Σ(spoken − equal share) / Σ equal share``: +0.25 means heard a quarter more than an
    equal share, −0.5 half as much. Relative, so a regular and an occasional visitor compare
    fairly. People who were not there in those sessions are absent (count them as 0).
    """
    query = (
        select(
            SP.person_id,
            func.sum(SP.spoken_seconds - SP.equal_share).label("over"),
            func.sum(SP.equal_share).label("equal"),
        )
        .where(SP.session_id.in_(recent_finished(circle_id, last_sessions)), SP.equal_share > 0)
        .group_by(SP.person_id)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return {row.person_id: (row.over or 0.0) / row.equal for row in rows if row.equal}


def least_heard(engine: Engine, circle_id: int, last_sessions: int = 10) -> list[BalanceEntry]:
    """Current members, least heard first (newcomers with no history count as 0)."""
    balance = speaking_balance(engine, circle_id, last_sessions)
    attended = _sessions_counted(engine, circle_id, last_sessions)
    with engine.connect() as conn:
        members = conn.execute(
            select(m.PersonRow.id, m.PersonRow.name)
            .join(m.CircleMemberRow, m.CircleMemberRow.person_id == m.PersonRow.id)
            .where(m.CircleMemberRow.circle_id == circle_id, m.PersonRow.archived.is_(False))
            .order_by(m.CircleMemberRow.position)
        ).all()
    entries = [
        BalanceEntry(row.id, row.name, balance.get(row.id, 0.0), attended.get(row.id, 0))
        for row in members
    ]
    return sorted(entries, key=lambda e: e.balance)


def _sessions_counted(engine: Engine, circle_id: int, last_sessions: int) -> dict[int, int]:
    query = (
        select(SP.person_id, func.count())
        .where(SP.session_id.in_(recent_finished(circle_id, last_sessions)))
        .group_by(SP.person_id)
    )
    with engine.connect() as conn:
        return {pid: n for pid, n in conn.execute(query)}
