"""The summary screen's speaking times add up to "… of speaking" above them.

At the end of the walked circle the eight times, each rounded on its own, summed to 3:04
under "3 min and 3 sec of speaking".
"""

from __future__ import annotations

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind, format_duration
from circlekeeper.session.summary import summarize
from circlekeeper.ui.fairness_strip import bar_value
from circlekeeper.ui.live.summary_view import SummaryView


def seconds(text: str) -> int:
    minutes, secs = text.split(" ")[0].split(":")
    return int(minutes) * 60 + int(secs)


def test_the_people_s_times_add_up_to_the_total(qtbot) -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    people = [Participant("a", "Amal"), Participant("j", "Jonas"), Participant("w", "Wen")]
    session.start("Tuesday circle", people, ["Sam"])
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)), ["a", "j", "w"])
    for _person in people:
        session.start_turn()
        clock.advance(10.6)
        session.end_turn(start_next=False)
    session.end_round()
    session.end_session()
    summary = summarize(session.log)
    view = SummaryView(summary)
    qtbot.addWidget(view)
    total = format_duration(summary.total_spoken)
    assert total == "0:32"
    shown = [seconds(bar_value(bar)) for bar in view.bars.bars()]
    assert sum(shown) == seconds(total), shown
