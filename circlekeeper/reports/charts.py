"""The session summary's chart: speaking time per person, drawn with a few canvas calls.

Bar labels are people's names (reduced to the privacy level by the caller), so they go through
the :class:`Typesetter` like every other name: the right font per cluster, harfbuzz shaping,
right-to-left order. The bars, ticks and figures are plain canvas calls (lines, rectangles and
strings, as reportlab's graphics renderer would draw them, without loading it: its shapes and
renderer were a fiftieth of ``circlekeeper export ID``), and the labels one-line paragraphs
beside them. In a right-to-left report the chart is mirrored: names on the right, bars growing
leftwards, as an Arabic reader reads a bar chart. Figures are in the report's language's digits.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_clock
from circlekeeper.reports.layout import ACCENT, INK, MUTED, OVER, RULE
from circlekeeper.reports.typeset import Typesetter
from circlekeeper.session.frozen import FrozenRecord

BAR_HEIGHT = 11.0
BAR_GAP = 4.0
LABEL_SIZE = 8.0
MAX_BARS = 40
"""More bars than this would not fit on a page; the table carries the figures instead."""


class Bar(FrozenRecord):
    rank: int
    label: str
    seconds: float


class _Tick(FrozenRecord):
    """A vertical rule across the plot at ``x`` and its time below it."""

    x: float
    label: str


class _Block(FrozenRecord):
    """One person's bar and its figure (``figure_x`` is where the figure's anchor sits)."""

    left: float
    y: float
    length: float
    colour: Color
    figure_x: float
    figure: str


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
        room: float | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = text.fonts.regular
        self.gap = bar_gap(len(bars), room)
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
        self.height = _TOP_PAD + len(bars) * (BAR_HEIGHT + self.gap) + _BOTTOM_PAD
        self.ticks, self.blocks = _plot(
            bars, equal_share, width, self.label_width, mirrored, self.gap
        )
        self.equal_x = _equal_share_x(bars, equal_share, width, self.label_width, mirrored)
        if equal_share > 0:
            self.blocks = _figures_clear_of(self.equal_x, self.blocks, self.font, mirrored)
        self.equal_share = equal_share
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

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self._draw_plot()
        label_x = self.width - self.label_width + 4 if self.mirrored else 0
        for row, flowables in enumerate(self.labels):
            y = self.height - _TOP_PAD - (row + 1) * (BAR_HEIGHT + self.gap) + self.gap / 2
            for flowable in flowables[:1]:
                _h_unused, h = flowable.wrap(self.label_width - 4, 100)
                # the first baseline sits a font size below the top of the paragraph
                flowable.drawOn(self.canv, label_x, y + 2.5 - h + LABEL_SIZE)
        for flowable in self.share_label[:1]:
            _w_unused, h = flowable.wrap(_SHARE_LABEL_WIDTH, 40)
            left = min(max(0.0, self.equal_x - _SHARE_LABEL_WIDTH / 2), self.width)
            flowable.drawOn(self.canv, left, 9.5 - h)

    def _draw_plot(self) -> None:
        """Ticks, bars, figures and the dashed equal-share line, in that order, each in the
        state reportlab's graphics renderer would give it (butt caps, mitre joins)."""
        canv, top = self.canv, self.height - _TOP_PAD
        canv.saveState()
        canv.setLineCap(0)
        canv.setLineJoin(0)
        canv.setLineWidth(0.4)
        canv.setStrokeColor(RULE)
        canv.setFillColor(MUTED)
        canv.setFont(self.font, 7)
        for tick in self.ticks:
            canv.line(tick.x, _BOTTOM_PAD - 2, tick.x, top)
            canv.drawCentredString(tick.x, _BOTTOM_PAD - 11, tick.label)
        canv.setFont(self.font, FIGURE_SIZE)
        for block in self.blocks:
            canv.setFillColor(block.colour)
            canv.rect(block.left, block.y, block.length, BAR_HEIGHT, stroke=0, fill=1)
            canv.setFillColor(MUTED)
            if self.mirrored:
                canv.drawRightString(block.figure_x, block.y + 2.5, block.figure)
            else:
                canv.drawString(block.figure_x, block.y + 2.5, block.figure)
        if self.equal_share > 0:
            canv.setStrokeColor(INK)
            canv.setLineWidth(1)
            canv.setDash([3, 2], 0)
            canv.line(self.equal_x, _BOTTOM_PAD - 2, self.equal_x, top + 2)
        canv.restoreState()


