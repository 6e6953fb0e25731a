"""Someone new joins: their name and pronouns exactly as they give them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from circlekeeper.session.model import Participant

MAX_NAME = 200
"""Long enough for any real name in any script; a pasted novel is cut, not refused."""


class NewcomerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, title: str = "Someone new joins") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText("As they would like to be called")
        self.pronouns = QLineEdit()
        self.pronouns.setAccessibleName("Pronouns")
        self.pronouns.setMaxLength(60)
        self.pronouns.setPlaceholderText("Optional, e.g. she/her, they/them")
        self.error = QLabel()
        self.error.setAccessibleName("Problem")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Pronouns", self.pronouns)
        form.addRow(self.error)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText("Please enter a name (any script is fine).")
            self.error.show()
            return
        self.accept()


def ask_newcomer(
    parent: QWidget | None, person_id: str, title: str = "Someone new joins"
) -> Participant | None:
    dialog = NewcomerDialog(parent, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Participant(person_id, dialog.name.text().strip(), dialog.pronouns.text().strip())
