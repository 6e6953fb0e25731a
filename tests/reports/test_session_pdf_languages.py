"""The session PDF in the circle's language: headings, dates and figures read back with pypdf.

A Spanish circle's summary is printed in Spanish from an English window; an Arabic one is set
right to left and shaped. pypdf gives back shaped Arabic as presentation forms, so Arabic text
is compared after NFKC normalization (which maps those forms back to ordinary letters).
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from circlekeeper.i18n import active_language, use_language
from circlekeeper.i18n.formats import format_duration, format_number
from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.session_pdf import SessionReport
from tests.reports.conftest import context, flat, pdf_text

HEADINGS = {
    "es": (
        "Resumen del círculo",
        "Asistencia",
        "Tiempo de palabra",
        "Rondas: tiempo previsto y real",
    ),
    "fr": ("Résumé du cercle", "Présences", "Temps de parole", "Tours : temps prévu et réel"),
    "de": (
        "Zusammenfassung des Kreises",
        "Anwesenheit",
        "Redezeit",
        "Runden: geplante und tatsächliche Zeit",
    ),
    "pt_BR": ("Resumo da roda", "Presença", "Tempo de fala", "Rodadas: tempo previsto e real"),
    "ar": ("ملخص الحلقة", "الحضور", "وقت الحديث"),
}
DATES = {
    "es": "martes, 24 de noviembre de 2026",
    "fr": "mardi 24 novembre 2026",
    "de": "Dienstag, 24. November 2026",
    "pt_BR": "terça-feira, 24 de novembro de 2026",
}
WORD = re.compile(r"[^\W\d_]+")
ENGLISH = ("Circle summary", "Attendance", "Speaking time", "Confidential ·")


def readable(text: str) -> str:
    return flat(unicodedata.normalize("NFKC", text))


@pytest.fixture
def english_window():
    before = active_language()
    use_language("en")
    yield
    use_language(before)


@pytest.mark.parametrize("code", sorted(HEADINGS))
def test_the_pdf_speaks_the_circles_language_from_an_english_window(code, english_window) -> None:
    summary = demo_summary(people=5, rounds=3)
    text = pdf_text(render_session(summary, context(language=code, privacy=Privacy.NAMES)))
    for heading in HEADINGS[code]:
        assert readable(heading) in readable(text), (code, heading)
    for english in ENGLISH:
        assert english not in text, (code, english)
    if code in DATES:
        assert flat(DATES[code]) in flat(text)
    assert active_language() == "en"  # the window kept its language


def test_german_figures_use_decimal_commas_and_the_24_hour_clock(english_window) -> None:
    text = pdf_text(render_session(demo_summary(people=5, rounds=3), context(language="de")))
    assert "17:30" in text and "PM" not in text
    assert "Vertraulich · Seite 1 von" in text
    assert "Fairness-Index" in text and "1,00 ist völlig gleich" in text


def test_arabic_is_right_to_left_with_arabic_indic_digits(english_window) -> None:
    summary = demo_summary(people=5, rounds=3)
    report = SessionReport(summary, context(language="ar"))
    assert report.rtl and report.styles.body.alignment == 2  # flush right
    text = readable(pdf_text(report.render()))
    # the year in the digits CLDR says Arabic uses (Western ones for "ar" in current CLDR)
    assert format_number(2026, language="ar").replace(",", "").replace("٬", "") in text
    assert readable("سرّي") in text  # the footer, shaped
    assert "Confidential" not in text


def test_an_unknown_circle_language_prints_english(english_window) -> None:
    text = pdf_text(render_session(demo_summary(people=3, rounds=2), context(language="")))
    assert "Circle summary" in text and "Attendance" in text


@pytest.mark.parametrize("code", ["en", *sorted(HEADINGS)])
def test_every_sentence_writes_its_durations_one_way(code, english_window) -> None:
    """The rounds sentence said "took 24 minutes and 51 seconds, 6 min and 9 sec less than
    planned" and the fairness sentence "252 s": every duration in the summary's sentences is
    now spelled out as the date line spells the session's (the tables keep 24:51)."""
    summary = demo_summary(people=5, rounds=3)
    planned = sum(r.planned_seconds or 0 for r in summary.rounds)
    took = sum(r.duration_seconds for r in summary.rounds if r.planned_seconds)
    durations = [
        summary.duration_seconds,
        planned,
        took,
        abs(took - planned),
        summary.max_deviation_seconds,
    ]
    assert abs(took - planned) >= 30 and summary.max_deviation_seconds >= 60  # words, not "±"
    text = unicodedata.normalize("NFKC", pdf_text(render_session(summary, context(language=code))))
    printed = set(WORD.findall(text))  # the words, without the digits pypdf glues to Arabic
    for seconds in durations:
        spelled = format_duration(seconds, length="long", language=code)
        short = format_duration(seconds, length="short", language=code)
        spelled_words = set(WORD.findall(spelled))
        short_only = set(WORD.findall(short)) - spelled_words
        assert spelled_words <= printed, (code, seconds, spelled)
        assert not short_only & printed, (code, seconds, short_only & printed)
        if code != "ar":  # right-to-left lines come back from pypdf in visual order
            assert flat(spelled) in flat(text), (code, spelled)
    assert not re.search(r"\d\s*(s|ث)\b", text.replace("%", "")), "no bare seconds"


