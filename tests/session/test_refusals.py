"""Commands that make no sense are refused with one readable sentence and change nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
)
from circlekeeper.session.events import TurnStarted


def _fresh() -> tuple[CircleSession, FakeClock]:
    clock = FakeClock()
    return CircleSession(clock), clock


def _in_round() -> tuple[CircleSession, FakeClock]:
    session, clock = _fresh()
    session.start("c", [Participant(x, f"Person {x}") for x in "ABC"])
    session.start_round(RoundPlan(policy=TimePolicy.fixed(60)))
    return session, clock


def _speaking() -> tuple[CircleSession, FakeClock]:
    session, clock = _in_round()
    session.start_turn()
    clock.advance(10)
    return session, clock


def _between() -> tuple[CircleSession, FakeClock]:
    session, clock = _in_round()
    session.end_round()
    return session, clock


def _ended() -> tuple[CircleSession, FakeClock]:
    session, clock = _in_round()
    session.end_session()
    return session, clock


CASES: list[tuple[str, Callable, Callable[[CircleSession], object], str]] = [
    ("turn before start", _fresh, lambda s: s.start_turn(), "not started"),
    ("join before start", _fresh, lambda s: s.join(Participant("Z", "Z")), "not started"),
    (
        "twice the same person",
        _fresh,
        lambda s: s.start("c", [Participant("A", "A"), Participant("A", "A")]),
        "twice",
    ),
    (
        "nearing fraction out of range",
        _fresh,
        lambda s: s.start("c", [], nearing_fraction=1.5),
        "between",
    ),
    ("person without id", _fresh, lambda s: s.start("c", [Participant("", "A")]), "needs an id"),
    ("arrival without id", _in_round, lambda s: s.join(Participant("", "Zed")), "needs an id"),
    ("start twice", _in_round, lambda s: s.start("c", []), "already started"),
    ("round in round", _in_round, lambda s: s.start_round(RoundPlan()), "End the current round"),
    ("order with stranger", _between, lambda s: s.start_round(RoundPlan(), ["Q"]), "not in"),
    ("order twice", _between, lambda s: s.start_round(RoundPlan(), ["A", "A"]), "twice"),
    ("turn while one runs", _speaking, lambda s: s.start_turn(), "still speaking"),
    ("negative extension", _speaking, lambda s: s.extend(-5), "positive"),
    ("zero extension", _speaking, lambda s: s.extend(0), "positive"),
    ("NaN extension", _speaking, lambda s: s.extend(float("nan")), "positive"),
    ("infinite extension", _speaking, lambda s: s.extend(float("inf")), "real number"),
    ("pass a stranger", _in_round, lambda s: s.pass_turn("Q"), "not waiting"),
    ("pass someone done", _speaking, lambda s: s.pass_turn("Z"), "not waiting"),
    ("skip the speaker", _speaking, lambda s: s.skip("A"), "not waiting"),
    ("pause when idle", _in_round, lambda s: s.pause(), "Nobody is speaking"),
    ("resume running", _speaking, lambda s: s.resume_turn(), "already running"),
    ("end no turn", _in_round, lambda s: s.end_turn(), "Nobody is speaking"),
    ("join someone here", _in_round, lambda s: s.join(Participant("A", "A")), "already here"),
    ("leave a stranger", _in_round, lambda s: s.leave("Q"), "not in the circle"),
    ("reorder wrong people", _in_round, lambda s: s.reorder(["A", "Q", "C"]), "exactly"),
    ("start someone absent", _in_round, lambda s: s.start_turn("Q"), "not waiting"),
    ("correct less", _speaking, lambda s: s.correct_start(5), "already counts"),
    ("undo nothing", _fresh, lambda s: s.undo(), "nothing to undo"),
    ("end ended", _ended, lambda s: s.end_session(), "ended"),
    ("undo after end", _ended, lambda s: s.undo(), "nothing to undo"),
    ("round after end", _ended, lambda s: s.start_round(RoundPlan()), "ended"),
]


@pytest.mark.parametrize(
    ("setup", "command", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refused_command_changes_nothing(setup, command, fragment) -> None:
    session, _clock = setup()
    state_before = copy.deepcopy(session.state)
    log_before = session.log
    with pytest.raises(SessionCommandRefused) as refusal:
        command(session)
    message = str(refusal.value)
    assert fragment in message
    assert message[0].isupper() and message.rstrip().endswith((".", "!"))
    assert session.state == state_before
    assert session.log == log_before


def test_everyone_has_spoken_is_refused_in_words() -> None:
    session, clock = _in_round()
    for _ in range(3):
        session.start_turn()
        clock.advance(1)
        session.end_turn()
    with pytest.raises(SessionCommandRefused, match="Everyone has had their turn"):
        session.start_turn()


def test_a_failing_store_leaves_the_session_unchanged() -> None:
    """Persist first: if the sink cannot commit, the screen must not show the event."""

    class DiskFull(OSError):
        pass

    def sink(entry) -> None:
        raise DiskFull("disk full")

    clock = FakeClock()
    session = CircleSession(clock, sink=sink)
    with pytest.raises(DiskFull):
        session.start("c", [Participant("A", "A")])
    assert not session.state.started
    assert session.log == ()


def test_time_policies_refuse_nonsense_numbers() -> None:
    for bad in (float("nan"), float("inf"), -1.0, 0.0):
        with pytest.raises(ValueError):
            TimePolicy.fair_share(bad)
        with pytest.raises(ValueError):
            TimePolicy.fixed(bad)


def test_a_store_failing_half_way_through_a_move_on_keeps_memory_and_disk_in_step() -> None:
    """End-and-start-next makes two entries; if only the first is stored, only it happened."""
    stored = []

    def sink(entry) -> None:
        if isinstance(entry.event, TurnStarted) and entry.event.auto:
            raise OSError("disk full")
        stored.append(entry)

    clock = FakeClock()
    session = CircleSession(clock, sink=sink)
    session.start("c", [Participant("A", "A"), Participant("B", "B")])
    session.start_round(RoundPlan(policy=TimePolicy.fixed(60)))
    session.start_turn()
    clock.advance(30)
    with pytest.raises(OSError):
        session.end_turn(start_next=True)
    assert session.log == tuple(stored)
    assert session.turn_view() is None
    assert session.state.current_round.queue == ["B"]
