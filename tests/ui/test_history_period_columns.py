"""The Period tab's per-circle table gives the circle's name its room: the figure columns'
headings take two lines, so a column is as wide as its figures, not its heading ("Held of
planned", "Durchschn. anwesend"). Before, a German page 1024 pixels wide left a circle's name
115 pixels and "Tuesday evening grief circle" read "Tuesday ev…".

In the main window on a 1024×600 screen the page is about 745 pixels wide: there the columns
are fitted (names and words wrap onto a second line, headings take their short, hyphenated
forms) and nothing scrolls sideways; before, the table scrolled in every language. The trend
says "too few sessions to tell" short in the table ("too few to tell", the whole phrase its
tooltip), on two lines at most: at every space it took four."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from circlekeeper.i18n import _, use_language
from circlekeeper.store import open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.format import duration
from circlekeeper.ui.history.period_columns import TREND_COLUMN, trend_cell
from circlekeeper.ui.history.period_view import circle_columns, two_lines
from tests.ui.small_screen import SMALL_WINDOW

NAMES = ("Parents of teenagers", "Tuesday evening grief circle")
FIGURES = ["12", "4 / 4", "23", "5", "87 %", "11.5", "—", "1 h 35", "0.93", "4 %", "17"]


@pytest.mark.parametrize("language", ("en", "es", "fr", "de", "pt_BR", "ar"))
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


@pytest.mark.parametrize("language", ("en", "es", "fr", "de", "pt_BR", "ar"))
def test_the_circles_table_fits_the_main_window_on_a_small_screen(
    qtbot, real_app, english_afterwards, language: str
) -> None:
    """Inside the main window as the app opens it on a 1024×600 screen (1008×520: the panel
    and the window manager's frame take the rest) the page is about 745 pixels wide: every
    heading whole, each circle's name whole (on two lines if need be), no sideways scroll.
    The demo's own figures in the language on screen, and longer names besides: German's
    "Dienstagabendkreis" is one word, and the table needed 743 pixels of its 702."""
    from PySide6.QtWidgets import QApplication

    use_language(language)
    window = real_app().window
    window.resize(*SMALL_WINDOW)
    window.open_demo()
    (page,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(page)
    page.tabs.setCurrentWidget(page.period_tab)
    view = page.period_view
    view.set_days(date(2000, 1, 1), date(2099, 12, 31))
    view.show_figures()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20_000)
    figures = [
        *FIGURES[:6],
        trend_cell("too few sessions to tell"),
        duration(95 * 60, to_the_minute=True),
        *FIGURES[8:],
    ]
    table = view.circles
    demo = [[table.item(r, c).text() for c in range(12)] for r in range(table.rowCount())]
    view._fill(view.circles, [*demo, *([name, *figures] for name in NAMES)])
    QApplication.processEvents()
    table, header = view.circles, view.circles.horizontalHeader()
    qtbot.waitUntil(lambda: table.columnWidth(0) > 0)
    assert page.width() < 800, page.width()  # the page, not the screen, is what must fit
    assert table.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    metrics = table.fontMetrics()
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        lines = item.text().split("\n")
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest + 8 <= header.sectionSize(column), (language, item.text())
        assert item.toolTip() == circle_columns()[column]  # the full heading, always
        for row in range(table.rowCount()):  # names and words whole, on two lines if need be
            cell = table.item(row, column).text()
            rect = table.visualRect(table.model().index(row, column)).adjusted(3, 0, -3, 0)
            room = metrics.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), cell)
            assert rect.contains(room), (language, cell, rect, room)
            if column == TREND_COLUMN:  # it read "too few / sessions / to / tell"
                assert room.height() <= 2 * metrics.lineSpacing(), (language, cell)


def test_the_trend_cell_says_it_short_and_keeps_the_other_words(english_afterwards) -> None:
    assert trend_cell("too few sessions to tell") == "too few to tell"
    assert trend_cell("rising") == "rising"
    use_language("de")
    assert trend_cell("steady") == "stabil"  # "gleichbleibend" took a column of its own
    assert _("steady") == "gleichbleibend"  # the PDF and CSV keep the whole word


@pytest.mark.parametrize("language", ("fr", "de", "ar"))
def test_on_a_small_screen_the_circles_table_shows_its_first_rows(
    qtbot, real_app, english_afterwards, language: str
) -> None:
    """In the main window on a 1024×600 screen the circles in the period sat half a row under
    their heading (seen in French): the figures at a glance kept the height. They give up
    rows and scroll first, and the circles table keeps its first rows in sight."""
    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.history.period_columns import CIRCLE_ROWS_AT_LEAST

    use_language(language)
    window = real_app().window
    window.resize(*SMALL_WINDOW)
    window.open_demo()
    (page,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(page)
    page.tabs.setCurrentWidget(page.period_tab)
    view = page.period_view
    view.set_days(date(2000, 1, 1), date(2099, 12, 31))
    view.show_figures()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20_000)
    table = view.circles
    figures = [
        *FIGURES[:6],
        trend_cell("too few sessions to tell"),
        duration(95 * 60, to_the_minute=True),
        *FIGURES[8:],
    ]
    demo = [[table.item(r, c).text() for c in range(12)] for r in range(table.rowCount())]
    view._fill(table, [*demo, *([name, *figures] for name in NAMES * 3)])  # seven circles
    QApplication.processEvents()
    shown = min(CIRCLE_ROWS_AT_LEAST, table.rowCount())
    needed = sum(table.rowHeight(r) for r in range(shown))
    assert table.viewport().height() >= needed, (table.viewport().height(), needed)
    assert view.circles.geometry().bottom() < view.pdf_button.geometry().top()


def test_a_name_of_one_endless_word_wraps_in_its_cell(qtbot, real_app, english_afterwards) -> None:
    """A circle named with 300 letters and no space made the table scroll sideways at
    1024×600, every heading out of sight (the name's column as wide as the word). It is
    shown to 60 characters (whole in its tooltip) and wraps anywhere in its cell."""
    from PySide6.QtWidgets import QApplication

    from circlekeeper.ui.bidi_text import shorten
    from circlekeeper.ui.history.session_rows import LONGEST_USUAL_NAME

    window = real_app().window
    window.resize(*SMALL_WINDOW)
    window.open_demo()
    (page,) = (p for p in window.options.extra_pages.values() if isinstance(p, HistoryPage))
    window.show_page(page)
    page.tabs.setCurrentWidget(page.period_tab)
    view = page.period_view
    view.show_figures()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20_000)
    figures = [
        *FIGURES[:6],
        trend_cell("too few sessions to tell"),
        duration(95 * 60, to_the_minute=True),
        *FIGURES[8:],
    ]
    endless = shorten("L" * 300 + " circle", LONGEST_USUAL_NAME)
    view._fill(view.circles, [[endless, *figures], [NAMES[0], *figures]])
    QApplication.processEvents()
    table, header = view.circles, view.circles.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    assert sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width()
