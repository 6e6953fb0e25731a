"""Long text cut where reportlab can take it: paragraphs into pieces, words at soft hyphens."""

from __future__ import annotations

from collections.abc import Callable

SOFT_HYPHEN = "\u00ad"

HARD_BREAK_LINES = 8
"""A word that needs more than this many lines is broken by us at the end of each line, with a
hyphen and a line break, instead of being given soft hyphens for reportlab to choose from.
reportlab measures a soft-hyphenated word from its far end at every line (each soft hyphen left
in the rest of the word, each time the whole prefix): a 10,000-letter name took 227,000
measurements, 25 seconds. A word that long starts on a line of its own (its first piece is as
wide as a line), so the breaks we compute are the ones reportlab would have chosen."""

PIECE_CHARACTERS = 1500
"""Longest text set as one reportlab paragraph (about a third of a page)."""


def pieces(block: str) -> list[str]:
    """``block`` cut into pieces of at most about :data:`PIECE_CHARACTERS`: at line breaks,
    else after a sentence, else at a space, else (one endless word) anywhere, with a hyphen
    where that is between two letters."""
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
        hyphen = ""
        if cut <= 0:  # one endless word: cut it, with a hyphen between two letters
            cut = PIECE_CHARACTERS
            hyphen = "-" if line[cut - 1].isalpha() and line[cut].isalpha() else ""
        parts.append(line[:cut].strip() + hyphen)
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


def line_ends(count: int, fits: Callable[[int, int], bool]) -> list[int]:
    """Where the lines of a word of ``count`` clusters end (but the last), each line holding
    the most clusters from its start for which ``fits(start, end)``, and at least one.

    ``fits`` must not turn true again once false (a longer piece is never narrower). Each end
    is found by doubling the piece, then halving the step: a few measurements of about a line
    each, where a binary search over the whole rest of the word measured thousands of
    letters per try."""
    ends: list[int] = []
    start = 0
    while start < count:
        end = start + 1
        if fits(start, end):
            too_long = count + 1
            while end < count:  # double while it fits
                probe = min(start + 2 * (end - start), count)
                if not fits(start, probe):
                    too_long = probe
                    break
                end = probe
            low, high = end + 1, too_long - 1
            while low <= high:  # then the most clusters that fit, between the two
                mid = (low + high) // 2
                if fits(start, mid):
                    end, low = mid, mid + 1
                else:
                    high = mid - 1
        if end >= count:
            break
        ends.append(end)
        start = end
    return ends


def hyphenated(
    word: str,
    clusters: list[str],
    fits: Callable[[int, int], bool],
    fits_last: Callable[[int], bool],
) -> str:
    """``word`` made breakable where its lines fill up: each line the most clusters from its
    start that ``fits(start, end)`` (:func:`line_ends`).

    Up to :data:`HARD_BREAK_LINES` lines: soft hyphens at each line's end and a few letters
    before it (every third, up to twelve), so a line that starts part-way through still finds
    one, and reportlab prints a "-" where it breaks. Longer: broken here, at each line's end a
    "-" (between two letters) and a line break (``\\n``); the last two lines are one when
    ``fits_last(start)`` says the rest of the word from ``start`` fits a whole line, as
    reportlab would have set them."""
    ends = line_ends(len(clusters), fits)
    if len(ends) < HARD_BREAK_LINES:
        breaks: set[int] = set()
        start = 0
        for end in ends:
            breaks.update(range(max(start + 2, end - 12), end + 1, 3))
            start = end
        return with_soft_hyphens(word, clusters, breaks)
    if fits_last(ends[-2]):
        ends.pop()
    out: list[str] = []
    start = 0
    for end in ends:
        out.append("".join(clusters[start:end]))
        between_letters = clusters[end - 1][-1].isalpha() and clusters[end][0].isalpha()
        out.append("-\n" if between_letters else "\n")
        start = end
    out.append("".join(clusters[start:]))
    return "".join(out)
