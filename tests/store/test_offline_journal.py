"""The circle survives the network: the real server is stopped mid-circle and started again.

A throw-away cluster of this test's own (so stopping it disturbs no other test) holds the
circle. While it is down, events go to the local fsynced journal; when it is back, they are
delivered in order, and the stored log equals the log the engine kept: nothing lost, nothing
twice. Delivery is idempotent by (session, seq), also after a crash between delivering and
clearing the journal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.offline_journal import LocalJournal, ResilientJournal, journal_path
from tests.postgres_cluster import ThrowawayCluster, own_cluster
from tests.store.samples import PLAN


@pytest.fixture(scope="module")
def own_server() -> Iterator[ThrowawayCluster]:
    yield from own_cluster("stop and start")


def test_events_made_while_the_server_is_down_arrive_once_it_is_back(
    own_server: ThrowawayCluster, tmp_path: Path
) -> None:
    url = own_server.url()
    with open_store(url) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=PLAN,
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        local = LocalJournal(journal_path(tmp_path / "journals", url, session_id))
        journal = ResilientJournal(
            StoreJournal(store, session_id, store.leases.claim(session_id)), local
        )
        clock = FakeClock()
        circle = CircleSession(clock, sink=journal.append)
        people = tuple(Participant(str(i), name) for i, name in enumerate(["Ana", "Bo", "Cy"]))
        circle.start("Tuesday", people, ("Robin",))
        circle.start_round(PLAN[0])
        circle.start_turn()
        clock.advance(30)
        circle.end_turn()
        assert journal.pending == 0

        own_server.stop_server()  # the server goes away mid-circle
        for _speaker in people[1:]:
            circle.start_turn()
            clock.advance(40)
            circle.end_turn()
            journal.heartbeat(datetime.now(UTC), circle.elapsed())
        waiting = journal.pending
        assert waiting >= 4, "the circle went on, its events kept on this computer"
        assert len(local.entries()) == waiting  # on disk, not only in memory
        assert circle.state.started and not circle.state.ended

        own_server.start_again()
        circle.end_round()  # the next event finds the server again
        assert journal.pending == 0
        assert not local.path.exists()
        stored = store.sessions.entries(session_id)
        assert [(e.seq, e.event) for e in stored] == [(e.seq, e.event) for e in circle.log]


def test_delivery_after_a_crash_between_sending_and_clearing_stores_nothing_twice(
    own_server: ThrowawayCluster, tmp_path: Path
) -> None:
    url = own_server.url()
    with open_store(url) as store:
        circle_id = store.circles.save(CircleRecord(None, "Thursday"))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=PLAN,
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        lease = store.leases.claim(session_id)
        clock = FakeClock()
        circle = CircleSession(clock, sink=lambda entry: None)
        circle.start("Thursday", (Participant("1", "Ana"),), ("Robin",))
        circle.start_round(PLAN[0])
        local = LocalJournal(journal_path(tmp_path / "journals", url, session_id))
        for entry in circle.log:
            local.add(entry)
        StoreJournal(store, session_id, lease).append(circle.log[0])  # delivered, then a crash
        restarted = ResilientJournal(StoreJournal(store, session_id, lease), local)
        assert restarted.pending == len(circle.log)
        assert restarted.deliver()
        assert [e.seq for e in store.sessions.entries(session_id)] == [e.seq for e in circle.log]
