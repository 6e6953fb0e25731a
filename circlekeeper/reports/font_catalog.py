"""Which bundled font draws which characters, known without opening a single font file.

Parsing a TrueType font costs milliseconds per hundred kilobytes, and a report bundles dozens of
them so that every name prints. Opening them all up front was the largest single cost of a
one-page export, so each font's character coverage is stored once, as code point ranges, in
``resources/fonts/coverage.json``; :mod:`circlekeeper.reports.fonts` consults it and registers a
font with reportlab only the first time a run of text needs it.

Each font's ranges are stored as one string (``"20-7e a0 a2-377"``, hexadecimal), read into
numbers only when a font is first consulted: a Latin summary asks about six of the fonts, and
parsing the whole index as JSON numbers (eleven thousand of them) was a hundredth of
``circlekeeper export ID``.

``python -m circlekeeper.reports.font_catalog`` rebuilds the index after a font is added or
replaced; a test fails while the stored index disagrees with the fonts.
"""

from __future__ import annotations

import bisect
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cache

from circlekeeper.bundled import resource_file
from circlekeeper.session.frozen import FrozenRecord

INDEX_FILE = "coverage.json"


class BundledFont(FrozenRecord):
    """One font file and how reports use it."""

    name: str
    """The name it is registered under with reportlab."""
    file: str
    """The file in ``resources/fonts/``."""
    scripts: str
    """What it is for, in words (docs and the coverage test)."""
    shaping: bool = True
    """Letters join, reorder or stack (or emoji join): harfbuzz shapes runs in this font."""
    over_primary: bool = False
    """Draw its characters even where DejaVu Sans has a glyph too: DejaVu's N'Ko, Tifinagh,
    syllabics and Lao are partial or do not join and stack their letters."""


PRIMARY = BundledFont("CKSans", "DejaVuSans.ttf", "Latin, Greek, Cyrillic, Arabic, Hebrew…")
PRIMARY_BOLD = BundledFont("CKSans-Bold", "DejaVuSans-Bold.ttf", "bold Latin, Greek, Cyrillic…")
EMOJI = BundledFont("CKEmoji", "NotoEmoji-Regular.ttf", "emoji, monochrome")


def _noto(script: str, words: str = "", *, over_primary: bool = False) -> BundledFont:
    """A Noto Sans face for one script (shaped)."""
    return BundledFont(
        f"CK{script}",
        f"NotoSans{script}-Regular.ttf",
        words or script,
        over_primary=over_primary,
    )


FALLBACKS: tuple[BundledFont, ...] = (
    BundledFont("CKFallback", "DroidSansFallbackFull.ttf", "Chinese, Japanese", shaping=False),
    BundledFont("CKHangul", "NanumSquareR.ttf", "Korean (Hangul)", shaping=False),
    BundledFont("CKDevanagari", "Lohit-Devanagari.ttf", "Devanagari"),
    BundledFont("CKTamil", "Lohit-Tamil.ttf", "Tamil"),
    BundledFont("CKEthiopic", "AbyssinicaSIL-Regular.ttf", "Ethiopic", shaping=False),
    *(
        _noto(script)
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
            "Myanmar",
            "Khmer",
        )
    ),
    _noto("Lao", over_primary=True),
    BundledFont("CKTibetan", "NotoSerifTibetan-Regular.ttf", "Tibetan"),
    _noto("Georgian", "Georgian (Mtavruli capitals)"),
    _noto("Thaana"),
    _noto("Syriac"),
    _noto("Mongolian"),
    _noto("NKo", "N'Ko", over_primary=True),
    _noto("Tifinagh", over_primary=True),
    _noto("CanadianAboriginal", "Canadian Aboriginal Syllabics", over_primary=True),
    _noto("Cherokee"),
    _noto("Adlam"),
    _noto("Vai"),
    _noto("OlChiki", "Ol Chiki"),
    _noto("Yi"),
    _noto("Javanese"),
    _noto("Balinese"),
    _noto("Sundanese"),
    _noto("Batak"),
    _noto("Buginese", "Buginese (Lontara)"),
    _noto("Cham"),
    _noto("Chakma"),
    _noto("MeeteiMayek", "Meetei Mayek"),
    _noto("Lepcha"),
    _noto("Limbu"),
    _noto("Miao", "Miao (Pollard)"),
    _noto("Newa"),
    _noto("NewTaiLue", "New Tai Lue"),
    _noto("TaiLe", "Tai Le"),
    _noto("TaiTham", "Tai Tham"),
    _noto("TaiViet", "Tai Viet"),
    _noto("KayahLi", "Kayah Li"),
    _noto("Saurashtra"),
    _noto("SylotiNagri", "Syloti Nagri"),
    _noto("HanifiRohingya", "Hanifi Rohingya"),
    _noto("Mandaic"),
    _noto("Samaritan"),
    _noto("Osage"),
    _noto("Wancho"),
    _noto("Bamum"),
    _noto("BassaVah", "Bassa Vah"),
    _noto("MendeKikakui", "Mende Kikakui"),
    _noto("Osmanya"),
    _noto("Medefaidrin"),
    _noto("PahawhHmong", "Pahawh Hmong"),
    BundledFont(
        "CKNyiakengPuachueHmong",
        "NotoSerifNyiakengPuachueHmong-Regular.ttf",
        "Nyiakeng Puachue Hmong",
    ),
    _noto("GunjalaGondi", "Gunjala Gondi"),
    _noto("MasaramGondi", "Masaram Gondi"),
    _noto("SoraSompeng", "Sora Sompeng"),
    _noto("WarangCiti", "Warang Citi"),
    _noto("Tagalog", "Tagalog (Baybayin)"),
    _noto("Hanunoo", "Hanunó'o"),
    _noto("Buhid"),
    _noto("Tagbanwa"),
    _noto("Rejang"),
    EMOJI,
)
"""Tried in this order for a character the primary font lacks (``over_primary`` ones before it)."""

