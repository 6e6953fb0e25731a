"""Right-to-left ordering of words on one printed line (Unicode bidi, rules W1–L2).

reportlab's own bidi support needs ``rlbidi``, which the package index does not serve, so we
order *words* with python-bidi's reference algorithm and let harfbuzz shape each word: harfbuzz
already emits an Arabic or Hebrew word's glyphs right to left, so only the order of the words on
each line is ours to decide. This works line by line, which is why the caller wraps first.
"""

from __future__ import annotations

import unicodedata

_STRONG_RTL = frozenset({"R", "AL"})
_STRONG = frozenset({"L", "R", "AL", "EN", "AN"})
_HANDLED = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "WS", "ON"})
"""Classes the reference implementation resolves; anything else (unassigned code points report
``""``, isolates, separators, explicit embeddings) is ordered as a neutral ``?``."""


def _neutralized(text: str) -> str:
    return "".join(ch if unicodedata.bidirectional(ch) in _HANDLED else "?" for ch in text)


def has_rtl(text: str) -> bool:
    if text.isascii():
        return False  # most of a report: no ASCII character is right-to-left
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def base_is_rtl(text: str) -> bool:
    """The paragraph direction from its first strong character (rules P2–P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return False


def direction_pieces(word: str) -> list[str]:
    """``word`` cut where its letters change direction: ``نور-Alex`` → ``نور-``, ``Alex``.

    Marks, digits, punctuation and emoji stay with the piece before them (leading ones with
    the first piece), so "here." and "(نور)" stay whole. Each piece is then shaped on its own
    in its own direction; shaped as one, harfbuzz ran the whole word in the direction of its
    first letter, printing "xelA" or unjoined Arabic letters in the wrong order.
    """
    pieces: list[str] = []
    current = ""
    direction = ""
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        strong = "R" if kind in _STRONG_RTL else "L" if kind == "L" else ""
        if strong and direction and strong != direction:
            pieces.append(current)
            current = ""
        direction = strong or direction
        current += ch
    if current:
        pieces.append(current)
    return pieces


def visual_word_order(words: list[str], *, rtl_base: bool) -> list[int]:
    """Indices of ``words`` (one line, logical order) in left-to-right display order."""
    return [word for word, _ in visual_piece_order([[w] for w in words], rtl_base=rtl_base)]


def visual_piece_order(words: list[list[str]], *, rtl_base: bool) -> list[tuple[int, int]]:
    """``(word, piece)`` indices of one line's words, each cut into direction pieces, in
    left-to-right display order (a word's pieces may end up apart: "Alex … -نور")."""
    pieces = [(w, p) for w, parts in enumerate(words) for p in range(len(parts))]
    if len(pieces) < 2:
        return pieces
    owner: list[int] = []
    chunks: list[str] = []
    for index, (w, p) in enumerate(pieces):
        if index and pieces[index - 1][0] != w:
            owner.append(-1)  # the joining space between two words
            chunks.append(" ")
        owner.extend([index] * len(words[w][p]))
        chunks.append(words[w][p])
    # python-bidi is imported here, for lines that hold right-to-left text: a report in a
    # left-to-right script never needs it.
    from bidi import algorithm as uba

    text = _neutralized("".join(chunks))
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl_base else 0
    storage["base_dir"] = "R" if rtl_base else "L"
    uba.get_embedding_levels(text, storage)
    for position, char in enumerate(storage["chars"]):
        char["position"] = position
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    # A piece sits where its letters and digits sit: "here." inside a right-to-left line would
    # otherwise be placed by its full stop, which the algorithm sends to the line's far end.
    strong_at: dict[int, int] = {}
    any_at: dict[int, int] = {}
    for visual, char in enumerate(storage["chars"]):
        position = char.get("position")
        if position is None or position >= len(owner) or owner[position] < 0:
            continue
        piece = owner[position]
        any_at.setdefault(piece, visual)
        if unicodedata.bidirectional(text[position]) in _STRONG:
            strong_at.setdefault(piece, visual)
    place = {i: strong_at.get(i, any_at.get(i, len(text) + i)) for i in range(len(pieces))}
    return [pieces[i] for i in sorted(range(len(pieces)), key=lambda i: place[i])]
