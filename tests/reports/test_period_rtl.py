"""The period report in Arabic, read back from the PDF: our words shaped (pypdf gives shaped
Arabic back as presentation forms, so the plain letters must *not* be found, and their NFKC
form must be, in reading order), and the page mirrored: headings and labels on the right,
the figures' columns to their left, the charts' oldest bar on the right."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader

from circlekeeper.commands.report_input import base_context, period_report
from circlekeeper.i18n import _, speaking
from circlekeeper.reports import render_period
from circlekeeper.store import Store
from tests.reports.conftest import GENERATED, flat
from tests.store.period_history import history_store

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
OURS = (
    "Period report",
    "At a glance",
    "People reached",
    "This period",
    "Circles",
    "Sessions held",
    "Attendance",
    "returning",
    "Appendix: every session",
)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of text as pypdf hands it to a visitor: where it starts, and what it says."""

    x: float
    y: float
    text: str


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with history_store(tmp_path_factory.mktemp("period-rtl")) as opened:
        yield opened


def _pdf(store: Store, language: str) -> PdfReader:
    with speaking(language):
        report = period_report(store, *MARCH, privacy="names", attendance_grid=True)
        context = base_context(store, generated=GENERATED, invariant=True)
        return PdfReader(io.BytesIO(render_period(report, context)))


@pytest.fixture(scope="module")
def arabic(store: Store) -> PdfReader:
    return _pdf(store, "ar")


@pytest.fixture(scope="module")
def english(store: Store) -> PdfReader:
    return _pdf(store, "en")


def _said(text: str, language: str) -> str:
    with speaking(language):
        return _(text)


def _readable(text: str) -> str:
    return flat(unicodedata.normalize("NFKC", text))


def _chunks(reader: PdfReader, page: int) -> list[Chunk]:
    """The page's text pieces where they print. Shaped chart labels are PDF forms drawn
    by name wherever they recur; pypdf hands their text over in the form's own coordinates
    (about the origin, where nothing of the page itself prints, inside the margins), so
    those are moved to where the form was drawn (the transform at its ``Do``)."""
    found: list[Chunk] = []
    drawn_at: list[list[float]] = [[1, 0, 0, 1, 0, 0]]

    def before(operator: bytes, _operands: object, cm: list[float], _tm: object) -> None:
        if operator == b"Do":
            drawn_at[0] = list(cm)

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if abs(x) < 20 and abs(y) < 20:  # inside a form: where the form was drawn
                outer = drawn_at[0]
                x, y = (
                    x * outer[0] + y * outer[2] + outer[4],
                    x * outer[1] + y * outer[3] + outer[5],
                )
            found.append(Chunk(x, y, unicodedata.normalize("NFKC", text).strip()))

    reader.pages[page].extract_text(visitor_text=visit, visitor_operand_before=before)
    return found


def _x_of(reader: PdfReader, page: int, text: str) -> float:
    return next(c.x for c in _chunks(reader, page) if c.text.startswith(text))


def test_our_words_are_shaped_and_read_in_order(arabic: PdfReader) -> None:
    raw = "\n".join(page.extract_text() or "" for page in arabic.pages)
    for english in OURS:
        words = _said(english, "ar")
        assert words != english, english  # the catalog translates it
        assert _readable(words) in _readable(raw), english  # in reading order
        assert flat(words) not in flat(raw), english  # shaped: joined letter forms
        assert english not in raw


def test_headings_and_labels_sit_on_the_right_with_figures_to_their_left(
    arabic: PdfReader, english: PdfReader
) -> None:
    half = float(arabic.pages[0].mediabox.width) / 2
    for heading in ("Period report", "At a glance", "People reached"):
        words = _said(heading, "ar")
        assert _x_of(arabic, 0, words) > half, heading
        assert _x_of(english, 0, heading) < half, heading
    # the figures' columns run right to left: this period, then the previous one, then change
    this, before, change = (_said(t, "ar") for t in ("This period", "Previous period", "Change"))
    label = _x_of(arabic, 0, _said("People reached", "ar"))
    assert label > _x_of(arabic, 0, this) > _x_of(arabic, 0, before) > _x_of(arabic, 0, change)


def _chart_day_labels(reader: PdfReader, month: str) -> list[float]:
    """The x of the attendance chart's bar labels ("3 Mar", "10 Mar", "24 Mar") in the order
    they are drawn (oldest first), from the page holding Tuesday's chart."""
    for page in range(len(reader.pages)):
        chunks = _chunks(reader, page)
        rows: dict[float, list[float]] = {}
        for chunk in chunks:
            if month in chunk.text:
                rows.setdefault(round(chunk.y, 1), []).append(chunk.x)
        for xs in rows.values():
            if len(xs) == 3:
                return xs
    raise AssertionError("no chart with three day labels")


def test_the_charts_run_from_right_to_left(arabic: PdfReader, english: PdfReader) -> None:
    with speaking("ar"):
        from circlekeeper.i18n.formats import format_month

        month = format_month(date(2026, 3, 1)).split()[0]
    mirrored = _chart_day_labels(arabic, unicodedata.normalize("NFKC", month))
    assert mirrored == sorted(mirrored, reverse=True)  # the oldest bar on the right
    plain = _chart_day_labels(english, "Mar")
    assert plain == sorted(plain)


def test_the_appendix_puts_the_date_column_on_the_right(arabic: PdfReader) -> None:
    last = len(arabic.pages) - 1
    chunks = _chunks(arabic, last)
    # dates as Arabic writes them (day/month/year, right to left), no longer ISO
    march = ("/03/2026", "2026/03/")  # (the footer's date is in November)
    dates = [c.x for c in chunks if any(day in c.text.replace("\u200f", "") for day in march)]
    assert not [c for c in chunks if "2026-03-" in c.text]
    circles = [c.x for c in chunks if c.text in ("Tuesday", "Thursday")]
    assert dates and circles
    assert min(dates) > max(circles)


def test_a_grid_column_head_keeps_its_two_lines_centred() -> None:
    from reportlab.lib.enums import TA_CENTER

    from circlekeeper.reports import period_rtl
    from circlekeeper.reports.fonts import fonts
    from circlekeeper.reports.layout import stylesheet
    from circlekeeper.reports.period_circle import Kit
    from circlekeeper.reports.typeset import Typesetter

    f = fonts()
    kit = Kit(f, stylesheet(f, rtl=True), Typesetter(f), 500.0, None, rtl=True)
    data: list[list[object]] = [["", "6\nأكتوبر", "13\nأكتوبر"], ["Alex", "●", "●"]]
    table = period_rtl.mirrored_grid(kit, data, [120.0, 26.0, 26.0])
    heads = table._cellvalues[0][:-1]  # (mirrored: the names' column is last)
    for head in heads:
        assert len(head) == 2  # "6" over "أكتوبر", never "6 أكتوبر" on one line
        assert all(line.style.alignment == TA_CENTER for line in head)


def test_a_list_of_facilitators_is_joined_the_arabic_way(arabic: PdfReader) -> None:
    """«Robin 3 وSam 1», never the Latin ", " of an English list."""
    raw = "\n".join(page.extract_text() or "" for page in arabic.pages)
    lines = [_readable(line) for line in raw.splitlines() if "Robin" in line and "Sam" in line]
    assert lines, "a circle with two facilitators lists them"
    for line in lines:
        assert "Samو" in line or "Robinو" in line, line  # (spaces flattened)
        assert "," not in line, line