ALL_FONTS: tuple[BundledFont, ...] = (PRIMARY, PRIMARY_BOLD, *FALLBACKS)


class Coverage:
    """The code points one font draws, as sorted, disjoint, inclusive ranges."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(ranges)
        self._starts = [start for start, _ in pairs]
        self._ends = [end for _, end in pairs]

    def __contains__(self, code: int) -> bool:
        at = bisect.bisect_right(self._starts, code) - 1
        return at >= 0 and code <= self._ends[at]

    def covers(self, first: int, last: int) -> bool:
        """Whether every code point from ``first`` to ``last`` (inclusive) is drawn."""
        at = bisect.bisect_right(self._starts, first) - 1
        return at >= 0 and last <= self._ends[at]

    def meets(self, first: int, last: int) -> bool:
        """Whether any code point from ``first`` to ``last`` (inclusive) is drawn."""
        at = bisect.bisect_right(self._starts, last) - 1
        return at >= 0 and self._ends[at] >= first


class CoverageIndex(Mapping[str, Coverage]):
    """The stored index, each font's :class:`Coverage` read from its string the first time
    it is asked for: a Latin summary consults six of the fonts, and building all of them was
    a few percent of ``circlekeeper export ID``."""

    def __init__(self, raw: Mapping[str, str]) -> None:
        self._raw = raw
        self._built: dict[str, Coverage] = {}

    def __getitem__(self, file: str) -> Coverage:
        found = self._built.get(file)
        if found is None:
            found = self._built[file] = Coverage(decode_ranges(self._raw[file]))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def encode_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    """``(first, last)`` ranges as the index stores them: ``"20-7e a0 a2-377"``."""
    return " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in ranges)


def decode_ranges(text: str) -> list[tuple[int, int]]:
    """The ranges :func:`encode_ranges` wrote."""
    out: list[tuple[int, int]] = []
    for item in text.split():
        first, _, last = item.partition("-")
        start = int(first, 16)
        out.append((start, int(last, 16) if last else start))
    return out


def ranges_of(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive code points folded into ``(first, last)`` ranges."""
    out: list[tuple[int, int]] = []
    for code in sorted(set(codes)):
        if out and code == out[-1][1] + 1:
            out[-1] = (out[-1][0], code)
        else:
            out.append((code, code))
    return out


@cache
def stored_coverage() -> CoverageIndex:
    """Font file name → the code points it draws, read from the stored index."""
    return CoverageIndex(json.loads(resource_file("fonts", INDEX_FILE).read_text(encoding="utf-8")))


def measured_ranges(font: BundledFont) -> list[tuple[int, int]]:
    """Open the font itself and list what its character map covers (slow; for the index)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(resource_file("fonts", font.file)))
    return ranges_of(face.charToGlyph)


def build_index() -> dict[str, str]:
    return {font.file: encode_ranges(measured_ranges(font)) for font in ALL_FONTS}


def main() -> int:
    target = resource_file("fonts", INDEX_FILE)
    text = json.dumps(build_index(), separators=(",", ":"), sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
