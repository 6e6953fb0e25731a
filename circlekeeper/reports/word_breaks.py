"""Words too wide for a line, in any script, made to break at a line's end between two
grapheme clusters.

reportlab breaks a word wider than its line by itself: anywhere, through a letter's marks or an
emoji's joiners, and a shaped word (Devanagari, Tamil, Thai, Arabic, an emoji sequence) it
cannot break at all: the pieces no longer fit, and the export stopped with ``LayoutError``. So
the typesetter never hands it such a word: a Latin word of a few lines gets soft hyphens
(reportlab's own hyphenation takes only Latin letters), every other one is cut here at each
line's end, measured as it will print (shaped by harfbuzz where it is shaped).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from circlekeeper.reports.bidi_order import without_controls
from circlekeeper.reports.fonts import FontSet, needs_shaping, split_clusters
from circlekeeper.reports.long_text import HARD_BREAK_LINES, hyphenated, line_ends
from circlekeeper.reports.shaping import shaped_width

NOTICE_FONT = "notice"
"""The font of a run that prints ``[U+XXXX]`` notices."""
_REPORTLAB_HYPHENATES = re.compile(
    "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0410-\u044f]+"
)
"""Words reportlab breaks at our soft hyphens (its ``embeddedHyphenation`` takes only these
letters); any other word too wide for a line is broken by us."""


class WordBreaks:
    """What :class:`circlekeeper.reports.typeset.Typesetter` does with words too wide for a
    line."""

    fonts: FontSet

    if TYPE_CHECKING:

        def _word_width(self, word: str, style: ParagraphStyle, bold: bool) -> float: ...

    def _hyphenable(
        self, line: str, style: ParagraphStyle, width: float, bold: bool, *, hard: bool
    ) -> str:
        """Each word too wide for a line of its own made breakable at a line's end (between
        two grapheme clusters, with a "-" where the script takes one), so reportlab never
        cuts a word itself: it cuts anywhere, through a letter's marks or an emoji, and a
        shaped word it cut could not be laid out at all; a word that fits a line is never
        broken. ``hard``: no soft hyphens (the paragraph is shaped: reportlab cannot break
        it at one)."""
        if self._word_width(line, style, bold) <= width * 0.95:
            return line  # no word of it is wider than the whole line
        words = line.split(" ")
        for index, word in enumerate(words):
            if len(word) > 1 and self._printed_width(word, style, bold) > width * 0.95:
                words[index] = self._soft_hyphenated(word, style, width, bold, hard=hard)
        return " ".join(words)

    def _soft_hyphenated(
        self, word: str, style: ParagraphStyle, width: float, bold: bool, *, hard: bool
    ) -> str:
        """``word`` breakable where a line of ``width`` fills up: soft hyphens for reportlab
        to choose from (90 % of a line, so a line that starts part-way still has room), or
        our own breaks for a word many lines long, a shaped one or one reportlab cannot
        hyphenate (see :func:`long_text.hyphenated`)."""
        clusters = split_clusters(word)
        hard = hard or needs_shaping(word) or _REPORTLAB_HYPHENATES.fullmatch(word) is None
        hard = hard or self._word_width(word, style, bold) > width * HARD_BREAK_LINES
        hyphen = stringWidth("-", style.fontName, style.fontSize)
        limit = width * 0.97 - hyphen if hard else width * 0.9
        width_of = self._piece_widths(clusters, style, bold)

        return hyphenated(
            word,
            clusters,
            lambda start, end: width_of(start, end) <= limit,
            lambda start: width_of(start, len(clusters)) <= width * 0.97,
            hard=hard,
        )

    def _printed_width(self, word: str, style: ParagraphStyle, bold: bool) -> float:
        """:meth:`_word_width` as printed: a run that needs shaping measured once harfbuzz
        has shaped it, as reportlab will lay it out."""
        clusters = split_clusters(without_controls(word))
        return self._piece_widths(clusters, style, bold)(0, len(clusters))

    def _piece_widths(
        self, clusters: list[str], style: ParagraphStyle, bold: bool
    ) -> Callable[[int, int], float]:
        """How wide ``clusters[start:end]`` prints, for any ``start`` and ``end``: each
        font's part of the piece measured alone, as :mod:`circlekeeper.reports.shaping`
        shapes it, after harfbuzz has shaped it where it needs shaping. The fonts are chosen
        once for the whole word, so measuring a piece never splits the text again."""
        fonts = [self._font_of(cluster, bold) for cluster in clusters]
        size = style.fontSize

        def width_of(start: int, end: int) -> float:
            total = 0.0
            index = start
            while index < end:
                font = fonts[index]
                stop = index + 1
                while stop < end and fonts[stop] == font:
                    stop += 1
                if font is None:  # each a "[U+XXXX]" notice (a few together print shorter)
                    notices = "".join(f"[U+{ord(c[0]):04X}]" for c in clusters[index:stop])
                    total += stringWidth(notices, self.fonts.regular, size)
                else:
                    text = "".join(clusters[index:stop])
                    if needs_shaping(text):
                        total += shaped_width(text, font, size)
                    else:
                        total += stringWidth(text, font, size)
                index = stop
            return total

        return width_of

    def _font_of(self, cluster: str, bold: bool) -> str | None:
        """The font :meth:`runs` prints ``cluster`` in (a no-break space: the text's own, as
        near enough; :meth:`runs` gives it its neighbour's); ``None``: a notice."""
        if cluster == "\u00a0" or (cluster.isascii() and self.fonts.draws_ascii(bold=bold)):
            return self.fonts.bold if bold else self.fonts.regular
        if unicodedata.category(cluster[0]) == "Cs":
            return None
        return self.fonts.font_for(cluster, bold=bold)

    def _fitting_pieces(
        self, word: str, style: ParagraphStyle, width: float, bold: bool
    ) -> list[tuple[str, float]]:
        """``word`` and its width, or, when it is wider than ``width``, the pieces it is cut
        into between grapheme clusters, each as wide as fits, with their printed widths (no
        hyphen: for right-to-left and mixed lines)."""
        whole = self._word_width(word, style, bold)
        if whole <= width * 0.9:
            return [(word, whole)]  # (unshaped, a word is never a tenth narrower than shaped)
        clusters = split_clusters(word)
        width_of = self._piece_widths(clusters, style, bold)
        ends = line_ends(len(clusters), lambda start, end: width_of(start, end) <= width)
        out: list[tuple[str, float]] = []
        start = 0
        for end in [*ends, len(clusters)]:
            out.append(("".join(clusters[start:end]), width_of(start, end)))
            start = end
        return out
