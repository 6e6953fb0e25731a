"""User text → reportlab flowables: escaped, font per run, right-to-left lines, no black squares.

Every string a person typed (names, agreements, prompts, the shareable summary, the organization)
goes through :class:`Typesetter`. It

* escapes the text, so ``<b>``, ``&``, ``<font>``, ``<a href>`` and ``<img src=…/>`` print
  literally and can never change the layout, make a link or make reportlab open a file;
* picks a font for each grapheme cluster (DejaVu Sans, else the first bundled font that draws
  it; see :mod:`circlekeeper.reports.fonts`) and replaces a character no bundled font can draw
  with a visible ``[U+XXXX]`` notice instead of an empty box;
* turns on harfbuzz shaping where Arabic-like scripts need it, and lays right-to-left text out
  line by line in bidi order (see :mod:`circlekeeper.reports.bidi_order`);
* splits long text into paragraphs that break across pages, gives a word too wide for a line
  of its own soft hyphens (so it breaks with a "-", never just anywhere), and cuts text meant
  for table cells to a length that can never make a cell taller than a page.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from circlekeeper.i18n import ngettext
from circlekeeper.palette import PRINT
from circlekeeper.reports.bidi_levels import (
    resolved_levels,
)
from circlekeeper.reports.bidi_order import base_is_rtl, has_rtl, isolate, without_controls
from circlekeeper.reports.fonts import FontSet, needs_shaping, split_clusters
from circlekeeper.reports.long_text import pieces as long_pieces
from circlekeeper.reports.plain_paragraph import paragraph
from circlekeeper.reports.rtl_lines import RightToLeftLines
from circlekeeper.reports.word_breaks import NOTICE_FONT, WordBreaks
from circlekeeper.session.frozen import FrozenRecord


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, so user text is never read as reportlab markup.

    What ``xml.sax.saxutils.escape`` does, without its import of ``urllib`` (``http``,
    ``email``, ``ssl``), which cost one-session exports a tenth of their time."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


NOTICE_COLOR = PRINT.notice
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\u2000-\u2006\u2008-\u200a\u3000]+")
"""Spaces a line may break at; the no-break ones (between a figure and its unit, ``125 %``,
``42 s``) stay, so reportlab never ends a line on the figure and starts the next on the unit."""
_BREAKING_WHITESPACE = re.compile(r"[^\S\u00a0]+")
_NO_BREAK = str.maketrans({"\u202f": "\u00a0", "\u2007": "\u00a0"})
"""CLDR's narrow no-break space (``6:05 PM``, French ``5 s``) and the figure space are
no-break spaces to a reader, but reportlab breaks lines at them; its plain no-break space
(which it keeps whole) takes their place."""
_NOTICE = NOTICE_FONT


class Run(FrozenRecord):
    """Characters drawn with one font (``font == "notice"``: a ``[U+XXXX]`` stand-in)."""

    font: str
    text: str


def clean(text: str) -> str:
    """Drop control and invisible format characters; unify line breaks and spaces.

    Joiners stay: a zero-width joiner makes 👩🏽‍🦱 one emoji, and a non-joiner is part of
    how Persian and the Indic scripts spell words. So do emoji tag characters (regional flags),
    and the bidi marks and isolates (CLDR writes an Arabic date ``1‏/3‏/2026`` with marks; we
    set names in isolates): they steer the bidi algorithm and are never printed. Overrides,
    embeddings and other format characters go: they could reorder what prints.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isascii() and text.replace("\n", " ").isprintable():
        return text  # printable ASCII holds no control or format character
    out = []
    for ch in text.translate(_NO_BREAK):
        category = unicodedata.category(ch)
        if ch == "\n" or category not in ("Cc", "Cf") or _kept_format(ord(ch)):
            out.append(ch)
    return "".join(out)


def collapse(text: str) -> str:
    """``text`` cleaned, on one line, each run of spaces a single space, but no-break spaces
    kept (``" ".join(text.split())`` turns them into spaces a line may break at)."""
    return _BREAKING_WHITESPACE.sub(" ", clean(text)).strip(" ")


