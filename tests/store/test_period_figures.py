"""The period figures on a hand-built history (see :mod:`tests.store.period_history`), against
numbers worked out by hand: people reached, newcomers, who came back, how often, passes,
hours, fairness, per circle and for the previous period of the same length."""

from __future__ import annotations

from datetime import date

import pytest

from circlekeeper.session.period_figures import InvalidPeriod, PeriodScope
from circlekeeper.store import Store
from circlekeeper.store.history.attendance import attendance_grid
from circlekeeper.store.history.reach import period_figures
from tests.store.period_history import Built, build_history

MARCH = PeriodScope(date(2026, 3, 1), date(2026, 3, 31))
FAIR_T2 = 180**2 / (3 * (60**2 + 90**2 + 30**2))  # Ana 60, Cy 90, Dee 30: 0.857


@pytest.fixture
def built(store: Store) -> Built:
    return build_history(store)


def test_the_organization_reached_seven_people_three_of_them_new(built: Built) -> None:
    figures = period_figures(built.store.engine, MARCH)
    now = figures.current
    assert now.sessions == 4  # T1, H1, T2, T3; not the live one, not April's
    assert now.attendances == 3 + 3 + 3 + 4
    assert now.people == 7
    assert now.newcomers == 3  # Cy, Dee, Eli; Gus was at Tuesday in 2025, Bo in February
    assert now.returned == 6  # everyone but Eli, who came once and for the first time
    assert now.returning_rate == pytest.approx(6 / 7)
    assert now.newcomers_returned == 2  # Cy and Dee came twice
    assert now.visits == ((1, 3), (2, 2), (3, 2))  # Eli, Fay, Gus once; Cy, Dee; Ana, Bo
    assert now.frequency == pytest.approx(13 / 7)
    assert now.pass_rate == pytest.approx(2 / 13)  # Cy at T1, Eli at T3
    assert now.circle_seconds == pytest.approx(120 + 180 + 180 + 180)
    assert now.hours == pytest.approx((120 * 3 + 180 * 3 + 180 * 3 + 180 * 4) / 3600)
    assert now.average_fairness == pytest.approx((1 + 1 + FAIR_T2 + 1) / 4)
    assert figures.facilitators == (("Robin", 3), ("Sam", 1))
    assert figures.prompts_used == 4
    assert figures.circle_name is None


def test_the_previous_period_of_the_same_length_is_counted_alike(built: Built) -> None:
    figures = period_figures(built.store.engine, MARCH)
    assert figures.previous_scope == PeriodScope(date(2026, 1, 29), date(2026, 2, 28))
    before = figures.previous
    assert (before.sessions, before.attendances, before.people) == (1, 2, 2)
    assert (before.newcomers, before.returned) == (2, 0)
    assert before.average_fairness == pytest.approx(180**2 / (2 * (60**2 + 120**2)))
    assert before.hours == pytest.approx(180 * 2 / 3600)


def test_each_circle_counts_its_own_newcomers_and_trend(built: Built) -> None:
    figures = period_figures(built.store.engine, MARCH)
    names = [c.name for c in figures.circles]
    assert names == ["Thursday", "Tuesday"]
    thursday, tuesday = figures.circles
    t = tuesday.current
    assert (t.sessions, t.attendances, t.people, t.newcomers, t.returned) == (3, 10, 5, 3, 4)
    assert t.newcomers_returned == 2
    assert t.visits == ((1, 1), (2, 3), (3, 1))
    assert t.pass_rate == pytest.approx(2 / 10)
    assert t.average_seconds == pytest.approx((120 + 180 + 180) / 3)
    assert t.average_present == pytest.approx(10 / 3)
    assert t.average_fairness == pytest.approx((1 + FAIR_T2 + 1) / 3)
    assert tuesday.trend.first_half == 3 and tuesday.trend.second_half == 4
    assert tuesday.trend.words == "rising"
    assert tuesday.previous.sessions == 1 and tuesday.previous.newcomers == 2
    assert tuesday.prompts_used == 3
    assert tuesday.top_prompts == (
        ("How are you arriving?", 2),
        ("What are you bringing tonight?", 1),  # T3 recorded no use: its plan's prompt
    )
    assert tuesday.facilitators == (("Robin", 2), ("Sam", 1))
    moods = {(mm.moment, mm.month): mm.counts for mm in tuesday.moods}
    assert moods == {
        ("check-in", date(2026, 3, 1)): ((3, 1), (4, 4), (5, 2)),
        ("check-out", date(2026, 3, 1)): ((5, 3),),
    }
    h = thursday.current
    # Bo and Gus are new to Thursday, though not to the organization.
    assert (h.sessions, h.people, h.newcomers, h.returned) == (1, 3, 2, 1)
    assert thursday.previous.sessions == 0 and thursday.previous.people == 0
    assert thursday.trend.words == "too few sessions to tell"


