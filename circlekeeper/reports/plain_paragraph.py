"""A reportlab ``Paragraph`` of plain text without running reportlab's markup parser.

Most paragraphs of a summary hold no markup at all: a name in a table cell, a chart label, a
heading, a sentence in one font. reportlab still feeds each through its XML parser (Python's
``html.parser`` and a new parser object per paragraph), about a tenth of laying out a
one-session summary. For such text the parser's whole result is one fragment carrying the
style's font, size and colour, so :func:`paragraph` makes that fragment itself (from one real
parse of the same font, size and colour, kept) and hands it to ``Paragraph``, which then
breaks, splits and draws it exactly as it would have: a test holds the two paragraphs' fragments
and the PDFs equal.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

_MARKUP = frozenset("<>&")
_templates: dict[tuple[object, ...], Any] = {}
"""The fragment reportlab's parser makes of plain text, by font, size and colour."""


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(markup, style)``, the parser skipped when ``markup`` is plain text."""
    text = cleanBlockQuotedText(markup)
    if not text or not _MARKUP.isdisjoint(text) or getattr(style, "textTransform", None):
        return Paragraph(markup, style)
    key = (style.fontName, style.fontSize, style.textColor)
    template = _templates.get(key)
    if template is None:
        template = _templates[key] = _parsed_fragment(style)
        if template is None:
            return Paragraph(markup, style)
    return Paragraph(text, style, frags=[template.clone(text=text, link=[], us_lines=[])])


def _parsed_fragment(style: ParagraphStyle) -> Any:
    """The one fragment reportlab's parser makes of a plain word in ``style`` (``None`` if
    it makes anything else: then every paragraph goes through the parser)."""
    parsed_style, fragments, bullet = ParaParser().parse("x", style)
    if parsed_style is not style or bullet or fragments is None or len(fragments) != 1:
        return None
    return fragments[0]
