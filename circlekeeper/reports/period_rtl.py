"""The period report in a right-to-left language: the page mirrored, every line shaped.

The period report's light flowables (:class:`FigureRows`, :class:`StackedBars`,
:class:`SessionRows`, :class:`Caption`) draw plain strings left to right, which is what makes a
large organization's year fast, and what prints Arabic letters unjoined and backwards. In an
Arabic report the same content goes through the session summary's machinery instead
(:class:`StoryWriter`: the typesetter with a right-to-left base, tables whose columns run right
to left, paragraphs flush right), and the charts are drawn mirrored: the oldest bar on the
right, the scale and the legend on the right, every label shaped. Left-to-right reports never
come here, so their output (and speed) is untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from circlekeeper.i18n.formats import format_number
from circlekeeper.reports.bidi_order import has_rtl
from circlekeeper.reports.figure_rows import FigureRows
from circlekeeper.reports.fonts import needs_shaping
from circlekeeper.reports.layout import INK, MUTED, RULE, Styles, table_style
from circlekeeper.reports.period_appendix import Column
from circlekeeper.reports.period_flowables import (
    Caption,
    StackedBars,
    _nice,
    shaped_form,
    stack_bars,
)
from circlekeeper.reports.story_writer import StoryWriter
from circlekeeper.reports.typeset import Typesetter, shaped, truncate

if TYPE_CHECKING:
    from circlekeeper.reports.period_circle import Kit

CHART_SIZE = 6.5


class MirroredWriter(StoryWriter):
    """The session summary's story writer, set up from a period report's kit."""

    def __init__(self, kit: Kit) -> None:
        self.text: Typesetter = kit.text
        self.styles: Styles = kit.styles
        self.width: float = kit.width
        self.rtl: bool = True


def said(kit: Kit, text: str, style: ParagraphStyle) -> list[Flowable]:
    """A sentence of ours: reportlab markup as it stands left to right; escaped, shaped
    and flush right in a right-to-left report (so it must then be plain text)."""
    if not kit.rtl:  # names and prompts in it come from Kit.inline
        return [Paragraph(text, shaped(style) if needs_shaping(text) else style)]
    return MirroredWriter(kit).say(text, style)


def figure_table(
    kit: Kit, rows: list[list[str]], widths: list[float], *, size: float = 8.5
) -> Flowable:
    """A label column and figure columns; mirrored (labels on the right) right to left."""
    if not kit.rtl:
        return FigureRows(rows, widths, kit.fonts, size=size)
    cells: list[list[object]] = [list(row) for row in rows]
    return MirroredWriter(kit).table(cells, widths, figures_from=1)


def caption(kit: Kit, text: str) -> list[Flowable]:
    """A chart's caption or a trend, one muted line (or more) of our own words."""
    if not kit.rtl:
        return [Caption(text, kit.fonts.regular)]
    return MirroredWriter(kit).say(text, kit.styles.small)


