"""The past-sessions table reads at 1024×600: names in columns wide enough to read, every
heading whole, no sideways scrolling. The detail gives way (below the table) to make room."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.ui.history.page import HistoryPage
from tests.ui.small_screen import SMALL_WINDOW

READABLE_NAME = 100
"""Pixels a circle or facilitator column needs to show a word or two of a name (it had 47)."""


def _history_at(qtbot, real_app, size: tuple[int, int]) -> HistoryPage:
    window = real_app().window
    window.resize(*size)
    window.open_demo()
    (history,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(history)
    qtbot.waitUntil(lambda: history.model.rowCount() > 0, timeout=10_000)
    settled(history)
    return history


def settled(history: HistoryPage) -> None:
    """Events handled until the page is laid out for good: the filters folding, the rows
    growing to two lines and the scroll bar that follows each change the table's width."""
    header = history.table.horizontalHeader()
    before: list[int] = []
    for _ in range(20):
        QApplication.processEvents()
        sizes = [header.sectionSize(c) for c in range(header.count())]
        sizes.append(history.table.viewport().width())
        if sizes == before:
            return
        before = sizes


@pytest.mark.parametrize("language", ["en", "de"])
def test_names_and_headings_of_the_sessions_table_read_on_a_small_screen(
    qtbot, real_app, english_afterwards, language: str
) -> None:
    use_language(language)
    history = _history_at(qtbot, real_app, SMALL_WINDOW)
    table, header = history.table, history.table.horizontalHeader()
    model = table.model()
    sizes = [header.sectionSize(c) for c in range(model.columnCount())]
    assert sizes[1] >= READABLE_NAME and sizes[2] >= READABLE_NAME, sizes
    metrics = header.fontMetrics()
    cut = [
        model.headerData(c, header.orientation())
        for c, size in enumerate(sizes)
        if metrics.horizontalAdvance(model.headerData(c, header.orientation())) + 8 > size
    ]
    assert not cut, f"headings cut in {language}: {cut}"  # German "Begleitung" was
    assert sum(sizes) <= table.viewport().width(), "no sideways scrolling"
    assert not history.split.side_by_side(), "the detail sits below the table here"


def test_a_wide_screen_keeps_the_detail_beside_the_table(qtbot, real_app) -> None:
    history = _history_at(qtbot, real_app, (1920, 1000))
    assert history.split.side_by_side()
    sizes = history.split.sizes()
    assert sizes[1] >= 300, "the detail beside the table still reads as text"


@pytest.fixture
def on_chatham_island(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer keeps the Chatham Islands' clock (12 h 45 min ahead of UTC), which no demo
    circle keeps: the demo circle's sessions name their place."""
    monkeypatch.setenv("TZ", "Pacific/Chatham")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt_BR", "ar"])
def test_every_word_of_the_sessions_table_reads_whole_on_a_small_screen(
    qtbot, real_app, english_afterwards, on_chatham_island, language: str
) -> None:
    """The date, time and place of a session ("Nov 24, 2026, 6:51 PM (Lagos)"), its circle
    ("Dienstagabendkreis (Demo)"), facilitators and status read whole at 1024×600, on two
    lines where one is too narrow; they ended in "…" and were readable only as tooltips."""
    use_language(language)
    history = _history_at(qtbot, real_app, SMALL_WINDOW)
    table, model = history.table, history.table.model()
    metrics = table.fontMetrics()
    places = 0
    for row in range(min(model.rowCount(), 8)):
        for column in range(model.columnCount()):
            text = model.index(row, column).data()
            places += column == 0 and text.endswith(")")
            cell = table.visualRect(model.index(row, column)).adjusted(3, 0, -3, 0)
            room = metrics.boundingRect(cell, int(Qt.TextFlag.TextWordWrap), text)
            assert cell.contains(room), (language, text, cell, room)
    assert places, "the demo circle's clock is not this computer's: its place is named"
    assert table.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
