"""History's detail of a circle running right now names the turn under way and its time so
far: it said the person speaking had "spoke" for "0 sec" (the log ends when the turn began)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from sqlalchemy import update
from sqlalchemy.orm import Session

from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.models import SessionRow
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.format import duration
from tests.store.running_circle import SPEAKING, TURN_STARTS, running_circle


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "running.sqlite3")
    try:
        yield opened
    finally:
        opened.close()


def _anas_turn(qtbot, store: Store, session_id: int) -> QTreeWidgetItem:
    page = HistoryPage(HistoryQueries.for_store(store), threaded=False)
    qtbot.addWidget(page)
    page.show_session(session_id)
    view = page.detail_view
    assert view is not None
    check_in = view.rounds.topLevelItem(0)
    (ana,) = (check_in.child(i) for i in range(check_in.childCount()))
    assert ana.text(0) == "Ana"
    return ana


def test_the_person_speaking_now_is_shown_speaking_with_the_time_so_far(qtbot, store) -> None:
    session_id, journal = running_circle(store, leased=False)
    journal.heartbeat(datetime.now(UTC), TURN_STARTS + SPEAKING)
    ana = _anas_turn(qtbot, store, session_id)
    # Check-in gives 60 s each: Ana is over it by now.
    assert ana.text(3).startswith("speaking now, "), ana.text(3)  # it said "spoke"
    assert ana.text(1) != duration(0), "not 0 sec"
    assert ana.text(1) in {duration(SPEAKING + s) for s in range(30)}, ana.text(1)


def test_a_circle_gone_quiet_says_when_it_was_last_heard_from(qtbot, store) -> None:
    session_id, journal = running_circle(store, leased=False)
    journal.heartbeat(datetime.now(UTC), TURN_STARTS + 40)
    with Session(store.engine) as s, s.begin():
        s.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(heartbeat_wall=datetime.now(UTC) - timedelta(hours=2))
        )
    ana = _anas_turn(qtbot, store, session_id)
    assert ana.text(3).startswith("was speaking when last heard from at "), ana.text(3)
    assert ana.text(1) == duration(40)
