"""One fairness rule, everywhere: passing is a right and never lowers the circle's score.

Random circles (turns of any length including 0 s, passes, people leaving mid-turn or before
their turn) are summarized, and the index, each person's row and the sentence must tell the
same story: the index is Jain's over exactly the people whose row shows a difference (those
who spoke), the largest difference is the largest of those rows, and people who passed or did
not speak have no row difference and are named in the sentence as not counted.
"""

from __future__ import annotations

import contextlib
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
)
from circlekeeper.session.summary import SessionSummary, jain_index

PEOPLE = [Participant(f"p{i}", f"Person {i}") for i in range(6)]

actions = st.lists(
    st.one_of(
        st.tuples(st.just("speak"), st.sampled_from([0, 0, 1, 5, 30, 100, 240])),
        st.tuples(st.just("pass"), st.just(0)),
        st.tuples(st.just("leave-while-speaking"), st.integers(0, 60)),
        st.tuples(st.just("leave-before-turn"), st.integers(0, 5)),
    ),
    max_size=24,
)


def run_circle(script: list[tuple[str, int]], rounds: int, extra_passer: bool) -> SessionSummary:
    clock = FakeClock()
    session = CircleSession(clock)
    people = PEOPLE + ([Participant("passer", "Always Passes")] if extra_passer else [])
    session.start("Circle", people)
    steps = iter(script)
    for _ in range(rounds):
        session.start_round(RoundPlan(policy=TimePolicy.fair_share(900, 30)))
        while session.state.current_round.queue:
            up = session.state.current_round.queue[0]
            if up == "passer":
                session.pass_turn()
                continue
            what, seconds = next(steps, ("speak", 10))
            with contextlib.suppress(SessionCommandRefused):
                if what == "pass":
                    session.pass_turn()
                elif what == "leave-before-turn":
                    others = [p for p in session.state.current_round.queue if p != "passer"]
                    session.leave(others[-1])
                else:
                    session.start_turn()
                    clock.advance(seconds)
                    if what == "leave-while-speaking":
                        session.leave(up)
                    else:
                        session.end_turn()
        session.end_round()
    session.end_session()
    return session.summary()


@settings(max_examples=150, deadline=None)
@given(actions, st.integers(1, 3))
def test_index_table_and_sentence_agree(script, rounds) -> None:
    summary = run_circle(script, rounds, extra_passer=False)
    rows = [p for p in summary.people if p.deviation_seconds is not None]
    # The rows that show a difference are exactly the people measured: those who spoke.
    assert all(p.measured and p.spoken_total > 0 for p in rows)
    for person in summary.people:
        if not person.measured:
            assert person.spoken_total == 0
    # The equal share is what the measured rows share equally, and each row's difference is
    # measured against it.
    if rows:
        share = sum(p.spoken_total for p in rows) / len(rows)
        assert math.isclose(summary.equal_share, share, abs_tol=1e-9)
        for p in rows:
            assert math.isclose(p.deviation_seconds, p.spoken_total - share, abs_tol=1e-9)
    # The index is Jain's over exactly those rows; the largest difference is the largest row's.
    expected = jain_index(p.spoken_total for p in rows)
    if expected is None:
        assert summary.jain_index is None
    else:
        assert math.isclose(summary.jain_index, expected)
    largest = max((abs(p.deviation_seconds) for p in rows), default=0.0)
    assert math.isclose(summary.max_deviation_seconds, largest, abs_tol=1e-9)
    # The sentence says the same numbers and names who was left out and why.
    sentence = summary.fairness_sentence()
    if summary.jain_index is not None:
        assert f"Fairness index {summary.jain_index:.2f}" in sentence
        assert f"was {largest:.0f}\u00a0s" in sentence  # held to its unit
        left_out = len(summary.people) - len(rows)
        if left_out:
            assert f"{left_out} who passed or did not speak" in sentence
            assert "passing is a right" in sentence
        else:
            assert "passing is a right" not in sentence
    # A turn that recorded no time tells nothing about being heard: like a pass, not measured.
    for p in summary.people:
        if p.turns and not p.spoken_total:
            assert p.deviation_seconds is None


@settings(max_examples=100, deadline=None)
@given(actions, st.integers(1, 3))
def test_someone_who_passes_every_turn_never_changes_the_score(script, rounds) -> None:
    without = run_circle(script, rounds, extra_passer=False)
    with_passer = run_circle(script, rounds, extra_passer=True)
    passer = with_passer.person("passer")
    assert passer.passes == rounds and passer.deviation_seconds is None
    assert with_passer.jain_index == without.jain_index
    assert math.isclose(with_passer.equal_share, without.equal_share)
    assert math.isclose(with_passer.max_deviation_seconds, without.max_deviation_seconds)
