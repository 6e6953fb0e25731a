"""Picker lists for circles and people, built once and shared by every combo box.

A database can hold thousands of people; adding them one ``addItem`` at a time to two combo
boxes, and letting each box measure every name for its width, cost more than reading the
first page of sessions. One model, shared, with a fixed minimum width avoids both.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from circlekeeper.history.records import Choice

ITEM_ID = Qt.ItemDataRole.UserRole


def choice_model(
    first: str | None, choices: list[Choice], parent: QObject | None = None
) -> QStandardItemModel:
    """A one-column model: an optional "any" row (id ``None``) and the choices in order."""
    model = QStandardItemModel(parent)
    items = []
    if first is not None:
        items.append(QStandardItem(first))
    for choice in choices:
        item = QStandardItem(choice.name)
        item.setData(choice.item_id, ITEM_ID)
        items.append(item)
    for item in items:
        item.setEditable(False)
    model.invisibleRootItem().appendRows(items)
    return model


def prepare_combo(combo: QComboBox, width_in_characters: int = 12) -> None:
    """Size the box from a number of characters, never by measuring every entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width_in_characters)
