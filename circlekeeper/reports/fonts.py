"""The fonts reports print with, each registered with reportlab the first time text needs it.

reportlab's standard fonts print Arabic, Hebrew, CJK and emoji as black squares, so every report
uses DejaVu Sans and falls back, per grapheme cluster, to the first bundled font that draws the
whole cluster (see :mod:`circlekeeper.reports.font_catalog` for the list and its order). All are
TrueType-outline fonts, which is what reportlab's ``TTFont`` embeds; reports embed only the
glyphs they use.

Which font covers what is read from a stored index, so deciding costs no font parsing; a font is
opened and registered only when a run of text first asks for it. A Latin-only summary therefore
loads DejaVu Sans and its bold face and nothing else.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Mapping
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from circlekeeper.reports import shaping
from circlekeeper.reports.font_catalog import (
    EMOJI,
    FALLBACKS,
    PRIMARY,
    PRIMARY_BOLD,
    BundledFont,
    Coverage,
    stored_coverage,
)
from circlekeeper.reports.font_metrics import load_font

REGULAR = PRIMARY.name
BOLD = PRIMARY_BOLD.name

_lock = threading.RLock()

ZWJ = "\u200d"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)


def is_ignorable(code: int) -> bool:
    """Joiners, variation selectors and emoji tags: fonts need not list them to draw a cluster
    (harfbuzz consumes them), so they never decide the font."""
    return (
        code in (0x200C, 0x200D, 0x034F)
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or code in _TAGS
    )


def is_emoji_cluster(cluster: str) -> bool:
    """A pictograph, or a character asked to look like one (U+FE0F), a skin tone or a
    zero-width-joiner sequence: printed with the emoji font even where DejaVu has a glyph."""
    first = ord(cluster[0])
    if 0x1F000 <= first <= 0x1FAFF:
        return True
    return "\ufe0f" in cluster or any(ord(ch) in _SKIN_TONES for ch in cluster[1:])


def needs_shaping(text: str) -> bool:
    """Scripts whose letters join, reorder or stack, and emoji sequences, need harfbuzz;
    Latin, Greek, Cyrillic, CJK, Hangul and Ethiopic syllables print glyph by glyph."""
    if text.isascii():
        return False  # below U+0590 and no combining mark: the loop below says so too
    for ch in text:
        code = ord(ch)
        if code < 0x0590:
            if 0x0300 <= code <= 0x036F:
                return True
            continue
        if (
            0x1100 <= code <= 0x11FF  # Hangul jamo
            or 0x1200 <= code <= 0x139F  # Ethiopic
            or 0x1E00 <= code <= 0x1FFF  # Latin and Greek extended
            or 0x2000 <= code <= 0x2BFF  # punctuation, symbols, arrows
            or 0x2E80 <= code <= 0xA4CF  # CJK, kana, Hangul, Yi
            or 0xAC00 <= code <= 0xD7FF  # Hangul syllables
            or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF
            or 0x20000 <= code <= 0x3FFFF
        ):
            continue
        return True
    return False


def split_clusters(text: str) -> list[str]:
    """Text cut into user-perceived characters (UAX #29's extended grapheme clusters, as far
    as printing needs them): a base with its combining and spacing marks, joiners, variation
    selectors, skin tones and emoji tags; a zero-width-joiner sequence; a flag (two regional
    indicators); a conjunct of Devanagari, Bengali, Gujarati, Oriya, Telugu or Malayalam
    (consonant, virama, consonant: Unicode 15.1's rule GB9c); Hangul jamo making one syllable;
    Thai and Lao's "am" and a prepended mark with what follows.

    One font draws a whole cluster, and a line may break only between clusters: a flag, an
    emoji family or "क्ष" cut at a line's end prints as two wrong pictures."""
    if text.isascii():
        return list(text)  # no ASCII character joins another
    clusters: list[str] = []
    glue = False
    for ch in text:
        kind = _kinds.get(ch)
        if kind is None:
            kind = _kinds[ch] = _kind(ch)
        if (
            clusters
            and (glue or kind & _EXTENDS or (kind == _CONTEXT and _joins(ord(ch), clusters[-1])))
            and clusters[-1] not in (" ", "\n")
        ):
            clusters[-1] += ch
        else:
            clusters.append(ch)
        glue = bool(kind & _GLUES)
    return clusters


_EXTENDS = 1
"""Joins the cluster before it (a mark, a joiner, a variation selector, a skin tone)."""
_GLUES = 2
"""Joins the character after it (a zero-width joiner, a prepended mark)."""
_CONTEXT = 4
"""Joins the cluster before it or not, depending on it (:func:`_joins`)."""
_kinds: dict[str, int] = {}
"""Each character's kind, worked out once (a name's letters repeat)."""
_PREPEND = frozenset((*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E))
"""Prepended concatenation marks (the Arabic number sign, the Malayalam dot reph): they join
what follows."""
_SPACING_LETTERS = frozenset((0x0E33, 0x0EB3))
"""Thai and Lao "am": letters to ``unicodedata`` but spacing marks to UAX #29."""
_LINKERS = frozenset((0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D))
"""The viramas that make a conjunct with the next consonant (UAX #29's InCB=Linker)."""
_REGIONAL = range(0x1F1E6, 0x1F200)
_JAMO_L = frozenset((*range(0x1100, 0x1160), *range(0xA960, 0xA97D)))
_JAMO_V = frozenset((*range(0x1160, 0x11A8), *range(0xD7B0, 0xD7C7)))
_JAMO_T = frozenset((*range(0x11A8, 0x1200), *range(0xD7CB, 0xD7FC)))


def _kind(ch: str) -> int:
    code = ord(ch)
    if code < 0x0300:
        return 0
    if code == 0x200D:
        return _EXTENDS | _GLUES
    if code in _PREPEND:
        return _GLUES
    if (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or is_ignorable(code)
        or code in _SKIN_TONES
        or code in _SPACING_LETTERS
    ):
        return _EXTENDS
    if (
        code in _REGIONAL
        or (0x0900 <= code <= 0x0D7F and unicodedata.category(ch) == "Lo")
        or code in _JAMO_L
        or code in _JAMO_V
        or code in _JAMO_T
        or 0xAC00 <= code <= 0xD7A3
    ):
        return _CONTEXT
    return 0


def _joins(code: int, before: str) -> bool:
    """Whether the character ``code`` (of kind :data:`_CONTEXT`) belongs to the cluster
    ``before``: the second regional indicator of a flag, a consonant after a virama, a jamo
    that continues a syllable."""
    last = ord(before[-1])
    if code in _REGIONAL:
        return last in _REGIONAL and len(before) == 1  # the second of a pair
    if 0x0900 <= code <= 0x0D7F:
        linker = ord(before[-2]) if last == 0x200D and len(before) > 1 else last
        return linker in _LINKERS and (code >> 7) == (linker >> 7)  # same script's consonant
    if code in _JAMO_V:
        return last in _JAMO_L or last in _JAMO_V or _hangul_kind(last) == "LV"
    if code in _JAMO_T:
        return last in _JAMO_V or last in _JAMO_T or _hangul_kind(last) is not None
    return last in _JAMO_L  # a syllable or a leading jamo after a leading jamo


def _hangul_kind(code: int) -> str | None:
    """ "LV" or "LVT" for a precomposed Hangul syllable, else ``None``."""
    if not 0xAC00 <= code <= 0xD7A3:
        return None
    return "LV" if (code - 0xAC00) % 28 == 0 else "LVT"


class FontSet:
    """The registered font names, and the font that draws each cluster of text."""

    def __init__(self, coverage: Mapping[str, Coverage]) -> None:
        self.regular = REGULAR
        self.bold = BOLD
        self.emoji = EMOJI.name
        self._coverage = coverage
        self._preferred = tuple(f for f in FALLBACKS if f.over_primary)
        self._registered: set[str] = set()
        self._by_cluster: dict[tuple[str, bool], str | None] = {}
        self._ascii: dict[bool, bool] = {}
        self.ensure(PRIMARY)
        self.ensure(PRIMARY_BOLD)
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)

    @property
    def registered(self) -> frozenset[str]:
        """Names of the fonts opened so far in this process."""
        with _lock:
            return frozenset(self._registered)

    def ensure(self, font: BundledFont) -> str:
        """Register ``font`` with reportlab unless it already is; its registered name."""
        with _lock:
            if font.name not in self._registered:
                pdfmetrics.registerFont(load_font(font))
                if font not in (PRIMARY, PRIMARY_BOLD):
                    for bold_flag in (0, 1):  # no bold or italic faces: regular stands in
                        for italic_flag in (0, 1):
                            addMapping(font.name, bold_flag, italic_flag, font.name)
                self._registered.add(font.name)
            return font.name

    def draws(self, font: BundledFont, cluster: str) -> bool:
        cover = self._coverage[font.file]
        codes = [ord(ch) for ch in cluster if not is_ignorable(ord(ch))]
        return bool(codes) and all(code in cover for code in codes)

    def draws_ascii(self, *, bold: bool = False) -> bool:
        """Whether every printable ASCII character is drawn in the regular (or bold) face, so
        text made only of them is one run in that face with no per-character choice: most of
        an English summary, decided once per process (and without registering anything)."""
        with _lock:
            known = self._ascii.get(bold)
            if known is None:
                # What asking _choose for each character would answer, range by range: no
                # ASCII character is an emoji, so the face draws them all when it covers
                # 0x21-0x7E and no font preferred over it draws any of them.
                face = PRIMARY_BOLD if bold else PRIMARY
                known = self._coverage[face.file].covers(0x21, 0x7E) and not any(
                    self._coverage[f.file].meets(0x21, 0x7E) for f in self._preferred
                )
                self._ascii[bold] = known
            return known

    def font_for(self, cluster: str, *, bold: bool = False) -> str | None:
        """The font that draws ``cluster`` (registering it now if need be), or ``None`` if no
        bundled font can."""
        key = (cluster, bold)
        found = self._by_cluster.get(key, "")
        if found != "":
            return found
        choice = self._choose(cluster, bold)
        name = None if choice is None else self.ensure(choice)
        self._by_cluster[key] = name
        return name

    def _choose(self, cluster: str, bold: bool) -> BundledFont | None:
        if is_emoji_cluster(cluster) and self.draws(EMOJI, cluster):
            return EMOJI
        for font in self._preferred:
            if self.draws(font, cluster):
                return font
        if bold and self.draws(PRIMARY_BOLD, cluster):
            return PRIMARY_BOLD
        if self.draws(PRIMARY, cluster):
            return PRIMARY
        for font in FALLBACKS:
            if self.draws(font, cluster):
                return font
        if len(cluster) > 1:  # a mark no font combines with this base: the base alone
            return self._choose(cluster[0], bold)
        return None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as the UTF-16 pairs
    the PDF format asks for.

    reportlab writes ``<1F308>`` for 🌈: an odd number of hex digits, which text extraction,
    search and copy-and-paste reject (pypdf: "Odd-length string"), so every emoji and every
    Adlam name would be unsearchable in the filed PDF.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(
            f"<{index:02X}> <{chr(code).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
            for index, code in enumerate(subset)
        ),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@cache
def _font_set() -> FontSet:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    shaping.install()
    return FontSet(stored_coverage())


def fonts() -> FontSet:
    """The process's font set (DejaVu Sans registered; the rest on demand); thread-safe."""
    with _lock:
        return _font_set()
