"""Dates, times, durations, numbers and lists the way each language writes them.

Every pattern comes from Babel's CLDR data ("martes, 24 de noviembre de 2026", 24- or 12-hour
clocks, decimal commas, the locale's own digits where CLDR says it uses them); nothing here is
a hand-written table. Each function speaks the active language unless given another one, so a
Spanish circle's PDF can be printed from an English window.

English, the source language, is answered from :mod:`circlekeeper.i18n.english_formats` (CLDR's
English patterns, checked against Babel by a test), so an English summary never loads Babel; every
other language loads it on its first format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from circlekeeper.i18n import english_formats as english
from circlekeeper.i18n.languages import PSEUDO_LANGUAGE, babel_locale_name
from circlekeeper.i18n.translation import active_language

if TYPE_CHECKING:
    from babel import Locale, numbers

Length = Literal["full", "long", "medium", "short"]
UnitLength = Literal["long", "short", "narrow"]
"""How long a unit's name is (``12 minutes``, ``12 min``, ``12m``): CLDR's, as Babel takes it."""
ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]
"""CLDR's list patterns (``a, b and c``, ``a, b or c``, ``a, b, c``), as Babel takes them."""

NO_BREAK_SPACE = "\u00a0"


def unbreakable(text: str) -> str:
    """``text`` with no-break spaces for its spaces: a figure and its unit (``12 h``,
    ``+10 pts``, ``5 min``) that must never be split across two lines of a report."""
    return text.replace(" ", NO_BREAK_SPACE)


def _locale(language: str | None) -> Locale:
    return _parsed(babel_locale_name(language or active_language()))


def _in_english(language: str | None) -> bool:
    """Whether the formats asked for are English's, which need no CLDR lookup."""
    return babel_locale_name(language or active_language()) == "en"


@cache
def _parsed(name: str) -> Locale:
    """Babel parses a locale name on every call given a string (a third of the time of
    formatting a date); a history page formats hundreds of cells, so each is parsed once."""
    from babel import Locale

    return Locale.parse(name)


def format_date(
    day: date | datetime, length: Length = "long", *, language: str | None = None
) -> str:
    """``24 November 2026`` / ``24 de noviembre de 2026``; ``full`` adds the weekday."""
    if _in_english(language) and (shown := english.format_date(day, length)) is not None:
        return shown
    from babel import dates

    return dates.format_date(day, format=length, locale=_locale(language))


def format_date_span(first: date, last: date, *, language: str | None = None) -> str:
    """``Mar 1 – 31, 2026`` / ``1.–31. März 2026``: a period as the locale writes a range of
    days (CLDR's interval formats), so a board report in German names German months."""
    from babel import dates

    return dates.format_interval(first, last, "yMMMMd", locale=_locale(language))


def format_month(month: date, *, language: str | None = None) -> str:
    """``Mar ’26`` / ``März 2026``: a month under a chart's bar."""
    return _by_skeleton("MMMyy", month, language)


def format_day_month(day: date | datetime, *, language: str | None = None) -> str:
    """``Mar 5`` / ``5. März``: a day in a year the reader already knows."""
    return _by_skeleton("dMMM", day, language)


def _by_skeleton(skeleton: str, when: date | datetime, language: str | None) -> str:
    """A calendar day or month by a date-only skeleton: what ``dates.format_skeleton`` writes
    for the day ``when`` shows on its own clock."""
    day = when.date() if isinstance(when, datetime) else when
    return _skeleton_text(skeleton, day, babel_locale_name(language or active_language()))


@lru_cache(maxsize=4096)
def _skeleton_text(skeleton: str, when: date, name: str) -> str:
    """Remembered: Babel matches the skeleton against every pattern of the locale on each
    call (milliseconds), and a period report labels thousands of bars with a few dozen
    months. Keyed by the calendar day, never a datetime (two equal instants in different
    zones can fall on different days)."""
    from babel import dates

    return dates.format_datetime(when, _skeleton_pattern(skeleton, name), locale=_parsed(name))


