"""Where a name sits on the page: chart labels, mixed-direction lines, long names."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from tests.reports.conftest import context, pdf_text
from tests.reports.drawn import drawn_lines


def _chart_page_text(data: bytes) -> str:
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    return "\n".join(pages).split("equal share")[0]


def test_chart_labels_are_names_never_row_numbers() -> None:
    names = ("ᏣᎳᎩ Wilma", "🌈 Alex", "王小明", "Zoë", "राम", "محمد")
    data = render_session(
        demo_summary(people=6, rounds=2, names=names), context(privacy=Privacy.NAMES)
    )
    text = pdf_text(data)
    chart = text.split("Total speaking")[1]
    assert not re.search(r"#\d", chart), "a name became a #n label"
    for name in ("ᏣᎳᎩ Wilma", "🌈 Alex", "王小明", "Zoë"):
        assert chart.count(name) >= 2, name  # once in the table, once beside its bar
    assert "[U+" not in text


def test_initials_label_the_bars_at_the_initials_level() -> None:
    names = ("ᏣᎳᎩ Wilma", "Ada Lovelace", "Grace Hopper")
    text = pdf_text(
        render_session(
            demo_summary(people=3, rounds=2, names=names), context(privacy=Privacy.INITIALS)
        )
    )
    chart = text.split("Total speaking")[1]
    assert chart.count("ᏣW") >= 2 and chart.count("AL") >= 2


def test_an_isolated_sentence_keeps_its_full_stop_in_a_right_to_left_line() -> None:
    f = fonts()
    line = "نحترم الخصوصية: " + isolate("what is said here stays here.")
    story = Typesetter(f).line(line, stylesheet(f).body, 400, rtl_base=True)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    assert drawn_lines(buffer.getvalue()) == ["what is said here stays here. :ةيصوصخلا مرتحن"]


def test_a_prompt_line_takes_its_direction_from_its_first_strong_letter() -> None:
    f = fonts()
    style = stylesheet(f).body
    text = Typesetter(f)
    rtl = text.paragraphs("محمد: What brought you here today?", style, 400, prefix="•&nbsp; ")
    ltr = text.paragraphs("Grace: ما الذي جاء بك?", style, 400, prefix="•&nbsp; ")
    assert all(p.style.alignment == 2 for p in rtl)  # right-aligned, bullet on the right
    assert rtl[0].text.rstrip().endswith("•&nbsp;")
    assert ltr[0].text.startswith("•")


def test_long_names_hyphenate_instead_of_breaking_anywhere() -> None:
    names = ("Wolfeschlegelsteinhausenbergerdorff Hubert", "Vanderbilt Konstantinopoulou", "Ana")
    plans = [RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), title="Konstantinopoulou")]
    data = render_session(
        demo_summary(people=3, rounds=1, names=names, plans=plans), context(privacy=Privacy.NAMES)
    )
    text = pdf_text(data)
    assert "Vanderbilt Konstantinopoulou" in " ".join(text.split())  # fits: never broken
    lines = [line.strip() for line in text.splitlines()]
    broken = [
        line for line in lines if line.startswith("Wolfe") and not line.endswith(("Hubert", "…"))
    ]  # (the chart label is cut with "…" to one line)
    assert broken and all(line.endswith("-") for line in broken), broken
    assert "Wolfeschlegelsteinhausenbergerdorff" in text.replace("-\n", "")
