"""*Anyone who passed may speak now*: passing is always fine, and so is changing your mind.

Shown when nobody is left waiting in a round and someone passed: one key per person (1–9) gives
them a turn with what is left of the round, and N closes the round as usual.

The bar has a fixed height (one line of words, one row of buttons) that the live screen keeps
for it under the ring, and its buttons share the width it is given, long names shortened with
"…" (the whole name is the tooltip): at 1024×600 it no longer pushed into the ring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_list
from circlekeeper.ui.bidi_text import literal_ampersands
from circlekeeper.ui.live.fitted_label import FittedLabel

MAX_KEYS = 9


class PassersBar(QFrame):
    """The people who passed, each a button with a number key."""

    hear_requested = Signal(str)
    """A person id: give them a turn after all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passersBar")
        self.setAccessibleName(_("Anyone who passed may speak now"))
        self.title = FittedLabel(1)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.title)
        self._column.addLayout(self._row)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._buttons: list[QPushButton] = []
        self._people: list[str] = []
        self._names: list[str] = []
        self.hide()

    @property
    def people(self) -> list[str]:
        return list(self._people)

    def reserved_height(self) -> int:
        """The bar's height with its buttons, shown or not (the room kept for it)."""
        spacing = max(0, self._column.spacing())
        button = QPushButton("Ag  [1]").sizeHint().height()
        return self.title.sizeHint().height() + spacing + button

    def show_passers(self, people: Sequence[str], label: Callable[[str], str]) -> None:
        people = list(people)
        if people == self._people and self.isVisible() == bool(people):
            return
        self._people = people
        for button in self._buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        self._names = []
        if not people:
            self.hide()
            return
        names = format_list(label(p) for p in people)
        self.title.set_full_text(
            _("Anyone who passed may speak now: {names}. N closes the round.").format(names=names)
        )
        for person_id in people[:MAX_KEYS]:
            name = label(person_id)
            button = QPushButton()
            button.setAccessibleName(_("Give {name} a turn").format(name=name))
            button.setToolTip(
                _("{name} speaks now, with what is left of the round").format(name=name)
            )
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, pid=person_id: self.hear_requested.emit(pid))
            self._row.addWidget(button)
            self._buttons.append(button)
            self._names.append(name)
        self._label_buttons()
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def _label_buttons(self) -> None:
        """Each button's name shortened to its share of the width, its key always shown."""
        if not self._buttons:
            return
        spacing = max(0, self._row.spacing())
        share = (self.width() - spacing * (len(self._buttons) - 1)) // len(self._buttons)
        for number, (button, name) in enumerate(zip(self._buttons, self._names, strict=True), 1):
            key = f"  [{number}]"
            metrics = QFontMetrics(button.font())
            room = max(0, share - metrics.horizontalAdvance(key) - 24)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            button.setText(f"{literal_ampersands(shown)}{key}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._label_buttons()

    def press(self, number: int) -> None:
        """The number key ``number`` (1-based) was pressed."""
        if self.isVisible() and 1 <= number <= min(len(self._people), MAX_KEYS):
            self.hear_requested.emit(self._people[number - 1])
