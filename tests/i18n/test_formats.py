"""Dates, clocks, durations, numbers and lists as each language writes them (CLDR via Babel)."""

from __future__ import annotations

from datetime import date, time

from circlekeeper.i18n import use_language
from circlekeeper.i18n.formats import (
    format_date,
    format_duration,
    format_list,
    format_number,
    format_open_list,
    format_time,
)


def test_a_full_date_in_spanish_german_and_arabic() -> None:
    day = date(2026, 11, 24)
    assert format_date(day, "full", language="es") == "martes, 24 de noviembre de 2026"
    assert format_date(day, "full", language="de") == "Dienstag, 24. November 2026"
    assert "نوفمبر" in format_date(day, "full", language="ar")


def test_the_clock_is_12_hour_in_english_and_24_hour_in_french() -> None:
    assert format_time(time(14, 5), language="en").replace("\u202f", " ") == "2:05 PM"
    assert format_time(time(14, 5), language="fr") == "14:05"


def test_durations_numbers_and_lists_follow_the_active_language() -> None:
    use_language("de")
    assert format_duration(3900) == "1\u00a0Std. und 5\u00a0Min."  # no break inside a unit
    assert format_number(12345.5) == "12.345,5"
    assert format_list(["Ana", "Bo", "Chen"]) == "Ana, Bo und Chen"
    use_language("es")
    assert format_duration(125) == "2\u00a0min y 5\u00a0s"
    assert format_list(["Ana", "Bo", "Chen"]) == "Ana, Bo y Chen"
    assert format_duration(0, length="long") == "0\u00a0segundos"


def test_the_first_names_of_a_longer_list_have_no_and_before_the_last_shown() -> None:
    """``Order: Ana, Bo, Chen…``: a sequence, or a list that goes on: no "and" before its end."""
    names = ["Ana", "Bo {1}", "Chen"]
    assert format_open_list(names, language="en") == "Ana, Bo {1}, Chen"
    assert format_open_list(names, language="de") == "Ana, Bo {1}, Chen"
    assert format_open_list(names, language="ar") == "Ana وBo {1} وChen"
    assert format_list(names, language="ar") == "Ana وBo {1} وChen"
    assert format_open_list([], language="ar") == ""


def test_a_period_and_its_months_are_named_in_the_readers_language() -> None:
    from datetime import date

    from circlekeeper.i18n.formats import format_date_span, format_day_month, format_month

    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert format_date_span(*march, language="en") == "Mar 1\u2009–\u200931, 2026"
    assert format_date_span(*march, language="de").replace("\u2009", " ") in (
        "1.–31. März 2026",
        "1. – 31. März 2026",
    )
    assert "marzo" in format_date_span(*march, language="es")
    assert "مارس" in format_date_span(*march, language="ar")
    assert format_month(date(2026, 3, 1), language="fr") == "mars 2026"
    assert format_day_month(date(2026, 3, 5), language="pt_BR") == "5 de mar."


def test_remembered_month_and_day_labels_read_as_babel_writes_them_on_the_local_day() -> None:
    """The labels are looked up once per day and language (a year's report has thousands of
    bars): still Babel's own words, the day a moment shows on its own clock, and never the
    label of an equal instant in another zone."""
    from datetime import UTC, datetime, timedelta, timezone

    from babel import Locale, dates

    from circlekeeper.i18n.formats import format_day_month, format_month
    from circlekeeper.i18n.languages import babel_locale_name

    late = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)
    east = late.astimezone(timezone(timedelta(hours=5)))
    for language in ("en", "es", "fr", "de", "pt_BR", "ar"):
        locale = Locale.parse(babel_locale_name(language))
        for moment in (date(2026, 1, 1), date(2026, 3, 5), late, east):
            for _ in range(2):
                assert format_month(moment, language=language) == dates.format_skeleton(
                    "MMMyy", moment, locale=locale
                )
                assert format_day_month(moment, language=language) == dates.format_skeleton(
                    "dMMM", moment, locale=locale
                )
    assert format_day_month(late, language="en") == "Mar 31"
    assert format_day_month(east, language="en") == "Apr 1"


def test_remembered_numbers_still_read_as_babel_writes_them() -> None:
    """Figures are remembered per value and language; values that compare equal but print
    differently (``0.0`` and ``-0.0``) keep their own text, and a new language its own."""
    from babel import Locale, numbers

    from circlekeeper.i18n.languages import babel_locale_name

    for language in ("en", "de", "fr", "ar"):
        locale = Locale.parse(babel_locale_name(language))
        for value in (0.0, -0.0, 1, 1.0, 0.5, 1234.5678, -2.25):
            for decimals in (None, 0, 2):
                pattern = (
                    None
                    if decimals is None
                    else "#,##0" + ("." + "0" * decimals if decimals else "")
                )
                want = numbers.format_decimal(
                    value, format=pattern, locale=locale, numbering_system="default"
                )
                assert format_number(value, decimals=decimals, language=language) == want
    assert format_number(-0.0, decimals=2, language="en") == "-0.00"
    assert format_number(0.0, decimals=2, language="en") == "0.00"
    assert format_number(1234.5, language="de") == "1.234,5"


def test_a_value_ending_in_a_full_stop_ends_the_sentence_once() -> None:
    from circlekeeper.i18n import _, use_language

    use_language("de")
    try:
        sentence = _("Circles met for {hours} in all.")  # not in the catalog: as written
        assert sentence.format(hours="19,0 Std.") == "Circles met for 19,0 Std. in all."
        end = _("{who} spoke for {time}.")
        assert end.format(who="Bo", time="5 Min.") == "Bo spoke for 5 Min."
        assert end.format(who="Bo", time="5 min") == "Bo spoke for 5 min."
        assert end.format(who="Dr.", time="5 Min.") == "Dr. spoke for 5 Min."
    finally:
        use_language("en")


def test_a_place_is_named_in_the_language_on_screen_each_time_it_changes() -> None:
    """The city a time zone is named after is looked up once per zone and language (a list
    of sessions names the same few places row after row), never kept from another language."""
    from zoneinfo import ZoneInfo

    from circlekeeper.i18n.formats import zone_city

    tokyo = ZoneInfo("Asia/Tokyo")
    use_language("en")
    assert zone_city(tokyo) == "Tokyo"
    use_language("de")
    assert zone_city(tokyo) == "Tokio"
    assert zone_city(tokyo, language="ar") == "طوكيو"
    use_language("en")
    assert zone_city(tokyo) == "Tokyo"
