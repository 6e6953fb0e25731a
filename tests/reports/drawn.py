"""Read a PDF back in *visual* order: the glyphs of each printed line as they sit on the page,
left to right, each turned back into its character.

pypdf's ``extract_text`` (and poppler's) re-applies a bidi pass of its own to Hebrew and
Arabic, which would hide exactly the mistakes these tests look for (a bracket or a number on
the wrong side), so this decodes the text operators itself through each font's ToUnicode map.
Shaped Arabic comes back as presentation forms; :func:`drawn_lines` folds them (NFKC) to the
letters, so a line compares with :func:`circlekeeper.reports.bidi_levels.display`.
"""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader
from pypdf.generic import ContentStream

_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _to_unicode(font: object) -> dict[int, str]:
    """A font's ToUnicode map (``bfchar`` and ``bfrange`` entries, as reportlab writes them)."""
    stream = font.get("/ToUnicode")  # type: ignore[attr-defined]
    if stream is None:
        return {}
    data = stream.get_object().get_data()
    codes: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        pairs = _HEX.findall(block)
        for src, dst in zip(pairs[::2], pairs[1::2], strict=True):
            codes[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        values = _HEX.findall(block)
        for low, high, dst in zip(values[::3], values[1::3], values[2::3], strict=True):
            first = int.from_bytes(bytes.fromhex(dst.decode()), "big")
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                codes[code] = chr(first + offset)
    return codes


def drawn_lines(data: bytes, page: int = 0) -> list[str]:
    """Each printed line of ``page``, left to right as drawn, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(data))
    sheet = reader.pages[page]
    resources = sheet["/Resources"]
    fonts = {name: _to_unicode(font.get_object()) for name, font in resources["/Font"].items()}
    lines: list[str] = []
    current: list[str] = []
    codes: dict[int, str] = {}

    def flush() -> None:
        text = unicodedata.normalize("NFKC", "".join(current))
        if text.strip():
            lines.append(" ".join(text.split()))
        current.clear()

    for operands, operator in ContentStream(sheet.get_contents(), reader).operations:
        if operator == b"Tf":
            codes = fonts.get(operands[0], {})
        elif operator == b"Tj":
            current.append(_decoded(operands[0], codes))
        elif operator == b"TJ":
            current.extend(_decoded(item, codes) for item in operands[0] if _is_text(item))
        elif operator in (b"T*", b"ET", b"'", b'"'):
            flush()
    flush()
    return lines


def _is_text(item: object) -> bool:
    return isinstance(item, bytes | str)


def _decoded(item: object, codes: dict[int, str]) -> str:
    raw = getattr(item, "original_bytes", None)
    if raw is None:
        raw = item if isinstance(item, bytes) else str(item).encode("latin-1")
    return "".join(codes.get(b, chr(b)) for b in raw)
