"""What History's page tests share: a real SQLite file of demo sessions, the page shown on it,
and someone answering its questions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage

NOW = datetime(2026, 11, 25, tzinfo=UTC)
"""The history's "today": the demo sessions end two days before it."""


class Answers:
    """Plays the person answering confirmation questions; remembers what was asked."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent: QWidget, title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer


@contextmanager
def demo_history(path: Path, sessions: int, *, seed: int) -> Iterator[Store]:
    """A store on a real file holding ``sessions`` demo sessions, closed afterwards."""
    opened = open_store(path)
    seed_demo(opened.engine, sessions, seed=seed, end=NOW - timedelta(days=2))
    try:
        yield opened
    finally:
        opened.close()


def shown_page(qtbot: Any, store: Store, **options: Any) -> HistoryPage:
    """The page on ``store`` as the window holds it (read on the screen's thread, so a test
    sees each answer at once), shown at a laptop's size."""
    widget = HistoryPage(
        HistoryQueries.for_store(store), threaded=False, now=lambda: NOW, **options
    )
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget
