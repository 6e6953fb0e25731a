"""A late arrival in a round where each person has their own prompt gets one of their own.

The real window on a real SQLite file, driven by keys: the check-in and the sharing round each
deal a prompt to everyone present at set-up; Zoë (a member who was not ticked present) walks in
during the check-in and Ola (someone new) joins from the sharing round. Each sees their own
prompt where everyone's shows (the facilitator's screen and the room's), the welcome says it,
the stored log holds it, and the summary lists it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from circlekeeper.prompts.drawer import PromptMode
from circlekeeper.session import events as ev
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.live.arrival_dialog import ArrivalDialog
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import AutoSetup, TestClock, when_dialog_opens


class EachTheirOwn(AutoSetup):
    """Zoë is not here yet; the check-in and the sharing round deal a prompt to each person."""

    def exec(self) -> int:
        for row in range(self.present.count()):
            item = self.present.item(row)
            if item.text().startswith("Zoë"):
                item.setCheckState(Qt.CheckState.Unchecked)
        for row in (0, 1):
            cell = self.plan.cell(row)
            assert cell is not None, "the prompt tools are there"
            cell.set_mode(PromptMode.PER_PERSON)
            cell.people.draw()
        return super().exec()


@pytest.fixture
def app_parts(real_app):
    return real_app(EachTheirOwn)


def shown(label) -> str:
    full_text = getattr(label, "full_text", None)
    return full_text() if full_text is not None else label.text()


def test_late_arrivals_get_their_own_prompts(qtbot, app_parts, clock: TestClock) -> None:
    window = app_parts.window
    members = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"), Member(-3, "Zoë", "she/her"))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan(), members=members))
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    live, controller = window.live_view, window.controller
    assert live is not None and controller is not None
    live.setFocus()
    window.toggle_presenter()
    presenter = window.presenter
    store = app_parts.data.store
    session_id = window._session_id

    qtbot.keyClick(live, Qt.Key.Key_N)  # the check-in opens; Amal is up with her own prompt
    plan = controller.session.state.current_round.plan
    others = dict(plan.person_prompts)
    assert len(others) == 2 and shown(live.prompt_label) in others.values()

    def zoe_walks_in(dialog: ArrivalDialog) -> None:
        qtbot.keyClicks(dialog.search, "zoe")  # no accent needed
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_dialog_opens(ArrivalDialog, zoe_walks_in)
    qtbot.keyClick(live, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    zoe = next(p for p, who in controller.session.state.participants.items() if who.name == "Zoë")
    theirs = controller.session.state.current_round.plan.prompt_for(zoe)
    assert theirs and theirs not in others.values() and theirs != plan.prompt
    assert live.status.text() == (
        f"Welcome, Zoë. She joins at the end of this round. Zoë's own prompt: “{theirs}”"
    )
    # On disk before it shows: the arrival and the prompt, one right after the other.
    stored = store.sessions.entries(session_id)
    assert [e.event for e in stored[-2:]] == [
        ev.ParticipantJoined(controller.participant(zoe)),
        ev.PromptDealt(zoe, theirs, stored[-1].event.prompt_id),
    ]
    assert stored[-1].event.prompt_id  # a library prompt, recorded by its id

    for _ in range(3):  # Amal, then Jonas, then Zoë
        qtbot.keyClick(live, Qt.Key.Key_N)
        clock.advance(30)
    assert controller.turn_view().person_id == zoe
    assert shown(live.prompt_label) == theirs
    assert presenter.prompt_label.text().replace("\u200b", "") == theirs

    def ola_joins_from_sharing(dialog: ArrivalDialog) -> None:
        qtbot.keyClicks(dialog.search, "Ola")
        qtbot.keyClicks(dialog.pronouns, "she/her")
        dialog.next_round.setFocus()
        qtbot.keyClick(dialog.next_round, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_dialog_opens(ArrivalDialog, ola_joins_from_sharing)
    qtbot.keyClick(live, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert live.status.text() == (
        "Welcome, Ola. She joins from the next round. Ola is dealt a prompt of their own when"
        " that round begins."
    )
    assert store.sessions.entries(session_id)[-1].event.kind == "participant-joined"

    qtbot.keyClick(live, Qt.Key.Key_N)  # Zoë's turn ends: the round is complete
    qtbot.keyClick(live, Qt.Key.Key_N)  # the sharing round opens and deals Zoë and Ola theirs
    round_ = controller.session.state.current_round
    assert "Sharing" in live.round_label.text()
    ola = next(p for p, who in controller.session.state.participants.items() if who.name == "Ola")
    assert round_.dealt == [zoe, ola]
    stored = store.sessions.entries(session_id)
    assert [e.event.kind for e in stored[-3:]] == ["round-started", "prompt-dealt", "prompt-dealt"]
    sharing = dict(round_.plan.person_prompts)
    assert len(set(sharing.values())) == 4, "nobody's prompt repeats another's"
    assert not set(sharing.values()) & (set(others.values()) | {theirs})

    for _ in range(4):  # Amal, Jonas, Zoë, then Ola
        qtbot.keyClick(live, Qt.Key.Key_N)
        clock.advance(60)
    assert controller.turn_view().person_id == ola
    assert shown(live.prompt_label) == sharing[ola]
    assert presenter.prompt_label.text().replace("\u200b", "") == sharing[ola]

    qtbot.keyClick(live, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # end the circle
    summary = window.summary_view
    assert summary is not None
    (rounds,) = [t for t in summary.findChildren(QTableWidget) if t.accessibleName() == "Rounds"]
    assert theirs in rounds.item(0, 4).text() and sharing[ola] in rounds.item(1, 4).text()
    # Heard, for the history and the next draws.
    heard = {
        (u.round_index, u.person_id, u.text) for u in store.prompts.uses_for_session(session_id)
    }
    assert {(0, zoe, theirs), (1, ola, sharing[ola]), (1, zoe, sharing[zoe])} <= heard
