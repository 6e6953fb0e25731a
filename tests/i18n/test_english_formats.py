"""English's written-out formats say exactly what Babel's CLDR data says.

:mod:`circlekeeper.i18n.english_formats` exists so an English summary prints without loading
Babel; these tests hold it to Babel's text for every pattern it answers, so the two can never
drift apart (a new Babel or CLDR that changes English fails here, not on a printed page).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from babel import Locale, dates, lists, numbers, units
from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.i18n import formats

EN = Locale.parse("en")
LENGTHS = ("full", "long", "medium", "short")


def test_every_date_length_matches_babel_across_a_leap_year() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        for length in LENGTHS:
            assert formats.format_date(day, length, language="en") == dates.format_date(
                day, format=length, locale=EN
            )
        day += timedelta(days=1)
    moment = datetime(2031, 12, 31, 23, 59)
    assert formats.format_date(moment, "full", language="en") == "Wednesday, December 31, 2031"


def test_every_minute_of_the_day_reads_as_babel_reads_it() -> None:
    for minute in range(24 * 60):
        clock = time(minute // 60, minute % 60, 7)
        for length in ("short", "medium"):
            assert formats.format_time(clock, length, language="en") == dates.format_time(
                clock, format=length, locale=EN
            )
    assert formats.format_time(time(0, 5), language="en") == "12:05\u202fAM"


@settings(max_examples=400, deadline=None)
@given(
    value=st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(-1e9, 1e9, allow_nan=False),
        st.decimals(-10000, 10000, places=4).map(float),
    ),
    decimals=st.one_of(st.none(), st.integers(0, 4)),
)
def test_numbers_round_and_group_as_babel_does(value: float, decimals: int | None) -> None:
    if decimals is None:
        expected = numbers.format_decimal(value, locale=EN, numbering_system="default")
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        expected = numbers.format_decimal(
            value, format=pattern, locale=EN, numbering_system="default"
        )
    assert formats.format_number(value, decimals=decimals, language="en") == expected


@pytest.mark.parametrize("value", [0.5, 2.5, 2.675, -0.3, -0.0, 0.0005, 1234567.891, 0.1 + 0.2])
def test_halves_and_float_noise_round_the_same_way(value: float) -> None:
    for decimals in (None, 0, 2):
        pattern = (
            "#,##0.###" if decimals is None else "#,##0" + ("." + "0" * decimals) * bool(decimals)
        )
        expected = numbers.format_decimal(value, format=pattern, locale=EN)
        assert formats.format_number(value, decimals=decimals, language="en") == expected


@settings(max_examples=300, deadline=None)
@given(st.floats(-50, 50, allow_nan=False))
def test_percentages_match_babel(fraction: float) -> None:
    plain = numbers.format_percent(fraction, locale=EN, numbering_system="default")
    assert formats.format_percent(fraction, language="en") == plain
    signed = formats.format_percent(fraction, signed=True, language="en")
    assert signed == ("+" + plain if round(fraction * 100) > 0 else plain)


NBSP = "\u00a0"


@pytest.mark.parametrize("length", ["long", "short", "narrow"])
def test_durations_use_cldrs_units_and_plurals(length: str) -> None:
    for seconds in [*range(0, 130), 3599, 3600, 3601, 3660, 7322, 36000, 360000, 29.5, 30.5]:
        total = max(0, round(seconds))
        hours, rest = divmod(total, 3600)
        minutes, secs = divmod(rest, 60)
        parts = [("hour", hours), ("minute", minutes)] if hours else [("minute", minutes)]
        if not hours:
            parts.append(("second", secs))
        shown = [(unit, v) for unit, v in parts if v] or [("second", 0)]
        words = [  # each figure held to its unit with a no-break space
            units.format_unit(v, f"duration-{unit}", length=length, locale=EN).replace(" ", NBSP)  # type: ignore[arg-type]
            for unit, v in shown
        ]
        expected = lists.format_list(words, locale=EN)
        assert formats.format_duration(seconds, length=length, language="en") == expected  # type: ignore[arg-type]


def test_lists_and_clocks_match_babel() -> None:
    for count in range(6):
        items = [f"Person {i}" for i in range(count)]
        assert formats.format_list(items, language="en") == lists.format_list(items, locale=EN)
    assert formats.format_list(["a", "b", "c"], style="or", language="en") == "a, b, or c"
    assert formats.format_clock(3723, language="en") == "1:02:03"
    assert formats.format_clock(-65, signed=True, language="en") == (
        numbers.get_minus_sign_symbol(EN) + "1:05"
    )
    assert formats.format_clock(65, signed=True, language="en") == "+1:05"


def test_other_languages_still_come_from_cldr() -> None:
    assert formats.format_date(date(2026, 3, 3), "full", language="de") == "Dienstag, 3. März 2026"
    assert formats.format_number(1234.5, language="de") == "1.234,5"
    arabic = Locale.parse("ar")
    assert formats.format_percent(-0.25, language="ar") == numbers.format_percent(
        -0.25, locale=arabic, numbering_system="default"
    )
    assert formats.format_list(["أ", "ب"], language="ar") == lists.format_list(
        ["أ", "ب"], locale=arabic
    )


def test_an_english_export_does_not_load_babel(tmp_path: Path) -> None:
    """What keeps ``circlekeeper export ID`` quick for an English circle
    (``python -m benchmarks export``): its dates, figures and words need no CLDR lookup, while
    a German one (checked alongside) still loads Babel and prints German."""
    from circlekeeper.store import CircleRecord, open_store
    from tests.reports.stored import play
    from tests.store.samples import START

    db = tmp_path / "circles.sqlite3"
    with open_store(db) as store:
        english = store.circles.save(CircleRecord(None, "Tuesday", privacy="names"))
        german = store.circles.save(CircleRecord(None, "Dienstag", language="de"))
        english_id = play(store, english, ("Ana Lima", "Bo Chen"), START)
        german_id = play(store, german, ("Jörg Maier", "Eva Roth"), START)
    script = (
        "import sys\n"
        "from circlekeeper.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('BABEL', sorted(m for m in sys.modules if m.split('.')[0] == 'babel')[:1])\n"
        "raise SystemExit(code)\n"
    )
    for session, expected in ((english_id, "BABEL []"), (german_id, "BABEL ['babel']")):
        out = tmp_path / f"{session}.pdf"
        argv = ["--db", str(db), "--lang", "en", "export", str(session), "-o", str(out)]
        done = subprocess.run(
            [sys.executable, "-c", script, *argv], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout
        assert out.read_bytes().startswith(b"%PDF")


def test_a_date_with_its_clock_time_reads_as_babel_joins_them() -> None:
    moment = datetime(2026, 3, 1, 0, 5)
    for step in range(0, 400 * 24, 7):
        shown = moment + timedelta(hours=step)
        for length in LENGTHS:
            expected = dates.get_datetime_format(length, locale=EN).format(
                dates.format_time(shown, format="short", locale=EN),
                dates.format_date(shown, format=length, locale=EN),
            )
            assert (
                formats.format_date_and_time(shown, date_length=length, language="en") == expected
            )
