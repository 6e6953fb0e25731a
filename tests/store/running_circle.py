"""A circle running right now, as another app (or this one, left open) writes it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.store import CircleRecord, Store
from circlekeeper.store.journal import StoreJournal
from tests.store.samples import PLAN

SPEAKING = 75.0
"""Seconds Ana has been speaking when the history is opened."""
TURN_STARTS = 30.0
"""The session's elapsed seconds when Ana's turn started (after the round opened)."""


def running_circle(store: Store, *, leased: bool) -> tuple[int, StoreJournal]:
    """A circle started ``TURN_STARTS + SPEAKING`` seconds ago whose turn is still running,
    as another app (or this one, left open) writes it: the log, then heartbeats."""
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    began = datetime.now(UTC) - timedelta(seconds=TURN_STARTS + SPEAKING)
    session_id = store.sessions.create(
        circle_id, facilitators=("Robin",), plan=PLAN, started_at=began, timezone="UTC", people=()
    )
    journal = StoreJournal(store, session_id, store.leases.claim(session_id) if leased else None)
    clock = FakeClock()
    session = CircleSession(clock, sink=journal.append, wall=lambda: began)
    session.start("Tuesday", (Participant("1", "Ana"), Participant("2", "Ben")), ("Robin",))
    session.start_round(PLAN[0])
    clock.advance(TURN_STARTS)
    session.start_turn()
    return session_id, journal
