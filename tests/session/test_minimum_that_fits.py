"""The minimum turn *Start a circle* offers so that everyone's floor fits a round's length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.session.allotment import budget_overrun, minimum_that_fits
from circlekeeper.session.model import TimePolicy


@pytest.mark.parametrize(
    ("length", "people", "fits"),
    [(600, 12, 50), (2700, 13, 205), (120, 7, 17), (600, 700, None)],
)
def test_a_minimum_a_facilitator_can_say_aloud(length: int, people: int, fits: int | None) -> None:
    assert minimum_that_fits(TimePolicy.fair_share(length, minimum=60), people) == fits


def test_fixed_and_open_rounds_have_no_minimum_to_lower() -> None:
    assert minimum_that_fits(TimePolicy.fixed(60), 12) is None
    assert minimum_that_fits(TimePolicy.open(), 12) is None


@given(st.integers(min_value=1, max_value=36000), st.integers(min_value=1, max_value=500))
def test_the_offered_minimum_always_fits(length: int, people: int) -> None:
    fits = minimum_that_fits(TimePolicy.fair_share(length, minimum=3600), people)
    if fits is not None:
        assert budget_overrun(TimePolicy.fair_share(length, minimum=fits), people) == 0
