"""The read side of the live controller answers without Qt: a plain class can mix it in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
from circlekeeper.session.live.reading import LiveReading
from circlekeeper.session.model import RoundKind
from circlekeeper.session.seating import RoundDirection, RoundStart, SeatingRule
from tests.session.conftest import people

PLAN = [
    RoundPlan(kind=RoundKind.CHECK_IN, policy=TimePolicy.fixed(60)),
    RoundPlan(kind=RoundKind.SHARING, policy=TimePolicy.fixed(120)),
]
START = datetime(2026, 3, 3, 18, tzinfo=UTC)


class Reading(LiveReading):
    def __init__(self, clock: FakeClock, rule: SeatingRule) -> None:
        self._wall = lambda: START + timedelta(seconds=clock.now())
        self._session = CircleSession(clock, wall=self._wall)
        self._session.start("Tuesday", people("ABCD"))
        self._plan = list(PLAN)
        self._seating = ["A", "B", "C", "D"]
        self.seating_rule = rule
        self.first_speaker = "A"
        self.facilitator_ids = ()
        self.deal = None


def test_the_next_round_goes_round_the_room_from_the_opener_the_habit_names() -> None:
    clock = FakeClock()
    reading = Reading(clock, SeatingRule(RoundDirection.ALTERNATE, RoundStart.AFTER_LAST))
    assert reading.order_for_next_round() == ["A", "B", "C", "D"]
    reading.session.start_round(PLAN[0], reading.order_for_next_round())
    for _ in range(4):
        reading.session.start_turn()
        clock.advance(30)
        reading.session.end_turn()
    reading.session.end_round()
    # The check-in ended with D: sharing opens with the seat after D and goes the other way.
    assert reading.order_for_next_round() == ["A", "D", "C", "B"]
    assert reading.progress().plan == PLAN[1]
    assert reading.next_step().name == "START_ROUND"


def test_the_planned_end_is_read_on_the_session_s_own_anchor() -> None:
    clock = FakeClock()
    reading = Reading(clock, SeatingRule())
    began = reading.wall_at(0.0)
    clock.advance(90)
    outlook = reading.forecast()
    assert reading.wall_at(outlook.planned_end) - began == timedelta(seconds=outlook.planned_end)
    assert outlook.planned_end == pytest.approx(4 * 60 + 4 * 120)  # four people, two rounds
