"""The Period tab's per-circle table gives the circle's name its room: the figure columns'
headings take two lines, so a column is as wide as its figures, not its heading ("Held of
planned", "Durchschn. anwesend"). Before, a German page 1024 pixels wide left a circle's name
115 pixels and "Tuesday evening grief circle" read "Tuesday ev…".

The widths here are the history page's own; in the main window at a 1024×600 screen the page
is about 715 pixels wide, and there the German table still scrolls sideways (not yet fixed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.i18n import use_language
from circlekeeper.store import open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.period_view import two_lines

NAMES = ("Parents of teenagers", "Tuesday evening grief circle")
FIGURES = ["12", "4 / 4", "23", "5", "87 %", "11.5", "—", "1 h 35", "0.93", "4 %", "17"]


@pytest.mark.parametrize("language", ("en", "fr", "de", "ar"))
@pytest.mark.parametrize("width", (1366, 1024))
def test_circle_names_read_whole_on_a_page_that_wide(
    qtbot, english_afterwards, tmp_path: Path, language: str, width: int
) -> None:
    use_language(language)
    store = open_store(tmp_path / "ck.sqlite3")
    try:
        page = HistoryPage(
            HistoryQueries.for_store(store),
            threaded=False,
            now=lambda: datetime(2026, 4, 1, tzinfo=UTC),
        )
        qtbot.addWidget(page)
        page.resize(width, 560)
        page.show()
        page.tabs.setCurrentWidget(page.period_tab)
        view = page.period_view
        view._fill(view.circles, [[name, *FIGURES] for name in NAMES])
        table = view.circles
        qtbot.waitUntil(lambda: table.columnWidth(0) > 0)
        longest = max(table.fontMetrics().horizontalAdvance(n) for n in NAMES)
        assert table.columnWidth(0) >= longest + 8, (table.columnWidth(0), longest)
        assert table.horizontalScrollBar().maximum() == 0
    finally:
        store.close()


def test_a_heading_breaks_at_the_space_nearest_its_middle() -> None:
    assert two_lines("Held of planned") == "Held of\nplanned"
    assert two_lines("Avg. present") == "Avg.\npresent"
    assert two_lines("Sessions") == "Sessions"
