"""Starting a circle another facilitator is running right now asks first.

Walking two facilitators on one server: Sam started the circle Robin was running in the next
room, without a word, and its people were counted in two sessions at once (history, period
figures). Against the real server: Sam is asked, with who runs it and since when, and "No"
starts nothing; once Robin's circle is over (or its laptop went quiet) nothing is asked. A
SQLite file has one app at a time, so it never asks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from circlekeeper.app import build_app
from circlekeeper.store import CircleRecord, open_store
from tests.store.backends import Backend
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture
from tests.ui.conftest import TestClock, app_options


def robin_runs(url: str) -> tuple[int, int]:
    """Robin's app has the circle live: a session and its lease, renewed just now."""
    with open_store(url) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        for name in ("Amal", "Jonas"):
            store.people.add(name, circle_ids=(circle_id,))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(),
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=(),
        )
        store.leases.claim(session_id)
    return circle_id, session_id


def sam_starts(qtbot, url: str, circle_id: int, answer: bool) -> tuple[list[str], int | None]:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    options = app_options(TestClock())
    options.ask = lambda parent, title, question: asked.append(question) or answer
    parts = build_app(url, options)
    qtbot.addWidget(parts.window)
    try:
        parts.window.refresh_circles(select=circle_id)
        parts.window.start_circle()
        started = parts.window._session_id
    finally:
        if parts.window.controller is not None:
            parts.window.controller.shutdown()
        parts.window.close()
        parts.data.close()
    return asked, started


def test_starting_a_circle_someone_runs_now_asks_first(
    qtbot,
    org: Org,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    circle_id, robin_session = robin_runs(org.robin)
    asked, started = sam_starts(qtbot, org.sam, circle_id, answer=False)
    assert len(asked) == 1 and "is running this circle right now" in asked[0], asked
    assert "ck_robin_" in asked[0] and "@" in asked[0], "who, and on which computer"
    assert started is None, "No starts nothing"
    with open_store(org.robin) as store:
        store.sessions.finish(robin_session)
    asked, started = sam_starts(qtbot, org.sam, circle_id, answer=True)
    assert not any("is running this circle" in question for question in asked)
    assert started is not None


def test_a_file_never_asks(qtbot, backend: Backend, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if not backend.is_sqlite:
        return  # the server's case is the test above
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    where = backend.fresh("file")
    circle_id, _session = robin_runs(where)  # a live session left by a crash, its lease fresh
    asked, _started = sam_starts(qtbot, where, circle_id, answer=True)
    assert not any("is running this circle" in question for question in asked)
