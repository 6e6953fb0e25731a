"""Reports from a real store: figures, privacy from the circle, and no private note, ever."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from circlekeeper.commands.report_input import (
    export_items,
    period_report,
    session_report,
)
from circlekeeper.reports import Privacy, render_period, render_session
from circlekeeper.reports.errors import ExportFailed
from circlekeeper.store import CircleRecord, Store, open_store
from tests.reports.conftest import GENERATED, pdf_text, words
from tests.reports.stored import MARKER, play


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "ck.sqlite3")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def circle(store: Store) -> int:
    store.settings.set("organization", "Riverside <Peer> Support")
    return store.circles.save(
        CircleRecord(None, "Tuesday", agreements=("Confidentiality",), privacy="initials")
    )


def test_a_stored_session_prints_with_the_circle_privacy_and_no_private_note(
    store: Store, circle: int
) -> None:
    sid = play(
        store, circle, ("Ana Lima", "Bo Chen", "Chen Wu"), datetime(2026, 3, 4, 17, tzinfo=UTC)
    )
    summary, ctx = session_report(store, sid, generated=GENERATED, invariant=True)
    assert ctx.privacy is Privacy.INITIALS
    data = render_session(summary, ctx)
    text = words(pdf_text(data))
    assert MARKER.encode() not in data and MARKER not in text
    assert "Riverside <Peer> Support" in text
    assert "AL" in text and "Ana Lima" not in text
    assert "Wednesday, March 4, 2026, 6:00 PM" in text  # Berlin local time, CLDR English
    assert "Confidentiality" in text and "We laughed a lot." in text
    assert "Check-out 0 0 0 2 1 3 4.3" in text
    named, _ = session_report(store, sid, privacy="names")
    assert "Ana Lima" in words(pdf_text(render_session(named, replace_ctx(ctx, "names"))))


def replace_ctx(ctx, privacy):
    from dataclasses import replace

    return replace(ctx, privacy=Privacy(privacy))


def test_range_export_and_period_from_the_store(store: Store, circle: int) -> None:
    other = store.circles.save(CircleRecord(None, "Thursday"))
    base = datetime(2026, 3, 2, 17, tzinfo=UTC)
    for week in range(3):
        play(store, circle, (f"A{week}", f"B{week}"), base + timedelta(days=7 * week))
    play(store, other, ("Zed",), base)
    items = export_items(store, date(2026, 3, 1), date(2026, 3, 16), "Tuesday")
    assert len(items) == 3
    assert [i.summary.circle for i in items] == ["Tuesday"] * 3
    assert items[0].filename.startswith("2026-03-02-Tuesday-")
    everything = export_items(store, date(2026, 3, 1), date(2026, 3, 31))
    assert len(everything) == 4
    report = period_report(store, date(2026, 3, 1), date(2026, 3, 31), "Tuesday")
    assert report.figures.current.sessions == 3 and report.figures.current.attendances == 6
    assert [c.name for c in report.figures.circles] == ["Tuesday"]
    data = render_period(report, items[0].context)
    assert MARKER.encode() not in data
    assert "How are you arriving? (3×)" in words(pdf_text(data))


def test_unknown_circle_and_backwards_dates_are_clear_errors(store: Store) -> None:
    with pytest.raises(ExportFailed, match="no circle called 'Nope'"):
        export_items(store, date(2026, 1, 1), date(2026, 1, 2), "Nope")
    with pytest.raises(ExportFailed, match="before the start date"):
        export_items(store, date(2026, 1, 2), date(2026, 1, 1))
