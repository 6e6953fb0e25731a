"""Sorting the past-sessions table from the keyboard: the Menu key (or Shift+F10) on the table
opens its columns, and choosing one sorts by it (choosing the sorted one again turns the order
round), as a click on a heading does.

The headings were the only way to sort, and a table's header takes no keyboard focus, so a
facilitator working from the keyboard could not sort the history at all.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from circlekeeper.i18n import N_, _
from circlekeeper.ui.history.session_table import COLUMNS

WORDS = (1, 6)
"""The columns of words (circle, status), which start A to Z; the rest start largest first."""
ORDERS = {
    # Translators: how the past sessions are sorted, after a column's name in the sort menu
    # ("Date (newest first)"); choosing it again turns the order round.
    (0, True): N_("newest first"),
    (0, False): N_("oldest first"),
    (1, False): N_("A to Z"),
    (1, True): N_("Z to A"),
    (3, True): N_("most first"),
    (3, False): N_("fewest first"),
    (4, True): N_("longest first"),
    (4, False): N_("shortest first"),
    (5, True): N_("fairest first"),
    (5, False): N_("least fair first"),
    (6, False): N_("A to Z"),
    (6, True): N_("Z to A"),
}
"""(column, descending) → the order in words, for the column the table is sorted by."""


def sort_menu(table: QTableView) -> QMenu:
    """The menu of ``table``'s sortable columns, the sorted one ticked."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    for column, (_heading, key) in enumerate(COLUMNS):
        if key is None:
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        sorted_by = header.sortIndicatorSection() == column
        if sorted_by:  # which way, or the menu could not say what choosing it again does
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            order = _(ORDERS[column, descending])
            # Translators: a column of the sort menu and the order it sorts in now.
            text = _("{column} ({order})").format(column=text, order=order)
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(sorted_by)
        action.triggered.connect(lambda _=False, c=column: sort_by(table, c))
        menu.addAction(action)
    return menu


def sort_by(table: QTableView, column: int) -> None:
    """Sort by ``column``; the sorted column again turns the order round. A new column starts
    newest, longest, fairest… first for figures and dates, A to Z for words."""
    header = table.horizontalHeader()
    if header.sortIndicatorSection() == column:
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
    else:
        words = column in WORDS
        order = Qt.SortOrder.AscendingOrder if words else Qt.SortOrder.DescendingOrder
    table.sortByColumn(column, order)


def install_sort_menu(table: QTableView) -> None:
    """The Menu key, Shift+F10 or a right click on ``table`` opens :func:`sort_menu`."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(at: QPoint) -> None:
        sort_menu(table).exec(table.viewport().mapToGlobal(at))

    table.customContextMenuRequested.connect(show)