@cache
def _skeleton_pattern(skeleton: str, name: str) -> str:
    from babel import dates

    skeletons = _parsed(name).datetime_skeletons
    if skeleton not in skeletons:
        skeleton = dates.match_skeleton(skeleton, skeletons) or skeleton
    return str(skeletons[skeleton].pattern)


def format_weekday(day: date | datetime, *, language: str | None = None) -> str:
    """``Tuesday`` / ``Dienstag``: the day of the week a date falls on, as a sentence names
    it (a circle's schedule: "Every week on Tuesday")."""
    from babel import dates

    return str(dates.get_day_names("wide", "format", locale=_locale(language))[day.weekday()])


def format_time(
    moment: time | datetime,
    length: Length = "short",
    *,
    zone: tzinfo | None = None,
    language: str | None = None,
) -> str:
    """``2:05 PM`` in English, ``14:05`` in German: the clock the locale uses."""
    english_clock = english.format_time(moment, length) if zone is None else None
    if english_clock is not None and _in_english(language):
        return english_clock
    from babel import dates

    return dates.format_time(moment, format=length, tzinfo=zone, locale=_locale(language))


def format_datetime(
    moment: datetime,
    length: Length = "medium",
    *,
    zone: tzinfo | None = None,
    language: str | None = None,
) -> str:
    from babel import dates

    return dates.format_datetime(moment, format=length, tzinfo=zone, locale=_locale(language))


def format_date_and_time(
    moment: datetime,
    *,
    date_length: Length = "medium",
    time_length: Length = "short",
    zone: tzinfo | None = None,
    language: str | None = None,
) -> str:
    """``Nov 17, 2026, 6:20 PM`` / ``17.11.2026, 18:20``: a date and a clock time without seconds.

    CLDR's own datetime patterns pair a date and a time of the same length, which puts seconds
    on the clock; a history list wants the minute. The two halves are joined with the locale's
    own glue pattern (``{1}, {0}``, ``{1} {0}``, ``{1}، {0}``).
    """
    shown = moment.astimezone(zone) if zone is not None else moment
    if _in_english(language) and (
        english_moment := english.format_date_and_time(shown, date_length, time_length)
    ):
        return english_moment
    from babel import dates

    locale = _locale(language)
    day = dates.format_date(shown, format=date_length, locale=locale)
    clock = dates.format_time(shown, format=time_length, locale=locale)
    glue = str(dates.get_datetime_format(date_length, locale=locale))
    return glue.replace("{1}", day).replace("{0}", clock)


def zone_city(zone: tzinfo, *, language: str | None = None) -> str:
    """The city a time zone is named after, as the language writes it ("Lagos", "Tokio",
    "طوكيو"): how a clock time says whose clock it was read on."""
    return _zone_city(zone, babel_locale_name(language or active_language()))


@lru_cache(maxsize=512)
def _zone_city(zone: tzinfo, locale_name: str) -> str:
    """Asked once per zone and language: a list of sessions names the same few places row
    after row, and Babel looks each one up through its metazones (about 70,000 instructions,
    a sixth of what formatting the rest of a row costs)."""
    from babel import dates

    return str(dates.get_timezone_location(zone, locale=_parsed(locale_name), return_city=True))


def at_place(moment: str, zone: tzinfo) -> str:
    """A date and time followed by the place whose clock it was read on (:func:`zone_city`)."""
    from circlekeeper.i18n.translation import gettext

    # Translators: a date and time of a session, and the city of the time zone its circle
    # meets in, shown when the list holds other clocks too ("Nov 24, 2026, 6:51 PM (Lagos)").
    return gettext("{moment} ({place})").format(moment=moment, place=zone_city(zone))


