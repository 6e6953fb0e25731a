"""The backup chooser: the app's own backups, newest first, with what each holds.

Each row says when the copy was made and why (the day's first use, before an update, the data
an earlier restore replaced), how many circles and sessions it holds and its size. A file that
cannot be restored (damaged, another program's, from a newer CircleKeeper) is listed with the
reason and cannot be chosen. *Choose another file…* takes any file, a copy on a USB stick
say; it is described the same way before anything is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.ui.restore.shelf import (
    BackupEntry,
    holds_words,
    kind_words,
    size_words,
    when_words,
)
from circlekeeper.ui.screen_fit import fit_to_screen
from circlekeeper.ui.table_keys import tab_leaves


class BackupChooser(QDialog):
    """Pick the copy to go back to; :attr:`chosen` holds it once the dialog is accepted."""

    def __init__(
        self,
        entries: Sequence[BackupEntry],
        pick_file: Callable[[QWidget], BackupEntry | None],
        parent: QWidget | None = None,
    ) -> None:
        """``pick_file`` asks for any other file and describes it (``None``: none chosen)."""
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.entries = list(entries)
        self.chosen: BackupEntry | None = None
        self._pick_file = pick_file
        intro = QLabel(
            _(
                "Choose the copy of your data to go back to. What CircleKeeper holds now is"
                " kept first, beside the database, so nothing is lost."
            )
        )
        intro.setWordWrap(True)
        self.table = tab_leaves(QTreeWidget())
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(False)
        self.table.setAccessibleName(_("Backups"))
        self.table.setHeaderLabels([_("Made"), _("Holds"), _("Size")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.rows = [_row(entry) for entry in self.entries]
        self.table.addTopLevelItems(self.rows)
        self.empty = QLabel(_("CircleKeeper has made no backups of this data yet."))
        self.empty.setVisible(not self.entries)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(_("&Restore…"))
        self.restore_button.setDefault(True)
        self.other_file = QPushButton(_("Choose another &file…"))
        self.other_file.setToolTip(_("A backup kept elsewhere, a copy on a USB stick"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_file, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_file.clicked.connect(self._choose_file)
        self.table.currentItemChanged.connect(lambda *_args: self._selection_changed())
        self.table.itemDoubleClicked.connect(lambda *_args: self._restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        first = next((i for i, e in enumerate(self.entries) if e.problem is None), 0)
        if self.rows:
            self.table.setCurrentItem(self.rows[first])
        self._selection_changed()
        fit_to_screen(self, 760, 460)
        self.table.setFocus()

    def selected(self) -> BackupEntry | None:
        row = self.table.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry.problem is None)
        self.reason.setText("" if entry is None else _reason(entry))
        self.reason.setVisible(entry is not None and entry.problem is not None)

    def _restore_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.problem is None:
            self.chosen = entry
            self.accept()

    def _choose_file(self) -> None:
        entry = self._pick_file(self)
        if entry is None:
            return
        self.entries.insert(0, entry)
        self.rows.insert(0, _row(entry))
        self.table.insertTopLevelItem(0, self.rows[0])
        self.empty.hide()
        self.table.setCurrentItem(self.rows[0])
        self._restore_selected()  # a good file goes on to the question at once


def _row(entry: BackupEntry) -> QTreeWidgetItem:
    made = f"{when_words(entry)}\n{kind_words(entry.kind)}"
    item = QTreeWidgetItem([made, holds_words(entry), size_words(entry.size)])
    item.setToolTip(0, str(entry.path))
    item.setToolTip(1, holds_words(entry))
    item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _reason(entry: BackupEntry) -> str:
    name = Path(entry.path).name
    return _("{file} cannot be restored: {reason}.").format(file=name, reason=entry.problem)
