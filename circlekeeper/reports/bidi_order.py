"""Right-to-left ordering of words on one printed line (Unicode bidi, rules W1–L2).

reportlab's own bidi support needs ``rlbidi``, which the package index does not serve, so we
order *words* with python-bidi's reference algorithm and let harfbuzz shape each word: harfbuzz
already emits an Arabic or Hebrew word's glyphs right to left, so only the order of the words on
each line is ours to decide. This works line by line, which is why the caller wraps first.
"""

from __future__ import annotations

import unicodedata

from bidi import algorithm as uba

_STRONG_RTL = frozenset({"R", "AL"})
_STRONG = frozenset({"L", "R", "AL", "EN", "AN"})
_HANDLED = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "WS", "ON"})
"""Classes the reference implementation resolves; anything else (unassigned code points report
``""``, isolates, separators, explicit embeddings) is ordered as a neutral ``?``."""


def _neutralized(text: str) -> str:
    return "".join(ch if unicodedata.bidirectional(ch) in _HANDLED else "?" for ch in text)


def has_rtl(text: str) -> bool:
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


def visual_word_order(words: list[str], *, rtl_base: bool) -> list[int]:
    """Indices of ``words`` (one line, logical order) in left-to-right display order."""
    if len(words) < 2:
        return list(range(len(words)))
    text = _neutralized(" ".join(words))
    owner: list[int] = []
    for index, word in enumerate(words):
        owner.extend([index] * len(word))
        owner.append(-1)  # the joining space
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
    # A word sits where its letters and digits sit: "here." inside a right-to-left line would
    # otherwise be placed by its full stop, which the algorithm sends to the line's far end.
    strong_at: dict[int, int] = {}
    any_at: dict[int, int] = {}
    for visual, char in enumerate(storage["chars"]):
        position = char.get("position")
        if position is None or position >= len(owner) or owner[position] < 0:
            continue
        word = owner[position]
        any_at.setdefault(word, visual)
        if unicodedata.bidirectional(text[position]) in _STRONG:
            strong_at.setdefault(word, visual)
    place = {i: strong_at.get(i, any_at.get(i, len(text) + i)) for i in range(len(words))}
    return sorted(range(len(words)), key=lambda i: place[i])
