"""PostgreSQL figures: event append over loopback against the SQLite file, and how long the
1,000 events journalled offline take to reach the server once it answers again.

Run with ``python -m benchmarks server``. Needs the PostgreSQL server binaries (Debian
``postgresql``): it starts a throw-away cluster of its own on a loopback port, with ``fsync``
on (durable, as a real server), and removes it at the end. ``CIRCLEKEEPER_TEST_POSTGRES_PORTS``
limits the ports it may use.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.bench_store import _percentile, record_long_session
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.store.offline_journal import LocalJournal, ResilientJournal, journal_path
from tests.postgres_cluster import ThrowawayCluster, server_binaries

JOURNALLED = 1000
PLAN = RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(900))


def _append_figures(label: str, where: str) -> None:
    with open_store(where) as store:
        _session_id, latencies = record_long_session(store)
    ms = [x * 1000 for x in latencies]
    print(
        f"append, {label}: {len(ms)} events, p50 {_percentile(ms, 0.5):.2f} ms,"
        f" p99 {_percentile(ms, 0.99):.2f} ms, max {max(ms):.2f} ms"
    )


def _delivery_figure(cluster: ThrowawayCluster, folder: Path) -> None:
    url = cluster.url()
    with open_store(url) as store:
        circle_id = store.circles.save(CircleRecord(None, "Offline benchmark"))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(PLAN,),
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        local = LocalJournal(journal_path(folder, url, session_id))
        journal = ResilientJournal(
            StoreJournal(store, session_id, store.leases.claim(session_id)), local
        )
        clock = FakeClock()
        circle = CircleSession(clock, sink=journal.append)
        people = [Participant(str(n), f"Person {n}") for n in range(8)]
        circle.start("Offline benchmark", people)
        cluster.stop_server()
        while journal.pending < JOURNALLED:
            state = circle.state
            round_ = state.current_round
            if round_ is None:
                circle.start_round(PLAN)
            elif round_.current is None and not round_.queue:
                circle.end_round()
            elif round_.current is None:
                circle.start_turn()
            else:
                clock.advance(30)
                circle.end_turn()
        waiting = journal.pending
        cluster.start_again()
        start = time.perf_counter()
        delivered = journal.deliver()
        seconds = time.perf_counter() - start
        assert delivered and len(store.sessions.entries(session_id)) == len(circle.log)
    print(
        f"deliver {waiting} journalled events after the server came back: {seconds:.2f} s"
        f" ({seconds / waiting * 1000:.2f} ms per event, delivered in one transaction)"
    )


def main() -> None:
    binaries = server_binaries()
    if binaries is None:
        print("skipped: no PostgreSQL server binaries (apt-get install postgresql)")
        return
    cluster = ThrowawayCluster(binaries, durable=True)
    cluster.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            _append_figures("SQLite file (synchronous=FULL)", str(Path(folder) / "b.sqlite3"))
            _append_figures("PostgreSQL over loopback (fsync on)", cluster.url())
            _delivery_figure(cluster, Path(folder) / "offline")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
