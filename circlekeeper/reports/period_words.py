"""How the period figures read in words: changes against the previous period, shares, fairness.

One place for these phrasings, so the PDF, the CSV and the history view say "+12%" or "time
was shared fairly evenly" the same way.
"""

from __future__ import annotations

from datetime import date

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import (
    format_date_span,
    format_day_month,
    format_fixed,
    format_number,
    format_percent,
    format_weekday,
    plus_sign,
    unbreakable,
)
from circlekeeper.session.fairness_words import fairness_verdict
from circlekeeper.session.planned_sessions import PlannedSessions


def _signed(value: float, places: int) -> str:
    """``+12`` / ``-3`` / ``+0,06``: a change, its figure written the reader's way."""
    shown = format_fixed(value, places)
    if shown.lstrip("\u200e\u200f\u061c").startswith(("-", "−")) or round(value, places) == 0:
        return shown
    return plus_sign() + shown


def change_in_count(now: float, before: float) -> str:
    """``+12%`` (``+12 %`` in German) against the previous period; ``new`` when there was
    nothing before. The percentage is CLDR's, a no-break space wherever the locale puts a space."""
    if not before:
        return "—" if not now else _("new")
    change = (now - before) / before * 100
    if abs(change) < 0.5:
        return _("no change")
    return format_percent(change / 100, signed=True)


def change_in_share(now: float | None, before: float | None) -> str:
    """Shares change in percentage points: 40 % → 50 % is ``+10 pts``, not ``+25 %``."""
    if now is None or before is None:
        return "—"
    points = (now - before) * 100
    if abs(points) < 0.5:
        return _("no change")
    # Percentage points (40 % → 50 % is +10 points).
    return unbreakable(_("{points} pts").format(points=_signed(points, 0)))


def change_in_index(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "—"
    if abs(now - before) < 0.005:
        return _("no change")
    return _signed(now - before, 2)


def count(value: int) -> str:
    """``1,234`` / ``1.234``: a count of people or sessions, grouped the reader's way."""
    return format_number(value)


def share(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else format_fixed(value, digits)


def hours(seconds: float) -> str:
    # Hours, as in "1,234.5 h".
    return unbreakable(_("{hours} h").format(hours=format_fixed(seconds / 3600, 1)))


def fairness(index: float | None) -> str:
    """``0.93 (time was shared fairly evenly)``, or a dash when nobody spoke."""
    if index is None:
        return "—"
    return f"{format_fixed(index, 2)} ({fairness_verdict(index)})"


def fairness_sentence(index: float | None) -> str:
    if index is None:
        return _("Nobody spoke in the sessions of this period, so there is no fairness figure.")
    return _(
        "Fairness: on average {verdict} (index {index}; 1.00 is perfectly equal, and passing"
        " never lowers it)."
    ).format(verdict=fairness_verdict(index), index=format_fixed(index, 2))


def day_span(first: date, last: date) -> str:
    return format_date_span(first, last)


# ------------------------------------------------------------- sessions held against the plan
#
# Plain and kind: the figure says what was held and what was planned, never "missed" or
# "behind"; a circle with no fixed schedule gets its count and nothing to be measured by.


def schedule(plan: PlannedSessions) -> str:
    """``Every week on Tuesday`` / ``No fixed schedule``: the circle's cadence in words."""
    return plan.cadence.describe(plan.anchor, format_weekday)


def held_short(plan: PlannedSessions) -> str:
    """``3 of 4`` (planned) for a table cell; ``3`` when there is nothing to compare with."""
    if plan.planned is None:
        return format_number(plan.held)
    # Translators: sessions held of sessions planned, in a narrow table cell ("3 of 4").
    return _("{held} of {planned}").format(
        held=format_number(plan.held), planned=format_number(plan.planned)
    )


def held_against_plan(plan: PlannedSessions) -> str:
    """``3 of 4 planned sessions held``; ``3 sessions held`` without a plan to compare with."""
    held = format_number(plan.held)
    if plan.planned is None:
        if plan.cadence.is_planned:
            return ngettext(
                "no meeting was planned in these days; {held} session held",
                "no meeting was planned in these days; {held} sessions held",
                plan.held,
            ).format(held=held)
        return ngettext("{held} session held", "{held} sessions held", plan.held).format(held=held)
    planned = format_number(plan.planned)
    if plan.held > plan.planned:
        return ngettext(
            "{held} sessions held; {planned} was planned",
            "{held} sessions held; {planned} were planned",
            plan.planned,
        ).format(held=held, planned=planned)
    return ngettext(
        "{held} of {planned} planned session held",
        "{held} of {planned} planned sessions held",
        plan.planned,
    ).format(held=held, planned=planned)


def plan_sentence(plan: PlannedSessions) -> str:
    """The circle's line in the period report: ``Every week on Tuesday: 3 of 4 planned
    sessions held.``, with the days counted when the plan began or ended inside the period."""
    words = schedule(plan)
    first, last = plan.counted_from, plan.counted_until
    if first is not None and last is not None:
        # Translators: a schedule and the part of the period it covered ("5 Mar – 2 Apr").
        words = _("{schedule}, {first} to {last}").format(
            schedule=words, first=format_day_month(first), last=format_day_month(last)
        )
    elif first is not None:
        # Translators: a schedule that began inside the period ("…, from 18 Mar").
        words = _("{schedule}, from {day}").format(schedule=words, day=format_day_month(first))
    elif last is not None:
        # Translators: a closed circle's schedule, which ended inside the period.
        words = _("{schedule}, until {day}").format(schedule=words, day=format_day_month(last))
    # Translators: a circle's schedule, then what was held ("3 of 4 planned sessions held").
    return _("{schedule}: {held}.").format(schedule=words, held=held_against_plan(plan))
