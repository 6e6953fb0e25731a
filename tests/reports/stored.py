"""A real store with played sessions (and a private note) for report and command tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import Store
from circlekeeper.store.journal import StoreJournal
from circlekeeper.vault.header import NoteRecord

MARKER = "PRIVATE-NOTE-MARKER-7f3a9c"
PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(600), prompt="What gave you hope?"),
)


def play_finished(
    store: Store,
    circle_id: int,
    names: tuple[str, ...],
    start: datetime,
    plan: tuple[RoundPlan, ...] = PLAN,
    timezone: str = "Europe/Berlin",
) -> tuple[int, tuple[int, ...]]:
    """A session of new people ``names``, every event stored before the engine goes on, then
    finished; returns its id and the people's ids. (The export benchmark plays its sessions
    with this too, with a longer ``plan``.)"""
    people = tuple(store.people.add(n, circle_ids=[circle_id]).person_id for n in names)
    sid = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=plan,
        started_at=start,
        timezone=timezone,
        people=people,
    )
    clock = FakeClock()
    origin = clock.now()
    session = CircleSession(
        clock,
        sink=StoreJournal(store, sid).append,
        wall=lambda: start + timedelta(seconds=clock.now() - origin),
    )
    session.start(
        store.circles.get(circle_id).name,
        [Participant(str(p), n) for p, n in zip(people, names, strict=True)],
        ("Robin",),
    )
    for round_plan in plan:
        session.start_round(round_plan)
        for index in range(len(people)):
            session.start_turn()
            clock.advance(30 + 20 * index)
            session.end_turn()
        session.end_round()
    session.end_session()
    store.sessions.finish(sid)
    return sid, people


def play(store: Store, circle_id: int, names: tuple[str, ...], start: datetime) -> int:
    sid, people = play_finished(store, circle_id, names, start)
    store.sessions.set_shareable(sid, "We laughed a lot.")
    store.moods.save(sid, MoodCounts("check-out", {4: 2, 5: 1}))
    store.prompts.record_use(PromptUse(sid, 0, "How are you arriving?"))
    store.notes.add(
        NoteRecord(
            note_id=f"note-{sid}",
            ciphertext=MARKER.encode(),  # stands in for a note; it must never be printed
            session_id=sid,
            person_id=people[0],
            created_at=start,
        )
    )
    return sid
