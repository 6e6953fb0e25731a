"""Small pure calculations behind the history figures: attendance runs and monthly buckets.

No SQL here, so the arithmetic is tested on plain lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from circlekeeper.history.records import CircleSessionPoint, MonthFigure


@dataclass(frozen=True, slots=True)
class AttendanceRuns:
    longest_streak: int
    current_streak: int
    longest_gap: int
    current_gap: int


def attendance_runs(attended: Sequence[bool]) -> AttendanceRuns:
    """Streaks (sessions attended in a row) and gaps (missed in a row), oldest first.

    *Current* is the run that reaches the latest session: a person who came to the last three
    has a current streak of 3 and a current gap of 0.
    """
    longest_streak = longest_gap = run = 0
    previous: bool | None = None
    for flag in attended:
        run = run + 1 if flag == previous else 1
        previous = flag
        if flag:
            longest_streak = max(longest_streak, run)
        else:
            longest_gap = max(longest_gap, run)
    current_streak = run if previous is True else 0
    current_gap = run if previous is False else 0
    return AttendanceRuns(longest_streak, current_streak, longest_gap, current_gap)


def _mean(values: Iterable[float | None]) -> float | None:
    xs = [v for v in values if v is not None]
    return sum(xs) / len(xs) if xs else None


def months_of(points: Sequence[CircleSessionPoint]) -> list[MonthFigure]:
    """Group a circle's sessions by UTC calendar month (in time order)."""
    buckets: dict[date, list[CircleSessionPoint]] = {}
    for point in points:
        month = date(point.started_at.year, point.started_at.month, 1)
        buckets.setdefault(month, []).append(point)
    return [
        MonthFigure(
            month=month,
            sessions=len(items),
            average_present=_mean(p.present_count for p in items),
            average_fairness=_mean(p.fairness for p in items),
            mood_check_in=_mean(p.mood_check_in for p in items),
            mood_check_out=_mean(p.mood_check_out for p in items),
        )
        for month, items in sorted(buckets.items())
    ]
