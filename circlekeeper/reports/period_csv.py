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

from circlekeeper.i18n import N_, _
from circlekeeper.i18n.isolates import without_isolates
from circlekeeper.reports import period_words as say
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
    (N_("sessions held"), lambda r: r.sessions),
    (N_("attendances (people present, summed)"), lambda r: r.attendances),
    (N_("people reached"), lambda r: r.people),
    (N_("newcomers"), lambda r: r.newcomers),
    (N_("came back after a first visit"), lambda r: r.returned),
    (N_("returning rate"), lambda r: r.returning_rate),
    (N_("newcomers who came back"), lambda r: r.newcomers_returned),
    (N_("sessions attended per person"), lambda r: r.frequency),
    (N_("people who came once"), lambda r: r.came(1, 1)),
    (N_("people who came 2-3 times"), lambda r: r.came(2, 3)),
    (N_("people who came 4 times or more"), lambda r: r.came(4)),
    (N_("hours of peer support (length x people present)"), lambda r: r.person_seconds / 3600),
    (N_("circle hours"), lambda r: r.circle_seconds / 3600),
    (N_("average attendance"), lambda r: r.average_present),
    (N_("average length (minutes)"), lambda r: _minutes(r.average_seconds)),
    (N_("average fairness"), lambda r: r.average_fairness),
    (N_("pass rate (attendances with a pass)"), lambda r: r.pass_rate),
)
ALL_CIRCLES = N_("All circles")
MOMENTS = {"check-in": N_("check-in"), "check-out": N_("check-out")}


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

    everyone = figures.circle_name or _(ALL_CIRCLES)
    blocks = [(everyone, figures.current, figures.previous)]
    blocks += [(c.name, c.current, c.previous) for c in figures.circles]
    for name, now, before in blocks:
        for label, value in FIGURES:
            a, b = value(now), value(before)
            row(name, _(label), a, b, _change(a, b))
    for circle in figures.circles:
        plan = circle.plan
        row(circle.name, _("schedule"), say.schedule(plan))
        if plan.planned is not None:
            row(circle.name, _("sessions planned"), plan.planned)
            row(circle.name, _("sessions held on the days the schedule covers"), plan.held)
        if plan.counted_from is not None:
            row(circle.name, _("schedule counted from"), plan.counted_from.isoformat())
        if plan.counted_until is not None:
            row(circle.name, _("schedule counted until"), plan.counted_until.isoformat())
        row(circle.name, _("prompts used"), circle.prompts_used)
        row(circle.name, _("attendance, first half of the period"), circle.trend.first_half)
        row(circle.name, _("attendance, second half of the period"), circle.trend.second_half)
        row(circle.name, _("attendance trend"), _(circle.trend.words))
        privacy = report.privacy_of(circle.circle_id)
        row(circle.name, _("facilitators"), len(circle.facilitators))
        for name, sessions in circle.facilitators:
            shown = shown_name(name, privacy)
            if shown is not None:
                row(circle.name, _("sessions facilitated by {name}").format(name=shown), sessions)
        for month in circle.moods:
            for mood, n in month.counts:
                label = _("mood {value} at {moment}, {month}").format(
                    value=mood,
                    moment=_(MOMENTS.get(month.moment, month.moment)),
                    month=f"{month.month:%Y-%m}",
                )
                row(circle.name, label, n)
    if report.overall is Privacy.COUNTS:
        row(everyone, _("facilitators"), len(figures.facilitators))
    return buffer.getvalue()


def _value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return without_isolates(value)
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return value


def _change(now: float | int | None, before: float | int | None) -> str:
    """Relative change as a fraction (0.12 for +12 %); empty when there is no base."""
    if now is None or not before:
        return ""
    return str(_value((now - before) / before))


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 60


def _safe(text: str) -> str:
    """Text a spreadsheet would not run as a formula, without the isolate controls a
    translated label sets around its values for the screen (a cell is data: "sessions
    facilitated by Amal" must match what someone types in a filter)."""
    text = without_isolates(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
