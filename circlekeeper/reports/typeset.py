"""User text → reportlab flowables: escaped, font per run, right-to-left lines, no black squares.

Every string a person typed (names, agreements, prompts, the shareable summary, the organization)
goes through :class:`Typesetter`. It

* escapes the text, so ``<b>``, ``&``, ``<font>``, ``<a href>`` and ``<img src=…/>`` print
  literally and can never change the layout, make a link or make reportlab open a file;
* picks a font for each run of characters (DejaVu Sans, else the CJK fallback) and replaces a
  character no bundled font can draw with a visible ``[U+XXXX]`` notice instead of an empty box;
* turns on harfbuzz shaping where Arabic-like scripts need it, and lays right-to-left text out
  line by line in bidi order (see :mod:`circlekeeper.reports.bidi_order`);
* splits long text into paragraphs that break across pages, and cuts text meant for table cells
  to a length that can never make a cell taller than a page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from circlekeeper.palette import PRINT
from circlekeeper.reports.bidi_order import base_is_rtl, has_rtl, visual_word_order
from circlekeeper.reports.fonts import FontSet, needs_shaping

NOTICE_COLOR = PRINT.notice
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Run:
    """Characters drawn with one font (``font == "notice"``: a ``[U+XXXX]`` stand-in)."""

    font: str
    text: str


def clean(text: str) -> str:
    """Drop control and invisible format characters; unify line breaks and spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\n" or category not in ("Cc", "Cf"):
            out.append(ch)
    return "".join(out)


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when something was cut."""
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + "…"


class Typesetter:
    """Builds flowables for one document; remembers characters it could not print."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[int] = set()

    # -- runs and markup -------------------------------------------------------------------
    def runs(self, text: str, *, bold: bool = False) -> list[Run]:
        runs: list[Run] = []
        default = self.fonts.bold if bold else self.fonts.regular
        font: str | None
        for ch in text:
            if ch in " \n":
                font = runs[-1].font if runs and runs[-1].font != _NOTICE else default
            else:
                font = (
                    self.fonts.font_for(ch, bold=bold) if unicodedata.category(ch) != "Cs" else None
                )
            if font is None:
                self.missing.add(ord(ch))
                if runs and runs[-1].font == _NOTICE and runs[-1].text.endswith("]"):
                    runs[-1] = Run(_NOTICE, f"{runs[-1].text[:-1]} U+{ord(ch):04X}]")
                else:
                    runs.append(Run(_NOTICE, f"[U+{ord(ch):04X}]"))
                continue
            if runs and runs[-1].font == font:
                runs[-1] = Run(font, runs[-1].text + ch)
            else:
                runs.append(Run(font, ch))
        return runs

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

    def inline(self, text: str, *, bold: bool = False) -> str:
        """Escaped markup for one line of user text inside a paragraph we compose."""
        font = self.fonts.bold if bold else self.fonts.regular
        return self.markup(self.runs(" ".join(clean(text).split()), bold=bold), font)

    # -- flowables ---------------------------------------------------------------------------
    def paragraphs(
        self,
        text: str,
        style: ParagraphStyle,
        width: float,
        *,
        prefix: str = "",
        rtl_base: bool | None = None,
    ) -> list[Flowable]:
        """Flowing paragraphs for free text; blank lines separate paragraphs.

        ``prefix`` is trusted markup we wrote ourselves (a bold label), never user text.
        """
        text = clean(text).strip()
        blocks = [b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip()] or [""]
        out: list[Flowable] = []
        for number, block in enumerate(blocks):
            lead = prefix if number == 0 else ""
            out.extend(self._block(block, style, width, lead, rtl_base))
        return out

    def line(
        self, text: str, style: ParagraphStyle, width: float, *, rtl_base: bool | None = None
    ) -> list[Flowable]:
        """One short value (a name, a label), whitespace collapsed; may still wrap.

        ``rtl_base=False`` keeps right-to-left text in a left-aligned, left-to-right frame (table
        columns, lists); ``None`` takes the direction from the text itself.
        """
        return self._block(" ".join(clean(text).split()), style, width, "", rtl_base)

    def cell(
        self, text: str, style: ParagraphStyle, width: float, limit: int = 60
    ) -> list[Flowable]:
        """Text for a table cell: cut to ``limit`` characters so no cell outgrows a page."""
        return self.line(truncate(text, limit), style, width, rtl_base=False)

    def _block(
        self, block: str, style: ParagraphStyle, width: float, prefix: str, rtl_base: bool | None
    ) -> list[Flowable]:
        bold = style.fontName == self.fonts.bold
        lines = [_SPACES.sub(" ", raw).strip() for raw in block.split("\n")]
        runs_per_line = [self.runs(line, bold=bold) for line in lines]
        shaping = any(needs_shaping(line) for line in lines)
        if shaping and any(_mixes_fonts_in_a_word(runs) for runs in runs_per_line):
            # reportlab shapes a whole word with its first font; a word mixing fonts would print
            # wrong glyphs, so such (rare) text is printed unshaped rather than garbled.
            shaping = False
        styled = _with_shaping(style, shaping)
        if not has_rtl(block):
            markup = "<br/>".join(self.markup(runs, style.fontName) for runs in runs_per_line)
            return [Paragraph(prefix + markup, styled)]
        rtl = base_is_rtl(block) if rtl_base is None else rtl_base
        return self._rtl_lines(lines, styled, width, prefix, bold, rtl)

    def _rtl_lines(
        self,
        lines: list[str],
        style: ParagraphStyle,
        width: float,
        prefix: str,
        bold: bool,
        rtl: bool,
    ) -> list[Flowable]:
        """Wrap ourselves, then order each printed line's words by the bidi algorithm."""
        line_style = ParagraphStyle(
            f"{style.name}-line",
            parent=style,
            alignment=TA_RIGHT if rtl else TA_LEFT,
            spaceBefore=0,
            spaceAfter=0,
        )
        prefix_width = _markup_width(prefix, style) if prefix else 0.0
        space = stringWidth(" ", style.fontName, style.fontSize)
        printed: list[list[str]] = []
        for logical in lines:
            words = self._split_long_words(logical.split(" "), style, width * 0.97, bold)
            current: list[str] = []
            used = prefix_width if not printed else 0.0
            for word in words:
                w = self._word_width(word, style, bold)
                if current and used + space + w > width * 0.97:
                    printed.append(current)
                    current, used = [], 0.0
                current.append(word)
                used += (space if len(current) > 1 else 0.0) + w
            printed.append(current)
        out: list[Flowable] = []
        for number, words in enumerate(printed):
            order = visual_word_order(words, rtl_base=rtl)
            markup = " ".join(
                self.markup(self.runs(words[i], bold=bold), style.fontName) for i in order
            )
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
            out.append(Paragraph(markup or "&nbsp;", s))
        return out

    def _word_width(self, word: str, style: ParagraphStyle, bold: bool) -> float:
        total = 0.0
        for run in self.runs(word, bold=bold):
            font = self.fonts.regular if run.font == _NOTICE else run.font
            total += stringWidth(run.text, font, style.fontSize)
        return total

    def _split_long_words(
        self, words: list[str], style: ParagraphStyle, width: float, bold: bool
    ) -> list[str]:
        out: list[str] = []
        for word in words:
            if not word:
                continue
            while self._word_width(word, style, bold) > width and len(word) > 1:
                cut = len(word) - 1
                low, high = 1, len(word) - 1
                while low <= high:  # the longest prefix that fits
                    mid = (low + high) // 2
                    if self._word_width(word[:mid], style, bold) <= width:
                        cut, low = mid, mid + 1
                    else:
                        high = mid - 1
                out.append(word[:cut])
                word = word[cut:]
            out.append(word)
        return out

    def missing_notice(self) -> str | None:
        """One sentence explaining the ``[U+XXXX]`` stand-ins, if any were printed."""
        if not self.missing:
            return None
        if len(self.missing) == 1:
            return (
                "One character in this report has no glyph in the bundled fonts (an emoji, for "
                "example) and is shown as [U+code] instead."
            )
        return (
            f"{len(self.missing)} different characters in this report have no glyph in the "
            "bundled fonts (emoji, for example) and are shown as [U+code] instead."
        )


def _mixes_fonts_in_a_word(runs: list[Run]) -> bool:
    fonts_in_word: set[str] = set()
    for run in runs:
        for ch in run.text:
            if ch in " \n":
                fonts_in_word = set()
                continue
            fonts_in_word.add(run.font)
            if len(fonts_in_word - {_NOTICE}) > 1:
                return True
    return False


def _with_shaping(style: ParagraphStyle, shaping: bool) -> ParagraphStyle:
    if bool(getattr(style, "shaping", 0)) == shaping:
        return style
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1 if shaping else 0)


def _markup_width(markup: str, style: ParagraphStyle) -> float:
    plain = re.sub(r"<[^>]+>", "", markup)
    return stringWidth(plain, style.fontName, style.fontSize)