TABLE_HEADINGS = ("Spoken", "Share", "vs equal", "Turns", "Passes", "Over", "Planned", "Took")


@pytest.mark.parametrize("code", ["es", "fr", "de", "pt_BR"])
def test_no_speaking_time_heading_is_broken_inside_a_word(code, english_window) -> None:
    """The Spanish "Excedido" was too wide for its column and printed "Exced-" over "ido", a
    break no Spanish reader makes; each heading word is printed whole (two lines are fine)."""
    from circlekeeper.i18n import gettext

    summary = demo_summary(people=5, rounds=3)
    text = pdf_text(render_session(summary, context(language=code, privacy=Privacy.NAMES)))
    use_language(code)
    try:
        headings = [gettext(heading) for heading in TABLE_HEADINGS]
    finally:
        use_language("en")
    printed = set(text.split())
    broken = [word for heading in headings for word in heading.split() if word not in printed]
    assert not broken, (code, broken)


@pytest.mark.parametrize(
    ("code", "reads"),
    [
        ("es", "duraron 24 minutos y 51 segundos, es decir, 6 minutos y 9 segundos menos"),
        ("pt_BR", "levaram 24 minutos e 51 segundos, ou seja, 6 minutos e 9 segundos a menos"),
    ],
)
def test_how_much_shorter_the_rounds_ran_does_not_read_as_a_list(code, reads, english_window):
    """ "duraron 24 minutos y 51 segundos, 6 minutos y 9 segundos menos de lo previsto" read
    as a list of two durations; the difference is introduced as one, as the French does."""
    text = pdf_text(render_session(demo_summary(people=5, rounds=3), context(language=code)))
    assert flat(reads) in flat(text)


def _one_passes_throughout() -> object:
    from datetime import UTC, datetime, timedelta

    from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
    from circlekeeper.session.model import RoundKind

    clock = FakeClock()
    start = datetime(2026, 12, 2, 18, tzinfo=UTC)
    session = CircleSession(clock, wall=lambda: start + timedelta(seconds=clock.now()))
    people = [Participant(str(i), name) for i, name in enumerate(["Ana", "Bo", "Cy"], 1)]
    session.start("Mardi", people, ["Sam"])
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)))
    session.pass_turn()
    for _person in people[1:]:
        session.start_turn()
        clock.advance(50)
        session.end_turn()
    session.end_round()
    session.end_session()
    return session.summary()


@pytest.mark.parametrize("code", ["fr", "es", "pt_BR", "de", "ar"])
def test_a_figure_cell_never_runs_into_the_next_column(code, english_window, monkeypatch) -> None:
    """The French "vs equal" cell of someone who passed, "a passé son tour", was wider than
    its column and printed over the share beside it ("0 %a passé son tour")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from circlekeeper.reports.fonts import fonts as registered_fonts
    from circlekeeper.reports.story_writer import StoryWriter

    drawn: list[tuple[list[list[object]], list[float]]] = []
    table = StoryWriter.table

    def noted(self, data, widths, *args, **kwargs):
        drawn.append((data, widths))
        return table(self, data, widths, *args, **kwargs)

    monkeypatch.setattr(StoryWriter, "table", noted)
    render_session(_one_passes_throughout(), context(language=code, privacy=Privacy.NAMES))
    regular = registered_fonts().regular
    too_wide = [
        (cell, round(width))
        for data, widths in drawn
        for row in data[1:]
        for cell, width in zip(row, widths, strict=True)
        if isinstance(cell, str) and stringWidth(cell, regular, 9) + 8 > width
    ]
    assert len(drawn) >= 2 and not too_wide, (code, too_wide)
