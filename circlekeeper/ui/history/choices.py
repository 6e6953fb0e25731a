"""Picker lists for circles and people, built once and shared by every combo box.

A database can hold thousands of people; adding them one ``addItem`` at a time to two combo
boxes, and letting each box measure every name for its width, cost more than reading the
first page of sessions. One model over the plain list, shared, with a fixed minimum width
avoids both.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox

from circlekeeper.history.records import Choice
from circlekeeper.ui.bidi_text import isolate, plain
from circlekeeper.ui.demo_badge import demo_name

ITEM_ID = Qt.ItemDataRole.UserRole
_DISPLAY_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)})
_ITEM_ID_ROLE = int(ITEM_ID)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ChoiceModel(QAbstractListModel):
    """A one-column list over the choices themselves: no item object per row, so a picker of
    thousands of people costs nothing until a row is drawn."""

    def __init__(
        self,
        first: str | None,
        choices: list[Choice],
        parent: QObject | None = None,
        *,
        circles: bool = False,
    ) -> None:
        super().__init__(parent)
        rows: list[tuple[str, int | None]] = [] if first is None else [(first, None)]
        # Only circles can be the demo's: thousands of people are taken as they are.
        # Each name in its own direction (isolate): in Arabic a circle called "Tea & <b>Talk</b>
        # دائرة" was listed as ">Tea & <b>Talk</b دائرة", its last sign thrown to the far end.
        # (People are not: the person picker finds a typed name among these words.)
        shown = isolate if circles else str
        rows += [
            (shown(demo_name(choice.name, True) if choice.demo else choice.name), choice.item_id)
            for choice in choices
        ]
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        if role in _DISPLAY_ROLES:
            return self._rows[row][0]
        if role == _ITEM_ID_ROLE:
            return self._rows[row][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """Rows whose words match ``value`` as typed: type-ahead in a circle picker finds
        "حلقة" by its letters, not behind the invisible marks that set its direction."""
        if role not in _DISPLAY_ROLES or not isinstance(value, str):
            return super().match(start, role, value, hits, flags)
        return typed_matches(self, start, value, hits, flags)


def typed_matches(
    model: QAbstractItemModel,
    start: QModelIndex | QPersistentModelIndex,
    value: str,
    hits: int,
    flags: Qt.MatchFlag,
) -> list[QModelIndex]:
    """``QAbstractItemModel.match`` for typed text, in ``start``'s column: the rows whose text
    as a person reads it (without the invisible marks that set a name's direction) matches
    ``value``. A model whose names are isolated answers its ``match`` with this, or typing a
    name's first letters (type-ahead in a picker or a table) finds nothing behind the marks."""
    sensitive = bool(flags & Qt.MatchFlag.MatchCaseSensitive)
    wanted = value if sensitive else value.casefold()
    kind = flags.value & 0x0F  # MatchExactly 0, Contains 1, StartsWith 2, EndsWith 3
    column = start.column() if start.isValid() else 0
    count = model.rowCount()
    first = start.row() if start.isValid() else 0
    order = (
        [*range(first, count), *range(first)]
        if flags & Qt.MatchFlag.MatchWrap
        else [*range(first, count)]
    )
    found: list[QModelIndex] = []
    for row in order:
        index = model.index(row, column)
        text = plain(str(model.data(index, _DISPLAY_ROLE) or ""))
        text = text if sensitive else text.casefold()
        if (
            (kind == 1 and wanted in text)
            or (kind == 2 and text.startswith(wanted))
            or (kind == 3 and text.endswith(wanted))
            or (kind not in (1, 2, 3) and text == wanted)
        ):
            found.append(index)
            if 0 < hits <= len(found):
                break
    return found


def choice_model(
    first: str | None,
    choices: list[Choice],
    parent: QObject | None = None,
    *,
    circles: bool = False,
) -> ChoiceModel:
    """A one-column model: an optional "any" row (id ``None``) and the choices in order;
    ``circles``: circles' names, each set in its own direction."""
    return ChoiceModel(first, choices, parent, circles=circles)


def prepare_combo(combo: QComboBox, width_in_characters: int = 12) -> None:
    """Size the box from a number of characters, never by measuring every entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width_in_characters)
