"""A figure and its unit or percent sign never part at a line break in the PDFs.

"(125" at the end of one line and "%)." at the start of the next reads as a typo. Each
sentence is set, as the reports set it, at every width from narrow to a page's column in small
steps, so every possible break point is tried; the printed lines are read back with pypdf.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from circlekeeper.i18n import _, speaking
from circlekeeper.reports import period_words as say
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.layout import stylesheet
from circlekeeper.reports.session_words import fairness_sentence
from circlekeeper.reports.typeset import Typesetter

UNIT_OPENS_A_LINE = re.compile(
    r"^(%|s|h|pts|Std\.|Pkt\.|p\.p\.|minutes?|seconds?|Minuten?|Sekunden?|secondes?)(\W|$)"
)
WIDTHS = range(90, 330, 2)


def _printed_lines(flowables_at: Callable[[float], list[Flowable]]) -> list[str]:
    story: list[Flowable] = [
        Table(
            [[flowables_at(width)]], colWidths=[width], style=[("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
        for width in WIDTHS
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _session_sentence(language: str) -> str:
    summary = demo_summary(people=5, rounds=3, names=("Ada", "Bo", "Chen", "Dana", "Eli"))
    with speaking(language):
        return fairness_sentence(summary)  # as the PDF prints it


def _period_sentence(language: str) -> str:
    with speaking(language):
        return _(
            "The right to pass was used in {share} of attendances; {prompts} prompts"
            " were used; circles met for {hours} in all."
        ).format(share=say.share(0.15), prompts=say.count(4), hours=say.hours(2160))


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_the_session_summarys_fairness_sentence_keeps_minutes_and_percent_whole(
    language: str,
) -> None:
    sentence = _session_sentence(language)
    assert re.search(r"\d\u00a0(minutes|Minuten)\b", sentence), sentence
    typesetter, styles = Typesetter(fonts()), stylesheet(fonts())
    lines = _printed_lines(lambda width: typesetter.paragraphs(sentence, styles.body, width))
    assert len(lines) > 3 * len(WIDTHS), "the sentence wraps, again and again"
    assert not [line for line in lines if UNIT_OPENS_A_LINE.match(line)], sentence


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_the_period_reports_sentences_keep_percent_and_hours_whole(language: str) -> None:
    sentence = _period_sentence(language)
    style = stylesheet(fonts()).body
    lines = _printed_lines(lambda width: [Paragraph(sentence, style)])  # as period_rtl.said sets it
    assert not [line for line in lines if UNIT_OPENS_A_LINE.match(line)], sentence


def test_english_writes_a_percentage_as_cldr_does_and_german_with_a_no_break_space() -> None:
    with speaking("en"):
        assert say.share(0.15) == "15%" and say.change_in_count(35, 10) == "+250%"
        assert re.search(r"\(\d+%\)\.", _session_sentence("en")), "(125%), as CLDR writes it"
    with speaking("de"):
        assert say.share(0.15) == "15\u00a0%" and say.hours(2160) == "0,6\u00a0Std."
