"""A printed summary's pages after its first say whose they are: the circle and the day.

Page two of a summary began with a bare table of names and figures, and in a combined export
of a month's sessions nothing on it said which session it belonged to; a page read on its own
(stapled wrong, handed round) was anyone's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from circlekeeper.reports import ExportItem, Privacy, ReportContext, render_session
from circlekeeper.reports.batch import render_combined
from circlekeeper.reports.demo import demo_summary
from tests.reports.conftest import pdf_pages


def flat(page: str) -> str:
    return " ".join(page.replace("\u2068", "").replace("\u2069", "").split())


def test_the_pages_after_the_first_name_the_circle_and_the_day() -> None:
    summary = demo_summary(people=30, rounds=3, circle="Grief circle")
    pages = [flat(p) for p in pdf_pages(render_session(summary, ReportContext(Privacy.NAMES)))]
    assert len(pages) > 1
    head = "Grief circle · November 24, 2026"
    assert head not in pages[0]  # the first page has its own title
    assert all(head in page for page in pages[1:])


def test_each_session_of_a_combined_export_heads_its_own_pages() -> None:
    items = [
        ExportItem(
            demo_summary(
                people=30,
                rounds=3,
                circle=circle,
                start=datetime(2026, 11, day, 17, 30, tzinfo=UTC),
            ),
            ReportContext(Privacy.NAMES),
            f"{circle}.pdf",
        )
        for circle, day in (("Tuesday", 3), ("Thursday", 5))
    ]
    pages = [flat(p) for p in pdf_pages(render_combined(items))]
    tuesday = [i for i, p in enumerate(pages) if "Tuesday · November 3, 2026" in p]
    thursday = [i for i, p in enumerate(pages) if "Thursday · November 5, 2026" in p]
    assert tuesday and thursday
    assert max(tuesday) < min(thursday) - 1  # Thursday's first page, between them, has none
    assert not any("Tuesday · November 3" in pages[i] for i in thursday)
