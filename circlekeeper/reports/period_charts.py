"""The period report's small charts: attendance split into returning and first-time people,
and mood counts over time.

Both are stacked vertical bars with a legend, small enough to sit under a circle's table;
labels are our own dates and figures, never user text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.layout import ACCENT, INK, MUTED, RULE

FIRST_TIME = colors.HexColor("#f59e0b")
MOOD_COLOURS = {
    1: colors.HexColor("#b91c1c"),
    2: colors.HexColor("#f97316"),
    3: colors.HexColor("#d1d5db"),
    4: colors.HexColor("#60a5fa"),
    5: colors.HexColor("#1d4ed8"),
}


@dataclass(frozen=True, slots=True)
class StackedBar:
    label: str
    parts: tuple[float, ...]
    """Bottom to top, in the order of the chart's legend."""


def attendance_split_chart(
    bars: Sequence[StackedBar], width: float, fonts: FontSet, height: float = 105
) -> Drawing:
    """People present per session (or per month, on average): returning below, first time
    above."""
    return _stacked(
        bars, width, fonts, height, [("returning", ACCENT), ("first time", FIRST_TIME)], whole=False
    )


def mood_chart(
    bars: Sequence[StackedBar], width: float, fonts: FontSet, height: float = 95
) -> Drawing:
    """How many people chose each mood value, per month (1 low … 5 high)."""
    legend = [(f"mood {value}", MOOD_COLOURS[value]) for value in range(1, 6)]
    return _stacked(bars, width, fonts, height, legend, whole=True)


def _stacked(
    bars: Sequence[StackedBar],
    width: float,
    fonts: FontSet,
    height: float,
    legend: list[tuple[str, colors.Color]],
    *,
    whole: bool,
) -> Drawing:
    drawing = Drawing(width, height)
    left, bottom, top = 28.0, 24.0, 16.0
    plot_w = width - left - 6
    plot_h = height - bottom - top
    most = max([sum(b.parts) for b in bars] + [1.0])
    step = _nice(most / 3) if whole or most > 3 else max(0.5, _nice(most / 3))
    value = 0.0
    while value <= most + 1e-9:
        y = bottom + value / most * plot_h
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        drawing.add(_text(left - 4, y - 2.5, text, fonts, anchor="end"))
        value += step
    x = left
    for label, colour in legend:
        drawing.add(Rect(x, height - 9, 7, 7, fillColor=colour, strokeColor=None))
        drawing.add(_text(x + 10, height - 8.5, label, fonts, colour=INK))
        x += 18 + len(label) * 3.6
    if not bars:
        return drawing
    slot = plot_w / len(bars)
    bar_w = max(1.0, min(16.0, slot * 0.7))
    label_every = max(1, round(len(bars) / 10))
    for index, bar in enumerate(bars):
        bx = left + index * slot + (slot - bar_w) / 2
        y = bottom
        for part, (_, colour) in zip(bar.parts, legend, strict=False):
            if part > 0:
                h = part / most * plot_h
                drawing.add(Rect(bx, y, bar_w, h, fillColor=colour, strokeColor=None))
                y += h
        if index % label_every == 0:
            drawing.add(_text(bx + bar_w / 2, bottom - 10, bar.label, fonts, anchor="middle"))
    return drawing


def _text(
    x: float,
    y: float,
    text: str,
    fonts: FontSet,
    *,
    anchor: str = "start",
    colour: colors.Color = MUTED,
) -> String:
    return String(
        x, y, text, fontName=fonts.regular, fontSize=6.5, fillColor=colour, textAnchor=anchor
    )


def _nice(x: float) -> float:
    for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if n >= x:
            return float(n)
    return float(int(x) + 1)