def test_sessions_say_how_many_came_for_the_first_time(built: Built) -> None:
    figures = period_figures(built.store.engine, MARCH)
    ids = {v: k for k, v in built.sessions.items()}
    lines = [(ids[s.session_id], s.present, s.first_timers, s.returning) for s in figures.sessions]
    assert lines == [("T1", 3, 1, 2), ("H1", 3, 2, 1), ("T2", 3, 1, 2), ("T3", 4, 1, 3)]
    t2 = figures.sessions[2]
    assert t2.facilitators == ("Sam",) and t2.duration_seconds == pytest.approx(180)
    assert t2.fairness == pytest.approx(FAIR_T2)


def test_one_circle_alone_counts_newcomers_to_that_circle(built: Built) -> None:
    scope = PeriodScope(MARCH.first_day, MARCH.last_day, built.thursday)
    figures = period_figures(built.store.engine, scope)
    assert figures.circle_name == "Thursday"
    assert [c.name for c in figures.circles] == ["Thursday"]
    assert (figures.current.people, figures.current.newcomers) == (3, 2)
    assert len(figures.sessions) == 1


def test_the_attendance_grid_marks_late_early_and_passes(built: Built) -> None:
    grid = attendance_grid(built.store.engine, MARCH, built.tuesday)
    assert len(grid.sessions) == 3
    rows = {p.name: p.marks for p in grid.people}
    assert rows == {
        "Ana Lima": ("●", "E", "●"),
        "Bo Chen": ("●", "", "●"),
        "Cy Diaz": ("P", "●", ""),
        "Dee Evans": ("", "L", "●"),
        "Eli Fox": ("", "", "P"),
    }


def test_an_empty_period_has_zero_figures_and_no_ratios(built: Built) -> None:
    figures = period_figures(built.store.engine, PeriodScope(date(2024, 1, 1), date(2024, 1, 7)))
    assert figures.current.sessions == 0 and figures.current.people == 0
    assert figures.current.returning_rate is None and figures.current.average_fairness is None
    assert figures.circles == () and figures.sessions == ()


def test_a_period_ending_before_it_starts_is_refused_in_words() -> None:
    with pytest.raises(InvalidPeriod, match="before it starts"):
        PeriodScope(date(2026, 3, 31), date(2026, 3, 1))


def test_progress_is_reported_step_by_step(built: Built) -> None:
    seen: list[tuple[int, int]] = []
    period_figures(built.store.engine, MARCH, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == list(range(1, len(seen) + 1))


def test_moods_are_summed_per_month_by_the_database_itself(built: Built) -> None:
    """The mood counts are read out of each stored count object by SQL (``json_extract``,
    ``jsonb ->>``): a value nobody chose is absent, a stored zero is kept as zero, an empty
    count adds no month, and moods of live sessions or of sessions outside the period (the
    previous period, April) are not counted."""
    from circlekeeper.session.prompts import MoodCounts

    store, s = built.store, built.sessions
    store.moods.save(s["H1"], MoodCounts("check-out", {2: 0, 1: 4}))
    store.moods.save(s["H1"], MoodCounts("check-in", {}))
    for outside in ("T0", "live", "T4"):
        store.moods.save(s[outside], MoodCounts("check-in", {1: 7}))
    figures = period_figures(store.engine, MARCH)
    thursday, tuesday = figures.circles
    assert [(mm.moment, mm.month, mm.counts) for mm in thursday.moods] == [
        ("check-out", date(2026, 3, 1), ((1, 4), (2, 0)))
    ]
    assert [(mm.moment, mm.counts) for mm in tuesday.moods] == [
        ("check-in", ((3, 1), (4, 4), (5, 2))),
        ("check-out", ((5, 3),)),
    ]
    april = period_figures(store.engine, PeriodScope(date(2026, 2, 1), date(2026, 4, 30)))
    months = {(mm.month, mm.moment): mm.counts for mm in april.circles[1].moods}
    assert months == {
        (date(2026, 2, 1), "check-in"): ((1, 7),),
        (date(2026, 3, 1), "check-in"): ((3, 1), (4, 4), (5, 2)),
        (date(2026, 3, 1), "check-out"): ((5, 3),),
        (date(2026, 4, 1), "check-in"): ((1, 7),),
    }
