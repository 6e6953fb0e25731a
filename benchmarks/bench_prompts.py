"""Prompt library speed: loading every shipped deck, searching, drawing with a long history.

Figures are per operation, best of a few repeats, so a busy shared machine skews them less.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from circlekeeper.prompts import (
    DrawRequest,
    PromptDrawer,
    PromptLibrary,
    PromptQuery,
    dump_deck,
    load_shipped_decks,
    parse_deck,
)
from circlekeeper.prompts.memory import MemoryPromptRepository
from circlekeeper.session.model import RoundKind
from circlekeeper.session.prompts import PromptUse


def best(fn: Callable[[], object], number: int, repeat: int = 3) -> float:
    """Best mean seconds per call over ``repeat`` runs of ``number`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def main() -> None:
    decks = load_shipped_decks()
    count = sum(len(d.prompts) for d in decks)
    load = best(load_shipped_decks, 20)
    print(f"load + validate {len(decks)} decks ({count} prompts): {load * 1000:.2f} ms")
    texts = [dump_deck(d) for d in decks]
    export = best(lambda: [dump_deck(d) for d in decks], 50)
    reparse = best(lambda: [parse_deck(t) for t in texts], 20)
    print(f"export all decks: {export * 1000:.2f} ms; parse them back: {reparse * 1000:.2f} ms")

    repo = MemoryPromptRepository()
    library = PromptLibrary(decks, repo)
    queries = {
        "no filter": PromptQuery(),
        "text 'weather'": PromptQuery(text="weather"),
        "category+tag+first meeting": PromptQuery(
            categories=frozenset({next(iter(decks[0].prompts)).category}),
            tags=frozenset({"nature"}),
            first_meeting=True,
        ),
    }
    for name, query in queries.items():
        per = best(partial(library.prompts, query), 200)
        print(f"search ({name}, {len(library.prompts(query))} found): {per * 1e6:.0f} µs")

    # A circle that met weekly for four years, each session hearing three prompts.
    start = datetime(2022, 1, 4, 18, tzinfo=UTC)
    drawer = PromptDrawer(library, circle_id=1, avoid_last=8, seed=1)
    for n in range(208):
        repo.add_session(n, 1, start + timedelta(weeks=n))
        for index, kind in enumerate((RoundKind.CHECK_IN, RoundKind.SHARING, RoundKind.CHECK_OUT)):
            prompt = drawer.draw(DrawRequest.for_round(kind)).prompt
            assert prompt is not None  # 155 prompts: a draw always finds one
            repo.record_use(PromptUse(n, index, prompt.text, prompt.prompt_id))
    request = DrawRequest.for_round(RoundKind.CHECK_IN)
    per = best(lambda: drawer.draw(request), 200)
    print(f"draw a check-in (208 sessions of history, avoid last 8): {per * 1e6:.0f} µs")
    first = drawer.draw(request).prompt
    assert first is not None
    per = best(lambda: drawer.redraw(request, first), 200)
    print(f"redraw: {per * 1e6:.0f} µs")
    people = [str(i) for i in range(12)]
    per = best(lambda: drawer.draw_for_people(request, people), 20)
    print(f"one prompt each for 12 people: {per * 1000:.2f} ms")


if __name__ == "__main__":
    main()
