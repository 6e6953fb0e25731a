"""Each page of a period report after a circle's first names that circle and the period at
its top: a page that went on with a circle's charts or attendance grid said nothing of which
circle it was (a month of seven circles, looked at with pdftoppm). A page where a circle's
heading begins at the top needs no head; one where the next circle begins lower down is headed
with the circle it goes on with."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.reports import render_period
from circlekeeper.store import CircleRecord, open_store
from tests.reports.conftest import GENERATED, pdf_pages, words
from tests.reports.stored import play_finished


def test_a_page_going_on_with_a_circle_names_it_at_its_top(tmp_path: Path) -> None:
    with open_store(tmp_path / "ck.db") as store:
        crowd = store.circles.save(CircleRecord(None, "Forty Chairs", privacy="names"))
        later = store.circles.save(CircleRecord(None, "Small Table", privacy="names"))
        people = tuple(f"Participant {n:02d}" for n in range(40))
        play_finished(store, crowd, people, datetime(2026, 3, 3, 18, tzinfo=UTC))
        play_finished(store, later, ("Ana", "Bo"), datetime(2026, 3, 4, 18, tzinfo=UTC))
        report = period_report(store, date(2026, 3, 1), date(2026, 3, 31), attendance_grid=True)
        context = base_context(store, generated=GENERATED, invariant=True)
        pages = [words(page) for page in pdf_pages(render_period(report, context))]
    head = "Forty Chairs · Mar 1 – 31, 2026"
    going_on = next(page for page in pages if "Participant 39" in page)
    opening = next(page for page in pages if "Participant 00" in page)
    assert going_on is not opening, "the grid of forty goes on overleaf"
    assert head in going_on
    assert head not in opening, "the circle's own first page has its heading, no head"
    # The next circle begins lower on that page: the head is the one the page goes on with.
    assert "Small Table This period" in going_on and "Small Table · Mar" not in going_on
    overleaf = pages[pages.index(going_on) + 1]
    assert "Small Table · Mar 1 – 31, 2026" in overleaf
