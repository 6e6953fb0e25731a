"""The source language's formats written out, so an English report never loads Babel.

Babel's CLDR data is the authority for every language (:mod:`circlekeeper.i18n.formats`), but
opening it is the costliest step of ``circlekeeper export ID`` for an English circle: the import,
the global data file and the locale's own tables come to about a tenth of the whole process
(``python -m benchmarks export``). English is what most summaries print in and its patterns are
few and fixed, so they are spelled out here, each one copied from CLDR as Babel has it; a test
formats many values both ways and requires identical text. Anything outside these patterns (a
style, length or time zone not listed) returns ``None`` and Babel answers as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_NNBSP = "\u202f"
"""CLDR puts a narrow no-break space between the clock and AM/PM (``5:05 PM``)."""

_UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "long": {
        "hour": ("{0} hour", "{0} hours"),
        "minute": ("{0} minute", "{0} minutes"),
        "second": ("{0} second", "{0} seconds"),
    },
    "short": {
        "hour": ("{0} hr", "{0} hr"),
        "minute": ("{0} min", "{0} min"),
        "second": ("{0} sec", "{0} sec"),
    },
    "narrow": {
        "hour": ("{0}h", "{0}h"),
        "minute": ("{0}m", "{0}m"),
        "second": ("{0}s", "{0}s"),
    },
}
"""CLDR's ``duration-*`` unit patterns in English: (one, other)."""


def format_date(day: date, length: str) -> str | None:
    """``Tuesday, March 3, 2026`` / ``March 3, 2026`` / ``Mar 3, 2026`` / ``3/3/26``."""
    if isinstance(day, datetime):
        day = day.date()
    month = _MONTHS[day.month - 1]
    if length == "full":
        return f"{_WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}"
    if length == "long":
        return f"{month} {day.day}, {day.year}"
    if length == "medium":
        return f"{month[:3]} {day.day}, {day.year}"
    if length == "short":
        return f"{day.month}/{day.day}/{day.year % 100:02d}"
    return None


def format_time(moment: time | datetime, length: str) -> str | None:
    """``5:05 PM`` (short) and ``5:05:00 PM`` (medium), the 12-hour clock CLDR gives English."""
    hour = moment.hour % 12 or 12
    period = "AM" if moment.hour < 12 else "PM"
    if length == "short":
        return f"{hour}:{moment.minute:02d}{_NNBSP}{period}"
    if length == "medium":
        return f"{hour}:{moment.minute:02d}:{moment.second:02d}{_NNBSP}{period}"
    return None


def format_date_and_time(moment: datetime, date_length: str, time_length: str) -> str | None:
    """``Nov 27, 2026, 6:34 PM``: a date and a clock time joined by CLDR's ``{1}, {0}``."""
    day, clock = format_date(moment, date_length), format_time(moment, time_length)
    if day is None or clock is None:
        return None
    return f"{day}, {clock}"


def format_number(value: float, decimals: int | None) -> str | None:
    """CLDR's ``#,##0.###`` (or ``#,##0.00``-style with ``decimals``), rounded as Babel rounds:
    the float's shortest decimal form, half to even."""
    if not math.isfinite(value):
        return None
    if decimals is None:
        return _decimal(value, 0, 3)
    return _decimal(value, decimals, decimals)


def format_percent(fraction: float) -> str | None:
    """CLDR's ``#,##0%``."""
    if not math.isfinite(fraction):
        return None
    from decimal import Decimal

    return _decimal(Decimal(str(fraction)).scaleb(2), 0, 0) + "%"


def format_unit(value: int, unit: str, length: str) -> str | None:
    """``1 hour``, ``5 min``, ``30s``: one of the duration units at a length CLDR has."""
    patterns = _UNITS.get(length, {}).get(unit)
    if patterns is None:
        return None
    return patterns[0 if value == 1 else 1].format(_decimal(value, 0, 3))


def format_list(items: Sequence[str], style: str) -> str | None:
    """``a and b``, ``a, b, and c``: CLDR's standard English list (with the serial comma)."""
    if style != "standard":
        return None
    if len(items) <= 1:
        return items[0] if items else ""
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def format_digits(value: int, width: int) -> str:
    """A whole number padded with zeros to ``width`` (pattern ``00``): a clock's fields."""
    return f"{value:0{width}d}"


MINUS_SIGN = "-"
PLUS_SIGN = "+"


def _decimal(value: object, least: int, most: int) -> str:
    """Babel's ``NumberPattern.apply`` for English's symbols (``,`` and ``.``), grouping by
    three: the sign read before rounding, the value quantized half to even."""
    from decimal import Decimal

    number = value if isinstance(value, Decimal) else Decimal(str(value))
    negative = number.is_signed()
    rounded = abs(number).normalize().quantize(Decimal(1).scaleb(-most))
    whole, _dot, fraction = f"{rounded:f}".partition(".")
    whole = f"{int(whole):,}"
    fraction = (fraction or "0").ljust(least, "0")
    if most == 0 or (least == 0 and int(fraction) == 0):
        shown = whole
    else:
        while len(fraction) > least and fraction[-1] == "0":
            fraction = fraction[:-1]
        shown = f"{whole}.{fraction}"
    return f"-{shown}" if negative else shown
