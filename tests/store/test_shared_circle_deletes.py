"""Two facilitators share a circle on the server: neither deletes the other's sessions.

Circles are shared (Robin runs the Tuesday circle one week, Sam the next), and row-level
security lets a facilitator delete only their own sessions and logs. Deleting a session also
removes its attendance, prompts and moods, tables the policies do not cover: before this was
checked, Sam deleting Robin's session (History ▸ Delete, or the circle's retention period
offered at Sam's start-up) silently took the attendance and moods of Robin's session and left
its log and row behind, and the app said it was deleted. Against the real server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store import models as m
from circlekeeper.store.errors import StoreError
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.journal import StoreJournal
from tests.store.samples import PLAN
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture

OLD = datetime(2025, 1, 7, 18, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def held_session(store: Store, circle_id: int, when: datetime) -> int:
    """A finished session of the circle with its two members present, run by ``store``'s role."""
    people = tuple(p.person_id for p in store.people.members(circle_id))
    sid = store.sessions.create(
        circle_id,
        facilitators=(store.identity,),
        plan=PLAN,
        started_at=when,
        timezone="UTC",
        people=people,
    )
    clock = FakeClock()
    origin = clock.now()
    session = CircleSession(
        clock,
        sink=StoreJournal(store, sid).append,
        wall=lambda: when + timedelta(seconds=clock.now() - origin),
    )
    session.start("Tuesday", [Participant(str(p), f"P{p}") for p in people], (store.identity,))
    session.start_round(PLAN[0])
    for person in people:
        session.start_turn(str(person))
        clock.advance(30)
        session.end_turn()
    session.end_round()
    session.end_session()
    store.sessions.finish(sid)
    return sid


def attendance(store: Store, session_id: int) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(m.SessionPersonRow)
                .where(m.SessionPersonRow.session_id == session_id)
            ).scalar_one()
        )


def test_deleting_anothers_session_is_refused_whole(org: Org) -> None:  # noqa: F811
    with open_store(org.robin) as robin, open_store(org.sam) as sam:
        circle_id = robin.circles.save(CircleRecord(None, "Tuesday"))
        for name in ("Ana", "Jonas"):
            robin.people.add(name, circle_ids=(circle_id,))
        robins = held_session(robin, circle_id, OLD)
        before = (attendance(robin, robins), len(robin.sessions.entries(robins)))
        assert before[0] == 2

        with pytest.raises(StoreError) as refused:
            HistoryQueries.for_store(sam).delete_session(robins)
        assert robin.identity in str(refused.value), "says whose session it is"
        assert (attendance(robin, robins), len(robin.sessions.entries(robins))) == before
        assert robin.sessions.get(robins).status == "ended"


def test_retention_offers_and_deletes_only_ones_own_sessions(org: Org) -> None:  # noqa: F811
    with open_store(org.robin) as robin, open_store(org.sam) as sam:
        circle_id = robin.circles.save(CircleRecord(None, "Tuesday"))
        for name in ("Ana", "Jonas"):
            robin.people.add(name, circle_ids=(circle_id,))
        robins = held_session(robin, circle_id, OLD)
        sams = held_session(sam, circle_id, OLD + timedelta(days=7))
        queries = HistoryQueries.for_store(sam)
        queries.set_retention(circle_id, 30)

        due = queries.retention_due(now=NOW)
        assert [(p.circle_id, p.sessions) for p in due] == [(circle_id, 1)]
        assert [s.session_id for s in due[0].sample] == [sams]
        assert queries.apply_retention(circle_id, 30, now=NOW) == 1

        assert robin.sessions.get(robins).status == "ended"
        assert attendance(robin, robins) == 2, "Robin's attendance is still there"
        with pytest.raises(KeyError):
            queries.listing(sams)
        # Robin's own start-up offers Robin's session, and deletes it.
        robin_queries = HistoryQueries.for_store(robin)
        assert [p.sessions for p in robin_queries.retention_due(now=NOW)] == [1]
        assert robin_queries.apply_retention(circle_id, 30, now=NOW) == 1
        assert robin_queries.retention_due(now=NOW) == []


def test_who_may_delete_is_known_before_anything_is_asked(org: Org) -> None:  # noqa: F811
    """History asks first (``HistoryQueries.deletion``): Sam is told Robin's session is
    Robin's, a coordinator that the role may not delete, before any question; Robin may, and
    hears how many of Robin's private notes go with it."""
    from tests.store.test_server_roles import ROBIN_WORDS, notes_of

    with open_store(org.robin) as robin, open_store(org.sam) as sam:
        circle_id = robin.circles.save(CircleRecord(None, "Tuesday"))
        robin.people.add("Ana", circle_ids=(circle_id,))
        robins = held_session(robin, circle_id, OLD)
        notes = notes_of(robin)
        notes.vault.create(ROBIN_WORDS)
        notes.add("Ana asked for a quieter room", robins)

        refused = HistoryQueries.for_store(sam).deletion(robins).refused
        assert refused == (
            f"Session {robins} was run by {robin.identity}; only {robin.identity} can delete it."
        )
        mine = HistoryQueries.for_store(robin).deletion(robins)
        assert mine.refused is None and mine.notes == 1
    with open_store(org.cora, read_only=True) as cora:
        said = HistoryQueries.for_store(cora).deletion(robins).refused
        assert said is not None and "not delete sessions" in said
    with open_store(org.robin) as robin:
        assert robin.sessions.get(robins).status == "ended"  # nothing was touched by asking
