"""The period report's appendix: every session of the period as one monospaced line.

A year of a large organization lists thousands of sessions; a ``Table`` row each cost most of
the report's time. Here a page of rows is one text object, and only a row holding text the
monospaced font cannot print as it stands (another script, right to left, shaped) is drawn
cell by cell through the typesetter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from circlekeeper.reports.bidi_order import has_rtl
from circlekeeper.reports.fonts import FontSet, needs_shaping
from circlekeeper.reports.layout import INK, MUTED, ZEBRA
from circlekeeper.reports.period_flowables import (
    MONO,
    ROW,
    RememberedText,
    mono_cover,
    stringWidth,
    typeset_form,
)
from circlekeeper.reports.typeset import truncate

_FITTED: dict[tuple[str, int, bool], tuple[str, bool]] = {}


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    chars: int
    right: bool = False


class SessionRows(Flowable):
    """The appendix: a header and one monospaced line per session, split across pages.

    Each line is one text call; a line the monospaced font cannot print as it stands (a
    script it lacks, right-to-left or shaped text) is drawn cell by cell, those cells through
    ``cell`` (the typesetter's escaped, font-chosen, reordered paragraphs).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        fonts: FontSet,
        width: float,
        cell: Callable[[str, float], list[Flowable]],
    ) -> None:
        super().__init__()
        self.columns, self.rows, self.fonts, self.width = list(columns), list(rows), fonts, width
        self.cell = cell
        self.cover = mono_cover()
        total = sum(col.chars for col in self.columns) + len(self.columns) - 1
        self.size = min(8.0, width / (total * 0.602))
        self.char = stringWidth("0", MONO, self.size)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = ROW * (len(self.rows) + 1) + 2
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int((available_height - 2) // ROW) - 1
        if fits < 1:
            return []
        if fits >= len(self.rows):
            return [self]
        return [
            SessionRows(self.columns, self.rows[:fits], self.fonts, self.width, self.cell),
            SessionRows(self.columns, self.rows[fits:], self.fonts, self.width, self.cell),
        ]

    def _fitted(self, text: str, col: Column) -> tuple[str, bool]:
        """The cell's text cut and padded to its column, and whether the monospaced font
        prints it as it stands (remembered: a circle's name repeats on every row)."""
        key = (text, col.chars, col.right)
        found = _FITTED.get(key)
        if found is None:
            cut = truncate(text, col.chars)
            padded = cut.rjust(col.chars) if col.right else cut.ljust(col.chars)
            found = _FITTED[key] = (padded, self._plain(cut))
        return found

    def _line(self, cells: Sequence[str]) -> str | None:
        """The row as one monospaced line, or ``None`` if a cell needs the typesetter."""
        parts = []
        for col, text in zip(self.columns, cells, strict=False):
            padded, plain = self._fitted(text, col)
            if not plain:
                return None
            parts.append(padded)
        return " ".join(parts)

    def draw(self) -> None:
        c = self.canv
        top = self.height
        c.setFillColor(MUTED)
        c.setFont(self.fonts.bold, 7.5)
        x = 0.0
        for col in self.columns:
            w = col.chars * self.char
            if col.right:
                c.drawRightString(x + w, top - ROW + 3.5, col.title)
            else:
                c.drawString(x, top - ROW + 3.5, col.title)
            x += w + self.char
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.8)
        c.line(0, top - ROW, self.width, top - ROW)
        c.setFillColor(ZEBRA)
        for index in range(1, len(self.rows), 2):
            c.rect(0, top - (index + 2) * ROW, self.width, ROW, stroke=0, fill=1)
        c.setFillColor(INK)
        text = RememberedText(c)
        text.setFont(MONO, self.size)
        odd: list[tuple[int, Sequence[str]]] = []
        for index, cells in enumerate(self.rows):
            line = self._line(cells)
            if line is not None:
                text.setTextOrigin(0, top - (index + 2) * ROW + 3.5)
                text.textOut(line)
            else:
                odd.append((index, cells))
        c.drawText(text)
        for index, cells in odd:
            self._draw_cells(index, cells, top)

    def _plain(self, text: str) -> bool:
        return (
            all(ord(ch) in self.cover for ch in text)
            and not has_rtl(text)
            and not needs_shaping(text)
        )

    def _draw_cells(self, index: int, cells: Sequence[str], top: float) -> None:
        """A row with a cell the typesetter must draw: the plain cells as one monospaced
        line with a gap, the others as PDF forms typeset once per text and reused."""
        c = self.canv
        y = top - (index + 2) * ROW + 3.5
        parts: list[str] = []
        x = 0.0
        for col, value in zip(self.columns, cells, strict=False):
            w = col.chars * self.char
            padded, plain = self._fitted(value, col)
            if plain:
                parts.append(padded)
            else:
                parts.append(" " * col.chars)
                name = self._form(value, col, w)
                c.saveState()
                c.translate(x, y - 3)
                c.doForm(name)
                c.restoreState()
            x += w + self.char
        c.setFont(MONO, self.size)
        c.drawString(0, y, " ".join(parts))

    def _form(self, value: str, col: Column, width: float) -> str:
        """The name of a form holding ``value`` typeset for its column (made on first use)."""
        return typeset_form(
            self.canv,
            ("appendix", value, col.chars),
            width,
            lambda: self.cell(truncate(value, col.chars), width),
        )
