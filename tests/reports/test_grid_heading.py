"""The period report's attendance grid keeps its heading: "Attendance" and its legend never
print alone at a page's foot with the grid overleaf (seen in a month of seven circles, where
the heading closed page 8 and the grid began page 9), and a long grid still starts on the
page it is reached, with a few rows under its heading."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from circlekeeper.reports.context import Privacy
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.period_circle import Kit, grid_tables
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.period_figures import AttendanceGrid, GridPerson
from tests.reports.conftest import pdf_pages

FIRST = datetime(2026, 11, 4, 18, tzinfo=UTC)


def _grid(people: int) -> AttendanceGrid:
    sessions = tuple(FIRST + timedelta(days=7 * n) for n in range(4))
    return AttendanceGrid(
        1, sessions, tuple(GridPerson(f"Person {n:02d}", ("●",) * 4) for n in range(people))
    )


def _pages(people: int, room_left: float, rtl: bool = False) -> list[str]:
    """The grid under a spacer that leaves ``room_left`` points of page one."""
    f = fonts()
    kit = Kit(f, stylesheet(f, rtl=rtl), Typesetter(f), 450.0, None, rtl=rtl)
    story = grid_tables(_grid(people), Privacy.NAMES, kit)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    buffer = io.BytesIO()
    frame = doc.height - 12  # (the frame pads 6 pt top and bottom)
    SimpleDocTemplate(buffer, pagesize=A4).build([Spacer(1, frame - room_left), *story])
    return [" ".join(page.split()) for page in pdf_pages(buffer.getvalue())]


@pytest.mark.parametrize("rtl", [False, True])
def test_the_heading_never_closes_a_page_without_its_grid(rtl: bool) -> None:
    pages = _pages(8, room_left=60, rtl=rtl)  # the heading and legend fit, a row or two does not
    assert "Person 00" in pages[1]
    assert not pages[0].strip(), f"page one ends on the grid's heading: {pages[0]!r}"


def test_a_long_grid_starts_under_its_heading_where_it_is_reached() -> None:
    pages = _pages(40, room_left=300)
    assert "Attendance" in pages[0] and "Person 03" in pages[0]
    assert "Person 39" in pages[1]
