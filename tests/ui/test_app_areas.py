"""The areas around the live circle, wired on a real SQLite file the way the app wires them:
the demo circle, history (Ctrl+2), least-heard-first from stored sessions, retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from circlekeeper.demo.seeding import seed_demo_circle
from circlekeeper.store import open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.retention_offer import offer_due_retention
from tests.ui.conftest import TestClock


@pytest.fixture
def app_parts(real_app):
    return real_app()


def test_the_demo_circle_arrives_with_its_past_sessions_in_history(qtbot, app_parts) -> None:
    window = app_parts.window
    demo = [b for b in window.findChildren(QPushButton) if b.text() == "Look around a demo circle"]
    qtbot.mouseClick(demo[0], Qt.MouseButton.LeftButton)
    assert window.circle_list.count() == 1
    assert window.circle_page.people.text(), "the demo circle has its people"
    assert "8 sessions" in window.circle_list.item(0).toolTip()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    history = window.pages.currentWidget()
    assert isinstance(history, HistoryPage)
    qtbot.waitUntil(lambda: history.model.rowCount() == 8, timeout=10000)
    assert history.count_label.text() == "8 sessions match"


def test_least_heard_first_comes_from_the_stored_sessions(app_parts) -> None:
    store = app_parts.store
    circle_id = seed_demo_circle(store.engine, sessions=6, seed=5)
    brief = app_parts.window.catalog.brief(circle_id)
    balance = HistoryQueries.for_store(store).speaking_balance(circle_id, 10)
    assert brief.balance == {str(k): v for k, v in balance.items()}
    assert brief.balance, "six past sessions give everyone a balance"
    assert brief.previous_first is not None, "rotation knows who spoke first last time"


def test_retention_asks_before_deleting_and_keeps_what_is_newer(tmp_path: Path) -> None:
    store = open_store(tmp_path / "keep.sqlite3")
    try:
        circle_id = seed_demo_circle(store.engine, sessions=10, seed=3)
        queries = HistoryQueries.for_store(store)
        listings = queries.sessions(limit=50).rows
        starts = sorted(row.started_at for row in listings)
        now = datetime.now(UTC)
        days = (now - starts[5]).days  # roughly half the sessions are older than this
        store.circles.set_retention(circle_id, days)
        questions: list[str] = []
        refused = offer_due_retention(
            queries, lambda c: "Demo", lambda t, q: questions.append(q) or False
        )
        assert refused == 0 and len(questions) == 1
        assert "will be deleted" in questions[0]
        assert len(queries.sessions(limit=50).rows) == 10, "no means nothing is deleted"
        deleted = offer_due_retention(queries, lambda c: "Demo", lambda t, q: True)
        cutoff = now - timedelta(days=days)
        remaining = [row.started_at for row in queries.sessions(limit=50).rows]
        assert deleted == 10 - len(remaining) > 0
        assert all(start >= cutoff - timedelta(minutes=1) for start in remaining)
    finally:
        store.close()


def test_a_circle_cut_off_mid_turn_is_offered_back_exactly_where_it_was(
    qtbot, real_app, clock: TestClock, monkeypatch
) -> None:
    """The app goes down with Jonas speaking; the next start offers the circle back, rebuilt
    from the stored log with the running turn, and the time it was down counts as a pause."""
    first = real_app()
    window = first.window
    window.save_circle(
        CircleDetail(None, "Friday", members=(Member(-1, "Amal"), Member(-2, "Jonas")))
    )
    window.start_circle()
    live = window.live_view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    live.setFocus()
    qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_N)
    clock.advance(50)
    qtbot.keyClick(live, Qt.Key.Key_N)  # Jonas starts
    clock.advance(20)
    assert live.speaker_label.text() == "Jonas"
    window.controller.tick()  # a heartbeat; then the laptop's battery dies
    window.controller.shutdown()
    first.data.close()
    clock.advance(600)

    import circlekeeper.ui.live.resume_dialog as resume_dialog

    offered = []

    def resume(parent, info):
        offered.append(info)
        return resume_dialog.ResumeChoice.RESUME

    monkeypatch.setattr(resume_dialog, "ask_resume", resume)
    second = real_app()
    second.window.offer_resume()
    (info,) = offered
    assert info.circle_name == "Friday" and info.events >= 5
    live = second.window.live_view
    assert live is not None, "the circle is back on screen"
    assert live.speaker_label.text() == "Jonas"
    assert live.ring.caption() == "paused"
    assert second.window.controller.turn_view().spoken == pytest.approx(20, abs=1)
    kinds = [e.event.kind for e in second.store.sessions.entries(info.session_id)]
    assert "session-interrupted" in kinds, "the time it was down is recorded as a pause"


def test_ctrl_2_takes_the_keyboard_into_history_and_ctrl_1_back(qtbot, app_parts) -> None:
    """Ctrl+2 showed the history while the keys stayed on the circle list beside it: Down
    moved through circles nobody could see change, and the sessions were three Tabs away."""
    from PySide6.QtWidgets import QApplication

    window = app_parts.window
    demo = [b for b in window.findChildren(QPushButton) if b.text() == "Look around a demo circle"]
    qtbot.mouseClick(demo[0], Qt.MouseButton.LeftButton)
    window.activateWindow()
    window.circle_list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    history = window.pages.currentWidget()
    assert isinstance(history, HistoryPage)
    qtbot.waitUntil(lambda: history.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    focus = QApplication.focusWidget()
    assert focus.isVisible() and not history.isAncestorOf(focus)
