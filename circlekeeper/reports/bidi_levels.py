"""The Unicode Bidirectional Algorithm (UAX #9) for one paragraph: a level for each character.

Why our own: python-bidi's Rust ``get_display`` orders a line right (brackets included) but
hands back only a string, with no way to tell which character went where and no mirrored
brackets; its pure-Python ``bidi.algorithm`` gives levels but knows neither paired brackets
(rule N0) nor isolates. A report must know, for every character, its level: it shapes each
run of one direction with harfbuzz and places the runs itself. So this resolves levels with
every rule a paragraph of ours can meet: isolates (X5a–X6a: we wrap names in FSI…PDI so their
punctuation stays with them), weak types (W1–W7), paired brackets (N0, BD16), neutrals
(N1–N2), implicit levels (I1–I2); then, per printed line, L1 and L2 give the display order and
L4 the mirrored brackets. Embeddings and overrides (LRE…RLO, PDF) never reach here: user text
is cleaned of them, and any left are ignored like boundary neutrals (X9). Tested against
python-bidi's Rust implementation as an oracle.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
MARKS_AND_ISOLATES = frozenset((LRI, RLI, FSI, PDI, LRM, RLM, ALM))
"""Characters that steer the order and are never printed."""

MAX_DEPTH = 125
_OPENERS = frozenset(("LRI", "RLI", "FSI"))
_ISOLATE_CONTROLS = frozenset(("LRI", "RLI", "FSI", "PDI"))
_REMOVED = frozenset(("BN", "LRE", "RLE", "LRO", "RLO", "PDF"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"))
_KNOWN = _NEUTRAL | _REMOVED | {"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM"}


def bidi_class(ch: str) -> str:
    """The character's Bidi_Class; unassigned code points are ordered as neutrals."""
    kind = unicodedata.bidirectional(ch)
    return kind if kind in _KNOWN else "ON"


@cache
def _mirror_table() -> dict[str, str]:
    """python-bidi's Bidi_Mirroring_Glyph table, loaded when a right-to-left line first
    needs it: a report in a left-to-right script never does."""
    from bidi.mirror import MIRRORED

    return dict(MIRRORED)


def mirrored(ch: str) -> str:
    """L4: the glyph a right-to-left run prints for ``ch`` (``(`` for ``)``), else ``ch``."""
    return _mirror_table().get(ch, ch)


def first_strong_is_rtl(text: str, start: int = 0, end: int | None = None) -> bool | None:
    """P2–P3: ``True``/``False`` for the first R/AL or L letter outside isolates, ``None``
    when there is none."""
    depth = 0
    for ch in text[start:end]:
        kind = unicodedata.bidirectional(ch)
        if kind in _OPENERS:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind in ("R", "AL"):
            return True
        elif depth == 0 and kind == "L":
            return False
    return None


def resolved_levels(text: str, *, rtl_base: bool) -> list[int]:
    """The embedding level of every character of one paragraph (rules X1–I2)."""
    return list(_levels(text, rtl_base))


@lru_cache(maxsize=4096)
def _levels(text: str, rtl_base: bool) -> tuple[int, ...]:
    """Remembered: a report sets the same labels and names on many pages."""
    base = 1 if rtl_base else 0
    kinds = [bidi_class(ch) for ch in text]
    levels, matching = _explicit_levels(text, kinds, base)
    for sequence in _isolating_sequences(kinds, levels, matching):
        _resolve_sequence(text, kinds, levels, sequence, base)
    previous = base
    for index, kind in enumerate(kinds):  # removed characters follow their neighbour
        if kind in _REMOVED:
            levels[index] = previous
        previous = levels[index]
    return tuple(levels)


