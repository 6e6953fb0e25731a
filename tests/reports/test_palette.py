"""One palette: the ring on screen and the bars on paper are the same teal and magenta."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from circlekeeper.palette import DARK, LIGHT, PRINT
from circlekeeper.reports import render_session
from circlekeeper.session.summary import SessionSummary
from tests.reports.conftest import context

PACKAGE = Path(__file__).resolve().parents[2] / "circlekeeper"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def fill_operator(hex_colour: str) -> str:
    """How reportlab writes a fill colour into a PDF content stream."""

    def number(channel: str) -> str:  # 0.137255 is written .137255
        text = f"{int(channel, 16) / 255:.6f}".rstrip("0").rstrip(".")
        return text[1:] if text.startswith("0.") else text

    return " ".join(number(hex_colour[i : i + 2]) for i in (1, 3, 5)) + " rg"


def page_streams(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join(page.get_contents().get_data().decode("latin-1") for page in reader.pages)


def test_printed_bars_use_the_screen_colours(latin_summary: SessionSummary) -> None:
    content = page_streams(render_session(latin_summary, context()))
    assert fill_operator(LIGHT.accent) in content, "speaking-time bars in the ring's teal"
    assert PRINT == LIGHT


def test_no_module_but_the_palette_writes_a_colour() -> None:
    stray = {
        str(path.relative_to(PACKAGE)): HEX.findall(path.read_text(encoding="utf-8"))
        for path in PACKAGE.rglob("*.py")
        if path.name != "palette.py"
    }
    assert {name: found for name, found in stray.items() if found} == {}


def test_dark_text_colours_keep_their_contrast() -> None:
    def luminance(hex_colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for palette in (LIGHT, DARK):
        for text in (palette.ink, palette.muted):
            assert contrast(text, palette.background) >= 4.5, (palette, text)
