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
    """``line`` cut after a sentence or at a space; one endless word stays whole (the
    typesetter breaks it at each printed line's end, between two grapheme clusters, and sets
    each of those lines as a paragraph of its own, so a word's length never costs pages x
    length; cut here by characters it was broken in the middle of a line, and of a letter's
    marks)."""
    parts: list[str] = []
    while len(line) > PIECE_CHARACTERS:
        window = line[:PIECE_CHARACTERS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > PIECE_CHARACTERS // 2 else window.rfind(" ")
        if cut <= 0:  # one endless word: up to the next space
            cut = line.find(" ", PIECE_CHARACTERS)
            if cut < 0:
                break
        parts.append(line[:cut].strip())
        line = line[cut:].strip()
    parts.append(line)
    return parts


_NO_HYPHEN = (
    (0x0590, 0x08FF),  # Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
    (0x0E00, 0x0FFF),  # Thai, Lao, Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x19FF),  # Khmer, Mongolian, Tai Le, New Tai Lue, Khmer symbols
    (0x1A20, 0x1AAF),  # Tai Tham
    (0x1B00, 0x1BFF),  # Balinese, Sundanese, Batak
    (0x2E80, 0xA4CF),  # CJK, kana, bopomofo, Yi
    (0xA980, 0xAADF),  # Javanese, Myanmar extended, Cham, Tai Viet
    (0xAC00, 0xD7FF),  # Hangul
    (0xF900, 0xFAFF),  # CJK compatibility
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms
    (0xFE70, 0xFEFF),
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3FFFF),  # CJK extensions
)
"""Scripts that break a word at a line's end without a hyphen: Chinese, Japanese, Korean,
Thai and the scripts of South-East Asia write no spaces, or break anywhere; Arabic and
Hebrew do not hyphenate."""


def hyphen_between(before: str, after: str) -> bool:
    """Whether a word broken between the clusters ``before`` and ``after`` takes a "-": two
    letters (not beside a digit, a hyphen or a pictograph) of a script that hyphenates."""
    if not (before[0].isalpha() and after[0].isalpha()):
        return False
    return not any(low <= ord(c[0]) <= high for c in (before, after) for low, high in _NO_HYPHEN)


def with_soft_hyphens(word: str, clusters: list[str], at: set[int]) -> str:
    """Soft hyphens before the clusters numbered in ``at``: between two letters, two letters
    from either end and never beside a hyphen."""
    out = []
    for index, cluster in enumerate(clusters):
        if (
            index in at
            and 2 <= index <= len(clusters) - 2
            and hyphen_between(clusters[index - 1], cluster)
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
    *,
    hard: bool = False,
) -> str:
    """``word`` made breakable where its lines fill up: each line the most clusters from its
    start that ``fits(start, end)`` (:func:`line_ends`).

    Up to :data:`HARD_BREAK_LINES` lines (unless ``hard``): soft hyphens at each line's end
    and a few letters before it (every third, up to twelve), so a line that starts part-way
    through still finds one, and reportlab prints a "-" where it breaks. Longer, or ``hard``
    (a word reportlab could not break itself: a shaped one, or one of letters its hyphenation
    does not know): broken here, at each line's end a "-" where :func:`hyphen_between` says so
    and a line break (``\\n``); the last two lines are one when ``fits_last(start)`` says the
    rest of the word from ``start`` fits a whole line, as reportlab would have set them."""
    ends = line_ends(len(clusters), fits)
    if not hard and len(ends) < HARD_BREAK_LINES:
        breaks: set[int] = set()
        start = 0
        for end in ends:
            breaks.update(range(max(start + 2, end - 12), end + 1, 3))
            start = end
        return with_soft_hyphens(word, clusters, breaks)
    if ends and fits_last(ends[-2] if len(ends) > 1 else 0):
        ends.pop()
    out: list[str] = []
    start = 0
    for end in ends:
        out.append("".join(clusters[start:end]))
        out.append("-\n" if hyphen_between(clusters[end - 1], clusters[end]) else "\n")
        start = end
    out.append("".join(clusters[start:]))
    return "".join(out)
