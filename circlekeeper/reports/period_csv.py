"""The period figures as CSV, for an organization's own spreadsheets.

One tidy table: a row per (circle, figure) with this period's value, the previous period's
and the change, so a pivot table or a chart needs no reshaping. Values are plain numbers
(shares as fractions, hours as decimals). Names follow the same privacy rule as the PDF, and a
cell that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is quoted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from circlekeeper.reports.context import Privacy
from circlekeeper.reports.period import PeriodReport
from circlekeeper.reports.period_circle import shown_name
from circlekeeper.session.period_figures import Reach

HEADER = (
    "period_start",
    "period_end",
    "previous_start",
    "previous_end",
    "circle",
    "figure",
    "this_period",
    "previous_period",
    "change",
)
FIGURES: tuple[tuple[str, Callable[[Reach], float | int | None]], ...] = (
    ("sessions held", lambda r: r.sessions),
    ("attendances (people present, summed)", lambda r: r.attendances),
    ("people reached", lambda r: r.people),
    ("newcomers", lambda r: r.newcomers),
    ("came back after a first visit", lambda r: r.returned),
    ("returning rate", lambda r: r.returning_rate),
    ("newcomers who came back", lambda r: r.newcomers_returned),
    ("sessions attended per person", lambda r: r.frequency),
    ("people who came once", lambda r: r.came(1, 1)),
    ("people who came 2-3 times", lambda r: r.came(2, 3)),
    ("people who came 4 times or more", lambda r: r.came(4)),
    ("hours of peer support (length x people present)", lambda r: r.person_seconds / 3600),
    ("circle hours", lambda r: r.circle_seconds / 3600),
    ("average attendance", lambda r: r.average_present),
    ("average length (minutes)", lambda r: _minutes(r.average_seconds)),
    ("average fairness", lambda r: r.average_fairness),
    ("pass rate (attendances with a pass)", lambda r: r.pass_rate),
)
ALL_CIRCLES = "All circles"


def period_csv(report: PeriodReport) -> str:
    figures = report.figures
    scope, previous = figures.scope, figures.previous_scope
    dates = [
        scope.first_day.isoformat(),
        scope.last_day.isoformat(),
        previous.first_day.isoformat(),
        previous.last_day.isoformat(),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)

    def row(
        circle: str, figure: str, now: object, before: object = "", change: object = ""
    ) -> None:
        writer.writerow([*dates, _safe(circle), _safe(figure), _value(now), _value(before), change])

    blocks = [(figures.circle_name or ALL_CIRCLES, figures.current, figures.previous)]
    blocks += [(c.name, c.current, c.previous) for c in figures.circles]
    for name, now, before in blocks:
        for label, value in FIGURES:
            a, b = value(now), value(before)
            row(name, label, a, b, _change(a, b))
    for circle in figures.circles:
        row(circle.name, "prompts used", circle.prompts_used)
        row(circle.name, "attendance, first half of the period", circle.trend.first_half)
        row(circle.name, "attendance, second half of the period", circle.trend.second_half)
        row(circle.name, "attendance trend", circle.trend.words)
        privacy = report.privacy_of(circle.circle_id)
        row(circle.name, "facilitators", len(circle.facilitators))
        for name, sessions in circle.facilitators:
            shown = shown_name(name, privacy)
            if shown is not None:
                row(circle.name, f"sessions facilitated by {shown}", sessions)
        for month in circle.moods:
            for mood, n in month.counts:
                row(circle.name, f"mood {mood} at {month.moment}, {month.month:%Y-%m}", n)
    if report.overall is Privacy.COUNTS:
        row(figures.circle_name or ALL_CIRCLES, "facilitators", len(figures.facilitators))
    return buffer.getvalue()


def _value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return value


def _change(now: float | int | None, before: float | int | None) -> str:
    """Relative change as a fraction (0.12 for +12 %); empty when there is no base."""
    if now is None or not before:
        return ""
    return _value((now - before) / before)  # type: ignore[return-value]


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 60


def _safe(text: str) -> str:
    """Text a spreadsheet would not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
