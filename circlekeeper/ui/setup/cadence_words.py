"""A circle's schedule in words, as its page and the circle editor say it."""

from __future__ import annotations

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_date, format_weekday
from circlekeeper.session.cadence import Cadence


def cadence_words(cadence: Cadence) -> str:
    """A circle's schedule as its page and the editor say it: ``On the second Tuesday of each
    month, from 10 March 2026``; without a date, the first session's weekday is named as the
    rule (the page does not know that session)."""
    if cadence.is_planned and cadence.since is None:
        # Translators: a schedule ("Every week") whose weekday is that of the first session.
        return _("{schedule}, on the weekday of the circle's first session").format(
            schedule=cadence.kind.label
        )
    return cadence.describe(cadence.since, format_weekday, start=format_date)
