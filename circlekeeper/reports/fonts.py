"""The fonts every report embeds, registered with reportlab once per process.

reportlab's standard fonts print Arabic, Hebrew, CJK and emoji as black squares, so every report
uses DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew…) and falls back, per run of text, to
the first bundled font that has the character: Droid Sans Fallback (Chinese, Japanese),
NanumSquare (Korean), Lohit (Devanagari, Tamil), Abyssinica SIL (Ethiopic) and Noto Sans for
the other scripts of South and Southeast Asia. All are TrueType-outline fonts, which is what
reportlab's ``TTFont`` needs. Loading them costs ~0.15 s, hence the cache; reports embed only
the glyphs they use.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from circlekeeper.bundled import resource_file

REGULAR = "CKSans"
BOLD = "CKSans-Bold"
FALLBACK = "CKFallback"

FALLBACK_FONTS: tuple[tuple[str, str, bool], ...] = (
    # (registered name, bundled file, needs harfbuzz shaping)
    (FALLBACK, "DroidSansFallbackFull.ttf", False),
    ("CKHangul", "NanumSquareR.ttf", False),
    ("CKDevanagari", "Lohit-Devanagari.ttf", True),
    ("CKTamil", "Lohit-Tamil.ttf", True),
    ("CKEthiopic", "AbyssinicaSIL-Regular.ttf", False),
    *(
        (f"CK{script}", f"NotoSans{script}-Regular.ttf", True)
        for script in (
            "Bengali",
            "Gujarati",
            "Gurmukhi",
            "Oriya",
            "Telugu",
            "Kannada",
            "Malayalam",
            "Sinhala",
            "Thai",
            "Lao",
            "Myanmar",
            "Khmer",
        )
    ),
)
"""Tried in this order for a character DejaVu Sans lacks."""

_lock = threading.Lock()


def needs_shaping(text: str) -> bool:
    """Scripts whose letters join (Arabic) or reorder and stack (Devanagari, Tamil) need
    harfbuzz; Latin, Greek, CJK, Hangul and Ethiopic syllables print glyph by glyph."""
    for ch in text:
        code = ord(ch)
        if (
            0x0590 <= code <= 0x08FF  # Hebrew, Arabic, Syriac, Thaana…
            or 0x0900 <= code <= 0x0EFF  # the Indic scripts, Sinhala, Thai, Lao
            or 0x1000 <= code <= 0x109F  # Myanmar
            or 0x1780 <= code <= 0x17FF  # Khmer
            or 0xFB1D <= code <= 0xFDFF
            or 0xFE70 <= code <= 0xFEFF
            or unicodedata.category(ch) in ("Mn", "Mc")
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered font names and which code points each one can draw."""

    regular: str
    bold: str
    primary_cover: frozenset[int]
    bold_cover: frozenset[int]
    fallbacks: tuple[tuple[str, frozenset[int]], ...]
    """(font name, code points it draws), in the order they are tried."""

    def font_for(self, char: str, *, bold: bool = False) -> str | None:
        """The font that draws ``char`` (the primary first), or ``None`` if none can."""
        code = ord(char)
        if bold and code in self.bold_cover:
            return self.bold
        if code in self.primary_cover:
            return self.regular
        for name, cover in self.fallbacks:
            if code in cover:
                return name
        return None


@cache
def _register() -> FontSet:
    regular = TTFont(REGULAR, str(resource_file("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resource_file("fonts", "DejaVuSans-Bold.ttf")))
    # Shaping is for scripts whose letters join or reorder (Arabic, Devanagari, Tamil); keeping
    # it off for the others avoids harfbuzz work on long CJK runs.
    fallbacks = [
        TTFont(name, str(resource_file("fonts", file)), shapable=shapable)
        for name, file, shapable in FALLBACK_FONTS
    ]
    for font in (regular, bold, *fallbacks):
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    for font in fallbacks:  # no bold or italic faces: the regular one stands in
        for bold_flag in (0, 1):
            for italic_flag in (0, 1):
                addMapping(font.fontName, bold_flag, italic_flag, font.fontName)
    return FontSet(
        regular=REGULAR,
        bold=BOLD,
        primary_cover=frozenset(regular.face.charToGlyph),
        bold_cover=frozenset(bold.face.charToGlyph),
        fallbacks=tuple((font.fontName, frozenset(font.face.charToGlyph)) for font in fallbacks),
    )


def fonts() -> FontSet:
    """Register the bundled fonts (once, thread-safe) and describe them."""
    with _lock:
        return _register()