def session_table(kit: Kit, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Table:
    """The appendix as a mirrored table: columns as wide as their share of characters, names
    that need it typeset once per text (a circle's name repeats on every row)."""
    widths = _column_widths(kit, columns)
    typeset: dict[tuple[str, int], list[Flowable]] = {}

    def cell(value: str, column: int) -> object:
        if not has_rtl(value) and not needs_shaping(value) and _prints(kit, value):
            return value
        key = (value, column)
        if key not in typeset:
            typeset[key] = kit.text.line(
                truncate(value, columns[column].chars),
                kit.styles.cell,
                widths[column] - 8,
                rtl_base=True,
            )
        return typeset[key]

    data: list[list[object]] = [[col.title for col in columns]]
    data += [[cell(value, i) for i, value in enumerate(row)] for row in rows]
    return MirroredWriter(kit).table(data, widths, figures_from=2)


def _column_widths(kit: Kit, columns: Sequence[Column]) -> list[float]:
    """Each column's share of the characters, but at least as wide as its heading's longest
    word (Arabic headings are longer than the figures under them and break only at spaces);
    the room that takes comes out of the text columns (dates, names)."""
    total = sum(col.chars for col in columns)
    shares = [kit.width * col.chars / total for col in columns]
    head = kit.styles.cell_head
    needed = [
        max(kit.text.width_of(word, head) for word in col.title.split() or [""]) + 10
        for col in columns
    ]
    widths = [max(share, need) for share, need in zip(shares, needed, strict=True)]
    excess = sum(widths) - kit.width
    flexible = [i for i, col in enumerate(columns) if not col.right and widths[i] > needed[i]]
    room = sum(widths[i] - needed[i] for i in flexible)
    if excess > 0 and room > 0:
        cut = min(excess, room)
        widths = [
            w - cut * (w - needed[i]) / room if i in flexible else w for i, w in enumerate(widths)
        ]
    return widths


def mirrored_grid(kit: Kit, data: list[list[object]], widths: list[float]) -> Table:
    """An attendance grid, names on the right and the first session next to them."""
    small = ParagraphStyle("ck-grid-head", parent=kit.styles.cell, fontSize=6.5, leading=8)
    widest = max(
        [kit.text.width_of(word, small) for value in data[0][1:] for word in str(value).split()]
        + [1.0]
    )
    if widest > widths[-1] - 6:  # a month's name ("نوفمبر") is shrunk, never broken
        size = max(4.0, 6.5 * (widths[-1] - 8) / widest)
        small = ParagraphStyle("ck-grid-head-fit", parent=small, fontSize=size, leading=size + 1.5)
    pairs = zip(data[0], widths, strict=True)
    head = [_head(kit, str(value), small, w - 4) for value, w in pairs]
    rows = [head[::-1], *(list(row)[::-1] for row in data[1:])]
    style = table_style(figures_from=1, rtl=True)
    style.add("ALIGN", (0, 0), (-2, -1), "CENTER")
    style.add("FONTSIZE", (0, 0), (-2, 0), 6.5)
    return Table(rows, colWidths=widths[::-1], repeatRows=1, style=style, hAlign="RIGHT")


def _head(kit: Kit, text: str, style: ParagraphStyle, width: float) -> object:
    """A session's day over its grid column ("13" over "أكتوبر"), centred, on the two lines
    it was given (set on one, a short month stood out above the rest)."""
    if not has_rtl(text) and not needs_shaping(text):
        return text
    return kit.text.paragraphs(text, style, width, rtl_base=True, alignment=TA_CENTER)


def _prints(kit: Kit, text: str) -> bool:
    return all(kit.fonts.font_for(ch) == kit.fonts.regular for ch in text if ch != " ")


class MirroredBars(StackedBars):
    """Stacked bars read from right to left: the oldest bar on the right, the scale and the
    legend on the right, labels shaped and in right-to-left order."""

    def __init__(self, bars: StackedBars, text: Typesetter) -> None:
        super().__init__(bars.bars, bars.legend, bars.width, bars.fonts, bars.height)
        self.text = text
        self.style = ParagraphStyle(
            "ck-bars-label",
            fontName=self.fonts.regular,
            fontSize=CHART_SIZE,
            leading=CHART_SIZE * 1.25,
            textColor=INK,
            alignment=TA_LEFT,
        )

    def draw(self) -> None:
        c = self.canv
        scale, bottom, top = 28.0, 16.0, 16.0
        plot_left = 6.0
        plot_w = self.width - scale - plot_left
        plot_h = self.height - bottom - top
        most = max([sum(b.parts) for b in self.bars] + [1.0])
        step = _nice(most / 3)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        value = 0.0
        while value <= most + 1e-9:
            y = bottom + value / most * plot_h
            c.line(plot_left, y, plot_left + plot_w, y)
            self._words(format_number(round(value, 2)), plot_left + plot_w + 4, y - 2.5, MUTED)
            value += step
        x = self.width
        for label, colour in self.legend:
            c.setFillColor(colour)
            c.rect(x - 7, self.height - 9, 7, 7, stroke=0, fill=1)
            width = self._width(label)
            self._words(label, x - 10 - width, self.height - 8.5, INK)
            x -= 18 + width
        if not self.bars:
            return
        slot = plot_w / len(self.bars)
        bar_w = max(1.0, min(16.0, slot * 0.7))
        label_every = max(1, round(len(self.bars) / 10))
        right = plot_left + plot_w
        lefts = [right - (i + 1) * slot + (slot - bar_w) / 2 for i in range(len(self.bars))]
        stack_bars(c, self.bars, self.legend, lefts, bottom, bar_w, plot_h / most)
        for index in range(0, len(self.bars), label_every):
            label = self.bars[index].label
            half = self._width(label) / 2
            self._words(label, lefts[index] + bar_w / 2 - half, bottom - 9, MUTED)

    def _width(self, text: str) -> float:
        return self.text.width_of(text, self.style)

    def _words(self, text: str, x: float, baseline: float, colour: object) -> None:
        """``text`` from ``x`` on ``baseline``: plain strings as they are, the rest shaped
        and in right-to-left order by the typesetter, once per document: into a PDF form
        that every chart repeating the label (months, the legend, the scale) draws again."""
        c = self.canv
        if not has_rtl(text) and not needs_shaping(text):
            c.setFillColor(colour)
            c.setFont(self.fonts.regular, CHART_SIZE)
            c.drawString(x, baseline, text)
            return
        width = self._width(text)
        frame = width + 40  # room to spare: the line is set flush right in it

        def draw() -> None:
            style = ParagraphStyle("ck-bars-shaped", parent=self.style, textColor=colour)
            for flowable in self.text.line(text, style, frame, rtl_base=True)[:1]:
                _, h = flowable.wrap(frame, 40)
                flowable.drawOn(c, width - frame, CHART_SIZE - h)

        key = ("bars", text, str(colour))
        name = shaped_form(c, key, (width - frame - 2, -40.0, width + 2, 40.0), draw)
        c.saveState()
        c.translate(x, baseline)
        c.doForm(name)
        c.restoreState()


def chart(kit: Kit, bars: StackedBars) -> StackedBars:
    """``bars`` as they are left to right, mirrored right to left."""
    return MirroredBars(bars, kit.text) if kit.rtl else bars
