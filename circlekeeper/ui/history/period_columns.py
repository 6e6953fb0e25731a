"""The Period tab's per-circle table, fitted to the page's width: it never scrolls sideways.

In the main window on a 1024×600 screen the history page is about 715 pixels wide, and the
table has twelve columns. The columns are fitted by the past-sessions table's fitter
(:mod:`column_fit`): a circle's name takes what room is left and wraps onto a second line
(the row grows) before it is cut; a figure in words ("1 Std. 35 Min.") may take two lines too,
and the trend says "too few sessions to tell" short ("too few to tell"). When
even then the headings are too wide (German "Wiedergekommen", French "Personnes"), the table
shows the headings' short forms, which translators break and hyphenate where their language
does ("Wieder-/gekommen"); the full heading stays the section's tooltip and accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from circlekeeper.i18n import _, pgettext
from circlekeeper.ui.history.column_fit import PADDING, TIGHT_PADDING, ColumnFitter, ColumnRoom

USUAL_NAME = "Tuesday evening"
"""Half a usual circle name: the name column's least before there are rows (never shown)."""
ENDLESS_WORD = "Dienstagabendkreisgruppe"
"""A word longer than this in a circle's name (hundreds of letters without a space) wraps
anywhere in its cell; shorter ones ("Dienstagabendkreis") stay whole."""
CIRCLE_ROWS_AT_LEAST = 2
"""Rows of the circles table a small screen still shows under its heading."""


def short_circle_columns() -> list[str]:
    """The figure columns' headings in short, for a narrow page (each line as it shows)."""
    # Translators: short forms of the period table's column headings, shown when the page is
    # narrow (a small laptop). "\n" starts a second line: break and hyphenate a long word
    # where your language does ("Wieder-\ngekommen"); the full heading shows as a tooltip.
    return [
        pgettext("short heading", "Ses-\nsions"),
        pgettext("short heading", "Held of\nplanned"),
        pgettext("short heading", "Peo-\nple"),
        pgettext("short heading", "New"),
        pgettext("short heading", "Came\nback"),
        pgettext("short heading", "Avg.\npresent"),
        pgettext("short heading", "Trend"),
        pgettext("short heading", "Avg.\nlength"),
        pgettext("short heading", "Fair-\nness"),
        pgettext("short heading", "Passed"),
        pgettext("short heading", "Prompts"),
    ]


TREND_COLUMN = 7


def trend_cell(words: str) -> str:
    """The attendance trend as the table's narrow cell says it; the cell's tooltip says it
    whole. "too few sessions to tell" wrapped to four lines at 1024×600."""
    # Translators: the attendance trend in a narrow table cell; keep each short (one or two
    # short words): the full words ("too few sessions to tell") show as the cell's tooltip.
    short = {
        "rising": pgettext("trend in the period table", "rising"),
        "steady": pgettext("trend in the period table", "steady"),
        "falling": pgettext("trend in the period table", "falling"),
        "too few sessions to tell": pgettext("trend in the period table", "too few to tell"),
    }
    return short.get(words) or _(words)


def two_lines(heading: str) -> str:
    """A heading broken at the space nearest its middle (one word stays on one line)."""
    spaces = [i for i, c in enumerate(heading) if c == " "]
    if not spaces:
        return heading
    middle = min(spaces, key=lambda i: abs(len(heading) - 2 * i))
    return heading[:middle] + "\n" + heading[middle + 1 :]


