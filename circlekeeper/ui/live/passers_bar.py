"""*Anyone who passed may speak now*: passing is always fine, and so is changing your mind.

Shown when nobody is left waiting in a round and someone passed: one key per person (1–9) gives
them a turn with what is left of the round, and N closes the round as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

MAX_KEYS = 9


class PassersBar(QFrame):
    """The people who passed, each a button with a number key."""

    hear_requested = Signal(str)
    """A person id: give them a turn after all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passersBar")
        self.setAccessibleName("Anyone who passed may speak now")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.title, 1)
        self._buttons: list[QPushButton] = []
        self._people: list[str] = []
        self.hide()

    @property
    def people(self) -> list[str]:
        return list(self._people)

    def show_passers(self, people: Sequence[str], label: Callable[[str], str]) -> None:
        people = list(people)
        if people == self._people and self.isVisible() == bool(people):
            return
        self._people = people
        for button in self._buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        if not people:
            self.hide()
            return
        names = ", ".join(label(p) for p in people)
        self.title.setText(f"Anyone who passed may speak now: {names}. N closes the round.")
        for number, person_id in enumerate(people[:MAX_KEYS], start=1):
            button = QPushButton(f"{label(person_id)}  [{number}]")
            button.setAccessibleName(f"Give {label(person_id)} a turn")
            button.setToolTip(f"{label(person_id)} speaks now, with what is left of the round")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, pid=person_id: self.hear_requested.emit(pid))
            self._row.addWidget(button)
            self._buttons.append(button)
        self.show()

    def press(self, number: int) -> None:
        """The number key ``number`` (1-based) was pressed."""
        if self.isVisible() and 1 <= number <= min(len(self._people), MAX_KEYS):
            self.hear_requested.emit(self._people[number - 1])
