"""Store figures: event append latency with ``synchronous=FULL``, and resuming a long session.

Run with ``python -m benchmarks store``. Uses a temporary database on the same disk as the
system's temp folder; fsync dominates the append figure, so it depends on the disk.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from circlekeeper.session import CircleSession, FakeClock, Participant, fold
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, Store, open_store

EVENTS = 2000
PLAN = RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(900))


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def record_long_session(store: Store) -> tuple[int, list[float]]:
    """Drive the real engine until the log holds EVENTS entries; time every append."""
    circle_id = store.circles.save(CircleRecord(None, "Benchmark circle"))
    people = [store.people.add(f"Person {n}", circle_ids=[circle_id]) for n in range(8)]
    session_id = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=(PLAN,),
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=tuple(p.person_id for p in people),
    )
    latencies: list[float] = []

    def timed_append(entry: ev.Entry) -> None:
        start = time.perf_counter()
        store.sessions.append(session_id, entry)
        latencies.append(time.perf_counter() - start)

    clock = FakeClock()
    session = CircleSession(clock, sink=timed_append, wall=lambda: datetime.now(UTC))
    session.start("Benchmark circle", [Participant(str(p.person_id), p.name) for p in people])
    while len(session.log) < EVENTS:
        state = session.state
        round_ = state.current_round
        if round_ is None:
            session.start_round(PLAN)
        elif round_.current is None and not round_.queue:
            session.end_round()
        elif round_.current is None:
            session.start_turn()
        else:
            clock.advance(20)
            session.pause()
            clock.advance(5)
            session.resume_turn()
            clock.advance(30)
            session.end_turn()
    return session_id, latencies


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        with open_store(path) as store:
            session_id, latencies = record_long_session(store)
            events = store.sessions.get(session_id).events
            ms = [x * 1000 for x in latencies]
            print(
                f"append (synchronous=FULL, WAL): {len(ms)} events,"
                f" p50 {_percentile(ms, 0.5):.2f} ms, p99 {_percentile(ms, 0.99):.2f} ms,"
                f" max {max(ms):.2f} ms"
            )
            resumes: list[float] = []
            for _ in range(7):
                start = time.perf_counter()
                entries = store.sessions.entries(session_id)
                record = store.sessions.get(session_id)
                fold(entries)
                CircleSession.resume(
                    entries,
                    FakeClock(),
                    last_alive_elapsed=record.last_heartbeat_elapsed,
                )
                resumes.append(time.perf_counter() - start)
            print(
                f"resume of a {events}-event session (read log + fold + rebuild engine):"
                f" median {statistics.median(resumes) * 1000:.1f} ms,"
                f" worst {max(resumes) * 1000:.1f} ms"
            )
        start = time.perf_counter()
        open_store(path).close()
        print(
            f"open an existing database (lock, quick check, schema check): "
            f"{(time.perf_counter() - start) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
