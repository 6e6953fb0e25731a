"""Dates, clocks, durations, numbers and lists as each language writes them (CLDR via Babel)."""

from __future__ import annotations

from datetime import date, time

from circlekeeper.i18n import use_language
from circlekeeper.i18n.formats import (
    format_date,
    format_duration,
    format_list,
    format_number,
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
    assert format_duration(3900) == "1 Std. und 5 Min."
    assert format_number(12345.5) == "12.345,5"
    assert format_list(["Ana", "Bo", "Chen"]) == "Ana, Bo und Chen"
    use_language("es")
    assert format_duration(125) == "2 min y 5 s"
    assert format_list(["Ana", "Bo", "Chen"]) == "Ana, Bo y Chen"
    assert format_duration(0, length="long") == "0 segundos"


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
