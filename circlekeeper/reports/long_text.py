"""Long text cut where reportlab can take it: paragraphs into pieces, words at soft hyphens."""

from __future__ import annotations

SOFT_HYPHEN = "\u00ad"

PIECE_CHARACTERS = 1500
"""Longest text set as one reportlab paragraph (about a third of a page)."""


def pieces(block: str) -> list[str]:
    """``block`` cut into pieces of at most about :data:`PIECE_CHARACTERS`: at line breaks,
    else after a sentence, else at a space, else (one endless word) anywhere."""
    if len(block) <= PIECE_CHARACTERS:
        return [block]
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in block.split("\n"):
        for part in _cut_line(line):
            if current and size + len(part) > PIECE_CHARACTERS:
                pieces.append("\n".join(current))
                current, size = [], 0
            current.append(part)
            size += len(part) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces


def _cut_line(line: str) -> list[str]:
    parts: list[str] = []
    while len(line) > PIECE_CHARACTERS:
        window = line[:PIECE_CHARACTERS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > PIECE_CHARACTERS // 2 else window.rfind(" ")
        if cut <= 0:
            cut = PIECE_CHARACTERS
        parts.append(line[:cut].strip())
        line = line[cut:].strip()
    parts.append(line)
    return parts


def with_soft_hyphens(word: str, clusters: list[str], at: set[int]) -> str:
    """Soft hyphens before the clusters numbered in ``at``: between two letters, two letters
    from either end and never beside a hyphen."""
    out = []
    for index, cluster in enumerate(clusters):
        if (
            index in at
            and 2 <= index <= len(clusters) - 2
            and cluster[0].isalpha()
            and clusters[index - 1][-1].isalpha()
        ):
            out.append(SOFT_HYPHEN)
        out.append(cluster)
    return "".join(out)
