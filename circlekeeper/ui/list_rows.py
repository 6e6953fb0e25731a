"""Rows of list views that may be missing, typed as such.

PySide6's stubs declare ``QListWidget.itemAt`` and ``currentItem`` as always returning an item,
but Qt returns ``None`` away from every row or with nothing selected. Reading them through
these functions keeps the ``None`` checks that a type checker would otherwise drop as
unreachable.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def item_at(view: QListWidget, point: QPoint) -> QListWidgetItem | None:
    """The row under ``point`` (viewport coordinates), or ``None``."""
    found: QListWidgetItem | None = view.itemAt(point)
    return found


def current_item(view: QListWidget) -> QListWidgetItem | None:
    """The current row, or ``None`` when there is none."""
    found: QListWidgetItem | None = view.currentItem()
    return found
