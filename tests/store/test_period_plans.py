"""Sessions held against each circle's planned cadence, in the period figures the PDF, the CSV
and the history's Period tab all read: on the hand-built history of
:mod:`tests.store.period_history` (SQLite and PostgreSQL), with the numbers worked out by hand.

Tuesday met on 4 Nov 2025, 10 Feb, 3, 10 and 24 March, 2 April 2026 (17 and 31 March missed);
Thursday on 4 Dec 2025 and 5 March 2026 (the first Thursday of each month). A Wednesday
circle added here first met on 18 March.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.session.period_figures import PeriodScope
from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.history.reach import period_figures
from tests.store.period_history import Built, Turn, build_history, day, play

MARCH = PeriodScope(date(2026, 3, 1), date(2026, 3, 31))
FOUR_WEEKS = PeriodScope(date(2026, 3, 1), date(2026, 3, 28))
WEEKLY = Cadence(CadenceKind.WEEKLY)


@pytest.fixture
def built(store: Store) -> Built:
    return build_history(store)


def schedule(store: Store, circle_id: int, cadence: Cadence, **changes: object) -> None:
    store.circles.save(replace(store.circles.get(circle_id), cadence=cadence, **changes))


def plans(store: Store, scope: PeriodScope) -> dict[str, tuple[int, int | None]]:
    figures = period_figures(store.engine, scope)
    return {c.name: (c.plan.held, c.plan.planned) for c in figures.circles}


def test_a_weekly_circle_that_missed_a_week_held_three_of_four(built: Built) -> None:
    schedule(built.store, built.tuesday, WEEKLY)  # no date: its first session, a Tuesday
    figures = period_figures(built.store.engine, FOUR_WEEKS)
    tuesday = next(c for c in figures.circles if c.name == "Tuesday")
    assert (tuesday.plan.held, tuesday.plan.planned) == (3, 4)  # 3, 10, 24 of 3, 10, 17, 24
    assert tuesday.plan.anchor == date(2025, 11, 4)
    # Over the whole of March the 31st is planned too.
    assert plans(built.store, MARCH)["Tuesday"] == (3, 5)


def test_a_monthly_circle_met_on_its_first_thursday(built: Built) -> None:
    schedule(built.store, built.thursday, Cadence(CadenceKind.MONTHLY))
    figures = period_figures(built.store.engine, MARCH)
    thursday = next(c for c in figures.circles if c.name == "Thursday")
    assert (thursday.plan.held, thursday.plan.planned) == (1, 1)  # 5 March
    assert thursday.plan.anchor == date(2025, 12, 4)  # the first Thursday of December


def test_circles_without_a_schedule_get_only_their_sessions_held(built: Built) -> None:
    assert plans(built.store, MARCH) == {"Thursday": (1, None), "Tuesday": (3, None)}


def test_a_circle_that_started_mid_period_is_counted_from_its_first_session(
    built: Built,
) -> None:
    wednesday = built.store.circles.save(CircleRecord(None, "Wednesday", cadence=WEEKLY))
    play(built, wednesday, day(3, 18), [Turn("Ana"), Turn("Bo")])
    play(built, wednesday, day(3, 25), [Turn("Ana")])
    figures = period_figures(built.store.engine, MARCH)
    plan = next(c for c in figures.circles if c.name == "Wednesday").plan
    assert (plan.held, plan.planned, plan.counted_from) == (2, 2, date(2026, 3, 18))


def test_a_start_date_inside_the_period_counts_only_the_days_after_it(built: Built) -> None:
    schedule(built.store, built.tuesday, Cadence(CadenceKind.WEEKLY, date(2026, 3, 17)))
    plan = next(
        c for c in period_figures(built.store.engine, MARCH).circles if c.name == "Tuesday"
    ).plan
    # Planned 17, 24, 31 March; of the sessions held, only the 24th is on those days.
    assert (plan.held, plan.planned, plan.counted_from) == (1, 3, date(2026, 3, 17))


def test_an_archived_circle_is_not_expected_after_its_last_session(built: Built) -> None:
    schedule(built.store, built.tuesday, WEEKLY, archived=True)
    spring = PeriodScope(date(2026, 3, 1), date(2026, 4, 30))
    plan = next(
        c for c in period_figures(built.store.engine, spring).circles if c.name == "Tuesday"
    ).plan
    # Its last session was on Thursday 2 April: Tuesdays 3 March … 31 March are planned.
    assert (plan.held, plan.planned, plan.counted_until) == (4, 5, date(2026, 4, 2))


def test_one_circle_scope_counts_the_same(built: Built) -> None:
    schedule(built.store, built.tuesday, WEEKLY)
    schedule(built.store, built.thursday, Cadence(CadenceKind.MONTHLY))
    alone = PeriodScope(MARCH.first_day, MARCH.last_day, built.tuesday)
    assert plans(built.store, alone) == {"Tuesday": (3, 5)}


def test_weekly_demo_circles_hold_every_planned_session(tmp_path: Path) -> None:
    """The demo's weekly circles keep a weekly schedule, so a demo period report shows the
    figure; over weeks inside their history each held what it planned."""
    end = datetime(2026, 11, 25, tzinfo=UTC)
    with open_store(tmp_path / "demo.sqlite3") as store:
        seed_demo(store.engine, 120, seed=5, end=end)
        circles = store.circles.list()
        weekly = {c.name for c in circles if c.cadence == WEEKLY}
        assert weekly and all(c.cadence in (WEEKLY, Cadence()) for c in circles)
        eight_weeks = PeriodScope(date(2026, 9, 1), date(2026, 10, 26))
        held = plans(store, eight_weeks)
    for name in weekly:
        assert held[name] == (8, 8), name


def test_a_scheduled_circle_that_never_met_is_listed_with_nothing_held(built: Built) -> None:
    """A board wants to see the circle that was planned every Tuesday and did not meet."""
    before = period_figures(built.store.engine, FOUR_WEEKS)
    evening = built.store.circles.save(
        CircleRecord(None, "Evening", cadence=Cadence(CadenceKind.WEEKLY, date(2026, 2, 3)))
    )
    figures = period_figures(built.store.engine, FOUR_WEEKS)
    assert [c.name for c in figures.circles] == ["Evening", "Thursday", "Tuesday"]
    circle = next(c for c in figures.circles if c.circle_id == evening)
    assert (circle.plan.held, circle.plan.planned) == (0, 4)  # 3, 10, 17, 24 March
    assert (circle.current.sessions, circle.previous.sessions, circle.current.people) == (0, 0, 0)
    # The organization's figures are those of the circles that met, as before.
    assert (figures.current, figures.previous) == (before.current, before.previous)


def test_a_schedule_with_nothing_planned_in_the_period_lists_no_circle(built: Built) -> None:
    """Archived (its plan ended), starting after the period, or with no day to count from
    (no start date and no session ever): nothing was planned, so nothing is listed."""
    built.store.circles.save(CircleRecord(None, "Closed", cadence=WEEKLY, archived=True))
    built.store.circles.save(
        CircleRecord(None, "Autumn", cadence=Cadence(CadenceKind.WEEKLY, date(2026, 9, 1)))
    )
    built.store.circles.save(CircleRecord(None, "Someday", cadence=WEEKLY))
    assert set(plans(built.store, MARCH)) == {"Thursday", "Tuesday"}


def test_one_scheduled_circle_that_never_met_has_its_own_figures(built: Built) -> None:
    evening = built.store.circles.save(
        CircleRecord(None, "Evening", cadence=Cadence(CadenceKind.WEEKLY, date(2026, 2, 3)))
    )
    alone = PeriodScope(MARCH.first_day, MARCH.last_day, evening)
    assert plans(built.store, alone) == {"Evening": (0, 5)}
