"""Right-to-left and mixed lines: wrapped by us, then set in the order a reader sees.

The typesetter sends here every paragraph that needs the bidi algorithm (Hebrew, Arabic,
Arabic-Indic digits, an isolated line in a right-to-left frame). Levels are resolved for each
whole paragraph line (:mod:`circlekeeper.reports.bidi_levels`), the line is wrapped at our
widths, and each printed line becomes one reportlab paragraph whose runs stand in display
order, ready for harfbuzz (:mod:`circlekeeper.reports.shaping`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from circlekeeper.reports.bidi_levels import (
    MARKS_AND_ISOLATES,
    line_levels,
    mirrored,
    resolved_levels,
    visual_order,
)
from circlekeeper.reports.fonts import split_clusters
from circlekeeper.reports.plain_paragraph import paragraph
from circlekeeper.reports.shaping import runs_right_to_left
from circlekeeper.session import frozen

if TYPE_CHECKING:
    from circlekeeper.reports.typeset import Run


class RightToLeftLines:
    """What :class:`circlekeeper.reports.typeset.Typesetter` does with bidi paragraphs."""

    if TYPE_CHECKING:

        def runs(self, text: str, *, bold: bool = False) -> list[Run]: ...

        def markup(self, runs: list[Run], style_font: str) -> str: ...

        def _word_width(self, word: str, style: ParagraphStyle, bold: bool) -> float: ...

        def _fitting_pieces(
            self, word: str, style: ParagraphStyle, width: float, bold: bool
        ) -> list[tuple[str, float]]: ...

    def _rtl_lines(
        self,
        lines: list[str],
        style: ParagraphStyle,
        width: float,
        prefix: str,
        bold: bool,
        rtl: bool,
        align_right: bool = False,
        alignment: int | None = None,
    ) -> list[Flowable]:
        """Wrap ourselves, then order each printed line's words by the bidi algorithm."""
        if alignment is None:
            alignment = TA_RIGHT if rtl or align_right else TA_LEFT
        line_style = ParagraphStyle(
            f"{style.name}-line",
            parent=style,
            alignment=alignment,
            spaceBefore=0,
            spaceAfter=0,
        )
        prefix_width = _markup_width(prefix, style) if prefix else 0.0
        space = stringWidth(" ", style.fontName, style.fontSize)
        shaping = bool(getattr(style, "shaping", 0))
        printed: list[str] = []
        for logical in lines:
            # Levels for the whole paragraph line, before it wraps (UAX #9: a line break never
            # changes which way a number or a bracket runs), then each printed line reordered.
            levels = resolved_levels(logical, rtl_base=rtl)
            used = prefix_width if not printed else 0.0
            start = end = 0
            for word_start, word_end, w in self._word_spans(logical, style, width * 0.97, bold):
                if end > start and used + space + w > width * 0.97:
                    printed.append(
                        self._visual_markup(
                            logical, levels, start, end, rtl, shaping, bold, style.fontName
                        )
                    )
                    start, used = word_start, 0.0
                if end == start:
                    start = word_start
                used += (space if end > start else 0.0) + w
                end = word_end
            printed.append(
                self._visual_markup(logical, levels, start, end, rtl, shaping, bold, style.fontName)
            )
        out: list[Flowable] = []
        for number, markup in enumerate(printed):
            if number == 0 and prefix:
                lead = re.sub(r"(&nbsp;)+$", "&nbsp;", prefix)  # + the joining space
                markup = (markup + " " + lead) if rtl else (lead + " " + markup)
            s = line_style
            if number == 0 or number == len(printed) - 1:
                s = ParagraphStyle(
                    f"{style.name}-edge",
                    parent=line_style,
                    spaceBefore=style.spaceBefore if number == 0 else 0,
                    spaceAfter=style.spaceAfter if number == len(printed) - 1 else 0,
                )
            if number == 0 and len(printed) > 1:
                # As a paragraph of Latin text (reportlab's allowOrphans=0): the first line
                # never stays alone at a page's foot with the rest overleaf.
                s.keepWithNext = 1
            out.append(paragraph(markup or "&nbsp;", s))
        return out

    def _word_spans(
        self, logical: str, style: ParagraphStyle, width: float, bold: bool
    ) -> list[tuple[int, int, float]]:
        """Where each word of ``logical`` starts and ends, and how wide it is; a word too
        wide for a line is cut into pieces that fit, between grapheme clusters."""
        spans: list[tuple[int, int, float]] = []
        offset = 0
        for word in logical.split(" "):
            start, offset = offset, offset + len(word) + 1
            if not word:
                continue
            for piece, piece_width in self._fitting_pieces(word, style, width, bold):
                spans.append((start, start + len(piece), piece_width))
                start += len(piece)
        return spans

    def _visual_markup(
        self,
        text: str,
        levels: list[int],
        start: int,
        end: int,
        rtl: bool,
        shaping: bool,
        bold: bool,
        style_font: str,
    ) -> str:
        """The printed line ``text[start:end]`` as markup in display order (UAX #9, L1–L2).

        The line is cut into runs of one bidi level, one font and no space; each run is
        placed where the algorithm puts its characters and handed to harfbuzz so that its
        guess of direction comes out right: a right-to-left run of letters in logical order
        (harfbuzz reverses and mirrors it), a run harfbuzz would otherwise run the wrong way
        (a bracket or "%" in a right-to-left run, Arabic-Indic digits in a left-to-right
        one) pre-reversed with its brackets mirrored (rule L4). A word of several runs gets a
        ``<font>`` fragment per run, so :mod:`circlekeeper.reports.shaping` shapes each alone.
        """
        line = line_levels(text, levels, start, end, 1 if rtl else 0)
        segment = text[start:end]
        runs_at: dict[int, list[tuple[Run, bool]]] = {}
        owner = [-1] * len(segment)
        i = 0
        while i < len(segment):
            if segment[i] == " " or segment[i] in MARKS_AND_ISOLATES:
                i += 1
                continue
            j = i + 1
            while (
                j < len(segment)
                and segment[j] != " "
                and segment[j] not in MARKS_AND_ISOLATES
                and line[j] == line[i]
            ):
                j += 1
            odd = line[i] % 2 == 1
            runs = [(run, odd) for run in self.runs(segment[i:j], bold=bold)]
            runs_at[i] = runs[::-1] if odd else runs
            owner[i:j] = [i] * (j - i)
            i = j
        words: list[list[tuple[Run, bool]]] = []
        gap = True
        last = -1
        for index in visual_order(line):
            ch = segment[index]
            if ch == " ":
                gap = True
            elif owner[index] >= 0 and owner[index] != last:
                last = owner[index]
                if gap or not words:
                    words.append([])
                words[-1].extend(runs_at[last])
                gap = False
        parts = []
        for word in words:
            several = len(word) > 1
            parts.append(
                "".join(
                    self.markup(
                        [frozen.replace(run, text=_oriented(run.text, odd, shaping))],
                        "" if several else style_font,
                    )
                    for run, odd in word
                )
            )
        return " ".join(parts)


def _oriented(text: str, rtl: bool, shaping: bool) -> str:
    """A run's characters as harfbuzz (or, unshaped, reportlab) should receive them so that
    they print in the run's direction."""
    if rtl == (shaping and runs_right_to_left(text)):
        return text
    return "".join("".join(mirrored(ch) for ch in c) for c in reversed(split_clusters(text)))


def _markup_width(markup: str, style: ParagraphStyle) -> float:
    plain = re.sub(r"<[^>]+>", "", markup)
    return stringWidth(plain, style.fontName, style.fontSize)
