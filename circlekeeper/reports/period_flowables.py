"""Light flowables for the period report, drawn straight onto the canvas.

A year of a large organization is hundreds of circle sections and thousands of session rows.
reportlab's ``Table`` and ``Drawing`` cost milliseconds each (layout passes, one text call per
cell, a render tree per chart), which made such a year take a minute. These draw the same
things with a handful of canvas calls: a figures table as plain rows, charts as rectangles,
and the appendix as one line of monospaced text per session. Only our own figures and dates go
through them as plain strings; user text (circle and facilitator names) that the font cannot
print as it stands (another script, right to left, shaped) goes through the typesetter, cell by
cell, into a PDF form made once per text and reused on every row and page that shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth as _string_width
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from circlekeeper.bundled import resource_file
from circlekeeper.i18n.formats import format_number
from circlekeeper.reports.bidi_order import has_rtl
from circlekeeper.reports.fonts import FontSet, needs_shaping, split_clusters
from circlekeeper.reports.layout import INK, MUTED, RULE

MONO = "CKSansMono"


@lru_cache(maxsize=16384)
def stringWidth(text: str, font: str, size: float) -> float:
    """reportlab's width of ``text``, remembered: hundreds of circle sections measure the
    same labels, months and figures again and again."""
    return float(_string_width(text, font, size))


ROW = 12.5


@cache
def mono_cover() -> frozenset[int]:
    """Register DejaVu Sans Mono (once) and say which code points it prints."""
    font = TTFont(MONO, str(resource_file("fonts", "DejaVuSansMono.ttf")))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@dataclass(frozen=True, slots=True)
class StackedBar:
    label: str
    parts: tuple[float, ...]
    """Bottom to top, in the order of the chart's legend."""


class RememberedText(PDFTextObject):
    """A text object that encodes each string once per document, font and size.

    A year's report writes the same labels, months and figures tens of thousands of times;
    reportlab encodes each one for the font's subsets again (character by character, in
    Python). The PDF operators a string becomes depend only on the font, its size and
    leading, and the subset in use before it, all in the key; the subsets a document has
    assigned never change, so the remembered operators stay right for the whole document.
    Shaped text (another type of string) is never remembered.
    """

    _curSubset: int  # reportlab's: the font subset the text object last switched to

    def _formatText(self, text: str) -> str:
        if type(text) is not str:
            return str(super()._formatText(text))
        remembered: dict[tuple[object, ...], tuple[str, int]] = self._canvas.__dict__.setdefault(
            "_ck_text_code", {}
        )
        key = (self._fontname, self._fontsize, self._leading, self._curSubset, text)
        found = remembered.get(key)
        if found is None:
            code = str(super()._formatText(text))
            found = remembered[key] = (code, self._curSubset)
        self._curSubset = found[1]
        return found[0]


def typeset_form(
    canv: Any, key: tuple[object, ...], width: float, make: Callable[[], list[Flowable]]
) -> str:
    """The name of a PDF form (made on first use, kept for the whole document) holding the
    first flowable ``make()`` typesets, ``width`` wide and one row high: a name in another
    script is shaped, ordered and font-matched once, however many rows and pages repeat it."""
    forms: dict[tuple[object, ...], str] = canv.__dict__.setdefault("_ck_cell_forms", {})
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"ckcell{len(forms)}"
        canv.beginForm(name, 0, 0, width, ROW)
        for flowable in make()[:1]:
            flowable.wrapOn(canv, width, ROW)
            flowable.drawOn(canv, 0, 0)
        canv.endForm()
    return name


def shaped_form(
    canv: Any,
    key: tuple[object, ...],
    box: tuple[float, float, float, float],
    draw: Callable[[], None],
) -> str:
    """The name of a PDF form (made on first use, kept for the whole document) holding what
    ``draw`` puts on the canvas within ``box`` (left, bottom, right, top): shaped words that
    recur on hundreds of pages are laid out once and drawn again by name."""
    forms: dict[tuple[object, ...], str] = canv.__dict__.setdefault("_ck_shaped_forms", {})
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"ckshaped{len(forms)}"
        canv.beginForm(name, *box)
        draw()
        canv.endForm()
    return name


def prints_plainly(fonts: FontSet, text: str) -> bool:
    """Whether the regular font prints ``text`` as it stands (no other script, no shaping,
    no right-to-left run): then one text call draws it."""
    return (
        not has_rtl(text)
        and not needs_shaping(text)
        and all(fonts.font_for(c) == fonts.regular for c in split_clusters(text) if c != " ")
    )


