"""The ring and the speaking-time list show the same second of the same turn.

The ring repaints on every tick (five a second); the list summarised the log about once a
second, on a count of ticks of its own. A facilitator glancing from one to the other read
"0:03 remaining" on the ring beside "0:16 of 0:20" in the list: 19 seconds of a 20-second
turn, because the list was most of a second behind.
"""

from __future__ import annotations

from circlekeeper.session.model import format_duration
from circlekeeper.ui.fairness_strip import bar_value
from tests.ui.conftest import MemoryJournal, TestClock
from tests.ui.test_live_view import open_view


def seconds(text: str) -> int:
    minutes, secs = text.lstrip("+").split(":")
    return int(minutes) * 60 + int(secs)


def test_spoken_and_remaining_add_up_to_the_turn_at_every_tick(
    qtbot, clock: TestClock, journal: MemoryJournal
) -> None:
    view = open_view(qtbot, clock, journal)
    controller = view.controller
    controller.move_on()  # the check-in round opens
    controller.move_on()  # Amal speaks: a minute
    allotted = controller.turn_view().allotted
    disagreements = []
    for _step in range(40):
        clock.advance(0.35)
        controller.tick()
        (amal, *_others) = view.fairness.bars()
        spoken = bar_value(amal).split(" ")[0]
        remaining = view.ring.text()
        if seconds(spoken) + seconds(remaining) != allotted:
            disagreements.append((spoken, remaining))
    controller.shutdown()
    assert not disagreements, f"list and ring apart (of {format_duration(allotted)})"
