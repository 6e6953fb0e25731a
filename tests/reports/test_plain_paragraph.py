"""Plain text skips reportlab's markup parser and comes out as the parser would have made it."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.plain_paragraph import paragraph


def _styles() -> list[ParagraphStyle]:
    sheet = stylesheet(fonts())
    rtl = stylesheet(fonts(), rtl=True)
    odd = ParagraphStyle(
        "odd", fontName="Helvetica-Oblique", fontSize=7, textColor=HexColor("#a0b")
    )
    return [sheet.body, sheet.title, sheet.cell_right, sheet.cell_head, rtl.small, odd]


TEXTS = [
    "Ada Lovelace",
    "  Grace   Hopper\n ",
    "Zoë Ðorđević · arrived late – 125 % · 42\u00a0s",
    "3:05",
    "Konstantinopoulou\u00adVanderbilt",
]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_makes_the_fragments_the_parser_makes(text) -> None:
    for style in _styles():
        fast, parsed = paragraph(text, style), Paragraph(text, style)
        assert fast.text == parsed.text
        assert fast.style is parsed.style
        assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
        assert fast.wrap(120, 500) == parsed.wrap(120, 500)
        assert fast.blPara.lines == parsed.blPara.lines


@pytest.mark.parametrize(
    "markup", ["<b>Ada</b> Lovelace", "Tom &amp; Jerry", "•&nbsp; Ada", "a<br/>b", ""]
)
def test_markup_still_goes_through_the_parser(markup) -> None:
    style = stylesheet(fonts()).body
    fast, parsed = paragraph(markup, style), Paragraph(markup, style)
    assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
    assert fast.text == parsed.text


def test_fragments_do_not_share_their_lists() -> None:
    style = stylesheet(fonts()).body
    one, two = paragraph("Ada", style), paragraph("Grace", style)
    assert one.frags[0].link is not two.frags[0].link
    assert one.frags[0].us_lines is not two.frags[0].us_lines