class StackedBars(Flowable):
    """Stacked vertical bars with a legend and a few grid lines."""

    def __init__(
        self,
        bars: Sequence[StackedBar],
        legend: Sequence[tuple[str, colors.Color]],
        width: float,
        fonts: FontSet,
        height: float = 95,
    ) -> None:
        super().__init__()
        self.bars, self.legend, self.fonts = bars, legend, fonts
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        left, bottom, top = 28.0, 16.0, 16.0
        plot_w = self.width - left - 6
        plot_h = self.height - bottom - top
        most = max([sum(b.parts) for b in self.bars] + [1.0])
        step = _nice(most / 3)
        font = self.fonts.regular
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        # The chart's words and numbers go into one text object (one per string is slow).
        text = RememberedText(c)
        text.setFont(font, 6.5)
        text.setFillColor(MUTED)
        value = 0.0
        grid = []
        while value <= most + 1e-9:
            y = bottom + value / most * plot_h
            grid.append((left, y, left + plot_w, y))
            label = format_number(round(value, 2))  # 2.5 / 2,5, as the reader writes it
            text.setTextOrigin(left - 4 - stringWidth(label, font, 6.5), y - 2.5)
            text.textOut(label)
            value += step
        c.lines(grid)
        x = left
        text.setFillColor(INK)
        for label, colour in self.legend:
            c.setFillColor(colour)
            c.rect(x, self.height - 9, 7, 7, stroke=0, fill=1)
            text.setTextOrigin(x + 10, self.height - 8.5)
            text.textOut(label)
            x += 18 + stringWidth(label, font, 6.5)
        if not self.bars:
            c.drawText(text)
            return
        slot = plot_w / len(self.bars)
        bar_w = max(1.0, min(16.0, slot * 0.7))
        label_every = max(1, round(len(self.bars) / 10))
        lefts = [left + index * slot + (slot - bar_w) / 2 for index in range(len(self.bars))]
        stack_bars(c, self.bars, self.legend, lefts, bottom, bar_w, plot_h / most)
        text.setFillColor(MUTED)
        for index in range(0, len(self.bars), label_every):
            label = self.bars[index].label
            half = stringWidth(label, font, 6.5) / 2
            text.setTextOrigin(lefts[index] + bar_w / 2 - half, bottom - 9)
            text.textOut(label)
        c.drawText(text)


def _nice(x: float) -> float:
    for n in (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if n >= x:
            return float(n)
    return float(int(x) + 1)


class KeptTogether(Flowable):
    """A few small flowables printed on one page (a heading and its table, a chart and its
    caption): what reportlab's ``KeepTogether`` does for a group shorter than a page, without
    the copy of the whole frame it makes on every wrap (hundreds of circle sections)."""

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._placed: list[tuple[Flowable, float]] = []

    def getSpaceBefore(self) -> float:
        return float(self.parts[0].getSpaceBefore()) if self.parts else 0.0

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter()) if self.parts else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Stacks the parts with the space a frame would leave between them (the larger of
        one's space after and the next one's space before)."""
        self._placed, y, width, after = [], 0.0, 0.0, None
        canv = getattr(self, "canv", None)
        for part in self.parts:
            if canv is None:
                w, h = part.wrap(available_width, available_height)
            else:
                w, h = part.wrapOn(canv, available_width, available_height)
            if after is not None:
                y += max(after, part.getSpaceBefore())
            self._placed.append((part, y + h))
            y += h
            width = max(width, w)
            after = part.getSpaceAfter()
        self.width, self.height = width, y
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Nothing here (so the group starts the next page), unless it is already at the top
        of one and still too tall: then its parts go on one by one."""
        frame = getattr(self, "_frame", None)
        return list(self.parts) if frame is None or getattr(frame, "_atTop", False) else []

    def draw(self) -> None:
        for part, bottom in self._placed:
            part.drawOn(self.canv, 0, self.height - bottom)


class Caption(Flowable):
    """One short line of our own words (a chart's caption, a trend): a single text call
    where a paragraph would parse markup and break lines. Longer than the frame, it wraps
    onto further lines at spaces."""

    def __init__(
        self, text: str, font: str, size: float = 8.5, colour: colors.Color = MUTED
    ) -> None:
        super().__init__()
        self.text, self.font, self.size, self.colour = text, font, size, colour
        self.lines = [text]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.lines = wrapped(self.text, self.font, self.size, available_width)
        self.height = len(self.lines) * (self.size + 2.5) + 3
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.colour)
        c.setFont(self.font, self.size)
        for number, line in enumerate(self.lines, start=1):
            c.drawString(0, self.height - number * (self.size + 2.5), line)


def wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` points (a single word
    longer than that keeps a line of its own)."""
    return list(_wrapped(text, font, size, width))


@lru_cache(maxsize=1024)
def _wrapped(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Remembered: every circle's section has the same captions and table labels."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return (*lines, current)


def stack_bars(
    c: Canvas,
    bars: Sequence[StackedBar],
    legend: Sequence[tuple[str, object]],
    lefts: Sequence[float],
    bottom: float,
    bar_w: float,
    scale: float,
) -> None:
    """Each bar's parts stacked from ``bottom``, left edges given (either reading direction).

    One colour at a time: a fill colour change per bar part is most of a chart's cost."""
    heights = [bottom] * len(bars)
    for layer, (_, colour) in enumerate(legend):
        c.setFillColor(colour)
        for index, bar in enumerate(bars):
            part = bar.parts[layer] if layer < len(bar.parts) else 0.0
            if part > 0:
                h = part * scale
                c.rect(lefts[index], heights[index], bar_w, h, stroke=0, fill=1)
                heights[index] += h
