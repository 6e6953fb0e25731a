"""The past-sessions table reads at 1024×600: names in columns wide enough to read, every
heading whole, no sideways scrolling. The detail gives way (below the table) to make room."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import use_language
from circlekeeper.ui.history.page import HistoryPage

SMALL_SCREEN = (1024, 600 - 32)
"""A netbook's screen less its desktop panel."""
READABLE_NAME = 100
"""Pixels a circle or facilitator column needs to show a word or two of a name (it had 47)."""


def _history_at(qtbot, real_app, size: tuple[int, int]) -> HistoryPage:
    window = real_app().window
    window.resize(*size)
    window.open_demo()
    (history,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(history)
    qtbot.waitUntil(lambda: history.model.rowCount() > 0, timeout=10_000)
    QApplication.processEvents()
    return history


@pytest.mark.parametrize("language", ["en", "de"])
def test_names_and_headings_of_the_sessions_table_read_on_a_small_screen(
    qtbot, real_app, english_afterwards, language: str
) -> None:
    use_language(language)
    history = _history_at(qtbot, real_app, SMALL_SCREEN)
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
