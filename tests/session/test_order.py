"""The four ways of choosing who speaks first and in what order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.session.model import Direction
from circlekeeper.session.order import (
    least_heard_order,
    rotation_order,
    seating_order,
    shuffled_order,
)

SEATS = ["A", "B", "C", "D", "E"]


def test_seating_order_from_a_chosen_first_speaker_clockwise() -> None:
    assert seating_order(SEATS, "C") == ["C", "D", "E", "A", "B"]


def test_seating_order_from_a_chosen_first_speaker_counterclockwise() -> None:
    assert seating_order(SEATS, "C", Direction.COUNTERCLOCKWISE) == ["C", "B", "A", "E", "D"]


def test_seating_order_defaults_to_the_first_seat_and_copes_with_nobody() -> None:
    assert seating_order(SEATS) == SEATS
    assert seating_order([]) == []


def test_seating_order_names_an_unknown_first_speaker() -> None:
    with pytest.raises(ValueError, match="'Q' is not in the seating"):
        seating_order(SEATS, "Q")


def test_shuffle_is_reproduced_by_its_seed() -> None:
    first = shuffled_order(SEATS, seed=42)
    assert shuffled_order(SEATS, seed=42) == first
    assert sorted(first) == SEATS
    assert len({tuple(shuffled_order(SEATS, seed=s)) for s in range(30)}) > 5


def test_rotation_moves_the_first_speaker_on_by_one_seat() -> None:
    assert rotation_order(SEATS, "B") == ["C", "D", "E", "A", "B"]
    assert rotation_order(SEATS, "E") == SEATS  # wraps round to the first seat
    assert rotation_order(SEATS, "B", Direction.COUNTERCLOCKWISE) == ["A", "E", "D", "C", "B"]
    assert rotation_order(SEATS, None) == SEATS


def test_rotation_when_last_first_speaker_is_absent_uses_last_seating() -> None:
    today = ["A", "C", "D", "E"]
    assert rotation_order(today, "B", previous_seating=SEATS) == ["C", "D", "E", "A"]
    assert rotation_order(today, "B") == today  # nothing to go on: the first seat


def test_least_heard_first_orders_by_the_balance_passed_in() -> None:
    balance = {"A": 0.10, "B": -0.20, "C": 0.0, "D": -0.05}
    # E is a newcomer (balance 0) and ties with C: seating order breaks the tie.
    assert least_heard_order(SEATS, balance) == ["B", "D", "C", "E", "A"]


@given(st.lists(st.text(min_size=1, max_size=5), unique=True, max_size=12), st.data())
def test_every_strategy_returns_each_person_exactly_once(seats, data) -> None:
    first = data.draw(st.sampled_from(seats)) if seats else None
    direction = data.draw(st.sampled_from(list(Direction)))
    balance = {p: data.draw(st.floats(-1, 1)) for p in seats}
    for order in (
        seating_order(seats, first, direction),
        shuffled_order(seats, data.draw(st.integers())),
        rotation_order(seats, first, direction),
        least_heard_order(seats, balance),
    ):
        assert sorted(order) == sorted(seats)
