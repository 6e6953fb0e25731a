"""*Late arrival*: someone of the circle walks in (found by typing any part of their name, in
any script), or someone new joins; the facilitator chooses whether they join this round or the
next.

The dialog only gathers the choice; adding a new person to the circle and telling the engine
are the main window's and the controller's jobs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.session.events import JoinPlace
from circlekeeper.session.model import Participant
from circlekeeper.ui.bidi_text import person_label
from circlekeeper.ui.length_limit import limit_length
from circlekeeper.ui.name_search import searchable
from circlekeeper.ui.placeholder_fit import fit_placeholder
from circlekeeper.ui.setup.newcomer_dialog import MAX_NAME, MAX_PRONOUNS

NEW_PERSON = -1
"""The list row that stands for someone not yet in the circle."""


@dataclass(frozen=True, slots=True)
class Arrival:
    """Who arrives (an existing member, or a new name and pronouns) and where they join."""

    member: Participant | None
    new_name: str
    new_pronouns: str
    place: JoinPlace


def matching(query: str, people: Sequence[Participant]) -> list[Participant]:
    """People whose name contains every word typed, in any order."""
    words = searchable(query).split()
    return [p for p in people if all(w in searchable(p.name) for w in words)]


class ArrivalDialog(QDialog):
    def __init__(
        self,
        roster: Sequence[Participant],
        *,
        in_round: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Late arrival"))
        self._roster = list(roster)
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Name"))
        limit_length(self.search, MAX_NAME)
        fit_placeholder(
            self.search,
            _("Type any part of a name, or a new person's name"),
            # Translators: the short form of "Type any part of a name, or a new person's name".
            _("A name, or part of one"),
        )
        self.people = QListWidget()
        self.people.setAccessibleName(_("People of the circle who are not here yet"))
        # With the whole circle here the list starts empty: a blank box read as broken, or as
        # a search that found nobody. It says why, and what typing does.
        self.everyone_here = QLabel(
            _("Everyone in this circle is here already. Type the name of someone new.")
        )
        self.everyone_here.setWordWrap(True)
        self.everyone_here.setVisible(not roster)
        self.pronouns = QLineEdit()
        self.pronouns.setAccessibleName(_("Pronouns"))
        limit_length(self.pronouns, MAX_PRONOUNS)
        fit_placeholder(
            self.pronouns,
            _("Someone new: pronouns, optional (e.g. she/her)"),
            # Translators: the short form of "Someone new: pronouns, optional (e.g. she/her)".
            _("Their pronouns (optional)"),
        )
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.this_round = QRadioButton(_("Joins at the &end of this round"))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.next_round = QRadioButton(_("Joins from the &next round"))
        self.this_round.setChecked(True)
        self._places = QButtonGroup(self)
        self._places.addButton(self.this_round)
        self._places.addButton(self.next_round)
        for radio in (self.this_round, self.next_round):
            radio.setEnabled(in_round)
        self.error = QLabel()
        self.error.setAccessibleName(_("Problem"))
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Wel&come them"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        who = QLabel(_("&Who has arrived?"))
        who.setBuddy(self.search)
        layout.addWidget(who)
        layout.addWidget(self.search)
        layout.addWidget(self.everyone_here)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.pronouns)
        layout.addWidget(self.this_round)
        layout.addWidget(self.next_round)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Tab from a new name goes to its pronouns (it stopped on the list's one "Someone new"
        # row first); for a member the pronouns are off and Tab goes on to the list.
        QWidget.setTabOrder(self.search, self.pronouns)
        QWidget.setTabOrder(self.pronouns, self.people)
        self.search.textChanged.connect(self._filter)
        self.people.currentRowChanged.connect(self._chosen)
        self.people.itemActivated.connect(lambda _item: self._accept())
        self.search.returnPressed.connect(self._accept)
        self._filter("")
        self.search.setFocus()

    def keyPressEvent(self, event) -> None:
        """Up and Down move through the list while typing, as in any type-ahead."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.search.hasFocus():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.people.count() - 1, self.people.currentRow() + step))
            self.people.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        self.people.clear()
        for person in matching(text, self._roster):
            item = QListWidgetItem(person_label(person.name, person.pronouns))
            item.setData(Qt.ItemDataRole.UserRole, self._roster.index(person))
            self.people.addItem(item)
        typed = text.strip()
        if typed and not any(searchable(p.name) == searchable(typed) for p in self._roster):
            item = QListWidgetItem(_("Someone new: {name}").format(name=typed))
            item.setData(Qt.ItemDataRole.UserRole, NEW_PERSON)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self._chosen(self.people.currentRow())

    def _chosen(self, row: int) -> None:
        self.pronouns.setEnabled(self._chosen_index(row) == NEW_PERSON)

    def _chosen_index(self, row: int) -> int | None:
        item = self.people.item(row) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _accept(self) -> None:
        if self._chosen_index(self.people.currentRow()) is None:
            self.error.setText(_("Type a name: choose someone of the circle, or add someone new."))
            self.error.show()
            return
        self.accept()

    def arrival(self) -> Arrival | None:
        index = self._chosen_index(self.people.currentRow())
        if index is None:
            return None
        place = JoinPlace.NEXT_ROUND if self.next_round.isChecked() else JoinPlace.THIS_ROUND
        if index == NEW_PERSON:
            return Arrival(None, self.search.text().strip(), self.pronouns.text().strip(), place)
        return Arrival(self._roster[index], "", "", place)


ArrivalAsker = Callable[[QWidget, Sequence[Participant], bool], Arrival | None]


def ask_arrival(parent: QWidget, roster: Sequence[Participant], in_round: bool) -> Arrival | None:
    dialog = ArrivalDialog(roster, in_round=in_round, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.arrival()
    finally:
        dialog.deleteLater()
