"""A circle on the real server carries on when the server goes away mid-circle; the window
says calmly how many events wait, and that they all arrived once the server is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from circlekeeper.app import build_app
from circlekeeper.ui.catalog import CircleDetail, Member
from tests.postgres_cluster import ThrowawayCluster, own_cluster
from tests.ui.conftest import TestClock, app_options


@pytest.fixture
def own_server() -> Iterator[ThrowawayCluster]:
    yield from own_cluster("stop and start")


def test_the_server_stopped_mid_circle_then_back(
    qtbot, own_server: ThrowawayCluster, clock: TestClock, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the offline journal's folder
    parts = build_app(own_server.url(), app_options(clock))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.save_circle(
            CircleDetail(None, "Friday", members=(Member(-1, "Amal"), Member(-2, "Jonas")))
        )
        window.start_circle()
        live = window.live_view
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        live.setFocus()
        qtbot.keyClick(live, Qt.Key.Key_N)  # the round opens
        own_server.stop_server()
        for _ in range(3):
            clock.advance(20)
            qtbot.keyClick(live, Qt.Key.Key_N)
        message = window.statusBar().currentMessage()
        assert message.startswith("Working offline, "), message
        waiting = int(message.split(",")[1].split()[0])
        assert waiting >= 3
        assert list((tmp_path / "data").rglob("journal-*.jsonl")), "kept on disk, fsynced"
        own_server.start_again()
        clock.advance(20)
        qtbot.keyClick(live, Qt.Key.Key_N)
        assert window.statusBar().currentMessage() == "Back online: every event is on the server."
        session_id = window._session_id
        stored = parts.data.store.sessions.entries(session_id)
        engine_log = window.controller.session.log
        assert [(e.seq, e.event) for e in stored] == [(e.seq, e.event) for e in engine_log]
        assert not list((tmp_path / "data").rglob("journal-*.jsonl"))
    finally:
        window.close()
        parts.data.close()
