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


def test_a_place_is_not_cut_when_the_names_can_give_it_room(qtbot, tmp_path: Path, in_berlin):
    """At 1366×768 the table was a little narrower than its columns' natural widths, so the
    place was given no room: "6:32 PM (Lagos)" showed as "6:32 P…", the time cut with it,
    beside a facilitators' column wider than its names."""
    with open_store(tmp_path / "ck.sqlite3") as store:
        berlin = store.circles.save(CircleRecord(None, "Berlin circle"))
        lagos = store.circles.save(CircleRecord(None, "Tuesday Evening Circle in Nairobi"))
        play_finished(store, berlin, ("Ana", "Bo"), datetime(2026, 3, 3, 17, 30, tzinfo=UTC))
        start = datetime(2026, 3, 3, 18, 20, tzinfo=UTC)
        play_finished(store, lagos, ("Cy", "Dee"), start, timezone="Africa/Nairobi")
        page = HistoryPage(HistoryQueries.for_store(store), threaded=False)
        qtbot.addWidget(page)
        page.resize(900, 700)
        page.show()
        qtbot.waitExposed(page)
        table = page.table
        natural = sum(room.natural for room in page.columns._rooms)
        assert table.viewport().width() < natural  # too narrow for every column's ease
        shown = page.model.index(0, 0).data()
        assert shown.endswith("(Nairobi)")
        needed = table.fontMetrics().horizontalAdvance(shown)
        assert table.columnWidth(0) >= needed + 8, (shown, table.columnWidth(0), needed)
        assert sum(table.columnWidth(c) for c in range(7)) <= table.viewport().width()
        page.filter_bar.select_circle(berlin)  # no other clock among the rows: no room kept
        page.filter_bar.changed.emit(page.filter_bar.current())
        assert table.columnWidth(0) < needed
