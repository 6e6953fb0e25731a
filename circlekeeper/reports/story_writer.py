"""Our own words on a report's page, the same way in every language and direction.

A report's headings, sentences and table headers are translated, then filled with user text
(names, round titles), so they go through the :class:`Typesetter` like any user text: escaped,
the right font per character, shaped, ordered right to left where the language is. In a
right-to-left report paragraphs sit flush right and table columns run from right to left.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from circlekeeper.reports.bidi_order import has_rtl
from circlekeeper.reports.fonts import needs_shaping
from circlekeeper.reports.layout import Styles, table_style
from circlekeeper.reports.typeset import Typesetter, clean

Cell = str | list[Flowable]
"""A table cell: a plain string the table draws itself, or typeset paragraphs."""
CELL_PADDING = 8.0
"""Points a table cell keeps beside its text (``row`` typesets into ``width - 8``)."""


class StoryWriter:
    """What a report's sections share: the typesetter, styles, frame width and direction."""

    text: Typesetter
    styles: Styles
    width: float
    rtl: bool

    def say(self, text: str, style: ParagraphStyle, *, prefix: str = "") -> list[Flowable]:
        """A sentence of ours (translated, with user text filled in), escaped and shaped,
        flush right in a right-to-left report."""
        return self.text.paragraphs(text, style, self.width, prefix=prefix, rtl_base=self.rtl)

    def heading(self, text: str) -> list[Flowable]:
        return self.say(text, self.styles.h2)

    def cell(self, text: str, style: ParagraphStyle, width: float) -> Cell:
        """A table cell of ours: a plain string where the font draws it as is, else typeset
        (Arabic words need shaping and right-to-left order; CLDR's invisible marks go)."""
        plain = clean(text)
        if not has_rtl(plain) and not needs_shaping(plain):
            return plain
        return self.text.line(plain, style, width, rtl_base=self.rtl)

    def row(
        self, cells: list[object], widths: list[float], head: bool = False, figures_from: int = -1
    ) -> list[object]:
        """One table row; headings always wrap (German ones run long), figures stay plain."""
        out: list[object] = []
        for index, (value, width) in enumerate(zip(cells, widths, strict=True)):
            if not isinstance(value, str):
                out.append(value)
            elif head:
                figure = 0 <= figures_from <= index
                out.append(self.head_cell(value, width - 8, flush_right=figure or self.rtl))
            else:
                out.append(self.cell(value, self.styles.cell, width - 8))
        return out[::-1] if self.rtl else out

    def head_cell(self, text: str, width: float, *, flush_right: bool) -> list[Flowable]:
        style = self.styles.cell_head_right if flush_right else self.styles.cell_head
        return self.text.line(clean(text), style, width, rtl_base=self.rtl)

    def fit_columns(self, widths: list[float], data: list[list[object]], give: int) -> list[float]:
        """``widths`` with each column at least as wide as the longest word of its heading
        (``data[0]``) and as its widest plain cell (figures never wrap), the room taken from
        column ``give`` (the names). A heading word too wide for its column was broken
        anywhere ("Exced-" over "ido" for the Spanish "Excedido"), and a wide cell ran into
        its neighbour (the French "a passé son tour" over the share, "0 %a passé son tour")."""
        head, regular = self.styles.cell_head, self.styles.cell
        out = list(widths)
        for index in range(len(out)):
            if index == give:
                continue
            column = [row[index] for row in data]
            words = clean(column[0]).split() if isinstance(column[0], str) else []
            need = max(
                [stringWidth(word, head.fontName, head.fontSize) for word in words]
                + [
                    stringWidth(clean(cell), regular.fontName, regular.fontSize)
                    for cell in column[1:]
                    if isinstance(cell, str)
                ]
                + [0.0]
            )
            need += CELL_PADDING + 1
            if out[index] < need:
                out[give] -= need - out[index]
                out[index] = need
        return out

    def table(
        self,
        data: list[list[object]],
        widths: list[float],
        figures_from: int | None = None,
        total_row: bool = False,
    ) -> Table:
        """A table whose columns run right to left in a right-to-left report."""
        first = -1 if figures_from is None else figures_from
        rows = [self.row(r, widths, i == 0, first) for i, r in enumerate(data)]
        cols = widths[::-1] if self.rtl else widths
        style = table_style(figures_from=figures_from, total_row=total_row, rtl=self.rtl)
        return Table(rows, colWidths=cols, repeatRows=1, style=style)

    def say_in(self, text: str, style: ParagraphStyle, width: float) -> list[Flowable]:
        """A sentence of ours inside a table cell."""
        return self.text.paragraphs(text, style, width, rtl_base=self.rtl)