def circle_rooms(
    table: QTableWidget, headings: list[str], *, words_anywhere: bool = False
) -> list[ColumnRoom]:
    """The table's columns under ``headings``, measured from its rows (a few circles): the
    name gives room first, down to two lines; then the figures in words, down to two lines
    (``words_anywhere``: down to their longest word, when the page has no room even then); a
    heading is never cut."""
    metrics = table.fontMetrics()
    heads = table.horizontalHeader().fontMetrics()

    def widest(lines: str, font: QFontMetrics = metrics, padding: int = PADDING) -> int:
        return max(font.horizontalAdvance(line) for line in lines.split("\n")) + padding

    def tight(lines: str, font: QFontMetrics = metrics) -> int:
        return widest(lines, font, TIGHT_PADDING)

    rooms = []
    for column, head in enumerate(headings):
        heading = widest(head, heads)
        cells = [table.item(row, column) for row in range(table.rowCount())]
        words = [cell.text() for cell in cells if cell is not None and cell.text()]
        natural = max([heading, *(widest(w) for w in words)])
        if column == 0:
            # An endless word wraps anywhere in its cell: a name that is one word of hundreds
            # of letters made the table scroll sideways, its headings out of sight.
            usual, endless = tight(USUAL_NAME), tight(ENDLESS_WORD)
            names = [
                usual if max(map(tight, w.split() or [w])) > endless else tight(two_lines(w))
                for w in words
            ]
            least = max([tight(head, heads), *names])
            # Before there are rows, room for a usual name; with rows, what they need.
            short = 0 if words else tight(USUAL_NAME)
            natural = max(natural, widest(USUAL_NAME))
            rooms.append(ColumnRoom(natural, max(least, short), share=1))
        else:
            # Words ("1 hr and 35 min") on two lines at most, so a row stays two lines high
            # (at every space they made "too few / sessions / to / tell" four).
            anywhere = words_anywhere and column != TREND_COLUMN  # the trend is short
            split = (lambda w: w.replace(" ", "\n")) if anywhere else two_lines
            least = max([tight(head, heads), *(tight(split(w)) for w in words)])
            rooms.append(ColumnRoom(natural, least, gives=1))
    return rooms


class CirclesFitter(ColumnFitter):
    """Fits the circles table each time it is resized or refilled, in short headings only
    when the full ones leave no room."""

    def __init__(self, table: QTableWidget, headings: list[str]) -> None:
        self._full = list(headings)
        self._circles = table
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, heading in enumerate(self._full):
            item = QTableWidgetItem()
            item.setToolTip(heading)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, heading)
            table.setHorizontalHeaderItem(column, item)
        super().__init__(table, [])
        for column in range(len(self._full)):  # the fitter's widths, not Qt's own
            table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive
            )
        self.fit()

    def fit(self) -> None:
        table = self._circles
        width = table.viewport().width()
        lines = [self._full[0], *map(two_lines, self._full[1:])]
        rooms = circle_rooms(table, lines)
        if sum(room.least for room in rooms) > width:
            lines = [self._full[0], *short_circle_columns()]
            rooms = circle_rooms(table, lines)
        if sum(room.least for room in rooms) > width:
            rooms = circle_rooms(table, lines, words_anywhere=True)
        for column, text in enumerate(lines):
            item = table.horizontalHeaderItem(column)
            if item is not None and item.text() != text:
                item.setText(text)
        self._rooms = rooms
        super().fit()
        table.resizeRowsToContents()  # a name on two lines gets a taller row
        keep_first_rows(table)


def keep_first_rows(table: QTableWidget) -> None:
    """The circles table keeps its heading and first ``CIRCLE_ROWS_AT_LEAST`` rows in sight,
    measured each time it is fitted (rows grow as names wrap): at 1024×600 the figures at a
    glance took the height and left it half a row under its heading (the glance gives up
    rows and scrolls first)."""
    header = table.horizontalHeader()
    frame = header.height() + 2 * table.frameWidth()
    columns = sum(header.sectionSize(c) for c in range(header.count()))
    if columns > table.viewport().width():  # a name too long to wrap scrolls sideways
        frame += table.horizontalScrollBar().sizeHint().height()
    rows = min(CIRCLE_ROWS_AT_LEAST, table.rowCount())
    least = frame + sum(table.rowHeight(r) for r in range(rows))
    if table.minimumHeight() != least:
        table.setMinimumHeight(least)