def _kept_format(code: int) -> bool:
    return (
        code in (0x200C, 0x200D, 0x200E, 0x200F, 0x061C)
        or 0x2066 <= code <= 0x2069
        or 0xE0020 <= code <= 0xE007F
    )


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when something was cut."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + "…"


class Typesetter(RightToLeftLines, WordBreaks):
    """Builds flowables for one document; remembers characters it could not print."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[int] = set()
        self._widths: dict[tuple[str, str, float], float] = {}

    # -- runs and markup -------------------------------------------------------------------
    def runs(self, text: str, *, bold: bool = False) -> list[Run]:
        default = self.fonts.bold if bold else self.fonts.regular
        if (
            text.isascii()
            and text.replace("\n", " ").isprintable()
            and self.fonts.draws_ascii(bold=bold)
        ):
            return [Run(default, text)] if text else []  # what the loop below makes of it
        # Built as (font, pieces) pairs and made into runs once at the end: a Run made
        # again for every character (a new frozen record and a longer string each time)
        # was most of the cost of a line with a few characters outside ASCII.
        pending: list[tuple[str, list[str]]] = []
        font: str | None
        for ch in split_clusters(text):
            if ch in " \u00a0\n":
                # A space keeps its neighbour's font, so a shaped run stays whole, except after
                # a notice or an emoji (Noto Emoji's space is as wide as a pictograph).
                previous = pending[-1][0] if pending else _NOTICE
                font = default if previous in (_NOTICE, self.fonts.emoji) else previous
            else:
                font = (
                    self.fonts.font_for(ch, bold=bold)
                    if unicodedata.category(ch[0]) != "Cs"
                    else None
                )
            if font is None:
                code = ord(ch[0])
                self.missing.add(code)
                if pending and pending[-1][0] == _NOTICE:
                    pending[-1][1].append(f"U+{code:04X}")
                else:
                    pending.append((_NOTICE, [f"U+{code:04X}"]))
                continue
            if pending and pending[-1][0] == font:
                pending[-1][1].append(ch)
            else:
                pending.append((font, [ch]))
        return [
            Run(font, f"[{' '.join(pieces)}]" if font == _NOTICE else "".join(pieces))
            for font, pieces in pending
        ]

    def markup(self, runs: list[Run], style_font: str) -> str:
        parts = []
        for run in runs:
            text = escape(run.text).replace("\n", "<br/>")
            if run.font == _NOTICE:
                parts.append(
                    f'<font name="{self.fonts.regular}" color="{NOTICE_COLOR}">{text}</font>'
                )
            elif run.font == style_font:
                parts.append(text)
            else:
                parts.append(f'<font name="{run.font}">{text}</font>')
        return "".join(parts)

    def inline(
        self,
        text: str,
        *,
        bold: bool = False,
        style: ParagraphStyle | None = None,
        width: float = 0.0,
    ) -> str:
        """Escaped markup for one line of user text inside a paragraph we compose.

        Right-to-left text comes in display order, set in its own direction (as if isolated),
        for a paragraph that is shaped (:func:`shaped`): harfbuzz then turns each Hebrew or
        Arabic run around itself. Given the paragraph's ``style`` and ``width``, a word too
        wide for a line is broken at each line's end (``<br/>``), as :meth:`paragraphs`
        breaks it: reportlab cannot lay out a shaped word wider than its line."""
        font = self.fonts.bold if bold else self.fonts.regular
        plain = collapse(text)
        if not has_rtl(plain):
            plain = without_controls(plain)
            if style is not None and width > 0:
                plain = self._hyphenable(plain, style, width, bold, hard=True)
            return "<br/>".join(
                self.markup(self.runs(line, bold=bold), font) for line in plain.split("\n")
            )
        rtl = base_is_rtl(plain)
        levels = resolved_levels(plain, rtl_base=rtl)
        cuts = [0, len(plain)]
        if style is not None and width > 0:  # where a word too wide for a line was cut
            spans = self._word_spans(plain, style, width * 0.97, bold)
            pairs = itertools.pairwise(spans)
            cuts[1:1] = [end for (_, end, _), (start, _, _) in pairs if end == start]
        return "<br/>".join(
            self._visual_markup(plain, levels, start, end, rtl, True, bold, font)
            for start, end in itertools.pairwise(cuts)
        )

    # -- flowables ---------------------------------------------------------------------------
    def paragraphs(
        self,
        text: str,
        style: ParagraphStyle,
        width: float,
        *,
        prefix: str = "",
        rtl_base: bool | None = None,
        isolated: bool = False,
        alignment: int | None = None,
    ) -> list[Flowable]:
        """Flowing paragraphs for free text; blank lines separate paragraphs.

        ``prefix`` is trusted markup we wrote ourselves (a bold label), never user text.
        ``isolated``: each line of the text keeps its own direction inside the frame's (an
        English agreement in an Arabic summary: flush right, its full stop after its last
        word, not sent to the line's far end). ``alignment`` sets every line (centred labels).
        """
        text = clean(text).strip()
        blocks = [b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip()] or [""]
        out: list[Flowable] = []
        for number, block in enumerate(blocks):
            lead = prefix if number == 0 else ""
            pieces = long_pieces(block)
            if len(pieces) == 1:
                out.extend(
                    self._block(
                        block, style, width, lead, rtl_base, isolated=isolated, alignment=alignment
                    )
                )
                continue
            # A long block is set as consecutive short paragraphs with no space between them:
            # reportlab re-wraps the rest of a paragraph each time it splits one across a
            # page, so one huge paragraph costs pages x length; short pieces keep it linear.
            for index, piece in enumerate(pieces):
                joined = ParagraphStyle(
                    f"{style.name}-piece",
                    parent=style,
                    spaceBefore=style.spaceBefore if index == 0 else 0,
                    spaceAfter=style.spaceAfter if index == len(pieces) - 1 else 0,
                )
                first = lead if index == 0 else ""
                out.extend(
                    self._block(
                        piece,
                        joined,
                        width,
                        first,
                        rtl_base,
                        isolated=isolated,
                        alignment=alignment,
                    )
                )
        return out

    def line(
        self,
        text: str,
        style: ParagraphStyle,
        width: float,
        *,
        rtl_base: bool | None = None,
        align_right: bool = False,
    ) -> list[Flowable]:
        """One short value (a name, a label), whitespace collapsed; may still wrap.

        ``rtl_base=False`` keeps right-to-left text in a left-aligned, left-to-right frame (table
        columns, lists); ``None`` takes the direction from the text itself. ``align_right``
        sets every printed line flush right whatever its direction (chart labels).
        """
        return self._block(collapse(text), style, width, "", rtl_base, align_right=align_right)

    def width_of(self, text: str, style: ParagraphStyle) -> float:
        """The printed width of ``text`` set on one line in ``style`` (before shaping)."""
        key = (text, style.fontName, style.fontSize)
        found = self._widths.get(key)
        if found is None:  # remembered: a year's charts measure the same labels thousands of times
            bold = style.fontName == self.fonts.bold
            plain = without_controls(collapse(text))
            found = self._widths[key] = self._word_width(plain, style, bold)
        return found

    def fit(self, text: str, style: ParagraphStyle, width: float) -> str:
        """``text`` cut at a whole character, with "…", so it prints on one line of ``width``."""
        text = without_controls(collapse(text))
        if self.width_of(text, style) <= width:
            return text
        clusters = split_clusters(text)
        low, high, keep = 1, len(clusters) - 1, 1
        while low <= high:  # the most clusters that fit with the "…" (binary search)
            mid = (low + high) // 2
            if self.width_of("".join(clusters[:mid]).rstrip() + "…", style) <= width:
                keep, low = mid, mid + 1
            else:
                high = mid - 1
        return "".join(clusters[:keep]).rstrip() + "…"

    def cell(
        self,
        text: str,
        style: ParagraphStyle,
        width: float,
        limit: int = 60,
        *,
        rtl_page: bool = False,
        own_side: bool = False,
    ) -> list[Flowable]:
        """Text for a table cell: cut to ``limit`` characters so no cell outgrows a page.

        A name runs in its own direction (its first letter decides), so "נועה לוי" or
        "Noa (נ.)" reads right in a report of either direction. It sits at the start of its
        column (the right in a ``rtl_page``); with ``own_side`` (an Arabic report's attendance
        grid) on its own side instead: Hebrew and Arabic right, Latin left."""
        line = collapse(truncate(text, limit))
        rtl = base_is_rtl(line) if own_side else rtl_page
        return self._block(line, style, width, "", None, alignment=TA_RIGHT if rtl else TA_LEFT)

    def _block(
        self,
        block: str,
        style: ParagraphStyle,
        width: float,
        prefix: str,
        rtl_base: bool | None,
        *,
        align_right: bool = False,
        alignment: int | None = None,
        isolated: bool = False,
    ) -> list[Flowable]:
        bold = style.fontName == self.fonts.bold
        if alignment is not None and alignment != style.alignment:
            style = ParagraphStyle(f"{style.name}-{alignment}", parent=style, alignment=alignment)
        # Right-to-left text goes through the bidi algorithm; so does an isolated line of any
        # script in a right-to-left frame (its bullet on the right, its own order inside).
        bidi = has_rtl(block) or (isolated and rtl_base is True)
        if not bidi:
            block = without_controls(block)
        lines = [_SPACES.sub(" ", raw).strip() for raw in block.split("\n")]
        if isolated and bidi:
            lines = [isolate(line) for line in lines]
        # A word may mix fonts: circlekeeper.reports.shaping shapes each font's part alone.
        shaping = any(needs_shaping(line) for line in lines) or needs_shaping(prefix)
        if not bidi:  # (in a shaped paragraph reportlab cannot break at a soft hyphen)
            lines = [self._hyphenable(line, style, width, bold, hard=shaping) for line in lines]
        styled = _with_shaping(style, shaping)
        if not bidi:
            # A word many lines long comes back broken at each line's end ("\n"): each of
            # those lines is a paragraph of its own (a page break inside one paragraph at a
            # <br/> would start the next page with an empty line).
            parts: list[list[str]] = [[]]
            for line in lines:
                first, *more = line.split("\n")
                parts[-1].append(first)
                parts.extend([piece] for piece in more)
            markups = [
                "<br/>".join(
                    self.markup(self.runs(line, bold=bold), style.fontName) for line in part
                )
                for part in parts
            ]
            markups[0] = prefix + markups[0]
            return stacked(markups, styled)
        rtl = base_is_rtl(block) if rtl_base is None else rtl_base
        if alignment is not None:
            align_right = alignment == TA_RIGHT
        return self._rtl_lines(lines, styled, width, prefix, bold, rtl, align_right, alignment)

    def _word_width(self, word: str, style: ParagraphStyle, bold: bool) -> float:
        total = 0.0
        for run in self.runs(without_controls(word), bold=bold):
            font = self.fonts.regular if run.font == _NOTICE else run.font
            total += stringWidth(run.text, font, style.fontSize)
        return total

    def missing_notice(self) -> str | None:
        """One sentence explaining the ``[U+XXXX]`` stand-ins, if any were printed."""
        if not self.missing:
            return None
        return ngettext(
            "One character in this report has no glyph in the bundled fonts (an emoji, for"
            " example) and is shown as [U+code] instead.",
            "{count} different characters in this report have no glyph in the bundled fonts"
            " (emoji, for example) and are shown as [U+code] instead.",
            len(self.missing),
        ).format(count=len(self.missing))


def stacked(markups: list[str], style: ParagraphStyle) -> list[Flowable]:
    """A paragraph for each of ``markups``, one under another as the lines of one paragraph:
    the style's space before the first and after the last, none between them."""
    if len(markups) == 1:
        return [paragraph(markups[0], style)]
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    middle = ParagraphStyle(f"{style.name}-middle", parent=first, spaceBefore=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    styles = [first] + [middle] * (len(markups) - 2) + [last]
    return [paragraph(markup, s) for markup, s in zip(markups, styles, strict=True)]


def shaped(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` with harfbuzz shaping on: for a paragraph holding :meth:`Typesetter.inline`
    text that needs it (Arabic joins, Hebrew runs right to left, Devanagari stacks)."""
    return _with_shaping(style, True)


def _with_shaping(style: ParagraphStyle, shaping: bool) -> ParagraphStyle:
    if bool(getattr(style, "shaping", 0)) == shaping:
        return style
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1 if shaping else 0)
