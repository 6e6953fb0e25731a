"""Finding a person by any part of their name, as it is typed: without case or accents, in
any script."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter

from circlekeeper.ui.bidi_text import plain

_ITEM_ID = int(Qt.ItemDataRole.UserRole)
"""Where a picker's row keeps its id (``None`` on the "any" row)."""


def searchable(text: str) -> str:
    """Letters without accents or case, so "jose" finds "José" and "ZOE" finds "Zoë"; every
    script keeps its own letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _Matches(QSortFilterProxyModel):
    """The people whose name holds what is typed; never the "any" row (no id), which is not
    a name and stood first under Down."""

    def __init__(self, source: QAbstractItemModel, parent: QObject) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._words: list[str] = []  # what is typed, folded (once, not once a row)
        self._folded: dict[int, str] = {}  # row -> its name folded, made when first asked

    def look_for(self, typed: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # before Qt 6.9
            self._words = searchable(typed).split()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._words = searchable(typed).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        source = self.sourceModel()
        index = source.index(source_row, 0, source_parent)
        if source.data(index, _ITEM_ID) is None:
            return False
        folded = self._folded.get(source_row)
        if folded is None:
            folded = self._folded[source_row] = searchable(plain(str(source.data(index))))
        return all(word in folded for word in self._words)


def find_anywhere(combo: QComboBox) -> None:
    """Typing into the editable ``combo`` lists every name holding what is typed, anywhere in
    it and without case or accents ("Chen" finds "Li Chen"); Down moves into that list.

    Qt's own completion matched the start of a name only, and with no list open Down went to
    the "any" row. Call again after each ``setModel`` (which hands Qt's completer the model)."""
    line = combo.lineEdit()
    if line is None:
        return
    matches = _Matches(combo.model(), combo)
    completer = QCompleter(matches, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)  # (the combo box deletes the one before)
    for previous in combo.findChildren(_Matches):
        if previous is not matches:  # over the model before this one
            line.textEdited.disconnect(previous.look_for)
            previous.setParent(None)
            previous.deleteLater()
    line.textEdited.connect(matches.look_for)
