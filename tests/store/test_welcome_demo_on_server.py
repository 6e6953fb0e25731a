"""The welcome page's demo circle is never made in an organization's database.

On an empty organization database every facilitator's window opens on the welcome page, so the
first to press *Look around a demo circle* filled everyone's circles, history and period
figures with an invented circle and its eight sessions. On a server the page now says why not
and how to look around on a database of one's own; on a file the demo is made as before.
"""

from __future__ import annotations

from pathlib import Path

from circlekeeper.app import build_app
from circlekeeper.store import open_store
from tests.store.backends import Backend
from tests.ui.conftest import TestClock, app_options


def test_the_demo_circle_stays_out_of_a_shared_database(
    qtbot, backend: Backend, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    where = backend.fresh("welcome")
    parts = build_app(where, app_options(TestClock()))
    window = parts.window
    qtbot.addWidget(window)
    try:
        window.show()
        window.open_demo()
        refused = window.welcome.demo_refused
        if backend.is_sqlite:
            assert not refused.isVisibleTo(window)
            assert "demo circle with a few past sessions" in window.statusBar().currentMessage()
        else:
            assert refused.isVisibleTo(window)
            assert "would appear in every facilitator's history" in refused.text()
            assert not window.welcome.buttons()[1].isVisibleTo(window)
    finally:
        window.close()
        parts.data.close()
    with open_store(where, read_only=True) as store:
        circles = store.circles.list()
    assert len(circles) == (1 if backend.is_sqlite else 0)
