"""Anonymous mood counts: validated, replaced per moment, and read back as a trend."""

from __future__ import annotations

import pytest

from circlekeeper.prompts import MoodMoment, MoodService
from circlekeeper.prompts.mood import MoodCountsInvalid
from tests.prompts.conftest import week


def test_counts_are_saved_with_all_five_values_and_replace_earlier_ones(moods) -> None:
    service = MoodService(moods)
    service.record(1, "check-in", {3: 2, 4: 1})
    saved = service.record(1, MoodMoment.CHECK_IN, {2: 1, 5: 3}, present=4)
    assert saved.counts == {1: 0, 2: 1, 3: 0, 4: 0, 5: 3}
    assert service.for_session(1) == {MoodMoment.CHECK_IN: saved}
    assert saved.average == pytest.approx(17 / 4)


def test_all_zeros_saves_nothing(moods) -> None:
    service = MoodService(moods)
    assert service.record(1, "check-out", {v: 0 for v in range(1, 6)}) is None
    assert service.for_session(1) == {}


@pytest.mark.parametrize(
    ("counts", "present", "words"),
    [
        ({6: 1}, None, "1 to 5"),
        ({3: -1}, None, "0 or more"),
        ({3: 1.5}, None, "whole number"),
        ({3: 3, 4: 2}, 4, "add up to 5, but 4 people are present"),
        ({3: 2}, 1, "1 person is present"),
    ],
)
def test_impossible_counts_are_refused_with_a_sentence(moods, counts, present, words) -> None:
    with pytest.raises(MoodCountsInvalid, match=words):
        MoodService(moods).record(1, "check-in", counts, present=present)
    assert moods.for_session(1) == []


def test_unknown_moment_is_refused(moods) -> None:
    with pytest.raises(ValueError):
        MoodService(moods).record(1, "lunch", {3: 1})


def test_trend_pairs_check_in_and_check_out_per_session_oldest_first(moods) -> None:
    service = MoodService(moods)
    for session, n in ((10, 2), (11, 0), (12, 1)):
        moods.add_session(session, 5, week(n))
    moods.add_session(99, 6, week(3))  # another circle
    service.record(10, "check-in", {2: 2})
    service.record(10, "check-out", {4: 2})
    service.record(11, "check-in", {3: 1})
    service.record(99, "check-in", {1: 1})
    trend = service.trend(5)
    assert [p.when for p in trend] == [week(0), week(2)]
    assert trend[0].check_out is None and trend[0].shift is None
    assert trend[1].shift == pytest.approx(2.0)
