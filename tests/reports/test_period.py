"""The period report: sessions held, attendance, fairness, prompts, hours of peer support."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.period import period_from_summaries, render_period
from tests.reports.conftest import context, pdf_text, words


def _period():
    start = datetime(2026, 9, 1, 17, 30, tzinfo=UTC)
    summaries = [
        demo_summary(people=3 + i, rounds=2, seed=i, start=start + timedelta(days=7 * i))
        for i in range(4)
    ]
    prompts = ["How are you arriving today?"] * 3 + ["What <b>gave</b> you hope & why?"]
    return summaries, period_from_summaries(
        summaries, date(2026, 9, 1), date(2026, 9, 30), "Tuesday circle", prompts
    )


def test_period_figures_match_the_sessions() -> None:
    summaries, period = _period()
    text = words(pdf_text(render_period(period, context())))
    hours = sum(s.duration_seconds * s.present_count for s in summaries) / 3600
    fairness = sum(s.jain_index for s in summaries) / len(summaries)
    assert "Sessions held 4" in text
    assert f"Attendances (people present, summed) {3 + 4 + 5 + 6}" in text
    assert f"Hours of peer support offered (time × people present) {hours:.1f} h" in text
    assert f"Average fairness index {fairness:.2f}" in text
    assert "3× How are you arriving today?" in text
    assert "1× What <b>gave</b> you hope & why?" in text
    assert "01 September 2026 – 30 September 2026" in text
    for day in ("01 Sep", "08 Sep", "15 Sep", "22 Sep"):
        assert day in text  # attendance chart labels


def test_an_empty_period_says_so() -> None:
    period = period_from_summaries([], date(2026, 1, 1), date(2026, 1, 31))
    text = words(pdf_text(render_period(period, context())))
    assert "Sessions held 0" in text
    assert "No sessions were held in this period." in text
    assert "All circles" in text
