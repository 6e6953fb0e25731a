"""*Add a newcomer*: their name and pronouns exactly as they give them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from circlekeeper.i18n import _
from circlekeeper.session.model import Participant
from circlekeeper.ui.length_limit import limit_length

MAX_NAME = 200
"""Long enough for any real name in any script; a pasted novel is cut, not refused (and the
field says so: ``length_limit``)."""
MAX_PRONOUNS = 60

SHOWN_CHARACTERS = 40
"""Characters of a name in sight as it is typed (the dialog opened at its buttons' width,
its hints cut off and its title bar "Add a per…cleKeeper")."""


class NewcomerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, title: str | None = None) -> None:
        """``title`` names what the person is added as (a newcomer, by default)."""
        super().__init__(parent)
        self.setWindowTitle(title or _("Add a newcomer"))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        limit_length(self.name, MAX_NAME)
        self.name.setPlaceholderText(_("As they would like to be called"))
        self.pronouns = QLineEdit()
        self.pronouns.setAccessibleName(_("Pronouns"))
        limit_length(self.pronouns, MAX_PRONOUNS)
        self.pronouns.setPlaceholderText(_("Optional, e.g. she/her, they/them"))
        self.error = QLabel()
        self.error.setAccessibleName(_("Problem"))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        for field in (self.name, self.pronouns):
            metrics = field.fontMetrics()
            hint = metrics.horizontalAdvance(field.placeholderText()) + 24
            field.setMinimumWidth(max(hint, SHOWN_CHARACTERS * metrics.averageCharWidth()))
        form = QFormLayout(self)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Name"), self.name)
        # Translators: & marks the Alt+letter; it must differ from "&Name"'s.
        form.addRow(_("&Pronouns"), self.pronouns)
        form.addRow(self.error)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(_("Please enter a name (any script is fine)."))
            self.error.show()
            return
        self.accept()


def ask_newcomer(
    parent: QWidget | None, person_id: str, title: str | None = None
) -> Participant | None:
    dialog = NewcomerDialog(parent, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Participant(person_id, dialog.name.text().strip(), dialog.pronouns.text().strip())
