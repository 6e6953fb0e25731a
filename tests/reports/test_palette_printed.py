"""Every colour a person sees on the printed pages comes from the app's palette."""

from __future__ import annotations

import io
import re
from dataclasses import astuple
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from circlekeeper import palette
from circlekeeper.cli import main
from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.store import CircleRecord, open_store
from tests.reports.conftest import context, flat, pdf_text
from tests.reports.stored import play

_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[[^\]]*\]|[^\s\[\]()<>]+")
_PAINT_FILL = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"Tj", b"TJ", b"'", b'"'}
_PAINT_STROKE = {b"S", b"s", b"B", b"B*", b"b", b"b*"}


def colours_painted(data: bytes) -> set[str]:
    """The fill colours text and shapes are painted in and the stroke colours of lines, as
    hex; colours set and replaced before anything is painted (reportlab resets a drawing's
    state to black first) are not seen by anyone and are left out."""
    seen: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fill = stroke = "#000000"
        operands: list[bytes] = []
        for token in _TOKEN.findall(page.get_contents().get_data()):
            if token in (b"rg", b"RG", b"g", b"G"):
                values = [float(v) for v in operands[-1 if token in (b"g", b"G") else -3 :]]
                hex_colour = "#" + "".join(
                    f"{round(v * 255):02x}" for v in (values * 3 if len(values) == 1 else values)
                )
                if token in (b"rg", b"g"):
                    fill = hex_colour
                else:
                    stroke = hex_colour
            elif token in _PAINT_FILL or token in _PAINT_STROKE:
                if token in _PAINT_FILL:
                    seen.add(fill)
                if token in _PAINT_STROKE:
                    seen.add(stroke)
            operands = [*operands[-3:], token]
    return seen


def palette_colours() -> set[str]:
    return {
        *(c.lower() for c in astuple(palette.PRINT) if str(c).startswith("#")),
        palette.FIRST_TIME.lower(),
        *(c.lower() for c in palette.MOOD_SCALE),
    }


def test_a_session_summary_paints_only_palette_colours() -> None:
    names = ("ᏣᎳᎩ Wilma", "🌈 Alex", "محمد علي", "Ada Lovelace", "王小明", "[U+" + "\ue000")
    data = render_session(
        demo_summary(people=6, rounds=3, names=names), context(privacy=Privacy.NAMES)
    )
    painted = colours_painted(data)
    assert palette.PRINT.accent.lower() in painted  # the bars: teal, as on screen
    assert painted <= palette_colours(), painted - palette_colours()


def test_a_period_report_paints_only_palette_colours(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ck.sqlite3"
    with open_store(db) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday", privacy="names"))
        base = datetime(2026, 3, 2, 17, tzinfo=UTC)
        for week in range(3):
            sid = play(store, circle, (f"Ana {week}", "Bo Chen"), base + timedelta(days=7 * week))
            store.moods.save(sid, MoodCounts("check-in", {1: 1, 3: 2, 5: 1}))
    out = tmp_path / "period.pdf"
    argv = ["--db", str(db), "report", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main([*argv, "-o", str(out), "--attendance-grid"]) == 0
    painted = colours_painted(out.read_bytes())
    assert palette.FIRST_TIME.lower() in painted or palette.PRINT.accent.lower() in painted
    assert painted <= palette_colours(), painted - palette_colours()


def test_the_chart_caption_names_the_colour_the_over_share_bars_are_printed_in(
    latin_summary,
) -> None:
    """The caption told readers to look for orange bars while they were printed magenta."""
    import colorsys

    red, green, blue = (int(palette.PRINT.over[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue = colorsys.rgb_to_hsv(red, green, blue)[0] * 360
    assert 285 <= hue <= 345, f"the over-share colour {palette.PRINT.over} is not magenta"
    text = flat(pdf_text(render_session(latin_summary, context())))
    assert "magentabarsaremorethan25" in text and "orange" not in text
