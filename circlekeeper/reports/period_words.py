"""How the period figures read in words: changes against the previous period, shares, fairness.

One place for these phrasings, so the PDF, the CSV and the history view say "+12 %" or "time
was shared fairly evenly" the same way.
"""

from __future__ import annotations

from datetime import date

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_date_span, format_fixed, format_number
from circlekeeper.session.fairness_words import fairness_verdict


def _signed(value: float, places: int) -> str:
    """``+12`` / ``-3`` / ``+0,06``: a change, its figure written the reader's way."""
    shown = format_fixed(value, places)
    return shown if shown.startswith(("-", "−")) or round(value, places) == 0 else "+" + shown


def change_in_count(now: float, before: float) -> str:
    """``+12 %`` against the previous period; ``new`` when there was nothing before."""
    if not before:
        return "—" if not now else _("new")
    change = (now - before) / before * 100
    if abs(change) < 0.5:
        return _("no change")
    return _signed(change, 0) + " %"


def change_in_share(now: float | None, before: float | None) -> str:
    """Shares change in percentage points: 40 % → 50 % is ``+10 pts``, not ``+25 %``."""
    if now is None or before is None:
        return "—"
    points = (now - before) * 100
    if abs(points) < 0.5:
        return _("no change")
    # Percentage points (40 % → 50 % is +10 points).
    return _("{points} pts").format(points=_signed(points, 0))


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
    return "—" if value is None else format_fixed(value * 100, 0) + " %"


def number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else format_fixed(value, digits)


def hours(seconds: float) -> str:
    # Hours, as in "1,234.5 h".
    return _("{hours} h").format(hours=format_fixed(seconds / 3600, 1))


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
