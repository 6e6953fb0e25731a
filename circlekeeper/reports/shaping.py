"""Shape each font's part of a word on its own, so a word may mix fonts.

reportlab hands harfbuzz a whole word (text between spaces) with the font the word *starts* in.
A word that changes font part-way — ``🌈Alex``, ``Maya👩🏽‍🦱``, ``(李)`` beside Arabic — was
then drawn with glyph numbers from the wrong font (garbage), or crashed the build when a later
font had never been shaped. This wraps reportlab's ``shapeFragWord``: a word whose fragments use
one font goes through unchanged; otherwise each run of fragments in one font is shaped alone and
the pieces are joined back into one word, which reportlab lays out as before.

Installed once, by :func:`install`, from :func:`circlekeeper.reports.fonts.fonts`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedFragWord, ShapedStr, makeShapedFragWord
from reportlab.pdfgen import textobject
from reportlab.platypus import paragraph

try:
    import uharfbuzz
except ImportError:  # reportlab then prints unshaped text, and so do we
    uharfbuzz = None

_original: Callable[..., Any] | None = None

FEATURES = {"kern": True, "liga": True}
"""reportlab also turns on discretionary ligatures (``dlig``), which print DejaVu's curly
"st" in the middle of ordinary English words."""


def _font_of(frag: Any) -> str | None:
    return None if hasattr(frag, "cbDefn") else str(frag.fontName)


@lru_cache(maxsize=8192)
def runs_right_to_left(text: str) -> bool:
    """Whether harfbuzz, given ``text`` alone, shapes it right to left: it guesses the
    direction from the first letter of a script with one ("(32" left to right, "٣٢" and
    "(نور)" right to left). The typesetter hands over each run of one bidi level in the order
    that makes this guess come out right."""
    if uharfbuzz is None:
        return False
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    return bool(buffer.direction == "rtl")


def shape_by_font(word: list[Any], features: dict[str, bool] | None = None) -> list[Any]:
    """reportlab's ``shapeFragWord``, applied to each stretch of ``word`` in one font that
    harfbuzz runs left to right; a fragment it runs right to left is shaped alone (the
    typesetter placed each such run itself: shaped together, harfbuzz would reverse their
    order, and run a number beside them backwards)."""
    assert _original is not None
    features = FEATURES if features is None else features
    if isinstance(word, ShapedFragWord):
        return word
    frags = word[1:]
    if any(isinstance(text, ShapedStr) for _, text in frags):
        return word  # the rest of a shaped word reportlab split (a hyphen): shaped already
    groups: list[list[Any]] = []
    keys: list[tuple[str | None, bool]] = []
    for frag, text in frags:
        font = _font_of(frag)
        rtl = font is not None and runs_right_to_left(text)
        if groups and (font is None or (font == keys[-1][0] and not rtl and not keys[-1][1])):
            groups[-1].append((frag, text))
        else:
            groups.append([(frag, text)])
            keys.append((font, rtl))
    if len(groups) <= 1:
        return _original(word, features)
    pieces: list[Any] = []
    width = 0.0
    any_shaped = False
    for group in groups:
        group_width = sum(
            pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
            for frag, text in group
            if not hasattr(frag, "cbDefn")
        )
        sub = word.__class__([group_width, *group])
        shaped = _original(sub, features)
        any_shaped = any_shaped or shaped is not sub
        width += shaped[0]
        pieces.extend(shaped[1:])
    if not any_shaped:
        return word
    return makeShapedFragWord(word)([width, *pieces])


def _set_rise(self: Any, rise: float) -> None:
    """reportlab's ``PDFTextObject.setRise``, which looks at the last operator written for the
    run being drawn and failed (``IndexError``) when there was none yet: a shaped run whose
    first glyph sits raised or lowered (drawn right to left, an Arabic word ending in a vowel
    mark, as in the name "-مَ") stopped the export. The same, but for that check."""
    operator = f"{fp_str(rise)} Ts"
    if self._code and self._code[-1].endswith(" Ts"):  # a rise replaces the one just set
        self._y += self._rise
        self._code[-1] = operator
    else:
        self._rise = rise
        self._y -= rise
        self._code.append(operator)


def install() -> None:
    """Route reportlab's paragraph shaping through :func:`shape_by_font`, and its text
    rise through :func:`_set_rise` (idempotent)."""
    global _original
    if _original is None:
        _original = paragraph.shapeFragWord
        paragraph.shapeFragWord = shape_by_font
        textobject.PDFTextObject.setRise = _set_rise


_hb_fonts: dict[str, tuple[Any, float]] = {}
"""harfbuzz's font for each registered font name, and its units per em."""


def shaped_width(text: str, font_name: str, size: float) -> float:
    """How wide ``text`` prints in ``font_name`` once harfbuzz has shaped it (joined Arabic
    forms, conjuncts, ligatures): what reportlab lays a shaped word out with. The width
    before shaping (``stringWidth``) can be wider or narrower; a word cut to fit a line by
    that guess could still overflow it, and reportlab cuts such a word anywhere."""
    font = pdfmetrics.getFont(font_name)
    if uharfbuzz is None or not getattr(font, "shapable", False):
        return float(pdfmetrics.stringWidth(text, font_name, size))
    known = _hb_fonts.get(font_name)
    if known is None:
        face = font.hbFace
        known = _hb_fonts[font_name] = (uharfbuzz.Font(face), float(face.upem))
    hb_font, per_em = known
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, FEATURES)
    return sum(position.x_advance for position in buffer.glyph_positions) * size / per_em
