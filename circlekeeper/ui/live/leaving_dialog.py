"""*Someone leaves*: whose leaving to record, chosen on purpose.

Qt's item dialog opened on its first item, so Ctrl+K then Enter (one press too many, or a
habit from other dialogs) took the first person present, often whoever was speaking, out of
the circle. Here the list opens on nobody, saying what to do, and OK stays greyed until
someone is chosen (by typing the first letters, the arrow keys, or the list).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _


class LeavingDialog(QDialog):
    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Someone leaves"))
        self.people = QComboBox()
        self.people.addItems(list(names))
        self.people.setPlaceholderText(_("Choose who is leaving"))
        self.people.setCurrentIndex(-1)
        # Translators: & marks the Alt+letter of the list of names (Qt's OK and Cancel are
        # beside it).
        who = QLabel(_("&Who is leaving the circle?"))
        who.setBuddy(self.people)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.record = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.record.setEnabled(False)
        self.people.currentIndexChanged.connect(lambda row: self.record.setEnabled(row >= 0))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.people)
        layout.addWidget(buttons)
        self.people.setFocus()

    def chosen(self) -> int | None:
        row = self.people.currentIndex()
        return row if row >= 0 else None


def ask_leaving(parent: QWidget, names: Sequence[str]) -> int | None:
    """The index in ``names`` of whoever leaves, or None when nobody was chosen."""
    dialog = LeavingDialog(names, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