def format_duration(
    seconds: float,
    *,
    length: Literal["long", "short", "narrow"] = "short",
    language: str | None = None,
) -> str:
    """A length of time in whole units: ``1 hr and 5 min`` / ``1 Std. und 5 Min.``, each
    figure joined to its unit by a no-break space.

    Seconds are shown only for spans under an hour, where they still matter to a person.
    """
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [("hour", hours), ("minute", minutes)] if hours else [("minute", minutes)]
    if not hours:
        parts.append(("second", secs))
    shown = [(unit, value) for unit, value in parts if value] or [("second", 0)]
    # Each figure held to its unit ("5 min"): a line or a label may break between the units,
    # never inside one.
    words = [unbreakable(_unit(value, unit, length, language)) for unit, value in shown]
    # CLDR's "unit" list styles are incomplete in Babel for several locales (a KeyError in
    # Spanish, a repeated item in Arabic); the standard style reads well in every language.
    return format_list(words, language=language)


def _unit(value: int, unit: str, length: UnitLength, language: str | None) -> str:
    if _in_english(language) and (shown := english.format_unit(value, unit, length)) is not None:
        if (language or active_language()) == PSEUDO_LANGUAGE:
            return _pseudo_unit(shown)
        return shown
    from babel import units

    return units.format_unit(value, f"duration-{unit}", length=length, locale=_locale(language))


def format_number(value: float, *, decimals: int | None = None, language: str | None = None) -> str:
    """``1,234.5`` / ``1.234,5`` / ``1 234,5``, in the digits the locale uses by default.

    ``decimals`` fixes the number of digits after the separator (``0.90``, not ``0.9``), for
    figures such as a fairness index that are read against each other.
    """
    # The key tells apart what compares equal but prints differently: 1 and 1.0, 0.0 and -0.0.
    key = (type(value), value == 0 and math.copysign(1.0, value) < 0)
    if _in_english(language) and (shown := _english_number(key, value, decimals)) is not None:
        return shown
    name = babel_locale_name(language or active_language())
    return _number_text(key, value, decimals, name)


@lru_cache(maxsize=8192)
def _english_number(key: tuple[type, bool], value: float, decimals: int | None) -> str | None:
    """Remembered like :func:`_number_text`: English is written out without Babel, but still
    a decimal quantized in Python for each of a period report's tens of thousands of figures."""
    return english.format_number(value, decimals)


@lru_cache(maxsize=8192)
def _number_text(key: tuple[type, bool], value: float, decimals: int | None, name: str) -> str:
    """Remembered: a period report writes the same few thousand figures over and over, each
    a Babel pattern applied in Python."""
    from babel import numbers

    locale = _parsed(name)
    if decimals is None:
        return numbers.format_decimal(value, locale=locale, numbering_system="default")
    pattern = _fixed_pattern(decimals)
    return numbers.format_decimal(value, format=pattern, locale=locale, numbering_system="default")


@cache
def _fixed_pattern(decimals: int) -> numbers.NumberPattern:
    """``#,##0.00`` parsed once (Babel parses a pattern string on every call)."""
    from babel import numbers

    return numbers.parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else ""))


def plus_sign(*, language: str | None = None) -> str:
    """The locale's plus sign for a gain or a time over (CLDR): ``+``, and in Arabic ``\u200e+``,
    whose left-to-right mark keeps the sign on the left of its number in a right-to-left line
    (a bare "+" there is thrown to the number's right: the live ring read "0:16+")."""
    if _in_english(language):
        return english.PLUS_SIGN
    from babel import numbers

    return str(numbers.get_plus_sign_symbol(_locale(language)))


def format_percent(fraction: float, *, signed: bool = False, language: str | None = None) -> str:
    """``0.25`` → ``25%`` / ``25 %``; ``signed`` puts the locale's plus sign on gains
    (``+25 %``) for a change against something, and ``0 %`` stays unsigned."""
    gains = signed and round(fraction * 100) > 0
    if _in_english(language) and (shown := english.format_percent(fraction)) is not None:
        return english.PLUS_SIGN + shown if gains else shown
    from babel import numbers

    locale = _locale(language)
    shown = numbers.format_percent(fraction, locale=locale, numbering_system="default")
    if gains:
        return plus_sign(language=language) + shown
    return shown


