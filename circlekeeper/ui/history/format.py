"""How history shows times and figures to people: the circle's local time, the facilitator's
language (dates, clocks, decimal commas and durations from CLDR through
:mod:`circlekeeper.i18n.formats`, never hand-written patterns)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import (
    at_place,
    format_date,
    format_date_and_time,
    format_duration,
    format_number,
    format_percent,
)

DASH = "—"
"""A figure nobody recorded (no one spoke, nobody counted)."""


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(moment: datetime, timezone: str, *, with_time: bool = True) -> str:
    """A UTC moment as the circle saw it on its wall clock (its own time zone), in the
    facilitator's language: ``Nov 17, 2026, 6:20 PM`` / ``17.11.2026, 18:20``.

    A session without a known time zone is shown in UTC and says so.
    """
    zone = _zone(timezone) if timezone else None
    if not with_time:
        return format_date(moment.astimezone(zone or UTC), "medium")
    if zone is not None:
        return format_date_and_time(moment, zone=zone)
    # Translators: a date and time of a session whose time zone is not known.
    return _("{moment} UTC").format(moment=format_date_and_time(moment, zone=UTC))


def listed_time(moment: datetime, timezone: str) -> str:
    """When a session began, as the list of sessions shows it: on its circle's wall clock
    (what the people there saw, and what its facilitator remembers), and naming the circle's
    place whenever that clock read differently from this computer's at the moment.

    The list is in the order the sessions really happened (its paging walks that order, and
    a circle's sessions keep theirs). With circles in several time zones, "6:51 PM" could
    stand above "6:32 PM" on the same day with nothing to say why; "6:51 PM (Lagos)" above
    "6:32 PM" says it. Ordering by the clock times shown instead would have put a session
    before one it followed. Circles on this computer's clock show no place (almost always
    every row).
    """
    shown = local_time(moment, timezone)
    zone = _zone(timezone) if timezone else None
    if zone is None or not names_place(moment, timezone):
        return shown
    return at_place(shown, zone)


def names_place(moment: datetime, timezone: str) -> bool:
    """Whether :func:`listed_time` names the circle's place: its clock read differently from
    this computer's at ``moment``."""
    zone = _zone(timezone) if timezone else None
    return zone is not None and (
        moment.astimezone(zone).utcoffset() != moment.astimezone().utcoffset()
    )


def day(moment: datetime) -> str:
    """Only the date, on this computer's calendar: ``Nov 17, 2026`` / ``17.11.2026``."""
    return format_date(moment.astimezone(), "medium")


def duration(seconds: float, *, to_the_minute: bool = False) -> str:
    """``1 hr and 5 min`` / ``2 Min. und 5 Sek.``: a length of time in words.

    ``to_the_minute`` rounds a whole session's length (``44 Min.``, not ``43 Min. und 50 Sek.``):
    its seconds are noise, and the words are long in German.
    """
    if to_the_minute and seconds >= 60:
        seconds = round(seconds / 60) * 60
    return format_duration(seconds)


def decimal(value: float | None, decimals: int) -> str:
    """``0.93`` / ``0,93``; a dash when there is no figure."""
    return DASH if value is None else format_number(value, decimals=decimals)


def count(value: int) -> str:
    """``1,234`` / ``1.234``: a whole number as the language groups its digits."""
    return format_number(value)


def percent(ratio: float | None) -> str:
    return DASH if ratio is None else format_percent(ratio)


def signed_percent(balance: float) -> str:
    """+25 % / −40 % for a speaking balance (heard more / less than an equal share)."""
    return format_percent(balance, signed=True)
