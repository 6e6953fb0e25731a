"""Charts drawn with reportlab graphics: speaking time per person, attendance over time.

Bar labels come from the caller already reduced to the privacy level; a label the regular font
cannot print left to right (RTL, CJK, emoji) is replaced by the row number, which the table next
to the chart also shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from circlekeeper.reports.bidi_order import has_rtl
from circlekeeper.reports.fonts import FontSet, needs_shaping
from circlekeeper.reports.layout import ACCENT, INK, MUTED, OVER, RULE
from circlekeeper.session.model import format_duration

BAR_HEIGHT = 11.0
BAR_GAP = 4.0
MAX_BARS = 40
"""More bars than this would not fit on a page; the table carries the figures instead."""


@dataclass(frozen=True, slots=True)
class Bar:
    rank: int
    label: str
    seconds: float
    font: str = ""
    """The font that prints ``label`` (empty: the regular font)."""


def chart_label(label: str, rank: int, fonts: FontSet, limit: int = 18) -> tuple[str, str]:
    """(text, font) for a bar: the label in one font that prints all of it, else ``#rank``.

    Bars are in the table's order, so a name needs no number. Chart strings are not shaped or
    reordered, so right-to-left labels, scripts that need shaping (Devanagari, Tamil) and
    mixed-script ones fall back to ``#rank``.
    """
    text = " ".join(label.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    if not text or has_rtl(text) or needs_shaping(text):
        return f"#{rank}", fonts.regular
    for font, cover in ((fonts.regular, fonts.primary_cover), *fonts.fallbacks):
        if all(ord(ch) in cover for ch in text):
            return text, font
    return f"#{rank}", fonts.regular


def speaking_chart(
    bars: Sequence[Bar], equal_share: float, width: float, fonts: FontSet
) -> Drawing:
    """Horizontal bars of each person's speaking time, with the equal-share line."""
    label_width = max(
        [stringWidth(b.label, fonts.regular, 8) for b in bars]
        + [stringWidth("#00", fonts.regular, 8)]
    )
    label_width = min(label_width + 6, width * 0.35)
    top_pad, bottom_pad = 6.0, 26.0
    height = top_pad + len(bars) * (BAR_HEIGHT + BAR_GAP) + bottom_pad
    drawing = Drawing(width, height)
    plot_x = label_width
    plot_w = width - label_width - 40
    longest = max([b.seconds for b in bars] + [equal_share, 1.0])
    scale = plot_w / longest
    step = _tick_step(longest)
    tick = 0.0
    while tick <= longest + 1e-9:
        x = plot_x + tick * scale
        drawing.add(Line(x, bottom_pad - 2, x, height - top_pad, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                x,
                bottom_pad - 11,
                format_duration(tick),
                fontName=fonts.regular,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        tick += step
    for row, bar in enumerate(bars):
        y = height - top_pad - (row + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
        drawing.add(
            String(
                plot_x - 4,
                y + 2.5,
                bar.label,
                fontName=bar.font or fonts.regular,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
        length = max(bar.seconds * scale, 0.0)
        colour = OVER if equal_share and bar.seconds > equal_share * 1.25 else ACCENT
        drawing.add(Rect(plot_x, y, length, BAR_HEIGHT, fillColor=colour, strokeColor=None))
        drawing.add(
            String(
                plot_x + length + 3,
                y + 2.5,
                format_duration(bar.seconds),
                fontName=fonts.regular,
                fontSize=7.5,
                fillColor=MUTED,
            )
        )
    if equal_share > 0:
        x = plot_x + equal_share * scale
        drawing.add(
            Line(
                x,
                bottom_pad - 2,
                x,
                height - top_pad + 2,
                strokeColor=INK,
                strokeWidth=1,
                strokeDashArray=[3, 2],
            )
        )
        drawing.add(
            String(
                x,
                2,
                f"equal share {format_duration(equal_share)}",
                fontName=fonts.regular,
                fontSize=7.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    return drawing


def attendance_chart(
    points: Sequence[tuple[str, int]], width: float, fonts: FontSet, height: float = 150
) -> Drawing:
    """Vertical bars: people present per session (date label, count), oldest first."""
    drawing = Drawing(width, height)
    left, bottom, top = 28.0, 30.0, 10.0
    plot_w = width - left - 6
    plot_h = height - bottom - top
    most = max([n for _, n in points] + [1])
    step = max(1, _nice(most / 4))
    value = 0
    while value <= most:
        y = bottom + value / most * plot_h
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                left - 4,
                y - 2.5,
                str(value),
                fontName=fonts.regular,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
        value += step
    if not points:
        return drawing
    slot = plot_w / len(points)
    bar_w = max(1.0, min(18.0, slot * 0.7))
    label_every = max(1, round(len(points) / 12))
    for index, (label, count) in enumerate(points):
        x = left + index * slot + (slot - bar_w) / 2
        drawing.add(
            Rect(x, bottom, bar_w, count / most * plot_h, fillColor=ACCENT, strokeColor=None)
        )
        if index % label_every == 0:
            drawing.add(
                String(
                    x + bar_w / 2,
                    bottom - 11,
                    label,
                    fontName=fonts.regular,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    return drawing


def _tick_step(longest: float) -> float:
    for step in (30, 60, 120, 300, 600, 900, 1800, 3600, 7200):
        if longest / step <= 6:
            return float(step)
    return float(_nice(longest / 6))


def _nice(x: float) -> int:
    for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if n >= x:
            return n
    return int(x) + 1
