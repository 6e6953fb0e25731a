"""A right-to-left paragraph is typeset as one flowable per printed line (we wrap and order
the words ourselves); it still breaks across pages like a paragraph of Latin text: its first
line is never left alone at the foot of a page (an Arabic summary printed the first line of
the note under the speaking-time table at the bottom of page 1, the rest on page 2)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Spacer

from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.typeset import Typesetter
from tests.reports.conftest import pdf_pages

ARABIC = (
    "التمرير حق: تقيس أرقام الإنصاف من تحدثوا فقط. من مرّر كل أدواره، أو لم يأتِ دوره، "
    "أو كانت أدواره كلها بلا وقت مسجّل لا يُحتسب، فالتمرير لا يخفض درجة الحلقة أبدًا."
)
LATIN = (
    "Passing is a right: the fairness figures measure the people who spoke. Whoever passed "
    "every turn, had no turn, or had only turns that recorded no time is not measured."
)
WIDTH = 300


def _pages(text: str, rtl: bool) -> list[str]:
    """The text under a spacer that leaves room for a line and a half of it on page one."""
    f = fonts()
    style = stylesheet(f).body
    lines = Typesetter(f).paragraphs(text, style, WIDTH, rtl_base=rtl)
    assert sum(p.wrap(WIDTH, 1000)[1] for p in lines) > 2 * style.leading  # several lines
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    room = doc.height - 12 - 1.5 * style.leading  # (the frame pads 6 pt top and bottom)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Spacer(1, room), *lines])
    return pdf_pages(buffer.getvalue())


@pytest.mark.parametrize(("text", "rtl"), [(ARABIC, True), (LATIN, False)])
def test_a_paragraphs_first_line_is_not_left_alone_at_a_pages_foot(text: str, rtl: bool) -> None:
    pages = _pages(text, rtl)
    assert len(pages) == 2
    assert not pages[0].split(), f"a line was left alone on page one: {pages[0]!r}"
