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

from circlekeeper.ui.history.session_table import COLUMNS


def sort_menu(table: QTableView) -> QMenu:
    """The menu of ``table``'s sortable columns, the sorted one ticked."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    for column, (_heading, key) in enumerate(COLUMNS):
        if key is None:
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(header.sortIndicatorSection() == column)
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
        words = column in (1, 6)  # circle, status
        order = Qt.SortOrder.AscendingOrder if words else Qt.SortOrder.DescendingOrder
    table.sortByColumn(column, order)


def install_sort_menu(table: QTableView) -> None:
    """The Menu key, Shift+F10 or a right click on ``table`` opens :func:`sort_menu`."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(at: QPoint) -> None:
        sort_menu(table).exec(table.viewport().mapToGlobal(at))

    table.customContextMenuRequested.connect(show)
