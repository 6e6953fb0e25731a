"""Dates, times, durations, numbers and lists the way each language writes them.

Every pattern comes from Babel's CLDR data ("martes, 24 de noviembre de 2026", 24- or 12-hour
clocks, decimal commas, the locale's own digits where CLDR says it uses them); nothing here is
a hand-written table. Each function speaks the active language unless given another one, so a
Spanish circle's PDF can be printed from an English window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from typing import Literal

from babel import dates, lists, numbers, units

from circlekeeper.i18n.languages import babel_locale_name
from circlekeeper.i18n.translation import active_language

Length = Literal["full", "long", "medium", "short"]


def _locale(language: str | None) -> str:
    return babel_locale_name(language or active_language())


def format_date(
    day: date | datetime, length: Length = "long", *, language: str | None = None
) -> str:
    """``24 November 2026`` / ``24 de noviembre de 2026``; ``full`` adds the weekday."""
    return dates.format_date(day, format=length, locale=_locale(language))


def format_time(
    moment: time | datetime,
    length: Length = "short",
    *,
    zone: tzinfo | None = None,
    language: str | None = None,
) -> str:
    """``2:05 PM`` in English, ``14:05`` in German: the clock the locale uses."""
    return dates.format_time(moment, format=length, tzinfo=zone, locale=_locale(language))


def format_datetime(
    moment: datetime,
    length: Length = "medium",
    *,
    zone: tzinfo | None = None,
    language: str | None = None,
) -> str:
    return dates.format_datetime(moment, format=length, tzinfo=zone, locale=_locale(language))


def format_duration(
    seconds: float,
    *,
    length: Literal["long", "short", "narrow"] = "short",
    language: str | None = None,
) -> str:
    """A length of time in whole units: ``1 hr and 5 min`` / ``1 Std. und 5 Min.``.

    Seconds are shown only for spans under an hour, where they still matter to a person.
    """
    locale = _locale(language)
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [("hour", hours), ("minute", minutes)] if hours else [("minute", minutes)]
    if not hours:
        parts.append(("second", secs))
    shown = [(unit, value) for unit, value in parts if value] or [("second", 0)]
    words = [
        units.format_unit(value, f"duration-{unit}", length=length, locale=locale)
        for unit, value in shown
    ]
    # CLDR's "unit" list styles are incomplete in Babel for several locales (a KeyError in
    # Spanish, a repeated item in Arabic); the standard style reads well in every language.
    return format_list(words, language=language)


def format_number(value: float, *, language: str | None = None) -> str:
    """``1,234.5`` / ``1.234,5`` / ``1 234,5``, in the digits the locale uses by default."""
    return numbers.format_decimal(value, locale=_locale(language), numbering_system="default")


def format_percent(fraction: float, *, language: str | None = None) -> str:
    """``0.25`` → ``25%`` / ``25 %``."""
    return numbers.format_percent(fraction, locale=_locale(language), numbering_system="default")


def format_list(
    items: Iterable[str], *, style: str = "standard", language: str | None = None
) -> str:
    """``Ana, Bo and Chen`` / ``Ana, Bo y Chen`` / ``Ana, Bo und Chen``."""
    return lists.format_list(list(items), style=style, locale=_locale(language))  # type: ignore[arg-type]


def format_clock(seconds: float, *, signed: bool = False, language: str | None = None) -> str:
    """A timer reading, ``m:ss`` or ``h:mm:ss``, in the locale's digits (``١:٠٥`` in Arabic).

    For tables and charts, where ``1 hr and 5 min`` would not fit: the digits and the minus
    sign come from CLDR, the colon is the time separator every shipped locale uses.
    """
    locale = _locale(language)
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)

    def digits(value: int, width: int) -> str:
        return numbers.format_decimal(
            value, format="0" * width, locale=locale, numbering_system="default"
        )

    parts = [digits(hours, 1), digits(minutes, 2)] if hours else [digits(minutes, 1)]
    clock = ":".join([*parts, digits(secs, 2)])
    if signed and total:
        sign = "+" if seconds > 0 else numbers.get_minus_sign_symbol(locale)
        return sign + clock
    return clock


def format_fixed(value: float, places: int, *, language: str | None = None) -> str:
    """``0.86`` / ``0,86``: exactly ``places`` decimals, the locale's separator and digits."""
    pattern = "0." + "0" * places if places > 0 else "0"
    return numbers.format_decimal(
        value, format=pattern, locale=_locale(language), numbering_system="default"
    )