def _explicit_levels(text: str, kinds: list[str], base: int) -> tuple[list[int], dict[int, int]]:
    """X1–X8 for isolates: each isolate's content one level up, in its own direction."""
    matching = _matching_pdis(kinds)
    levels = [base] * len(kinds)
    stack = [base]
    overflow = 0
    valid = 0
    for index, kind in enumerate(kinds):
        if kind in _OPENERS:
            levels[index] = stack[-1]
            end = matching.get(index)
            rtl = kind == "RLI" or (
                kind == "FSI" and bool(first_strong_is_rtl(text, index + 1, end))
            )
            level = (stack[-1] + 1) | 1 if rtl else (stack[-1] + 2) & ~1
            if level <= MAX_DEPTH and not overflow:
                stack.append(level)
                valid += 1
            else:
                overflow += 1
        elif kind == "PDI":
            if overflow:
                overflow -= 1
            elif valid:
                stack.pop()
                valid -= 1
            levels[index] = stack[-1]
        else:
            levels[index] = stack[-1]
    return levels, matching


def _matching_pdis(kinds: list[str]) -> dict[int, int]:
    """BD9: each isolate initiator's matching PDI, where it has one."""
    matching: dict[int, int] = {}
    open_at: list[int] = []
    for index, kind in enumerate(kinds):
        if kind in _OPENERS:
            open_at.append(index)
        elif kind == "PDI" and open_at:
            matching[open_at.pop()] = index
    return matching


def _isolating_sequences(
    kinds: list[str], levels: list[int], matching: dict[int, int]
) -> list[list[int]]:
    """BD13: level runs, joined across each isolate to the run its matching PDI starts."""
    runs: list[list[int]] = []
    for index, kind in enumerate(kinds):
        if kind in _REMOVED:
            continue
        if runs and levels[runs[-1][-1]] == levels[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    run_starting_at = {run[0]: run for run in runs}
    continued = {matching[run[-1]] for run in runs if run[-1] in matching}
    sequences = []
    for run in runs:
        if run[0] in continued and kinds[run[0]] == "PDI":
            continue  # appended to the sequence of its isolate's initiator
        sequence = list(run)
        while sequence[-1] in matching and matching[sequence[-1]] in run_starting_at:
            sequence += run_starting_at[matching[sequence[-1]]]
        sequences.append(sequence)
    return sequences


def _resolve_sequence(
    text: str, kinds: list[str], levels: list[int], sequence: list[int], base: int
) -> None:
    level = levels[sequence[0]]
    first, last = sequence[0], sequence[-1]
    before = next((levels[i] for i in range(first - 1, -1, -1) if kinds[i] not in _REMOVED), base)
    after = base
    if kinds[last] not in _OPENERS:
        after = next(
            (levels[i] for i in range(last + 1, len(kinds)) if kinds[i] not in _REMOVED), base
        )
    sos = "R" if max(level, before) % 2 else "L"
    eos = "R" if max(level, after) % 2 else "L"
    types = [kinds[i] for i in sequence]
    _weak_types(types, sos)
    embedding = "R" if level % 2 else "L"
    _paired_brackets(text, kinds, sequence, types, sos, embedding)
    _neutral_types(types, sos, eos, embedding)
    for i, kind in zip(sequence, types, strict=True):  # I1–I2
        if level % 2 == 0:
            levels[i] += 1 if kind == "R" else 2 if kind in ("AN", "EN") else 0
        elif kind in ("L", "EN", "AN"):
            levels[i] += 1


def _weak_types(types: list[str], sos: str) -> None:
    """W1–W7 over one isolating run sequence."""
    previous = sos
    for i, kind in enumerate(types):  # W1
        if kind == "NSM":
            types[i] = "ON" if previous in _ISOLATE_CONTROLS else previous
        previous = types[i]
    strong = sos
    for i, kind in enumerate(types):  # W2, W3
        if kind == "EN" and strong == "AL":
            types[i] = "AN"
        elif kind in ("L", "R", "AL"):
            strong = kind
    types[:] = ["R" if kind == "AL" else kind for kind in types]
    for i in range(1, len(types) - 1):  # W4
        left, kind, right = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and left == right == "EN":
            types[i] = "EN"
        elif kind == "CS" and left == right and left in ("EN", "AN"):
            types[i] = left
    for i, kind in enumerate(types):  # W5
        if kind != "EN":
            continue
        j = i - 1
        while j >= 0 and types[j] == "ET":
            types[j] = "EN"
            j -= 1
        j = i + 1
        while j < len(types) and types[j] == "ET":
            types[j] = "EN"
            j += 1
    types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]  # W6
    strong = sos
    for i, kind in enumerate(types):  # W7
        if kind == "EN" and strong == "L":
            types[i] = "L"
        elif kind in ("L", "R"):
            strong = kind


