"""Invariants of the engine under random sequences of facilitator commands (hypothesis).

Each example drives a real :class:`CircleSession` on a fake clock through a random script;
refused commands are part of the script too (they must change nothing).
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    PolicyMode,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
    fold,
)
from circlekeeper.session import events as ev
from circlekeeper.session.logcheck import check_log
from tests.session.scripted import POOL, Run, policies, steps

EPS = 1e-6


def spoken_now(session: CircleSession) -> float:
    return session.summary().total_spoken


def left_of_budget(session: CircleSession) -> float:
    round_ = session.state.current_round
    return max(0.0, round_.plan.policy.seconds - round_.spoken_in_round(session.elapsed()))


def check_invariants(run: Run) -> None:
    session = run.session
    state = session.state
    # fold(log) equals the state built step by step, and the log checker accepts the log.
    assert fold(session.log) == state
    assert check_log(session.log) == state
    # No negative times anywhere a person could see them.
    view = session.turn_view()
    if view is not None:
        assert view.spoken >= 0 and view.over >= 0
        assert view.remaining is None or view.remaining >= 0
    summary = session.summary()
    for person in summary.people:
        assert person.spoken_total >= 0 and person.over_seconds >= 0
        assert all(x >= 0 for x in person.spoken_by_round)
    for record in state.turns:
        assert record.spoken >= 0 and record.ended_at >= record.started_at - EPS
        assert record.spoken <= record.ended_at - record.started_at + EPS
    # Turns that counted speaking time never overlap: nobody is heard twice at once.
    spans = sorted((t.started_at, t.ended_at) for t in state.turns if t.spoken > 0)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end - EPS
    # Spoken time never exceeds the time the session has been running.
    assert summary.total_spoken <= session.elapsed() - state.started_at + EPS
    # Fair share: each still to speak, at the share the next would get, fits in what is left.
    round_ = state.current_round
    if round_ is not None and round_.plan.policy.mode is PolicyMode.FAIR_SHARE and round_.queue:
        share = session.next_allotment()
        left = left_of_budget(session)
        assert share == max(round_.plan.policy.minimum, left / len(round_.queue))
        if round_.plan.policy.minimum == 0:
            assert share * len(round_.queue) <= left + EPS


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies, steps)
def test_engine_invariants_hold_under_any_script(first_round, script) -> None:
    run = Run(first_round)
    for action, index, flag, seconds, policy in script:
        before_state = copy.deepcopy(run.session.state)
        before_log = run.session.log
        try:
            run.do(action, index, flag, seconds, policy)
        except SessionCommandRefused as refusal:
            assert str(refusal)
            assert run.session.state == before_state
            assert run.session.log == before_log
        check_invariants(run)
        run.clock.advance(seconds)
        check_invariants(run)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies, steps, st.integers(0, 9), st.booleans())
def test_a_pass_never_shortens_anyone_elses_allotment(
    first_round, script, index, start_next
) -> None:
    run = Run(first_round)
    for action, i, flag, seconds, policy in script:
        with contextlib.suppress(SessionCommandRefused):
            run.do(action, i, flag, seconds, policy)
        run.clock.advance(seconds)
    session = run.session
    round_ = session.state.current_round
    if round_ is None or session.state.ended:
        return
    waiting = list(round_.queue)
    speaking = session.state.current_turn
    speaking_since = speaking.started_at if speaking else None
    if not waiting:  # nobody to allot anything to: the engine says so rather than invent one
        with pytest.raises(SessionCommandRefused, match="Nobody is waiting"):
            session.next_allotment()
        return
    before = session.next_allotment()
    target = waiting[index % len(waiting)] if waiting and index % 2 else None
    try:
        session.pass_turn(target, start_next=start_next)
    except SessionCommandRefused:
        return
    new_turn = session.state.current_turn
    round_ = session.state.current_round
    if new_turn is not None and new_turn.started_at != speaking_since:
        after = new_turn.allotted  # the pass moved on and started the next turn
    elif round_.queue:
        after = session.next_allotment()
    else:
        return
    if before is None:
        assert after is None
    else:
        assert after >= before - EPS


@settings(max_examples=100, deadline=None)
@given(
    st.integers(60, 7200),
    st.lists(st.tuples(st.sampled_from(["speak", "pass"]), st.integers(0, 900)), max_size=7),
)
def test_fair_share_turns_never_get_more_than_is_left(budget, turns) -> None:
    """With the smallest minimum (1 s), each allotment times those still to speak fits in the
    budget left, unless what is left is less than a second each."""
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("c", POOL)
    session.start_round(RoundPlan(policy=TimePolicy.fair_share(budget, 1)))
    for what, seconds in turns:
        left = left_of_budget(session)
        waiting = len(session.state.current_round.queue)
        if what == "pass":
            session.pass_turn()
            continue
        session.start_turn()
        allotted = session.turn_view().allotted
        assert math.isclose(allotted, max(1.0, left / waiting))
        if left / waiting >= 1.0:
            assert allotted * waiting <= left + EPS
        clock.advance(seconds)
        session.end_turn()


def test_log_entries_are_numbered_and_timed_in_order() -> None:
    run = Run()
    for action in ("start_round", "start_turn", "end_turn", "pass_turn", "end_session"):
        run.do(action, 0, True, 10, TimePolicy.fixed(30))
        run.clock.advance(7)
    log = run.session.log
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert all(a.elapsed <= b.elapsed for a, b in itertools.pairwise(log))
    assert isinstance(log[0].event, ev.SessionStarted)
