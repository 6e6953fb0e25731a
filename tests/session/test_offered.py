"""Each person is compared with what they were offered, never with a running average."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind
from circlekeeper.session.offered import offered_seconds
from tests.session.conftest import people


def started(clock: FakeClock) -> CircleSession:
    session = CircleSession(clock)
    session.start("Tuesday", people(), ["Sam"])
    return session


def test_six_seconds_into_a_fixed_turn_the_speaker_was_offered_the_whole_turn() -> None:
    clock = FakeClock()
    session = started(clock)
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)))
    session.start_turn()
    clock.advance(6)
    offered = offered_seconds(session.log, now=session.elapsed())
    assert offered == {"A": 90.0, "B": 0.0, "C": 0.0, "D": 0.0}


def test_an_extension_is_part_of_the_offer_and_a_pass_offers_nothing() -> None:
    clock = FakeClock()
    session = started(clock)
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)))
    session.start_turn()
    clock.advance(50)
    session.extend(30)
    clock.advance(40)
    session.end_turn()
    session.pass_turn("B")
    offered = offered_seconds(session.log)
    assert offered["A"] == 90.0
    assert offered["B"] == 0.0


def test_an_open_round_offers_its_equal_share_once_it_has_ended() -> None:
    clock = FakeClock()
    session = started(clock)
    session.start_round(RoundPlan(RoundKind.SHARING, TimePolicy.open()))
    for seconds in (120, 60, 30):
        session.start_turn()
        clock.advance(seconds)
        session.end_turn()
    running = offered_seconds(session.log)
    assert running == {"A": 120.0, "B": 60.0, "C": 30.0, "D": 0.0}  # no share known yet
    session.pass_turn("D")
    session.end_round()
    assert offered_seconds(session.log) == {"A": 70.0, "B": 70.0, "C": 70.0, "D": 0.0}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 200), min_size=1, max_size=4))
def test_nobody_is_over_their_offer_while_a_fixed_turn_is_within_it(spoken: list[int]) -> None:
    clock = FakeClock()
    session = started(clock)
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(200)))
    for seconds in spoken:
        session.start_turn()
        clock.advance(seconds)
        session.end_turn()
    offered = offered_seconds(session.log)
    summary = session.summary()
    for person in summary.people:
        assert person.spoken_total <= offered[person.person_id]
