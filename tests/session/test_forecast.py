"""The whole circle's clock on a fake clock: planned end, projection, and fitting the rest."""

from __future__ import annotations

import pytest

from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
from circlekeeper.session.forecast import fit_to_time, forecast, forecast_sentence, planned_length
from circlekeeper.session.model import RoundKind
from tests.session.conftest import people

PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)),  # 4 people: 4:00
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(1200, 60)),  # 20:00
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30)),  # 2:00
)


@pytest.fixture
def circle() -> tuple[CircleSession, FakeClock]:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday", people("ABCD"))
    return session, clock


def test_before_the_first_round_the_plan_ends_when_it_said(circle) -> None:
    session, _ = circle
    outlook = forecast(session.state, PLAN, session.elapsed())
    assert planned_length(PLAN, 4) == outlook.planned_end == 26 * 60
    assert outlook.projected_end == 26 * 60 and outlook.overrun == 0
    assert [r.ends for r in outlook.rounds] == [240, 1440, 1560]


def test_a_check_in_that_runs_over_pushes_every_later_round(circle) -> None:
    session, clock = circle
    session.start_round(PLAN[0])
    for seconds in (150, 150, 150, 150):  # everyone takes 2:30 of a 1:00 check-in
        session.start_turn()
        clock.advance(seconds)
        session.end_turn()
    session.end_round()
    outlook = forecast(session.state, PLAN, session.elapsed())
    assert outlook.overrun == pytest.approx(360)
    assert outlook.heading.label == PLAN[1].label
    assert outlook.rounds[1].starts == 600 and outlook.rounds[1].ends == 1800


def test_the_round_in_progress_counts_what_is_left_of_it(circle) -> None:
    session, clock = circle
    session.start_round(PLAN[1])
    session.start_turn()
    clock.advance(100)  # allotted 300 s; 200 s left of this turn, 900 s for three others
    outlook = forecast(session.state, PLAN[1:], session.elapsed(), planned_end=1320)
    assert outlook.rounds[0].running and outlook.rounds[0].ends == pytest.approx(1200)
    assert outlook.rounds[1].ends == pytest.approx(1320) and outlook.overrun == 0


def test_fitting_shortens_the_rounds_to_come_and_says_each_share(circle) -> None:
    session, clock = circle
    session.start_round(PLAN[0])
    for _ in range(4):
        session.start_turn()
        clock.advance(150)
        session.end_turn()
    session.end_round()
    refit = fit_to_time(session.state, PLAN, session.elapsed(), planned_end=26 * 60)
    assert refit is not None and refit.first_index == 1 and refit.fits
    # 16:00 left for 22:00 planned: both rounds shrink by the same factor, in 5-second steps.
    assert refit.plans[0].policy.seconds == 870 and refit.plans[1].policy.seconds == 20
    assert refit.shares == (pytest.approx(217.5), 20)
    session.replan(refit.first_index, refit.plans)
    after = forecast(session.state, PLAN, session.elapsed(), planned_end=26 * 60)
    assert after.overrun <= 5 * len(refit.plans)


def test_floors_are_kept_and_the_refit_says_when_they_do_not_fit(circle) -> None:
    session, clock = circle
    session.start_round(PLAN[0])
    clock.advance(25 * 60)
    session.end_round()
    refit = fit_to_time(session.state, PLAN, session.elapsed(), planned_end=26 * 60)
    assert refit is not None and not refit.fits
    assert refit.plans[0].policy.seconds == 240  # 4 people × the 1:00 minimum
    assert refit.plans[1].policy.seconds == 15


def test_nothing_to_fit_when_the_plan_is_on_time(circle) -> None:
    session, _ = circle
    assert fit_to_time(session.state, PLAN, session.elapsed(), planned_end=26 * 60) is None


def test_the_sentence_names_the_planned_end_and_where_the_plan_heads(circle) -> None:
    session, clock = circle
    session.start_round(PLAN[0])
    for _ in range(4):
        session.start_turn()
        clock.advance(150)
        session.end_turn()
    outlook = forecast(session.state, PLAN, session.elapsed())
    sentence = forecast_sentence(outlook, lambda s: f"T+{s / 60:.0f}")
    assert sentence == "Planned end T+26 · 16 min left · Check-out will end about 6 min after T+26"
    assert forecast_sentence(forecast(session.state, PLAN, 0.0), str).endswith("on time")


def test_no_refit_once_the_rounds_left_are_as_short_as_they_go(circle) -> None:
    """Shortened to their floors and still over: offering the same plan again (the live
    screen did, after every Ctrl+Shift+F, saying "shortened to fit" each time) would change
    nothing, so there is nothing left to offer."""
    session, clock = circle
    session.start_round(PLAN[0])
    clock.advance(25 * 60)
    session.end_round()
    refit = fit_to_time(session.state, PLAN, session.elapsed(), planned_end=26 * 60)
    assert refit is not None and not refit.fits
    session.replan(refit.first_index, refit.plans)
    again = fit_to_time(session.state, PLAN, session.elapsed(), planned_end=26 * 60)
    assert again is None
    assert forecast(session.state, PLAN, session.elapsed(), planned_end=26 * 60).overrun > 0
