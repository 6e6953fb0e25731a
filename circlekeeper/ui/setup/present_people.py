"""*Start a circle*'s list of who is here: the circle's members ticked present, newcomers
added for today, in the room's seating order.

A mixin of :class:`~circlekeeper.ui.setup.setup_dialog.SetupDialog`, which builds the list
and supplies what is declared here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QWidget

from circlekeeper.i18n import _
from circlekeeper.session.model import Participant
from circlekeeper.ui.bidi_text import person_label
from circlekeeper.ui.setup.newcomer_dialog import ask_newcomer
from circlekeeper.ui.setup.seating_list import SeatingList

PERSON = Qt.ItemDataRole.UserRole
NEWCOMER = Qt.ItemDataRole.UserRole + 1


class PresentPeople:
    """Who is here; the dialog supplies what is declared here."""

    present: SeatingList
    first: QComboBox
    _newcomers: list[Participant]
    _counter: int

    def _preview(self, *args: object) -> None:
        raise NotImplementedError

    @property
    def as_widget(self) -> QWidget:
        """The dialog itself, as the parent of the dialogs it opens."""
        assert isinstance(self, QWidget)
        return self

    def _add_person_item(self, person: Participant, *, newcomer: bool) -> None:
        text = person_label(person.name, person.pronouns)
        if newcomer:
            text = _("{person}  — new today").format(person=text)
        item = QListWidgetItem(text)
        item.setData(PERSON, person)
        item.setData(NEWCOMER, newcomer)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setToolTip(text)
        self.present.addItem(item)

    def add_newcomer(self, person: Participant) -> None:
        self._newcomers.append(person)
        self._add_person_item(person, newcomer=True)
        self._refresh_first()
        self._preview()

    def _add_newcomer(self) -> None:
        self._counter += 1
        person = ask_newcomer(self.as_widget, f"new-{self._counter}")
        if person is not None:
            self.add_newcomer(person)

    def seating(self) -> list[Participant]:
        """Ticked people in the order of the list (the room's seating)."""
        people = []
        for row in range(self.present.count()):
            item = self.present.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                people.append(item.data(PERSON))
        return people

    def _refresh_first(self) -> None:
        current = self.first.currentData()
        self.first.blockSignals(True)
        self.first.clear()
        for person in self.seating():
            self.first.addItem(person_label(person.name, person.pronouns), person.person_id)
        index = self.first.findData(current)
        self.first.setCurrentIndex(max(0, index))
        self.first.blockSignals(False)
