"""The period report PDF read back from a real store holding the hand-built history of
:mod:`tests.store.period_history`: page one for a board member, a section per circle, the
session list, and privacy (no names at all at *counts only*)."""

from __future__ import annotations

import csv as csv_module
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.reports import render_period
from circlekeeper.reports.period_csv import period_csv
from circlekeeper.store import CircleRecord, Store, open_store
from tests.reports.conftest import GENERATED, pdf_pages, words
from tests.reports.stored import play
from tests.store.period_history import NAMES, history_store

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
EVERY_NAME = [*NAMES, *(n.split()[0] for n in NAMES), "Robin", "Sam"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with history_store(tmp_path_factory.mktemp("period")) as opened:
        yield opened


def _pages(store: Store, **options: object) -> list[str]:
    report = period_report(store, *MARCH, **options)  # type: ignore[arg-type]
    context = base_context(store, generated=GENERATED, invariant=True)
    return [words(page) for page in pdf_pages(render_period(report, context))]


def test_page_one_tells_a_board_member_the_period_against_the_one_before(store: Store) -> None:
    first = _pages(store)[0]
    assert "All circles Mar 1 – 31, 2026" in first
    assert "People reached 7 2 +250%" in first
    assert "Newcomers (first visit ever) 3 2 +50%" in first
    assert "Came back after a first visit 86% (6 of 7) 0% (0 of 2) +86 pts" in first
    assert "Sessions attended per person 1.9 1.0 +86%" in first
    assert "Sessions held 4 1 +300%" in first
    assert "Hours of peer support (length × people present) 0.6 h 0.1 h +500%" in first
    assert "0.96 0.90 +0.06" in first
    assert "on average time was shared very evenly" in first
    assert "Previous period: Jan 29 – Feb 28, 2026" in first
    assert "3 once, 4 two or three times, 0 four times or more" in first
    assert "Thursday 1 3 2 3.0 1.00" in first and "Tuesday 3 5 3 3.3 0.95" in first
    assert "Appendix" not in first and "Sessions held 3 1 +200%" not in first


def test_each_circle_has_its_section_then_every_session_in_the_appendix(store: Store) -> None:
    pages = _pages(store)
    body = " ".join(pages[1:])
    tuesday = body[body.index("Tuesday This period") :]
    assert "Sessions held 3 1 +200%" in tuesday
    assert "People (new to this circle) 5 (3) 2 (2) +150%" in tuesday
    assert "Passed at least once (of attendances) 20% 0% +20 pts" in tuesday
    assert "Attendance trend: rising (3.0 present on average in the first half" in tuesday
    assert "returning first time Mar 3 Mar 10 Mar 24" in tuesday  # the attendance chart
    assert "Moods at check-in per month" in tuesday and "Moods at check-out" in tuesday
    assert "How are you arriving? (2×); What are you bringing tonight? (1×)" in tuesday
    assert "Attendance trend: too few sessions to tell" in body  # Thursday: one session
    appendix = pages[-1]
    assert appendix.startswith("Appendix: every session")
    assert "Mar 10, 2026, 6:00 PM Tuesday 3 1 3:00 0.86" in appendix
    assert "Mar 5, 2026, 6:00 PM Thursday 3 2 3:00 1.00" in appendix
    assert "Mar 26" not in appendix and "Apr 2" not in appendix  # live; after


def test_counts_only_prints_no_name_anywhere(store: Store) -> None:
    text = " ".join(_pages(store, privacy="counts", attendance_grid=True))
    for name in EVERY_NAME:
        assert name not in text
    assert "Facilitation: 2 facilitators shared the sessions." in text
    assert "Facilitator" not in text and "● present" not in text
    csv = period_csv(period_report(store, *MARCH, privacy="counts"))
    assert not any(name in csv for name in EVERY_NAME)


def test_names_add_facilitators_and_the_optional_attendance_grid(store: Store) -> None:
    text = " ".join(_pages(store, privacy="names", attendance_grid=True))
    assert "Facilitation (sessions each, alphabetical): Robin 3 and Sam 1" in text
    assert "Mar 3 Mar 10 Mar 24 Ana Lima ● E ● Bo Chen ● ● Cy Diaz P ● Dee Evans L ● Eli Fox P" in (
        text
    )
    without = " ".join(_pages(store, privacy="names"))
    assert "Ana Lima" not in without and "Robin 3 and Sam 1" in without


def test_each_circle_keeps_its_own_privacy_level_unless_one_is_chosen(store: Store) -> None:
    # Tuesday allows initials, Thursday counts only: the grid and initials for Tuesday alone,
    # and page one and the appendix at the stricter level.
    pages = _pages(store, attendance_grid=True)
    text = " ".join(pages)
    assert "AL ● E ●" in text and "Ana Lima" not in text
    assert "Gus Hill" not in text and "GH" not in text.split("Tuesday This period")[0]
    assert "Facilitation: 2 facilitators shared the sessions." in pages[0]
    assert "Facilitator" not in pages[-1]


def test_an_empty_period_says_so(store: Store) -> None:
    report = period_report(store, date(2024, 1, 1), date(2024, 1, 31))
    pages = pdf_pages(render_period(report, base_context(store, generated=GENERATED)))
    assert len(pages) == 1
    assert "No sessions were held in this period." in words(pages[0])


def test_progress_reaches_the_end(store: Store) -> None:
    seen: list[tuple[int, int]] = []
    report = period_report(store, *MARCH)
    render_period(report, base_context(store), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4) and len(seen) == 3


def test_names_from_other_scripts_and_formula_like_names_print_safely(tmp_path: Path) -> None:
    with open_store(tmp_path / "ck.sqlite3") as store:
        hebrew = store.circles.save(CircleRecord(None, "מעגל שיחה"))
        formula = store.circles.save(CircleRecord(None, '=HYPERLINK("x") <b>&'))
        play(store, hebrew, ("Ana Lima", "Bo Chen"), datetime(2026, 3, 3, 17, tzinfo=UTC))
        play(store, formula, ("Cy Diaz", "Dee Evans"), datetime(2026, 3, 4, 17, tzinfo=UTC))
        report = period_report(store, *MARCH)
        data = render_period(report, base_context(store, generated=GENERATED))
        csv = period_csv(report)
    appendix = pdf_pages(data)[-1]
    assert '=HYPERLINK("x") <b>&' in appendix  # printed as typed, never as markup
    assert "שיחה" in appendix or "החיש" in appendix  # the typesetter's cell, right to left
    circles = {row[4] for row in csv_module.reader(io.StringIO(csv))}
    assert '\'=HYPERLINK("x") <b>&' in circles and "מעגל שיחה" in circles
    assert not any(name.startswith("=") for name in circles)


def test_a_long_appendix_lists_the_most_recent_sessions_and_says_how_to_get_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("circlekeeper.reports.period.APPENDIX_SESSIONS", 2)
    pages = _pages(store)
    appendix = pages[-1]
    assert appendix.startswith("Appendix: the most recent sessions")
    assert "The period held 4 sessions; the 2 most recent (from Mar 10, 2026)" in appendix
    assert "circlekeeper report --all-sessions" in appendix
    assert (
        "Mar 10, 2026, 6:00 PM Tuesday" in appendix and "Mar 24, 2026, 6:00 PM Tuesday" in appendix
    )
    assert "Mar 3," not in appendix and "Mar 5," not in appendix
    assert "People reached 7 2 +250%" in pages[0]  # the figures still count all four
    everything = _pages(store, every_session=True)[-1]
    assert everything.startswith("Appendix: every session")
    assert (
        "Mar 3, 2026, 6:00 PM Tuesday" in everything
        and "Mar 5, 2026, 6:00 PM Thursday" in everything
    )


def test_a_german_board_page_writes_its_figures_with_german_decimals(store: Store) -> None:
    """The figures on page one read "0,96", "+0,06" and "0,6 Std." in German, as the words
    around them do; "0.96" beside German words is a figure in the wrong language."""
    from circlekeeper.i18n import active_language, use_language

    before = active_language()
    use_language("de")
    try:
        first = _pages(store)[0]
    finally:
        use_language(before)
    assert "0,96 0,90 +0,06" in first
    assert "0,6 Std." in first
    assert "0.96" not in first


def test_a_long_circles_list_prints_every_script_on_its_own_row(tmp_path: Path) -> None:
    """More circles than page one holds get a "Circles" page; names in other scripts are
    typeset (fonts, shaping, right to left) in the same light table as Latin ones, each on
    its row, and a name too long for its column is cut with "…" rather than wrapped."""
    from circlekeeper.reports.period import GLANCE_CIRCLES

    long_name = "A very long circle name that would never fit the first column of the table"
    names = ["מעגל שיחה", "木曜サークル", "Ali/علي", "Grief 🌈 Circle", long_name]
    names += [f"Circle {n}" for n in range(GLANCE_CIRCLES + 1 - len(names))]
    with open_store(tmp_path / "ck.sqlite3") as store:
        for day, name in enumerate(names, start=2):
            circle = store.circles.save(CircleRecord(None, name))
            play(store, circle, (f"Ana {day}", f"Bo {day}"), datetime(2026, 3, day, 17, tzinfo=UTC))
        report = period_report(store, *MARCH)
        data = render_period(report, base_context(store, generated=GENERATED, invariant=True))
    table = next(page for page in pdf_pages(data)[1:] if page.startswith("Circles"))
    lines = [line.strip() for line in table.splitlines()]
    for name in ("木曜サークル", "Grief 🌈 Circle", "Circle 0"):
        row = lines.index(name) if name in lines else lines.index(f"{name} 1 2 2 2.0 0.94")
        assert "1 2 2 2.0 0.94" in " ".join(lines[row : row + 2])  # its figures beside it
    assert any("שיחה" in line or "החיש" in line for line in lines)
    cut = next(line for line in lines if line.startswith("A very long"))
    assert cut.endswith("… 1 2 2 2.0 0.94") and len(cut) < len(long_name)


def _large(store: Store, language: str) -> str:
    """Page one for a large network (1,234 people, 19 circle hours) in ``language``."""
    from dataclasses import replace

    from circlekeeper.i18n import speaking

    report = period_report(store, *MARCH)
    now = replace(
        report.figures.current,
        people=1234,
        newcomers=1045,
        person_attendances=4321,
        circle_seconds=19 * 3600,
        person_seconds=1234.5 * 3600,
    )
    report = replace(report, figures=replace(report.figures, current=now, prompts_used=2345))
    with speaking(language):
        context = base_context(store, generated=GENERATED, invariant=True)
        return words(pdf_pages(render_period(report, context))[0])


def test_large_counts_are_grouped_and_a_unit_s_full_stop_ends_the_sentence(store: Store) -> None:
    german = _large(store, "de")
    assert "Erreichte Menschen 1.234 2" in german
    assert "1.234 verschiedene Menschen kamen insgesamt 4.321 Mal" in german
    assert "2.345 Fragen" in german
    assert "insgesamt 19,0 Std." in german and "Std.." not in german
    assert "1.234,5 Std." in german
    english = _large(store, "en")
    assert "People reached 1,234 2" in english
    assert "1,234 different people came 4,321 times in all" in english
    assert "circles met for 19.0 h in all." in english


def test_an_appendix_of_circles_on_different_clocks_names_each_place(tmp_path: Path) -> None:
    """Sessions are listed in the order they happened; a London circle's 6:20 PM came after a
    Berlin circle's 6:30 PM. Each time names its place, so the order reads as two clocks, not
    a mistake; a report of one clock names none (the other tests)."""
    from tests.reports.stored import play_finished

    with open_store(tmp_path / "ck.sqlite3") as store:
        berlin = store.circles.save(CircleRecord(None, "Berlin circle"))
        london = store.circles.save(CircleRecord(None, "London circle"))
        play_finished(store, berlin, ("Ana", "Bo"), datetime(2026, 3, 3, 17, 30, tzinfo=UTC))
        play_finished(
            store,
            london,
            ("Cy", "Dee"),
            datetime(2026, 3, 3, 18, 20, tzinfo=UTC),
            timezone=("Europe/London"),
        )
        report = period_report(store, *MARCH)
        appendix = words(pdf_pages(render_period(report, base_context(store)))[-1])
    first = appendix.index("Mar 3, 2026, 6:30 PM (Berlin) Berlin circle")
    assert first < appendix.index("Mar 3, 2026, 6:20 PM (London) London circle")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_csv_cells_are_data_without_bidi_controls(store: Store, language: str) -> None:
    """Labels such as "sessions facilitated by {name}" isolate their values on screen; in a
    spreadsheet cell they would stop a filter for the typed words from matching."""
    from circlekeeper.i18n import speaking

    with speaking(language):
        csv = period_csv(period_report(store, *MARCH, privacy="names"))
    assert not any(ch in csv for ch in "\u2066\u2067\u2068\u2069")
    figures = {row[5] for row in csv_module.reader(io.StringIO(csv))}
    if language == "en":
        assert "sessions facilitated by Robin" in figures


@pytest.mark.parametrize(("language", "between"), [("fr", " ; "), ("ar", "؛")])
def test_the_most_used_prompts_are_separated_as_the_language_writes_it(
    store: Store, language: str, between: str
) -> None:
    """The prompts read "A (2×); B (1×)" in French: an English semicolon between French
    words (French sets a space before it; Arabic writes «؛»)."""
    from circlekeeper.i18n import active_language, use_language

    before = active_language()
    use_language(language)
    try:
        text = " ".join(_pages(store))
    finally:
        use_language(before)
    assert "×)" in text, "the prompts line is printed"
    assert between in text
    assert "×); " not in text and "×);" not in text
