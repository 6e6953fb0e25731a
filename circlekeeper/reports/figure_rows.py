"""The period report's small figure tables, drawn straight onto the canvas.

A label column and figure columns: "Hours of peer support (length × people present) 138.0 h
0.1 h new". German runs a third longer than English, so a label first takes the room its
figures do not need; when that is not enough it wraps onto a second line at a space, and
the row grows taller. Figures never wrap and stay on their row's first line, right-aligned
in their columns, so they read straight down whatever the labels do.

Given a typesetter, a label the regular font cannot print as it stands (a circle's name in
Hebrew or Japanese, an emoji) is typeset as every name is (fonts per cluster, shaping, right
to left) on one line, cut with "…" to its column, into a PDF form made once per name: the
list of 334 circles stays one light table instead of falling back to reportlab's ``Table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from circlekeeper.reports.fonts import FontSet
from circlekeeper.reports.layout import INK, MUTED, RULE, ZEBRA
from circlekeeper.reports.period_flowables import (
    ROW,
    RememberedText,
    prints_plainly,
    stringWidth,
    typeset_form,
    wrapped,
)
from circlekeeper.reports.typeset import Typesetter, truncate

PAD = 4.0
"""Points of room on each side of a cell's text."""
MAX_LINES = 3
"""A label longer than this many lines is cut with "…" on its last one."""


def elided(label: str, font: str, size: float, room: float) -> str:
    """``label`` cut with "…" to ``room`` points: for a single word wider than its column."""
    limit = len(label)
    while limit > 1 and stringWidth(label, font, size) > room:
        limit -= 1
        label = truncate(label, limit)
    return label


def label_lines(label: str, font: str, size: float, room: float) -> list[str]:
    """``label`` on as few lines of ``room`` points as its words allow (at most
    ``MAX_LINES``); only a word wider than the whole column is cut."""
    return list(_label_lines(label, font, size, room))


@lru_cache(maxsize=4096)
def _label_lines(label: str, font: str, size: float, room: float) -> tuple[str, ...]:
    """Remembered: hundreds of circle sections repeat the same row labels."""
    lines = wrapped(label, font, size, room)
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], " ".join(lines[MAX_LINES - 1 :])]
    return tuple(elided(line, font, size, room) for line in lines)


class FigureRows(Flowable):
    """A small table of strings: a muted header, zebra rows, figures right-aligned from
    column ``figures_from`` on. Never split (a dozen rows at most; the long list of circles
    comes in tables of 40). ``typeset`` draws labels in other scripts (see the module)."""

    def __init__(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        fonts: FontSet,
        *,
        figures_from: int = 1,
        size: float = 8.5,
        typeset: Typesetter | None = None,
    ) -> None:
        super().__init__()
        self.rows, self.fonts = rows, fonts
        self.figures_from, self.size = figures_from, size
        self.typeset = typeset
        self.leading = size + 2.5
        self.widths = self._labels_fit(list(widths))
        self.width = sum(self.widths)
        self.lines = [self._row_lines(index, row) for index, row in enumerate(rows)]
        self.heights = [
            ROW + (max((len(cell) for cell in cells), default=1) - 1) * self.leading
            for cells in self.lines
        ]
        self.height = sum(self.heights) + 2

    def _font(self, index: int) -> str:
        return self.fonts.bold if index == 0 else self.fonts.regular

    def _labels_fit(self, widths: list[float]) -> list[float]:
        """Widens the label columns to their longest label, taking the room the figure
        columns do not need for their own text: a label wraps only when that is not enough,
        and a figure never loses its room."""
        needed = [0.0] * len(widths)
        for index, row in enumerate(self.rows):
            font = self._font(index)
            for column, cell in enumerate(row[: len(widths)]):
                needed[column] = max(needed[column], stringWidth(cell, font, self.size) + 2 * PAD)
        labels = range(min(self.figures_from, len(widths)))
        figures = range(len(labels), len(widths))
        short = sum(max(0.0, needed[c] - widths[c]) for c in labels)
        slack = {c: max(0.0, widths[c] - needed[c]) for c in figures}
        grown = min(short, sum(slack.values()))
        if grown <= 0:
            return widths
        fitted = list(widths)
        for c in labels:
            fitted[c] += grown * max(0.0, needed[c] - widths[c]) / short
        for c in figures:
            fitted[c] -= grown * slack[c] / sum(slack.values())
        return fitted

    def _row_lines(self, index: int, row: Sequence[str]) -> list[list[str]]:
        """Each cell's lines: labels (and the header's words) wrap, figures stay one line."""
        font = self._font(index)
        cells = []
        for column, (cell, width) in enumerate(zip(row, self.widths, strict=False)):
            if column < self.figures_from and index and self._typeset_here(cell):
                cells.append([cell])  # one typeset line, cut to its column
            elif column < self.figures_from or index == 0:
                cells.append(label_lines(cell, font, self.size, width - 2 * PAD))
            else:
                cells.append([cell])
        return cells

    def _typeset_here(self, label: str) -> bool:
        return self.typeset is not None and not prints_plainly(self.fonts, label)

    def _draw_typeset(self, label: str, x: float, y: float, room: float) -> None:
        c = self.canv
        name = typeset_form(
            c, ("label", label, room, self.size), room, partial(self._set, label, room)
        )
        c.saveState()
        c.translate(x, y - 3)
        c.doForm(name)
        c.restoreState()

    def _set(self, label: str, room: float) -> list[Flowable]:
        """``label`` typeset on one line of ``room`` points (cut with "…" if longer)."""
        assert self.typeset is not None
        style = ParagraphStyle(
            "ck-figure-label",
            fontName=self.fonts.regular,
            fontSize=self.size,
            leading=self.size + 3,
            textColor=INK,
        )
        return self.typeset.line(self.typeset.fit(label, style, room), style, room, rtl_base=False)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        tops = [self.height]
        for height in self.heights:
            tops.append(tops[-1] - height)
        c.setFillColor(ZEBRA)
        for index in range(2, len(self.rows), 2):
            c.rect(0, tops[index + 1], self.width, self.heights[index], stroke=0, fill=1)
        # One text object for the table (a drawString per cell builds one each), cut only
        # where a typeset name is drawn, so the text still reads row by row when copied.
        text = RememberedText(c)
        for index, cells in enumerate(self.lines):
            first = tops[index] - ROW + 3.5
            font = self._font(index)
            text.setFillColor(MUTED if index == 0 else INK)
            text.setFont(font, self.size)
            x = 0.0
            for column, (lines, width) in enumerate(zip(cells, self.widths, strict=False)):
                if column < self.figures_from and index and self._typeset_here(lines[0]):
                    c.drawText(text)
                    self._draw_typeset(lines[0], x + PAD, first, width - 2 * PAD)
                    text = RememberedText(c)
                    text.setFillColor(INK)
                    text.setFont(font, self.size)
                    x += width
                    continue
                for number, line in enumerate(lines):
                    y = first - number * self.leading
                    if column >= self.figures_from:
                        right = x + width - PAD - stringWidth(line, font, self.size)
                        text.setTextOrigin(right, y)
                    else:
                        text.setTextOrigin(x + PAD, y)
                    text.textOut(line)
                x += width
        c.drawText(text)
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.8)
        c.line(0, tops[1], self.width, tops[1])
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(0, 1, self.width, 1)
