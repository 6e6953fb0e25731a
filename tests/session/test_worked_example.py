"""The worked example from the engine's specification: the summary must agree with it."""

from __future__ import annotations

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind


def _people() -> list[Participant]:
    return [Participant(person_id=x, name=x, pronouns="") for x in "ABCD"]


def test_fair_share_worked_example() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday circle", _people(), ["Sam"])
    session.start_round(RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(720, minimum=30)))

    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(180)
    clock.advance(150)
    session.end_turn()

    session.pass_turn()
    session.start_turn()
    assert session.turn_view().person_id == "C"
    assert session.turn_view().allotted == pytest.approx(285)
    clock.advance(300)
    assert session.turn_view().over == pytest.approx(15)
    session.end_turn()

    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(270)
    clock.advance(270)
    session.end_turn()
    session.end_round()
    session.end_session()

    summary = session.summary()
    assert [summary.person(x).spoken_total for x in "ABCD"] == pytest.approx([150, 0, 300, 270])
    assert summary.person("B").passes == 1
    assert summary.person("C").over_seconds == pytest.approx(15)
    assert summary.jain_index == pytest.approx(720**2 / (3 * (150**2 + 300**2 + 270**2)))
    assert round(summary.jain_index, 3) == 0.932


def test_nonsense_command_is_refused_and_changes_nothing() -> None:
    from circlekeeper.session import SessionCommandRefused

    clock = FakeClock()
    session = CircleSession(clock)
    session.start("c", _people())
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)))
    session.start_turn()
    before = session.state
    with pytest.raises(SessionCommandRefused):
        session.start_turn()
    with pytest.raises(SessionCommandRefused):
        session.extend(-5)
    assert session.state == before
