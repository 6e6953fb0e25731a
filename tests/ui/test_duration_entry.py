"""Round times are typed as people say them and kept to the second, end to end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.duration_box import DurationBox
from circlekeeper.ui.duration_text import (
    DurationNotUnderstood,
    format_seconds,
    parse_duration,
)
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("1:30", 90),
        ("0:45", 45),
        ("90s", 90),
        ("90 sec", 90),
        ("2", 120),
        ("1.5", 90),
        ("1,5", 90),
        ("2m", 120),
        ("1m30s", 90),
        ("1 min 30", 90),
        ("1 min 30 s", 90),
        ("45:00", 2700),
        ("1:15:00", 4500),
        ("1h 15m", 4500),
        ("  3:05 ", 185),
    ],
)
def test_times_are_read_as_facilitators_type_them(typed: str, seconds: int) -> None:
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize("typed", ["", "abc", "1:30:", "-2", "2 apples", "::"])
def test_text_that_is_not_a_time_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(DurationNotUnderstood) as refused:
        parse_duration(typed)
    assert "1:30" in str(refused.value)


def test_seconds_past_59_are_refused_with_the_time_they_probably_meant() -> None:
    with pytest.raises(DurationNotUnderstood, match=r"“1:75” has 75 seconds.*\(2:15\?\)"):
        parse_duration("1:75")


@given(st.integers(min_value=0, max_value=10 * 3600))
def test_every_shown_time_reads_back_as_the_same_second(seconds: int) -> None:
    assert parse_duration(format_seconds(seconds)) == seconds


def test_typing_a_time_and_leaving_the_field_keeps_it_exactly(qtbot) -> None:
    box = DurationBox(90)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "45s")
    with qtbot.waitSignal(box.seconds_changed) as changed:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert changed.args == [45]
    assert box.seconds() == 45 and box.text() == "0:45"


def test_unreadable_text_keeps_the_old_time_and_says_why(qtbot) -> None:
    box = DurationBox(90)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "soon")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    box.editingFinished.emit()  # focus may not leave an offscreen window; the field reads it
    assert box.seconds() == 90 and box.text() == "1:30"
    assert "“soon” is not a length of time" in box.accessibleDescription()


def test_arrow_keys_step_to_round_times(qtbot) -> None:
    box = DurationBox(80)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() == "1:30"  # 15 s steps for short turns, landing on round numbers
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.text() == "1:00"
    box.set_seconds(10 * 60)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() == "11:00"  # whole minutes for a round's length
    qtbot.keyClick(box, Qt.Key.Key_PageDown)
    # Ten steps down: whole minutes to 5:00, then 15 s steps for a turn's length.
    assert box.text() == "4:00"


PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(45), prompt="One word?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(47 * 60 + 13, minimum=73)),
    RoundPlan(RoundKind.CUSTOM, TimePolicy.open(), title="Silence"),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(3601)),
)


def test_a_plan_comes_back_from_the_table_to_the_second(qtbot) -> None:
    editor = RoundPlanEditor(PLAN)
    qtbot.addWidget(editor)
    assert tuple(editor.rounds()) == PLAN
    assert editor.length(0).text() == "0:45"
    assert editor.minimum(1).text() == "1:13"


def test_a_circles_plan_is_saved_exactly_as_entered(qtbot) -> None:
    detail = CircleDetail(1, "Tuesday", default_plan=PLAN)
    editor = CircleEditor(detail)
    qtbot.addWidget(editor)
    editor.plan.length(0).set_seconds(46)
    editor._accept()
    assert editor.result_detail is not None
    saved = editor.result_detail.default_plan
    assert saved[0].policy == TimePolicy.fixed(46)
    assert saved[1:] == PLAN[1:]
