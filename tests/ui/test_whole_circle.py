"""A whole circle, end to end: the real window on a real SQLite file, driven by keys and buttons.

Setup, three rounds with passes, a late arrival, a pause, an undo, a turn over time, the end and
the summary — asserting what the facilitator sees and what the database holds afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from circlekeeper.session import events as ev
from circlekeeper.store import open_store
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.live.arrival_dialog import ArrivalDialog
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import AutoSetup, TestClock, when_dialog_opens


class DrawThenStart(AutoSetup):
    """The facilitator draws a check-in prompt with one click, then starts the circle."""

    def exec(self) -> int:
        draw = [b for b in self.findChildren(QPushButton) if b.accessibleName() == DRAW_CHECK_IN]
        assert len(draw) == 1, "each round row has a Draw button"
        draw[0].click()
        return super().exec()


DRAW_CHECK_IN = "Draw a prompt for round 1"


def shown(label) -> str:
    """A label's words, however the window's width made it break them into lines."""
    return " ".join(label.text().split())


def button(widget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert len(found) == 1, name
    return found[0]


@pytest.fixture
def app_parts(real_app):
    return real_app(DrawThenStart)


def test_a_whole_circle_through_the_window(
    qtbot, app_parts, clock: TestClock, tmp_path: Path, monkeypatch
) -> None:
    window = app_parts.window
    # A laptop's window: the offscreen screen is only 800 pixels wide (the window used to be
    # pushed wider than it by the history's Period view, now built only when opened).
    window.resize(1200, 780)
    members = (
        Member(-1, "Amal", "she/her"),
        Member(-2, "Jonas"),
        Member(-3, "نور", "she/her"),
        Member(-4, "山田 花子", "they/them"),
    )
    window.save_circle(
        CircleDetail(
            None,
            "Tuesday <b>&</b> circle",
            agreements=("Everyone may pass.",),
            default_plan=default_plan(),
            members=members,
        )
    )
    assert window.circle_list.item(0).text() == "Tuesday <b>&</b> circle"
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    live = window.live_view
    assert live is not None, "Ctrl+Return starts a circle"
    live.setFocus()

    # Round 1, check-in (fixed 1:30 each).
    qtbot.keyClick(live, Qt.Key.Key_N)  # opens the round
    assert "Check-in" in live.round_label.text()
    drawn = live.prompt_label.full_text()
    assert drawn, "the drawn prompt is shown for the round"
    qtbot.keyClick(live, Qt.Key.Key_N)  # Amal starts
    assert shown(live.speaker_label) == "Amal (she/her)"
    assert live.next_label.text() == "Next: Jonas"
    clock.advance(60)
    window.controller.tick()
    assert live.ring.text() == "0:30"
    qtbot.keyClick(live, Qt.Key.Key_Space)  # a pause: the clock stops counting
    assert live.ring.caption() == "paused"
    clock.advance(120)
    qtbot.keyClick(live, Qt.Key.Key_Space)
    window.controller.tick()
    assert live.ring.text() == "0:30", "paused time is not speaking time"
    clock.advance(10)
    qtbot.keyClick(live, Qt.Key.Key_Right)  # Jonas starts at once
    assert live.speaker_label.text() == "Jonas"
    qtbot.keyClick(live, Qt.Key.Key_P)  # Jonas passes; نور starts
    assert shown(live.speaker_label) == "\u2068نور\u2069 (she/her)", "the name is kept whole"
    assert "Passed: Jonas" in live.queue.heard.text()
    clock.advance(100)
    window.controller.tick()
    assert live.ring.caption() == "over time"
    assert live.ring.text() == "+0:10"

    def ola_arrives(dialog: ArrivalDialog) -> None:
        qtbot.keyClicks(dialog.search, "Ola")
        qtbot.keyClicks(dialog.pronouns, "she/her")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_dialog_opens(ArrivalDialog, ola_arrives)
    qtbot.keyClick(live, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # late arrival
    assert "Welcome, Ola" in live.status.text()
    assert "Ola (she/her)" in [
        live.queue.queue.item(i).text() for i in range(live.queue.queue.count())
    ]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog has gone
    qtbot.keyClick(live, Qt.Key.Key_N)  # 山田 花子
    clock.advance(20)
    qtbot.keyClick(live, Qt.Key.Key_Plus)  # +30 s, then undone
    qtbot.keyClick(live, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert live.status.text() == "Undone: extra time."
    qtbot.keyClick(live, Qt.Key.Key_N)  # Ola
    assert shown(live.speaker_label) == "Ola (she/her)"
    clock.advance(45)
    qtbot.keyClick(live, Qt.Key.Key_N)  # round complete: Ola's turn ends
    qtbot.keyClick(live, Qt.Key.Key_N)  # round 2 opens
    assert "Sharing" in live.round_label.text()

    # Round 2, sharing (fair share): two speak, one passes, two pass.
    for seconds in (300, 0, 240, 0, 0):
        if seconds:
            if window.controller.turn_view() is None:
                qtbot.keyClick(live, Qt.Key.Key_N)
            clock.advance(seconds)
            qtbot.keyClick(live, Qt.Key.Key_N)
        else:
            qtbot.keyClick(live, Qt.Key.Key_P)
    qtbot.keyClick(live, Qt.Key.Key_N)  # round 3 opens
    assert "Check-out" in live.round_label.text()

    # Round 3, check-out: everyone a few words.
    for _ in range(5):
        if window.controller.turn_view() is None:
            qtbot.keyClick(live, Qt.Key.Key_N)
        clock.advance(20)
        qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # end, confirmed

    summary = window.summary_view
    assert summary is not None and window.pages.currentWidget() is summary
    assert "5 present" in summary.facts_label.text()
    assert "Fairness index" in summary.fairness_label.text()
    summary.shareable.setPlainText("We shared <b>warmly</b> & kindly — شكرا")

    # The printable summary: rendered off the main thread, names kept out at the default
    # privacy level (counts only), the shareable words in.
    from circlekeeper.commands.report_input import session_report
    from circlekeeper.ui.export_dialog import session_pdf_exporter

    window.options.pdf_exporter = session_pdf_exporter(
        lambda sid: session_report(app_parts.store, sid), ask=False, folder=tmp_path / "pdf"
    )
    (tmp_path / "pdf").mkdir()
    qtbot.keyClick(summary, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Summary saved" in window.statusBar().currentMessage(), timeout=20000)
    (pdf,) = (tmp_path / "pdf").glob("*.pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "We shared <b>warmly</b> & kindly" in text
    assert "Amal" not in text and "Jonas" not in text
    assert "5" in text
    qtbot.mouseClick(button(summary, "Save and close"), Qt.MouseButton.LeftButton)
    session_id = window._session_id or 1

    # What the database holds, read back by a fresh store after the window is gone.
    window.close()
    app_parts.data.close()
    store = open_store(str(tmp_path / "circle.sqlite3"))
    try:
        record = store.sessions.get(session_id)
        assert record.status == "ended"
        assert record.shareable == "We shared <b>warmly</b> & kindly — شكرا"
        entries = store.sessions.entries(session_id)
        kinds = [e.event.kind for e in entries]
        assert kinds[0] == "session-started" and kinds[-1] == "session-ended"
        assert kinds.count("round-started") == 3
        assert kinds.count("turn-passed") == 4  # Jonas once, three in sharing
        assert any(isinstance(e.event, ev.ParticipantJoined) for e in entries)
        assert any(isinstance(e.event, ev.ActionUndone) for e in entries)
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
        from circlekeeper.session import summarize

        stored = summarize(entries)
        amal = next(p for p in stored.people if p.name == "Amal")
        assert amal.spoken_by_round[0] == pytest.approx(70.0)
        nour = next(p for p in stored.people if p.name == "نور")
        assert nour.over_seconds >= 10.0
        assert record.present_count == 5
        uses = store.prompts.uses_for_session(session_id)
        assert [u.text for u in uses if u.round_index == 0] == [drawn]
        assert uses[0].prompt_id and uses[0].prompt_id.startswith("check-in:")
    finally:
        store.close()


def test_when_the_disk_fails_the_circle_goes_on_and_can_be_rescued(
    qtbot, app_parts, clock: TestClock, tmp_path: Path, monkeypatch
) -> None:
    """Disk full mid-circle: the facilitator is told at once, the timer keeps going, and *Save
    a copy…* writes a file that ``circlekeeper import`` takes into another database."""
    window = app_parts.window
    window.save_circle(
        CircleDetail(None, "Thursday", members=(Member(-1, "Amal"), Member(-2, "نور")))
    )
    window.start_circle()
    from circlekeeper.session.prompts import MoodCounts

    # The check-in mood count was stored before the disk filled up; the copy carries it.
    app_parts.store.moods.save(window._session_id, MoodCounts("check-in", {4: 1, 2: 1}))
    live = window.live_view
    window.activateWindow()
    live.setFocus()
    qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_N)
    from circlekeeper.store import StoreUnavailable

    def disk_full(*_args, **_kwargs):
        raise StoreUnavailable("The disk is full; CircleKeeper could not save.")

    monkeypatch.setattr(app_parts.store.sessions, "append", disk_full)
    clock.advance(40)
    qtbot.keyClick(live, Qt.Key.Key_N)  # Amal ends, نور starts: not saved any more
    assert live.storage_banner.isVisible()
    assert "disk is full" in live.storage_banner.text()
    assert live.speaker_label.text() == "\u2068نور\u2069", "the circle goes on in memory"

    from PySide6.QtWidgets import QFileDialog

    rescue = tmp_path / "rescue.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(rescue), ""))
    qtbot.mouseClick(live.save_copy_button, Qt.MouseButton.LeftButton)
    assert rescue.exists()
    assert str(rescue) in window.statusBar().currentMessage()

    import subprocess
    import sys

    other = tmp_path / "elsewhere.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "circlekeeper", "--db", str(other), "import", str(rescue)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    store = open_store(str(other))
    try:
        circle = store.circles.by_name("Thursday")
        assert circle is not None and circle.circle_id is not None
        session_id = store.sessions.latest_for_circle(circle.circle_id)
        assert session_id is not None
        kinds = [e.event.kind for e in store.sessions.entries(session_id)]
        assert kinds[-1] == "turn-started", "the unsaved steps are in the rescued copy"
        assert kinds.count("turn-ended") == 1
        moods = store.moods.for_session(session_id)
        assert [(m.moment, dict(m.counts)) for m in moods] == [("check-in", {4: 1, 2: 1})]
    finally:
        store.close()


def test_quitting_with_actions_the_database_refused_says_they_are_not_saved(
    qtbot, app_parts, clock: TestClock, tmp_path: Path, monkeypatch
) -> None:
    """Walked on a server: the administrator revoked Sam's rights mid-circle, the red bar said
    the circle runs on in memory, and closing the window asked "Quit anyway? It is saved and
    will be offered for resuming next time", which was not true of what came after. Now the
    question says how many actions are only in this window, until a copy holds them."""
    window = app_parts.window
    window.save_circle(CircleDetail(None, "Friday", members=(Member(-1, "Amal"), Member(-2, "Bo"))))
    window.start_circle()
    live = window.live_view
    window.activateWindow()
    live.setFocus()
    qtbot.keyClick(live, Qt.Key.Key_N)
    from circlekeeper.store import StoreUnavailable

    def refused(*_args, **_kwargs):
        raise StoreUnavailable("Your database role may not do this.")

    monkeypatch.setattr(app_parts.store.sessions, "append", refused)
    clock.advance(30)
    qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_N)
    asked: list[tuple[str, str]] = []
    window.options.ask = lambda _parent, title, question: asked.append((title, question)) or False
    window.close()
    assert window.isVisible(), "No keeps the window open"
    title, question = asked[-1]
    assert title == "Not saved"
    assert "could not be saved" in question, question
    assert "will be offered for resuming" not in question

    from PySide6.QtWidgets import QFileDialog

    rescue = tmp_path / "rescue.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(rescue), ""))
    qtbot.mouseClick(live.save_copy_button, Qt.MouseButton.LeftButton)
    assert rescue.exists()
    window.close()
    assert "could not be saved" not in asked[-1][1], "the copy holds them now"
