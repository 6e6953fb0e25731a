"""Attendance streaks and gaps, and monthly buckets, on plain lists."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from circlekeeper.history.records import CircleSessionPoint
from circlekeeper.store.history.stats import attendance_runs, months_of


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("", (0, 0, 0, 0)),
        ("x", (1, 1, 0, 0)),
        ("-", (0, 0, 1, 1)),
        ("xx-xxx--", (3, 0, 2, 2)),
        ("---xx-x", (2, 1, 3, 0)),
        ("xxxx", (4, 4, 0, 0)),
    ],
)
def test_streaks_and_gaps(flags: str, expected: tuple[int, int, int, int]) -> None:
    runs = attendance_runs([c == "x" for c in flags])
    assert (runs.longest_streak, runs.current_streak, runs.longest_gap, runs.current_gap) == (
        expected
    )


def test_months_average_what_was_recorded_and_skip_missing_moods() -> None:
    def point(day: int, month: int, present: int, fairness: float | None, mood: float | None):
        return CircleSessionPoint(
            day, datetime(2026, month, day, 18, tzinfo=UTC), present, fairness, 3600.0, mood
        )

    months = months_of(
        [point(3, 1, 6, 0.9, None), point(10, 1, 8, 0.7, 4.0), point(2, 2, 5, None, None)]
    )
    assert [m.month for m in months] == [date(2026, 1, 1), date(2026, 2, 1)]
    assert months[0].sessions == 2
    assert months[0].average_present == 7
    assert months[0].average_fairness == pytest.approx(0.8)
    assert months[0].mood_check_in == 4.0
    assert months[1].average_fairness is None
