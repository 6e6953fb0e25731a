"""The sessions table lists sessions in the order they happened, each at its circle's clock
time; a circle on another clock than this computer's names its place, so "6:30 PM" listed
below "6:20 PM" on the same day reads as two clocks, not as a mistake."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.format import listed_time
from tests.reports.stored import play_finished


@pytest.fixture
def in_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock is Berlin's."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_time_on_this_computers_clock_names_no_place(in_berlin) -> None:
    moment = datetime(2026, 3, 3, 17, 30, tzinfo=UTC)
    assert listed_time(moment, "Europe/Berlin") == "Mar 3, 2026, 6:30\u202fPM"
    assert listed_time(moment, "Europe/Paris") == "Mar 3, 2026, 6:30\u202fPM"  # the same clock
    assert listed_time(moment, "Europe/London") == "Mar 3, 2026, 5:30\u202fPM (London)"
    assert listed_time(moment, "Asia/Tokyo") == "Mar 4, 2026, 2:30\u202fAM (Tokyo)"
    assert listed_time(moment, "") == "Mar 3, 2026, 5:30\u202fPM UTC"


def test_the_sessions_table_names_the_place_of_another_clock(qtbot, tmp_path: Path, in_berlin):
    with open_store(tmp_path / "ck.sqlite3") as store:
        berlin = store.circles.save(CircleRecord(None, "Berlin circle"))
        london = store.circles.save(CircleRecord(None, "London circle"))
        play_finished(store, berlin, ("Ana", "Bo"), datetime(2026, 3, 3, 17, 30, tzinfo=UTC))
        start = datetime(2026, 3, 3, 18, 20, tzinfo=UTC)
        play_finished(store, london, ("Cy", "Dee"), start, timezone="Europe/London")
        page = HistoryPage(HistoryQueries.for_store(store), threaded=False)
        qtbot.addWidget(page)
        page.show()
        shown = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    # Newest first: London's 6:20\u202fPM happened after Berlin's 6:30\u202fPM.
    assert shown == ["Mar 3, 2026, 6:20\u202fPM (London)", "Mar 3, 2026, 6:30\u202fPM"]
