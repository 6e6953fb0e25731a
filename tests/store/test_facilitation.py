"""The circle's seating, its speaking-order habit and who facilitated lately, as stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session.seating import RoundDirection, RoundStart, SeatingRule
from circlekeeper.store import Store
from circlekeeper.store.facilitation import SeatingRules, recent_facilitators, reseat
from circlekeeper.store.records import CircleRecord

START = datetime(2026, 11, 3, 18, 0, tzinfo=UTC)


def circle_with(store: Store, *names: str) -> tuple[int, list[int]]:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    ids = [store.people.add(name, "", (circle_id,)).person_id for name in names]
    return circle_id, ids


def test_the_room_s_seating_is_kept_and_others_keep_their_order_after_it(store: Store) -> None:
    circle_id, (ana, _bo, cy, _di) = circle_with(store, "Ana", "Bo", "Cy", "Dì")
    reseat(store.engine, circle_id, [cy, ana])
    assert [p.name for p in store.people.members(circle_id)] == ["Cy", "Ana", "Bo", "Dì"]
    store.people.add("Eli", "", (circle_id,))
    assert store.people.members(circle_id)[-1].name == "Eli", "a newcomer sits at the end"


def test_the_speaking_order_habit_is_kept_per_circle(store: Store) -> None:
    first, _ = circle_with(store, "Ana")
    other = store.circles.save(CircleRecord(None, "Thursday"))
    rules = SeatingRules(store.settings)
    habit = SeatingRule(RoundDirection.ALTERNATE, RoundStart.AFTER_LAST, facilitator_shares=False)
    rules.save(first, habit)
    assert SeatingRules(store.settings).get(first) == habit
    assert rules.get(other) == SeatingRule()


def test_recent_facilitators_come_most_recent_first_without_live_sessions(store: Store) -> None:
    circle_id, ids = circle_with(store, "Ana", "Bo")
    for day, (main, co) in enumerate([(("Ana",), ("Bo",)), (("Bo",), ()), (("Guest",), ())]):
        session_id = store.sessions.create(
            circle_id,
            facilitators=main,
            co_facilitators=co,
            plan=(),
            started_at=START + timedelta(days=7 * day),
            timezone="UTC",
            people=tuple(ids),
        )
        if day < 2:
            store.sessions.finish(session_id, status="abandoned")
    assert recent_facilitators(store.engine, circle_id) == (("Bo",), ("Ana", "Bo"))
