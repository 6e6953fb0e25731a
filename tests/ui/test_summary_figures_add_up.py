"""The summary screen's speaking times add up to "… of speaking" above them.

At the end of the walked circle the eight times, each rounded on its own, summed to 3:04
under "3 min and 3 sec of speaking".
"""

from __future__ import annotations

from circlekeeper.session import Participant
from circlekeeper.session.model import format_duration
from circlekeeper.ui.fairness_strip import bar_value
from circlekeeper.ui.live.summary_view import SummaryView
from tests.session.equal_turns import equal_turns


def seconds(text: str) -> int:
    minutes, secs = text.split(" ")[0].split(":")
    return int(minutes) * 60 + int(secs)


def test_the_people_s_times_add_up_to_the_total(qtbot) -> None:
    people = [Participant("a", "Amal"), Participant("j", "Jonas"), Participant("w", "Wen")]
    summary = equal_turns(people)
    view = SummaryView(summary)
    qtbot.addWidget(view)
    total = format_duration(summary.total_spoken)
    assert total == "0:32"
    shown = [seconds(bar_value(bar)) for bar in view.bars.bars()]
    assert sum(shown) == seconds(total), shown
