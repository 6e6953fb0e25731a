"""A realistic session summary built by driving the real engine with a fake clock.

Used for the sample PDF in ``docs/``, the benchmark and the tests, so all three print the same
kind of session the app produces (not a hand-made object that could drift from the engine).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind
from circlekeeper.session.summary import SessionSummary

DEMO_NAMES = (
    "Ada Lovelace",
    "محمد الأحمد",
    "李小龙",
    "Σοφία Παπαδοπούλου",
    "Ольга Иванова",
    "דוד כהן",
    "José Álvarez",
    "山田太郎",
    "Chloé <b>Martin</b> & co",
    "Nkechi Okafor",
)


def demo_plan(rounds: int) -> list[RoundPlan]:
    plans = [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90), "How are you arriving today?")]
    for index in range(max(0, rounds - 2)):
        plans.append(
            RoundPlan(
                RoundKind.SHARING,
                TimePolicy.fair_share(1200, minimum=60),
                "What has been on your mind this week?" if index == 0 else "",
                title=f"Sharing {index + 1}" if rounds > 3 else "",
            )
        )
    if rounds >= 2:
        plans.append(
            RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60), "One word to leave with.")
        )
    return plans[:rounds]


def demo_summary(
    people: int = 8,
    rounds: int = 4,
    *,
    names: Sequence[str] = DEMO_NAMES,
    circle: str = "Tuesday evening circle",
    facilitators: Sequence[str] = ("Sam Rivera",),
    seed: int = 7,
    start: datetime = datetime(2026, 11, 24, 17, 30, tzinfo=UTC),
    plans: Sequence[RoundPlan] | None = None,
) -> SessionSummary:
    """A finished session with ``people`` people and ``rounds`` rounds, some passes, one late
    arrival and one early leaver (when there are enough people)."""
    rng = random.Random(seed)
    clock = FakeClock()
    origin = clock.now()

    def wall() -> datetime:
        return start + timedelta(seconds=clock.now() - origin)

    session = CircleSession(clock, wall=wall)
    cast = [
        Participant(
            str(i + 1),
            names[i % len(names)] if names else f"P{i}",
            "they/them" if i % 3 == 0 else "",
        )
        for i in range(people)
    ]
    late = cast[-1] if people >= 4 else None
    present = [p for p in cast if p is not late]
    session.start(circle, present, list(facilitators))
    for number, plan in enumerate(demo_plan(rounds) if plans is None else plans):
        if late is not None and number == 1:
            session.join(late)
        session.start_round(plan)
        while True:
            view = session.state.current_round
            if view is None or not view.queue:
                break
            if rng.random() < 0.12:
                session.pass_turn()
                clock.advance(2)
                continue
            session.start_turn()
            turn = session.turn_view()
            assert turn is not None  # a turn was just started
            allotted = turn.allotted or 120
            clock.advance(max(5.0, allotted * rng.uniform(0.5, 1.2)))
            session.end_turn()
            clock.advance(3)
        session.end_round()
        if number == 1 and people >= 6:
            session.leave(cast[2].person_id)
    session.end_session()
    return session.summary()
