"""The log checker names the first entry that could not have happened, and why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session import events as ev
from circlekeeper.session.logcheck import LogInconsistent, check_log

WALL = datetime(2026, 1, 1, tzinfo=UTC)


def entries(*events: ev.Event) -> list[ev.Entry]:
    return [ev.Entry(i + 1, float(i), WALL, e) for i, e in enumerate(events)]


START = ev.SessionStarted("c", (), (Participant("a", "A"), Participant("b", "B")))
ROUND = ev.RoundStarted(RoundPlan(policy=TimePolicy.fixed(60)), ("a", "b"))


@pytest.mark.parametrize(
    ("log", "index", "field", "reason"),
    [
        (entries(ROUND), 0, "kind", "must begin with exactly one session-started"),
        (entries(START, START), 1, "kind", "already started"),
        (entries(START, ev.TurnStarted("a", 60)), 1, "", "no round is in progress"),
        (entries(START, ROUND, ev.TurnStarted("z", 60)), 2, "payload.person_id", "unknown person"),
        (entries(START, ROUND, ev.TurnStarted("a", None)), 2, "payload.allotted", "open round"),
        (
            entries(START, ROUND, ev.TurnStarted("a", 60), ev.TurnStarted("b", 60)),
            3,
            "",
            "still speaking",
        ),
        (entries(START, ROUND, ev.TurnEnded("a")), 2, "", "nobody is speaking"),
        (entries(START, ev.ActionUndone(5)), 1, "payload.target_seq", "does not come before"),
        (entries(START, ev.ActionUndone(1)), 1, "payload.target_seq", "cannot be undone"),
        (entries(START, ev.SessionEnded(), ROUND), 2, "kind", "after the session ended"),
        (
            entries(START, ev.ParticipantLeft("b"), ev.ParticipantLeft("b")),
            2,
            "payload.person_id",
            "not present",
        ),
        (entries(START, ev.RoundStarted(ROUND.plan, ("a", "a"))), 1, "payload.order", "twice"),
        (
            entries(START, ROUND, ev.QueueReordered(("b",))),
            2,
            "payload.order",
            "exactly the people still waiting",
        ),
    ],
)
def test_inconsistent_logs_are_named(log, index, field, reason) -> None:
    with pytest.raises(LogInconsistent) as problem:
        check_log(log)
    assert problem.value.index == index
    assert problem.value.field == field
    assert reason in problem.value.reason


def test_time_and_numbering_must_move_forwards() -> None:
    with pytest.raises(LogInconsistent, match="time runs backwards"):
        check_log([ev.Entry(1, 5.0, WALL, START), ev.Entry(2, 1.0, WALL, ROUND)])
    with pytest.raises(LogInconsistent, match="without gaps"):
        check_log([ev.Entry(1, 0.0, WALL, START), ev.Entry(1, 1.0, WALL, ROUND)])


def test_an_engine_log_with_undo_passes_and_folds_to_the_same_state() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("c", [Participant("a", "A"), Participant("b", "B")])
    session.start_round(RoundPlan(policy=TimePolicy.fair_share(300)))
    session.start_turn()
    clock.advance(20)
    session.end_turn(start_next=True)
    session.undo()
    assert check_log(session.log) == session.state