def format_list(
    items: Iterable[str], *, style: ListStyle = "standard", language: str | None = None
) -> str:
    """``Ana, Bo and Chen`` / ``Ana, Bo y Chen`` / ``Ana, Bo und Chen``."""
    listed = list(items)
    if (language or active_language()) == PSEUDO_LANGUAGE and style == "standard":
        return _pseudo_list(listed)
    if _in_english(language) and (shown := english.format_list(listed, style)) is not None:
        return shown
    from babel import lists

    return lists.format_list(listed, style=style, locale=_locale(language))


def _pseudo_unit(shown: str) -> str:
    """``4 [ɱîñ ~]``: English's unit pseudo-translated, like :func:`_pseudo_list`'s "and", so
    a duration inside a sentence is not left as the one English word of a pseudo screen."""
    from circlekeeper.i18n.pseudo import pseudolocalize

    figure, _space, word = shown.rpartition("\u00a0" if "\u00a0" in shown else " ")
    return f"{figure}\u00a0{pseudolocalize(word)}" if figure else pseudolocalize(shown)


def _pseudo_list(items: list[str]) -> str:
    """English's list with a pseudo-translated "and", so the layout test's pseudo-locale
    (which fails on any English word on screen) sees this word go through translation too."""
    from circlekeeper.i18n.pseudo import pseudolocalize

    if len(items) <= 1:
        return items[0] if items else ""
    word = pseudolocalize("and")
    if len(items) == 2:
        return f"{items[0]} {word} {items[1]}"
    return ", ".join(items[:-1]) + f", {word} " + items[-1]


def format_open_list(items: Iterable[str], *, language: str | None = None) -> str:
    """``Ana, Bo, Chen`` / ``أمل وبو وتشن``: the first items of a longer list (shown with an
    ellipsis after them), joined the way the locale joins items in the middle of a list, with
    no "and" before the last one shown, which is not the list's last."""
    listed = list(items)
    if _in_english(language):
        return ", ".join(listed)
    glue = str(_locale(language).list_patterns["standard"]["middle"])  # "{0}, {1}"
    before, _first, rest = glue.partition("{0}")
    between, _second, after = rest.partition("{1}")
    shown = listed[0] if listed else ""
    for item in listed[1:]:  # pieced together: a name may hold "{1}"
        shown = before + shown + between + item + after
    return shown


def format_clock(seconds: float, *, signed: bool = False, language: str | None = None) -> str:
    """A timer reading, ``m:ss`` or ``h:mm:ss``, in the locale's digits (``١:٠٥`` in Arabic);
    ``signed`` puts the locale's plus or minus sign before it (the sign stays on the number's
    left in a right-to-left line, as :func:`format_percent`'s does).

    For tables and charts, where ``1 hr and 5 min`` would not fit: the digits and the minus
    sign come from CLDR, the colon is the time separator every shipped locale uses.
    """
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if _in_english(language):
        digits, minus = english.format_digits, english.MINUS_SIGN
    else:
        from babel import numbers

        locale = _locale(language)
        minus = numbers.get_minus_sign_symbol(locale)

        def digits(value: int, width: int) -> str:
            return numbers.format_decimal(
                value, format="0" * width, locale=locale, numbering_system="default"
            )

    parts = [digits(hours, 1), digits(minutes, 2)] if hours else [digits(minutes, 1)]
    clock = ":".join([*parts, digits(secs, 2)])
    if signed and total:
        return (plus_sign(language=language) if seconds > 0 else minus) + clock
    return clock


def format_fixed(value: float, places: int, *, language: str | None = None) -> str:
    """``0.86`` / ``0,86``: :func:`format_number` with exactly ``places`` decimals, in the
    ``(value, places)`` shape session/ asks for when it words a figure (``summary.Decimal``)."""
    return format_number(value, decimals=places, language=language)
