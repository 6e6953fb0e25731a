"""The session summary's sentences and figures, in the language the report is printed in.

Every phrase goes through the catalog and every date, time, duration and number through
:mod:`circlekeeper.i18n.formats` (Babel's CLDR data), so a Spanish circle's summary reads
"martes, 24 de noviembre de 2026, 18:30–20:05" and an Arabic one uses the digits Arabic uses.
Call these inside :func:`circlekeeper.i18n.speaking` for the circle's language.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import (
    format_clock,
    format_date,
    format_duration,
    format_fixed,
    format_number,
    format_percent,
    format_time,
)
from circlekeeper.reports.bidi_order import isolate
from circlekeeper.session.state import TurnOutcome
from circlekeeper.session.summary import PersonSummary, SessionSummary

ON_PLAN_SECONDS = 30
"""Rounds that took within this of their budget took "right on plan"."""


def spelled_out(seconds: float) -> str:
    """A length of time in a sentence of the summary: ``1 hour and 35 minutes``,
    ``6 minutes and 9 seconds``. Every sentence of the PDF writes durations this one way (the
    tables write ``6:09``), so "took 24 minutes and 51 seconds" is never followed by
    "6 min and 9 sec"."""
    return format_duration(seconds, length="long")


def when_line(summary: SessionSummary, zone: ZoneInfo | None, zone_name: str) -> str:
    """``Tuesday, 24 November 2026, 17:30–19:05 (Europe/Madrid) · duration 1 hour and 35
    minutes``."""
    duration = spelled_out(summary.duration_seconds)
    start = summary.started_wall
    if start is None:
        return _("Duration {duration}").format(duration=duration)
    local = aware(start).astimezone(zone or UTC)
    day = format_date(local, "full")
    begins = format_time(local.replace(tzinfo=None))
    if summary.ended_wall is None:
        return _("{date}, {start} ({zone}) · duration {duration}").format(
            date=day, start=begins, zone=zone_name, duration=duration
        )
    ends = format_time(aware(summary.ended_wall).astimezone(zone or UTC).replace(tzinfo=None))
    return _("{date}, {start}–{end} ({zone}) · duration {duration}").format(
        date=day, start=begins, end=ends, zone=zone_name, duration=duration
    )


def attendance_line(summary: SessionSummary) -> str:
    present = ngettext("{count} present", "{count} present", summary.present_count)
    late = ngettext("{count} arrived late", "{count} arrived late", summary.late_count)
    left = ngettext("{count} left early", "{count} left early", summary.left_count)
    return " · ".join(
        [
            present.format(count=format_number(summary.present_count)),
            late.format(count=format_number(summary.late_count)),
            left.format(count=format_number(summary.left_count)),
        ]
    )


def planned_sentence(planned: float, took: float) -> str:
    """How the rounds kept to their budgets, in one sentence."""
    if planned <= 0:
        return _("No round had a time budget; the rounds took {took} in all.").format(
            took=spelled_out(took)
        )
    diff = took - planned
    planned_text = spelled_out(planned)
    took_text = spelled_out(took)
    if abs(diff) < ON_PLAN_SECONDS:
        return _(
            "Rounds with a budget planned {planned}; the rounds took {took}, right on plan."
        ).format(planned=planned_text, took=took_text)
    if diff > 0:
        return _(
            "Rounds with a budget planned {planned}; the rounds took {took}, {difference} "
            "more than planned."
        ).format(planned=planned_text, took=took_text, difference=spelled_out(diff))
    return _(
        "Rounds with a budget planned {planned}; the rounds took {took}, {difference} "
        "less than planned."
    ).format(planned=planned_text, took=took_text, difference=spelled_out(-diff))


def fairness_sentence(summary: SessionSummary) -> str:
    """The summary's fairness sentence with its figures and its largest difference written as
    the rest of the page writes them."""
    return summary.fairness_sentence(format_fixed, format_percent, spelled_out)


def totals_line(summary: SessionSummary, over: float) -> str:
    passes = (
        # Translators: a session's passes when there were none (the PDF's totals line).
        _("no passes")
        if summary.passes == 0
        else ngettext("{count} pass", "{count} passes", summary.passes).format(
            count=format_number(summary.passes)
        )
    )
    return _(
        "Total speaking {total} · equal share {share} · {passes} · {over} over time in all"
    ).format(
        total=format_clock(summary.total_spoken),
        share=format_clock(summary.equal_share),
        passes=passes,
        over=format_clock(over),
    )


def passes_after_speaking(summary: SessionSummary, labels: dict[str, str]) -> list[str]:
    """One sentence for each pass that came after speaking, under the speaking-time table:
    the person's row shows the time and the pass, and this says which came first. ``labels``
    are the rows' labels by person id (as the privacy level allows)."""
    lines = []
    for round_ in summary.rounds:
        for turn in round_.turns:
            if turn.outcome is not TurnOutcome.PASSED or turn.spoken <= 0:
                continue
            lines.append(
                _(
                    "{person} spoke {time}, then passed ({round}): the time spoken counts as"
                    " speaking time, and the pass as a pass."
                ).format(
                    person=labels.get(turn.person_id, turn.person_id),
                    time=spelled_out(turn.spoken),
                    round=isolate(round_.label),
                )
            )
    return lines


def share_cell(share: float | None) -> str:
    """``share`` from :meth:`SessionSummary.shown_shares` (the column adds up to 100 %)."""
    return "—" if share is None else format_percent(share)


def versus_equal(person: PersonSummary) -> str:
    """The "vs equal" cell: a signed difference, or why the person is not measured."""
    deviation = person.deviation_seconds
    if deviation is None:
        if person.passes:
            return _("passed")
        return _("no time") if person.turns else _("no turn")
    if abs(deviation) <= 0.5:
        return "±" + format_clock(0)
    return format_clock(deviation, signed=True)


def mood_moment(moment: str) -> str:
    """A mood moment ("check-in") as a short cell: the shipped moments in the report's words."""
    known = {"check-in": _("Check-in"), "check-out": _("Check-out")}
    if moment in known:
        return known[moment]
    text = " ".join(moment.replace("-", " ").split()).capitalize()
    return text if len(text) <= 30 else text[:29] + "…"


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
