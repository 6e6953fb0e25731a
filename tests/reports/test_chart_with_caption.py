"""The speaking-time chart and its caption print on one page, however many bars.

Forty people on US Letter: the chart was a few points too tall to share a page with its
caption, which printed alone on a sixth page (looked at with pdftoppm).
"""

from __future__ import annotations

import pytest

from circlekeeper.reports import Paper, Privacy, ReportContext, render_session
from circlekeeper.reports.charts import BAR_GAP, LEAST_GAP, MAX_BARS, bar_gap
from circlekeeper.reports.demo import demo_summary
from tests.reports.conftest import pdf_pages

CAPTION = "Speaking time per person against the equal share"


@pytest.mark.parametrize("paper", [Paper.LETTER, Paper.A4])
@pytest.mark.parametrize("people", [MAX_BARS, MAX_BARS - 3])
def test_the_caption_shares_the_charts_page(paper: Paper, people: int) -> None:
    summary = demo_summary(people=people, rounds=3, seed=5)
    pages = pdf_pages(render_session(summary, ReportContext(privacy=Privacy.NAMES, paper=paper)))
    with_caption = [page for page in pages if CAPTION in " ".join(page.split())]
    assert len(with_caption) == 1
    assert "0:00" in with_caption[0]  # the chart's first tick: the bars are on that page


def test_bars_close_up_only_as_far_as_the_page_needs() -> None:
    assert bar_gap(40, None) == BAR_GAP
    assert bar_gap(8, 600.0) == BAR_GAP
    assert LEAST_GAP < bar_gap(40, 620.0) < BAR_GAP
    assert bar_gap(40, 100.0) == LEAST_GAP


def test_no_chart_of_empty_bars_when_nobody_spoke(tmp_path) -> None:
    """Everyone passed, or no round was held: the sentence says nobody spoke, and no chart
    of empty bars follows (it took a second page of an empty session's summary)."""
    from circlekeeper.session import CircleSession, FakeClock, Participant
    from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
    from circlekeeper.session.summary import summarize

    for rounds in (0, 2):
        session = CircleSession(FakeClock())
        session.start("Tuesday", [Participant(str(i), f"Person {i}") for i in range(6)], ("Sam",))
        for _round in range(rounds):
            session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)))
            for _person in range(6):
                session.pass_turn()
            session.end_round()
        session.end_session()
        data = render_session(summarize(session.log), ReportContext(privacy=Privacy.NAMES))
        pages = pdf_pages(data)
        assert "Nobody spoke in this session" in " ".join(" ".join(pages).split())
        assert all(CAPTION not in " ".join(page.split()) for page in pages)
        assert len(pages) == 1


@pytest.mark.parametrize("mirrored", [False, True])
def test_the_dashed_line_never_strikes_through_a_figure(mirrored: bool) -> None:
    """Forty people whose times climb by three seconds: the bars ending just short of the
    equal share printed their figures under the dashed line ("1:5|1", "1:4|8")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from circlekeeper.reports.charts import FIGURE_SIZE, Bar, SpeakingChart
    from circlekeeper.reports.fonts import fonts
    from circlekeeper.reports.typeset import Typesetter

    bars = [Bar(i + 1, f"Person {i:02d}", 60.0 + 3 * i) for i in range(40)]
    equal = sum(b.seconds for b in bars) / len(bars)
    text = Typesetter(fonts())
    chart = SpeakingChart(bars, equal, 480.0, text, mirrored=mirrored)
    struck = []
    for block in chart.blocks:
        width = stringWidth(block.figure, chart.font, FIGURE_SIZE)
        left = block.figure_x - width if mirrored else block.figure_x
        if left - 1 <= chart.equal_x <= left + width + 1:
            struck.append(block.figure)
    assert not struck
    figures = {block.figure for block in chart.blocks}
    assert len(figures) == 40  # every figure is still printed
