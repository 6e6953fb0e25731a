"""The speaking order follows the room: direction per round, who opens each round, and
whether the facilitator takes a turn."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.session.seating import (
    PreviousRound,
    RoundDirection,
    RoundStart,
    SeatingRule,
    moved,
    round_order,
    seat_everyone,
)

ROOM = ["Ana", "Bo", "Cy", "Di", "Eli"]


def test_clockwise_from_the_first_seat_by_default() -> None:
    assert round_order(ROOM, ROOM, 0) == ROOM


def test_counterclockwise_goes_the_other_way_from_the_same_opener() -> None:
    rule = SeatingRule(RoundDirection.COUNTERCLOCKWISE)
    assert round_order(ROOM, ROOM, 0, rule, first="Cy") == ["Cy", "Bo", "Ana", "Eli", "Di"]


def test_alternate_turns_back_every_other_round() -> None:
    rule = SeatingRule(RoundDirection.ALTERNATE)
    assert round_order(ROOM, ROOM, 0, rule) == ROOM
    assert round_order(ROOM, ROOM, 1, rule) == ["Ana", "Eli", "Di", "Cy", "Bo"]
    assert round_order(ROOM, ROOM, 2, rule) == ROOM


def test_next_along_moves_the_opener_one_seat_each_round() -> None:
    rule = SeatingRule(start=RoundStart.NEXT_ALONG)
    order = round_order(ROOM, ROOM, 1, rule, previous=PreviousRound(first="Ana", last="Eli"))
    assert order == ["Bo", "Cy", "Di", "Eli", "Ana"]


def test_after_last_opens_with_the_person_after_who_finished() -> None:
    rule = SeatingRule(start=RoundStart.AFTER_LAST)
    order = round_order(ROOM, ROOM, 1, rule, previous=PreviousRound(first="Ana", last="Cy"))
    assert order[0] == "Di"


def test_an_absent_opener_hands_over_to_the_next_person_along_in_the_room() -> None:
    present = ["Ana", "Bo", "Di", "Eli"]
    assert round_order(ROOM, present, 0, first="Cy") == ["Di", "Eli", "Ana", "Bo"]
    ccw = SeatingRule(RoundDirection.COUNTERCLOCKWISE)
    assert round_order(ROOM, present, 0, ccw, first="Cy")[0] == "Bo"


def test_late_arrivals_sit_at_the_end_in_the_order_they_came() -> None:
    assert seat_everyone(ROOM[:3], ["Cy", "Zoe", "Ana", "Yan"]) == ["Ana", "Cy", "Zoe", "Yan"]


def test_the_facilitator_can_hold_the_space_instead_of_sharing() -> None:
    rule = SeatingRule(facilitator_shares=False)
    assert round_order(ROOM, ROOM, 0, rule, facilitators=["Bo"]) == ["Ana", "Cy", "Di", "Eli"]
    assert "Bo" in round_order(ROOM, ROOM, 0, facilitators=["Bo"])


@pytest.mark.parametrize(("by", "expected"), [(-1, ["Bo", "Ana", "Cy"]), (5, ["Ana", "Cy", "Bo"])])
def test_moving_a_seat_stops_at_the_ends(by: int, expected: list[str]) -> None:
    assert moved(["Ana", "Bo", "Cy"], "Bo", by) == expected


@given(
    st.lists(st.text(min_size=1, max_size=3), min_size=1, max_size=8, unique=True),
    st.integers(0, 5),
    st.sampled_from(list(RoundDirection)),
    st.sampled_from(list(RoundStart)),
    st.data(),
)
def test_every_order_is_everyone_present_once_and_follows_the_circle(
    room: list[str], index: int, direction: RoundDirection, start: RoundStart, data: st.DataObject
) -> None:
    present = data.draw(st.lists(st.sampled_from(room), unique=True, min_size=1))
    last = data.draw(st.sampled_from(room))
    rule = SeatingRule(direction, start)
    order = round_order(room, present, index, rule, previous=PreviousRound(room[0], last))
    assert sorted(order) == sorted(present)
    seats = seat_everyone(room, present)
    step = 1 if direction.for_round(index).value == "clockwise" else -1
    at = seats.index(order[0])
    assert order == [seats[(at + step * i) % len(seats)] for i in range(len(seats))]
