"""Speaking times as shown add up to the total shown above them.

Rounded one by one, the walk's eight speaking times (75.26 s, 16.23 s, …) read 1:15, 0:16, …
and summed to 3:04 under "3 min and 3 sec of speaking".
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind
from circlekeeper.session.summary import summarize, whole_seconds
from tests.session.equal_turns import equal_turns

WALKED = [75.26, 16.23, 19.55, 23.8, 35.79, 2.78, 4.93, 4.95]
"""The speaking times of the English walk's circle (seconds), total 183.29."""


def test_the_walked_circle_s_times_add_up_to_its_total() -> None:
    assert sum(round(value) for value in WALKED) == 184  # what the screen showed
    shown = whole_seconds(WALKED)
    assert sum(shown) == round(sum(WALKED)) == 183
    assert all(abs(whole - value) < 1 for whole, value in zip(shown, WALKED, strict=True))


@given(st.lists(st.floats(min_value=0, max_value=10_000, allow_nan=False), max_size=40))
def test_each_within_a_second_and_the_sum_is_the_rounded_total(values: list[float]) -> None:
    shown = whole_seconds(values)
    assert sum(shown) == round(sum(values))
    assert all(abs(whole - value) < 1 for whole, value in zip(shown, values, strict=True))


def test_a_summary_shows_seconds_that_add_up(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)), ["A", "B", "C"])
    for _person in "ABC":
        session.start_turn()
        clock.advance(10.6)
        session.end_turn(start_next=False)
    summary = summarize(session.log)
    shown = summary.shown_seconds()
    assert sum(round(p.spoken_total) for p in summary.people) == 33  # 0:11 three times
    assert sum(shown.values()) == round(summary.total_spoken) == 32
    assert sorted(shown.values()) == [0, 10, 11, 11]  # D was not in the round


def test_shares_add_up_to_a_hundred_percent() -> None:
    """Three equal speakers printed "33 %" three times: 99 % of the circle's time."""
    summary = equal_turns([Participant(p, p) for p in "ABC"], seconds=10)
    shares = summary.shown_shares()
    assert sum(round(p.spoken_total / summary.total_spoken * 100) for p in summary.people) == 99
    assert round(sum(shares.values()) * 100) == 100
    assert sorted(round(share * 100) for share in shares.values()) == [33, 33, 34]


def test_nobody_spoke_no_shares(session: CircleSession) -> None:
    assert summarize(session.log).shown_shares() == {}
