"""A round with a prompt for each person: the live screen and the wall show the speaker's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from circlekeeper.session import Participant, RoundPlan, TimePolicy
from circlekeeper.session.live.questions import EACH_PERSON_PROMPT
from circlekeeper.session.model import RoundKind
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.presenter_window import PresenterWindow
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import PEOPLE, MemoryJournal, TestClock

OWN = {
    "1": "What are you carrying today?",
    "2": "<b>Which</b> song & why? 🎵",
    "3": "今日はどんな気持ちですか？",
}
PLAN = [
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), person_prompts=tuple(OWN.items())),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(30), "One word to leave with"),
]


@pytest.fixture
def screens(qtbot, clock: TestClock, journal: MemoryJournal):
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    view = LiveView(controller)
    presenter = PresenterWindow(controller)
    qtbot.addWidget(view)
    qtbot.addWidget(presenter)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    yield view, presenter
    controller.shutdown()


def prompt_label(widget) -> QLabel:
    (label,) = [w for w in widget.findChildren(QLabel) if w.accessibleName() == "Prompt"]
    return label


def shown(label: QLabel) -> str:
    """The prompt a label carries: the live view's fits it to three lines (the whole prompt is
    its tooltip), the presenter shows it whole."""
    full_text = getattr(label, "full_text", None)
    return full_text() if full_text is not None else label.text()


def both(screens) -> tuple[str, str]:
    view, presenter = screens
    return shown(prompt_label(view)), shown(prompt_label(presenter))


def test_each_speaker_sees_their_own_prompt(qtbot, screens, clock) -> None:
    view, _ = screens
    assert both(screens) == (EACH_PERSON_PROMPT, EACH_PERSON_PROMPT)
    qtbot.keyClick(view, Qt.Key.Key_N)  # the round opens: Amal is up
    assert both(screens) == (OWN["1"], OWN["1"])
    qtbot.keyClick(view, Qt.Key.Key_N)  # Amal speaks
    assert both(screens) == (OWN["1"], OWN["1"])
    clock.advance(20)
    qtbot.keyClick(view, Qt.Key.Key_N)  # Jonas starts
    assert view.speaker_label.text() == "Jonas"
    assert both(screens) == (OWN["2"], OWN["2"])
    qtbot.keyClick(view, Qt.Key.Key_P)  # Jonas passes; 山田 花子 starts
    assert both(screens) == (OWN["3"], OWN["3"])


def test_someone_without_a_prompt_of_their_own_sees_none(qtbot, screens, clock) -> None:
    view, presenter = screens
    for _ in range(5):  # open, Amal, Jonas, 山田 花子, then נועה (no prompt of her own)
        qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.controller.turn_view().person_id == "4"
    assert both(screens) == ("", "")
    # On the facilitator's screen the empty prompt keeps its room for the rest of the round,
    # so the ring does not move between speakers; the room's screen drops it.
    assert prompt_label(view).text() == ""
    assert not prompt_label(presenter).isVisibleTo(presenter)


def test_the_next_round_shows_its_shared_prompt_again(qtbot, screens) -> None:
    view, _ = screens
    for _ in range(6):  # open the check-in and go through every turn
        qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.controller.progress().round_complete
    assert both(screens) == (EACH_PERSON_PROMPT, EACH_PERSON_PROMPT)
    qtbot.keyClick(view, Qt.Key.Key_N)  # closes the check-in, opens the check-out
    assert view.controller.progress().plan.prompt == "One word to leave with"
    assert both(screens) == ("One word to leave with", "One word to leave with")


def test_a_late_arrival_hears_the_shared_prompt(qtbot, clock, journal) -> None:
    plan = [
        RoundPlan(
            RoundKind.SHARING,
            TimePolicy.open(),
            "What would you like to share?",
            person_prompts=(("1", "Something that surprised you?"),),
        )
    ]
    controller = LiveController(clock, journal, plan, wall=clock.wall)
    controller.start("Circle", PEOPLE[:1], [])
    controller.move_on()
    assert controller.prompt_now() == "Something that surprised you?"
    controller.join(Participant("9", "مريم"))
    controller.move_on()
    controller.move_on()
    assert controller.turn_view().person_id == "9"
    assert controller.prompt_now() == "What would you like to share?"
    controller.shutdown()


def test_the_summary_lists_every_persons_prompt_in_the_round(qtbot) -> None:
    from PySide6.QtWidgets import QTableWidget

    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.ui.live.summary_view import SummaryView

    summary = demo_summary(people=3, rounds=2, plans=PLAN)
    view = SummaryView(summary)
    qtbot.addWidget(view)
    (rounds,) = [t for t in view.findChildren(QTableWidget) if t.accessibleName() == "Rounds"]
    from circlekeeper.ui.bidi_text import plain

    cell = plain(rounds.item(0, 4).text())
    assert cell.startswith("A prompt for each person: ")
    assert all(text in cell for text in OWN.values())
    assert plain(rounds.item(1, 4).text()) == "One word to leave with"
