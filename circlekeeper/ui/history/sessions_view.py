"""The past-sessions table view: its columns fitted to its width, its sort and its keys.

Built apart from the history page, which wires it to the filter bar and the detail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from circlekeeper.i18n import _
from circlekeeper.ui.history.column_fit import ColumnRoom, session_columns
from circlekeeper.ui.history.session_rows import SessionsFitter
from circlekeeper.ui.history.session_table import SessionTableModel
from circlekeeper.ui.history.sort_menu import install_sort_menu
from circlekeeper.ui.table_keys import end_means_the_last_row, first_arrow_selects, tab_leaves


def past_sessions_view(
    model: SessionTableModel,
) -> tuple[QTableView, SessionsFitter, list[ColumnRoom]]:
    """The table showing ``model``, the fitter of its columns, and what each column asks."""
    table = end_means_the_last_row(first_arrow_selects(tab_leaves(QTableView())), model.fetch_all)
    table.setAccessibleName(_("Past sessions"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    # Fitted to the table's width whatever the screen: words wrap onto a second line, and
    # only then end in "…" with a tooltip, instead of a sideways scroll bar (it scrolled
    # at 1366×768); the rows are as tall as the lines they show.
    rooms = session_columns(table)
    columns = SessionsFitter(table, rooms)
    for read in (model.modelReset, model.rowsInserted):
        read.connect(lambda *_: columns.show_places(model.places_shown))
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)  # sorts by date, newest first: the first page
    install_sort_menu(table)  # and from the keyboard: the Menu key
    return table, columns, list(rooms)
