"""The printed summary of a circle where someone spoke, then passed: the time is in their row,
the pass too, and a line under the table says which came first, as the privacy level allows."""

from __future__ import annotations

import re

import pytest

from circlekeeper.reports import Privacy, render_session
from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind
from circlekeeper.session.summary import SessionSummary
from tests.reports.conftest import context, pdf_text, words


def spoke_then_passed() -> SessionSummary:
    """Bea speaks 40 s of a 3-person check-in, then passes; Ada and Cy speak 60 s each."""
    clock = FakeClock()
    session = CircleSession(clock)
    people = [Participant(p, n) for p, n in (("a", "Ada"), ("b", "Bea"), ("c", "Cy"))]
    session.start("Passing", people)
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)))
    session.start_turn()
    clock.advance(60)
    session.end_turn(start_next=True)
    clock.advance(40)
    session.pass_turn(start_next=True)
    clock.advance(60)
    session.end_turn()
    session.end_round()
    session.end_session()
    return session.summary()


def test_the_row_counts_the_time_and_the_pass_and_a_line_says_which_came_first() -> None:
    summary = spoke_then_passed()
    text = words(pdf_text(render_session(summary, context(privacy=Privacy.NAMES))))
    assert re.search(r"Bea 0:40 25% -0:13 1 1", text), text  # equal share 53.3 s
    assert "Fairness index" in text and "among the 3 who spoke" in text
    assert "Bea spoke 40 seconds, then passed (Check-in): the time spoken counts" in text
    assert "Total speaking 2:40" in text and "1 pass" in text


@pytest.mark.parametrize(
    ("privacy", "who"), [(Privacy.COUNTS, "Person 3"), (Privacy.INITIALS, "B")]
)
def test_the_line_names_nobody_the_table_does_not(privacy: Privacy, who: str) -> None:
    text = words(pdf_text(render_session(spoke_then_passed(), context(privacy=privacy))))
    assert f"{who} spoke 40 seconds, then passed" in text
    assert "Bea" not in text


def test_a_quick_pass_prints_no_such_line() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Passing", [Participant("a", "Ada"), Participant("b", "Bea")])
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)))
    session.start_turn()
    clock.advance(3)
    session.pass_turn()
    session.end_round()
    session.end_session()
    text = words(pdf_text(render_session(session.summary(), context(privacy=Privacy.NAMES))))
    assert "then passed" not in text
    assert re.search(r"Ada 0:00 — passed 0 1", text), text
