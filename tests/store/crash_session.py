"""A scripted circle that a test kills with SIGKILL at random moments (see test_store_crash).

Protocol on stdout, one line each, flushed:
  ``PID <n>``        a new life started (a forked child that writes the database)
  ``READY <n>``      the child opened the store (and resumed or created a session)
  ``E <sid> <json>`` an entry whose ``append`` has returned, i.e. is committed
  ``DEAD <n>``       the child is gone
The parent imports everything once and forks a child each time it reads ``go DB_PATH`` on stdin, so
each life costs milliseconds, not an interpreter start; the child is what gets killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sys
import traceback
from datetime import UTC, datetime

from circlekeeper.session import CircleSession, FakeClock, Participant, SessionCommandRefused
from circlekeeper.session import events as ev
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.journal import StoreJournal

PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600)),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.open()),
)
NAMES = ("Ana", "Bo", "مريم", "王小明", "שירה")
MAX_STEPS = 2000


def encode(session_id: int, entry: ev.Entry) -> str:
    data = {
        "seq": entry.seq,
        "elapsed": entry.elapsed,
        "wall": entry.wall.isoformat(),
        "kind": entry.event.kind,
        "payload": ev.to_payload(entry.event),
    }
    return f"E {session_id} {json.dumps(data, ensure_ascii=False)}\n"


def decode(line: str) -> tuple[int, ev.Entry]:
    """The test's side of :func:`encode`."""
    _, sid, data = line.split(" ", 2)
    raw = json.loads(data)
    entry = ev.Entry(
        seq=raw["seq"],
        elapsed=raw["elapsed"],
        wall=datetime.fromisoformat(raw["wall"]),
        event=ev.from_payload(raw["kind"], raw["payload"]),
    )
    return int(sid), entry


def say(text: str) -> None:
    os.write(1, text.encode())


class ReportingJournal(StoreJournal):
    """Commits through the store, then reports the commit (a kill can land in between)."""

    def append(self, entry: ev.Entry) -> None:
        super().append(entry)
        say(encode(self.session_id, entry))


def open_or_resume(store: Store, clock: FakeClock, rng: random.Random) -> tuple[int, CircleSession]:
    circle = store.circles.by_name("Crash circle")
    if circle is None or circle.circle_id is None:
        circle_id = store.circles.save(CircleRecord(None, "Crash circle", default_plan=PLAN))
        for name in NAMES:
            store.people.add(name, circle_ids=[circle_id])
    else:
        circle_id = circle.circle_id
    for record in store.sessions.live():
        entries = store.sessions.entries(record.session_id)
        journal = ReportingJournal(store, record.session_id)
        session = CircleSession.resume(
            entries,
            clock,
            sink=journal.append,
            wall=lambda: datetime.now(UTC),
            last_alive_elapsed=record.last_heartbeat_elapsed,
            down_seconds=rng.uniform(0, 30),
        )
        if not session.state.ended and session.state.started:
            return record.session_id, session
        store.sessions.finish(record.session_id)
    people = store.people.members(circle_id)
    session_id = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=tuple(p.person_id for p in people[:4]),
    )
    journal = ReportingJournal(store, session_id)
    session = CircleSession(clock, sink=journal.append, wall=lambda: datetime.now(UTC))
    session.start(
        "Crash circle", [Participant(str(p.person_id), p.name) for p in people[:4]], ("Robin",)
    )
    return session_id, session


def step(session: CircleSession, rng: random.Random, late: Participant) -> None:
    state = session.state
    round_ = state.current_round
    if round_ is None:
        if len(state.rounds) >= len(PLAN):
            session.end_session()
        else:
            session.start_round(PLAN[len(state.rounds)])
        return
    if not round_.queue and round_.current is None:
        session.end_round()
        return
    choice = rng.random()
    if choice < 0.45:
        session.toggle()
    elif choice < 0.65:
        session.end_turn(start_next=rng.random() < 0.6)
    elif choice < 0.72:
        session.pass_turn(start_next=rng.random() < 0.5)
    elif choice < 0.77:
        session.pass_for_now()
    elif choice < 0.82:
        session.extend(30)
    elif choice < 0.88:
        session.undo()
    elif choice < 0.91 and late.person_id not in state.participants:
        session.join(late)
    elif choice < 0.93 and len(state.present) > 2:
        session.leave(rng.choice(state.present))
    else:
        session.start_turn()


def life(db: str, seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock()
    store = open_store(db)
    session_id, session = open_or_resume(store, clock, rng)
    say(f"READY {os.getpid()}\n")
    people = store.people.members(store.sessions.get(session_id).circle_id)
    late = Participant(str(people[-1].person_id), people[-1].name)
    journal = StoreJournal(store, session_id)
    for n in range(MAX_STEPS):
        clock.advance(rng.uniform(0.2, 45.0))
        with contextlib.suppress(SessionCommandRefused):  # a random command may not fit now
            step(session, rng, late)
        if n % 7 == 0:
            journal.heartbeat(datetime.now(UTC), session.elapsed())
        if session.state.ended:
            store.sessions.finish(session_id)
            session_id, session = open_or_resume(store, clock, rng)
            journal = StoreJournal(store, session_id)
    say("IDLE\n")
    os._exit(0)


def main() -> None:
    seed = int(sys.argv[1])
    for line in sys.stdin:
        command, _, db = line.strip().partition(" ")
        if command != "go" or not db:
            break
        seed += 1
        child = os.fork()
        if child == 0:
            try:
                say(f"PID {os.getpid()}\n")  # from the child, so it precedes its own lines
                life(db, seed)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        _, status = os.waitpid(child, 0)
        say(f"DEAD {status}\n")


if __name__ == "__main__":
    main()
