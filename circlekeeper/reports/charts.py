"""Charts drawn with reportlab graphics: speaking time per person, attendance over time.

Bar labels are people's names (reduced to the privacy level by the caller), so they go through
the :class:`Typesetter` like every other name: the right font per cluster, harfbuzz shaping,
right-to-left order. reportlab's graphics strings can do none of that, so the speaking chart is a
flowable that draws the bars as a graphic and the labels as one-line paragraphs beside them.
In a right-to-left report the chart is mirrored: names on the right, bars growing leftwards,
as an Arabic reader reads a bar chart. Figures are in the report's language's digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_clock
from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.layout import ACCENT, INK, MUTED, OVER, RULE
from circlekeeper.reports.typeset import Typesetter

BAR_HEIGHT = 11.0
BAR_GAP = 4.0
LABEL_SIZE = 8.0
MAX_BARS = 40
"""More bars than this would not fit on a page; the table carries the figures instead."""


@dataclass(frozen=True, slots=True)
class Bar:
    rank: int
    label: str
    seconds: float


class SpeakingChart(Flowable):
    """Horizontal bars of each person's speaking time, with the equal-share line, and each
    person's label typeset (shaped, in its own direction) to the left of their bar."""

    def __init__(
        self,
        bars: Sequence[Bar],
        equal_share: float,
        width: float,
        text: Typesetter,
        *,
        mirrored: bool = False,
    ) -> None:
        super().__init__()
        self.text = text
        self.mirrored = mirrored
        fonts = text.fonts
        style = ParagraphStyle(
            "ck-chart-label",
            fontName=fonts.regular,
            fontSize=LABEL_SIZE,
            leading=LABEL_SIZE * 1.25,
            textColor=INK,
            alignment=TA_LEFT if mirrored else TA_RIGHT,
        )
        widest = max([text.width_of(b.label, style) for b in bars] + [0.0])
        self.label_width = min(widest + 6, width * 0.35)
        self.labels = [
            text.line(
                text.fit(b.label, style, self.label_width - 6),
                style,
                self.label_width - 4,
                rtl_base=True if mirrored else None,
                align_right=not mirrored,
            )
            for b in bars
        ]
        self.drawing = _bars_drawing(
            bars, equal_share, width, self.label_width, fonts, mirrored=mirrored
        )
        self.equal_x = _equal_share_x(bars, equal_share, width, self.label_width, mirrored)
        share_style = ParagraphStyle(
            "ck-chart-share", parent=style, fontSize=7.5, leading=9.5, alignment=TA_CENTER
        )
        self.share_label = (
            text.line(
                _("equal share {duration}").format(duration=format_clock(equal_share)),
                share_style,
                _SHARE_LABEL_WIDTH,
                rtl_base=mirrored,
            )
            if equal_share > 0
            else []
        )
        self.width = width
        self.height = self.drawing.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        label_x = self.width - self.label_width + 4 if self.mirrored else 0
        for row, flowables in enumerate(self.labels):
            y = self.height - _TOP_PAD - (row + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
            for flowable in flowables[:1]:
                _h_unused, h = flowable.wrap(self.label_width - 4, 100)
                # the first baseline sits a font size below the top of the paragraph
                flowable.drawOn(self.canv, label_x, y + 2.5 - h + LABEL_SIZE)
        for flowable in self.share_label[:1]:
            _w_unused, h = flowable.wrap(_SHARE_LABEL_WIDTH, 40)
            left = min(max(0.0, self.equal_x - _SHARE_LABEL_WIDTH / 2), self.width)
            flowable.drawOn(self.canv, left, 9.5 - h)


_TOP_PAD = 6.0
_BOTTOM_PAD = 26.0
_SHARE_LABEL_WIDTH = 160.0


def _equal_share_x(
    bars: Sequence[Bar], equal_share: float, width: float, label_width: float, mirrored: bool
) -> float:
    longest = max([b.seconds for b in bars] + [equal_share, 1.0])
    x = label_width + equal_share * (width - label_width - 40) / longest
    return width - x if mirrored else x


def _bars_drawing(
    bars: Sequence[Bar],
    equal_share: float,
    width: float,
    label_width: float,
    fonts: FontSet,
    *,
    mirrored: bool = False,
) -> Drawing:
    top_pad, bottom_pad = _TOP_PAD, _BOTTOM_PAD
    height = top_pad + len(bars) * (BAR_HEIGHT + BAR_GAP) + bottom_pad
    drawing = Drawing(width, height)
    plot_x = label_width
    plot_w = width - label_width - 40
    longest = max([b.seconds for b in bars] + [equal_share, 1.0])
    scale = plot_w / longest
    step = _tick_step(longest)

    def at(x: float) -> float:
        """A left-to-right x on the page, mirrored for a right-to-left report."""
        return width - x if mirrored else x

    tick = 0.0
    while tick <= longest + 1e-9:
        x = at(plot_x + tick * scale)
        drawing.add(Line(x, bottom_pad - 2, x, height - top_pad, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                x,
                bottom_pad - 11,
                format_clock(tick),
                fontName=fonts.regular,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        tick += step
    for row, bar in enumerate(bars):
        y = height - top_pad - (row + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2
        length = max(bar.seconds * scale, 0.0)
        colour = OVER if equal_share and bar.seconds > equal_share * 1.25 else ACCENT
        left = at(plot_x + length) if mirrored else plot_x
        drawing.add(Rect(left, y, length, BAR_HEIGHT, fillColor=colour, strokeColor=None))
        drawing.add(
            String(
                at(plot_x + length + 3),
                y + 2.5,
                format_clock(bar.seconds),
                fontName=fonts.regular,
                fontSize=7.5,
                fillColor=MUTED,
                textAnchor="end" if mirrored else "start",
            )
        )
    if equal_share > 0:
        x = at(plot_x + equal_share * scale)
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
