"""A circle's planned cadence: how many meetings it plans for a span of days (worked out by
hand on a calendar), checked against counting day by day, and said in words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.session.cadence import (
    LAST,
    Cadence,
    CadenceKind,
    InvalidCadence,
    monthly_day,
    week_of_month,
)
from circlekeeper.session.planned_sessions import planned_sessions

WEEKLY = Cadence(CadenceKind.WEEKLY)
FORTNIGHTLY = Cadence(CadenceKind.FORTNIGHTLY)
MONTHLY = Cadence(CadenceKind.MONTHLY)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
TUESDAY_3_MARCH = date(2026, 3, 3)


def test_a_weekly_circle_meets_on_every_tuesday_of_march() -> None:
    # March 2026 has five Tuesdays: the 3rd, 10th, 17th, 24th and 31st.
    assert WEEKLY.meetings(*MARCH, anchor=TUESDAY_3_MARCH) == 5
    assert WEEKLY.meetings(*MARCH, anchor=date(2025, 11, 4)) == 5  # a Tuesday long before
    # Four weeks from 1 March: the 31st is left out.
    assert WEEKLY.meetings(date(2026, 3, 1), date(2026, 3, 28), anchor=TUESDAY_3_MARCH) == 4
    # A Thursday circle: the 5th, 12th, 19th and 26th.
    assert WEEKLY.meetings(*MARCH, anchor=date(2026, 1, 1)) == 4


def test_a_fortnightly_circle_keeps_its_own_weeks() -> None:
    assert FORTNIGHTLY.meetings(*MARCH, anchor=TUESDAY_3_MARCH) == 3  # 3rd, 17th, 31st
    assert FORTNIGHTLY.meetings(*MARCH, anchor=date(2026, 2, 24)) == 2  # 10th, 24th


def test_monthly_means_the_same_weekday_of_the_month() -> None:
    second_tuesday = date(2026, 1, 13)
    assert MONTHLY.meetings(*MARCH, anchor=second_tuesday) == 1  # 10 March
    assert MONTHLY.meetings(date(2026, 3, 11), date(2026, 4, 13), anchor=second_tuesday) == 0
    # 14 January to 30 June: 10 Feb, 10 Mar, 14 Apr, 12 May, 9 Jun.
    assert MONTHLY.meetings(date(2026, 1, 14), date(2026, 6, 30), anchor=second_tuesday) == 5
    assert monthly_day(2026, 4, 1, 2) == date(2026, 4, 14)


def test_a_first_meeting_in_the_fifth_week_means_the_last_weekday() -> None:
    last_tuesday = date(2026, 3, 31)
    assert week_of_month(last_tuesday) == LAST
    assert monthly_day(2026, 4, 1, LAST) == date(2026, 4, 28)
    # February's last Tuesday (the 24th) comes before the first meeting: 31 Mar, 28 Apr, 26 May.
    assert MONTHLY.meetings(date(2026, 2, 1), date(2026, 5, 31), anchor=last_tuesday) == 3


def test_nothing_is_planned_before_the_first_meeting_or_without_a_schedule() -> None:
    assert WEEKLY.meetings(*MARCH, anchor=date(2026, 4, 7)) == 0
    assert WEEKLY.meetings(*MARCH, anchor=date(2026, 3, 18)) == 2  # 18th and 25th only
    assert Cadence().meetings(*MARCH, anchor=TUESDAY_3_MARCH) == 0
    assert Cadence().anchor(TUESDAY_3_MARCH) is None
    assert Cadence(CadenceKind.WEEKLY, date(2026, 3, 10)).anchor(TUESDAY_3_MARCH) == date(
        2026, 3, 10
    )


def test_an_unknown_stored_kind_is_refused_by_name() -> None:
    with pytest.raises(InvalidCadence, match="quarterly"):
        Cadence.parse("quarterly")
    assert Cadence.parse("monthly", date(2026, 1, 13)) == Cadence(
        CadenceKind.MONTHLY, date(2026, 1, 13)
    )


def _meets_on(cadence: Cadence, day: date, anchor: date) -> bool:
    """One day at a time, from the definition (the slow way the arithmetic must agree with)."""
    if day < anchor:
        return False
    if cadence.kind is CadenceKind.WEEKLY:
        return (day - anchor).days % 7 == 0
    if cadence.kind is CadenceKind.FORTNIGHTLY:
        return (day - anchor).days % 14 == 0
    if day.weekday() != anchor.weekday():
        return False
    if week_of_month(anchor) == LAST:
        return (day + timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 == (anchor.day - 1) // 7


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(
    kind=st.sampled_from([CadenceKind.WEEKLY, CadenceKind.FORTNIGHTLY, CadenceKind.MONTHLY]),
    anchor=days,
    first=days,
    length=st.integers(min_value=0, max_value=400),
)
def test_the_arithmetic_agrees_with_counting_day_by_day(
    kind: CadenceKind, anchor: date, first: date, length: int
) -> None:
    cadence = Cadence(kind)
    last = first + timedelta(days=length)
    by_hand = sum(_meets_on(cadence, first + timedelta(days=n), anchor) for n in range(length + 1))
    assert cadence.meetings(first, last, anchor=anchor) == by_hand


def _weekday(day: date) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        day.weekday()
    ]


def test_the_schedule_in_words() -> None:
    assert WEEKLY.describe(TUESDAY_3_MARCH, _weekday) == "Every week on Tuesday"
    assert FORTNIGHTLY.describe(TUESDAY_3_MARCH, _weekday) == "Every two weeks on Tuesday"
    assert MONTHLY.describe(date(2026, 1, 13), _weekday) == ("On the second Tuesday of each month")
    assert MONTHLY.describe(date(2026, 3, 31), _weekday) == "On the last Tuesday of each month"
    assert MONTHLY.describe(None, _weekday) == "Once a month"
    assert Cadence().describe(TUESDAY_3_MARCH, _weekday) == "No fixed schedule"
    dated = Cadence(CadenceKind.WEEKLY, TUESDAY_3_MARCH)
    assert dated.describe(TUESDAY_3_MARCH, _weekday, start=date.isoformat) == (
        "Every week on Tuesday, from 2026-03-03"
    )


# ----------------------------------------------------------------- held against the plan


def test_a_weekly_circle_that_missed_a_week() -> None:
    plan = planned_sessions(
        WEEKLY,
        date(2026, 3, 1),
        date(2026, 3, 28),
        held_on=[date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 24)],
        first_session=date(2025, 11, 4),
    )
    assert (plan.held, plan.planned) == (3, 4)
    assert plan.anchor == date(2025, 11, 4)
    assert plan.counted_from is None and plan.counted_until is None


def test_a_circle_that_started_mid_period_is_counted_from_its_start() -> None:
    plan = planned_sessions(
        Cadence(CadenceKind.WEEKLY, date(2026, 3, 17)),
        *MARCH,
        held_on=[date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 24)],
    )
    # Planned: 17, 24, 31 March. Held on those days: the 24th (the 3rd and 10th came first).
    assert (plan.held, plan.planned, plan.counted_from) == (1, 3, date(2026, 3, 17))


def test_a_closed_circle_is_not_expected_after_its_last_session() -> None:
    plan = planned_sessions(
        WEEKLY,
        date(2026, 3, 1),
        date(2026, 4, 30),
        held_on=[date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 24), date(2026, 4, 2)],
        first_session=date(2025, 11, 4),
        closed_after=date(2026, 4, 2),
    )
    # Tuesdays up to 2 April: 3, 10, 17, 24, 31 March.
    assert (plan.held, plan.planned, plan.counted_until) == (4, 5, date(2026, 4, 2))


def test_meetings_still_to_come_are_not_counted_as_planned() -> None:
    """A report for a whole year read in March said "3 of 56 planned sessions held": the
    weeks not yet come were counted as meetings the circle had missed."""
    plan = planned_sessions(
        WEEKLY,
        date(2026, 1, 1),
        date(2026, 12, 31),
        held_on=[date(2026, 3, 3), date(2026, 3, 10)],
        first_session=date(2026, 3, 3),
        today=date(2026, 3, 12),
    )
    assert (plan.held, plan.planned, plan.counted_until) == (2, 2, date(2026, 3, 12))


def test_without_a_schedule_or_a_planned_day_only_the_sessions_held_count() -> None:
    none = planned_sessions(Cadence(), *MARCH, held_on=[date(2026, 3, 5)])
    assert (none.held, none.planned, none.compared) == (1, None, False)
    quiet = planned_sessions(
        MONTHLY, date(2026, 3, 11), date(2026, 3, 31), held_on=[], first_session=date(2026, 1, 13)
    )
    assert (quiet.held, quiet.planned, quiet.anchor) == (0, None, date(2026, 1, 13))
    unknown_start = planned_sessions(WEEKLY, *MARCH, held_on=[date(2026, 3, 3)])
    assert unknown_start.planned is None and unknown_start.held == 1
