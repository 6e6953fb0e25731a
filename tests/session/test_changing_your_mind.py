"""Passers get their chance, late arrivals join where the facilitator chooses, and the plan of
the rounds left can change: each through the engine, the fold, undo and the log checker."""

from __future__ import annotations

import pytest

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
    fold,
)
from circlekeeper.session import events as ev
from circlekeeper.session.logcheck import check_log
from circlekeeper.session.model import RoundKind


def fair(budget: float = 600, minimum: float = 60) -> RoundPlan:
    return RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(budget, minimum))


def round_with_two_passes(session: CircleSession, clock: FakeClock) -> None:
    """A and C pass, B and D speak 100 s each; the queue is then empty."""
    session.start_round(fair(600, 60))
    session.pass_turn("A")
    session.start_turn()
    clock.advance(100)
    session.end_turn()
    session.pass_turn("C")
    session.start_turn()
    clock.advance(100)
    session.end_turn()


def test_someone_who_passed_speaks_after_all_with_what_is_left_of_the_budget(
    session: CircleSession, clock: FakeClock
) -> None:
    round_with_two_passes(session, clock)
    round_ = session.state.current_round
    assert round_ is not None and round_.passers_waiting == ["A", "C"]

    session.hear_passer("C")

    view = session.turn_view()
    assert view is not None and view.person_id == "C"
    assert view.allotted == pytest.approx(400)  # 600 − 200 spoken, and C is the only one left
    assert session.state.current_round.passers_waiting == ["A"]
    clock.advance(90)
    session.end_turn()
    summary = session.summary()
    c = summary.person("C")
    assert (c.passes, c.turns, c.spoke_after_passing) == (1, 1, 1)
    assert c.spoken_by_round == (pytest.approx(90),)
    assert fold(session.log) == session.state


def test_a_passer_never_gets_less_than_the_floor(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fair(300, 60))
    session.pass_turn("A")
    for _ in "BCD":
        session.start_turn()
        clock.advance(100)
        session.end_turn()
    session.hear_passer("A")
    assert session.turn_view().allotted == 60


def test_one_undo_takes_back_the_invitation_and_the_turn(
    session: CircleSession, clock: FakeClock
) -> None:
    round_with_two_passes(session, clock)
    session.hear_passer("A")
    assert session.undo() == "A's turn after passing"
    round_ = session.state.current_round
    assert round_.current is None and round_.queue == [] and round_.passers_waiting == ["A", "C"]
    assert fold(session.log) == session.state


@pytest.mark.parametrize(
    ("setup", "who", "words"),
    [
        ("queue", "A", "Everyone waiting speaks first"),
        ("speaking", "A", "still speaking"),
        ("empty", "B", "has not passed"),
    ],
)
def test_passers_are_invited_only_when_it_makes_sense(
    session: CircleSession, clock: FakeClock, setup: str, who: str, words: str
) -> None:
    session.start_round(fair())
    session.pass_turn("A")
    if setup in ("speaking", "empty"):
        for _ in "BCD":
            session.start_turn()
            clock.advance(10)
            if setup == "empty" or session.state.current_round.queue:
                session.end_turn()
    with pytest.raises(SessionCommandRefused, match=words):
        session.hear_passer(who)


def test_someone_who_passed_and_left_is_not_invited(
    session: CircleSession, clock: FakeClock
) -> None:
    round_with_two_passes(session, clock)
    session.leave("A")
    with pytest.raises(SessionCommandRefused, match="not in the circle"):
        session.hear_passer("A")


def test_the_log_checker_refuses_an_invitation_while_people_still_wait(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair())
    session.pass_turn("A")
    log = list(session.log)
    bogus = ev.Entry(log[-1].seq + 1, log[-1].elapsed, log[-1].wall, ev.PassReconsidered("A"))
    with pytest.raises(ValueError, match="only once nobody else is waiting"):
        check_log([*log, bogus])


def test_a_late_arrival_can_join_from_the_next_round(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair())
    session.join(Participant("E", "Elif", "she/her"), ev.JoinPlace.NEXT_ROUND)
    round_ = session.state.current_round
    assert "E" not in round_.queue and "E" in session.state.present
    assert session.state.next_round_arrivals == ["E"]
    while session.state.current_round.queue:
        session.start_turn()
        clock.advance(30)
        session.end_turn()
    session.end_round()
    session.start_round(fair())
    assert session.state.current_round.queue == ["A", "B", "C", "D", "E"]
    assert session.state.next_round_arrivals == []
    assert check_log(session.log) == session.state


def test_the_rounds_left_can_be_replanned_and_undo_restores_the_plan(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair())
    shorter = (fair(300, 45), RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(45)))
    session.replan(1, shorter)
    assert session.state.replanned == {1: shorter[0], 2: shorter[1]}
    with pytest.raises(SessionCommandRefused, match="not started yet"):
        session.replan(0, shorter)
    assert session.undo() == "new plan for the rounds left"
    assert session.state.replanned == {}
    assert check_log(session.log) == session.state