def _strong(kind: str) -> str | None:
    """How a resolved type counts for N0–N1: numbers as R, neutrals not at all."""
    if kind == "L":
        return "L"
    if kind in ("R", "AN", "EN"):
        return "R"
    return None


def _paired_brackets(
    text: str,
    kinds: list[str],
    sequence: list[int],
    types: list[str],
    sos: str,
    embedding: str,
) -> None:
    """N0: a bracket pair takes the direction of what it encloses (BD16 finds the pairs)."""
    pairs = _bracket_pairs(text, kinds, sequence, types)
    for opening, closing in pairs:
        inside = {_strong(types[k]) for k in range(opening + 1, closing)} - {None}
        if not inside:
            continue
        direction = embedding
        if embedding not in inside:  # only the opposite direction inside: the context decides
            direction = sos
            for k in range(opening - 1, -1, -1):
                found = _strong(types[k])
                if found:
                    direction = found
                    break
        for k in (opening, closing):
            types[k] = direction
            after = k + 1  # marks on a bracket follow it (W1 made them ON)
            while after < len(types) and kinds[sequence[after]] == "NSM":
                types[after] = direction
                after += 1


def _bracket_pairs(
    text: str, kinds: list[str], sequence: list[int], types: list[str]
) -> list[tuple[int, int]]:
    """BD16: positions (within the sequence) of paired brackets, by opening bracket."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for position, index in enumerate(sequence):
        if types[position] != "ON" or kinds[index] != "ON":
            continue
        ch = _canonical(text[index])
        category = unicodedata.category(ch)
        if category == "Ps" and ch in _mirror_table():
            if len(stack) >= 63:
                break
            stack.append((_canonical(_mirror_table()[ch]), position))
        elif category == "Pe" and ch in _mirror_table():
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], position))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _canonical(ch: str) -> str:
    """U+2329/U+232A pair with U+3008/U+3009, their canonical equivalents."""
    return unicodedata.normalize("NFD", ch) if ch in "\u2329\u232a" else ch


def _neutral_types(types: list[str], sos: str, eos: str, embedding: str) -> None:
    """N1–N2: a run of neutrals takes its neighbours' direction when they agree."""
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in _NEUTRAL:
            j += 1
        left = _strong(types[i - 1]) if i else sos
        right = _strong(types[j]) if j < len(types) else eos
        direction = left if left == right else embedding
        types[i:j] = [direction or embedding] * (j - i)
        i = j


def line_levels(text: str, levels: Sequence[int], start: int, end: int, base: int) -> list[int]:
    """L1 for the printed line ``text[start:end]``: trailing spaces and isolate controls
    (and those before a tab) go back to the paragraph's level."""
    out = list(levels[start:end])
    reset = True
    for k in range(end - 1, start - 1, -1):
        kind = unicodedata.bidirectional(text[k])
        if kind in ("S", "B"):
            out[k - start] = base
            reset = True
        elif reset and (kind in ("WS", "BN") or kind in _ISOLATE_CONTROLS):
            out[k - start] = base
        else:
            reset = False
    return out


def visual_order(levels: Sequence[int]) -> list[int]:
    """L2: indices of one line's characters (``levels`` after :func:`line_levels`) from
    left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(highest, min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def display(text: str, *, rtl_base: bool) -> str:
    """``text`` as one line reads left to right: reordered, brackets mirrored in right-to-left
    runs, marks and isolate controls dropped (what a reader sees; for tests and logs)."""
    levels = _levels(text, rtl_base)
    line = line_levels(text, levels, 0, len(text), 1 if rtl_base else 0)
    out = []
    for index in visual_order(line):
        ch = text[index]
        if ch in MARKS_AND_ISOLATES:
            continue
        out.append(mirrored(ch) if line[index] % 2 else ch)
    return "".join(out)
