"""The fonts every report embeds, registered with reportlab once per process.

reportlab's standard fonts print Arabic, Hebrew, CJK and emoji as black squares, so every report
uses DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew…) and falls back, per run of text, to
Droid Sans Fallback for Chinese, Japanese and Korean. Both are TrueType-outline fonts, which is
what reportlab's ``TTFont`` needs. Loading the 4 MB fallback costs ~0.1 s, hence the cache.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from circlekeeper.bundled import resource_file

REGULAR = "CKSans"
BOLD = "CKSans-Bold"
FALLBACK = "CKFallback"

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered font names and which code points each one can draw."""

    regular: str
    bold: str
    fallback: str
    primary_cover: frozenset[int]
    bold_cover: frozenset[int]
    fallback_cover: frozenset[int]

    def font_for(self, char: str, *, bold: bool = False) -> str | None:
        """The font that draws ``char`` (the primary first), or ``None`` if none can."""
        code = ord(char)
        if bold and code in self.bold_cover:
            return self.bold
        if code in self.primary_cover:
            return self.regular
        if code in self.fallback_cover:
            return self.fallback
        return None


@cache
def _register() -> FontSet:
    regular = TTFont(REGULAR, str(resource_file("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resource_file("fonts", "DejaVuSans-Bold.ttf")))
    # Shaping is for Arabic and friends, which the fallback does not cover; keeping it off there
    # avoids harfbuzz work on long CJK runs.
    fallback = TTFont(
        FALLBACK, str(resource_file("fonts", "DroidSansFallbackFull.ttf")), shapable=False
    )
    for font in (regular, bold, fallback):
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(FALLBACK, 0, 0, FALLBACK)
    addMapping(FALLBACK, 1, 0, FALLBACK)
    addMapping(FALLBACK, 0, 1, FALLBACK)
    addMapping(FALLBACK, 1, 1, FALLBACK)
    return FontSet(
        regular=REGULAR,
        bold=BOLD,
        fallback=FALLBACK,
        primary_cover=frozenset(regular.face.charToGlyph),
        bold_cover=frozenset(bold.face.charToGlyph),
        fallback_cover=frozenset(fallback.face.charToGlyph),
    )


def fonts() -> FontSet:
    """Register the bundled fonts (once, thread-safe) and describe them."""
    with _lock:
        return _register()