_TOP_PAD = 6.0
_BOTTOM_PAD = 26.0
_SHARE_LABEL_WIDTH = 160.0
LEAST_GAP = 1.0


def bar_gap(count: int, room: float | None) -> float:
    """The space between bars: ``BAR_GAP``, or less where ``count`` bars would be taller
    than ``room`` (what a page leaves the chart beside its caption). Forty bars on US Letter
    were a few points too tall to share a page with their caption, which then printed alone
    on a last page of its own."""
    if room is None or count == 0:
        return BAR_GAP
    fits = (room - _TOP_PAD - _BOTTOM_PAD) / count - BAR_HEIGHT
    return max(LEAST_GAP, min(BAR_GAP, fits))


def _equal_share_x(
    bars: Sequence[Bar], equal_share: float, width: float, label_width: float, mirrored: bool
) -> float:
    longest = max([b.seconds for b in bars] + [equal_share, 1.0])
    x = label_width + equal_share * (width - label_width - 40) / longest
    return width - x if mirrored else x


def _plot(
    bars: Sequence[Bar],
    equal_share: float,
    width: float,
    label_width: float,
    mirrored: bool,
    gap: float = BAR_GAP,
) -> tuple[list[_Tick], list[_Block]]:
    """Where the ticks and bars go (page x from the left, mirrored for a right-to-left
    report)."""
    height = _TOP_PAD + len(bars) * (BAR_HEIGHT + gap) + _BOTTOM_PAD
    plot_x = label_width
    plot_w = width - label_width - 40
    longest = max([b.seconds for b in bars] + [equal_share, 1.0])
    scale = plot_w / longest
    step = _tick_step(longest)

    def at(x: float) -> float:
        """A left-to-right x on the page, mirrored for a right-to-left report."""
        return width - x if mirrored else x

    ticks: list[_Tick] = []
    tick = 0.0
    while tick <= longest + 1e-9:
        ticks.append(_Tick(at(plot_x + tick * scale), format_clock(tick)))
        tick += step
    blocks: list[_Block] = []
    for row, bar in enumerate(bars):
        y = height - _TOP_PAD - (row + 1) * (BAR_HEIGHT + gap) + gap / 2
        length = max(bar.seconds * scale, 0.0)
        colour = OVER if equal_share and bar.seconds > equal_share * 1.25 else ACCENT
        left = at(plot_x + length) if mirrored else plot_x
        figure_x = at(plot_x + length + 3)
        blocks.append(_Block(left, y, length, colour, figure_x, format_clock(bar.seconds)))
    return ticks, blocks


def _figures_clear_of(
    line_x: float, blocks: list[_Block], font: str, mirrored: bool
) -> list[_Block]:
    """``blocks`` with each figure that the dashed equal-share line would strike through
    ("1:5|1" beside a bar ending just short of the share) moved to just past the line."""
    moved: list[_Block] = []
    for block in blocks:
        width = stringWidth(block.figure, font, FIGURE_SIZE)
        near, far = (
            (block.figure_x - width, block.figure_x)
            if mirrored
            else (block.figure_x, block.figure_x + width)
        )
        if near - _LINE_CLEARANCE < line_x < far + _LINE_CLEARANCE:
            x = line_x - _LINE_CLEARANCE if mirrored else line_x + _LINE_CLEARANCE
            block = _Block(block.left, block.y, block.length, block.colour, x, block.figure)
        moved.append(block)
    return moved


_LINE_CLEARANCE = 2.5
"""Points between the dashed line and a figure beside it."""
FIGURE_SIZE = 7.5


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
