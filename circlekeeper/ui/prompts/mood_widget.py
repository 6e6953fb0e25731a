"""Anonymous mood counts: five steppers (how many chose 1, 2, 3, 4, 5) and their total.

Only counts are entered, never names, so nobody can be picked out later. When the number of
people present is known the total is checked against it as the facilitator types.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.prompts.mood import VALUES, MoodMoment, MoodService, make_counts
from circlekeeper.session.prompts import MoodCounts

VALUE_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}


class MoodCountsWidget(QWidget):
    changed = Signal()

    def __init__(
        self,
        moment: MoodMoment | str = MoodMoment.CHECK_IN,
        *,
        present: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.moment = MoodMoment(moment)
        self.present = present
        self.spins: dict[int, QSpinBox] = {}
        grid = QGridLayout()
        for column, value in enumerate(VALUES):
            caption = QLabel(f"{value}\n{VALUE_WORDS[value]}")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setAccessibleName(f"How many chose {value} ({VALUE_WORDS[value]})")
            spin.valueChanged.connect(self._update)
            caption.setBuddy(spin)
            grid.addWidget(caption, 0, column)
            grid.addWidget(spin, 1, column)
            self.spins[value] = spin
        self.total = QLabel()
        self.total.setAccessibleName("Mood count total")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        self._update()

    def counts(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.spins.items()}

    def set_counts(self, counts: MoodCounts | dict[int, int]) -> None:
        values = counts.counts if isinstance(counts, MoodCounts) else counts
        for value, spin in self.spins.items():
            spin.setValue(int(values.get(value, 0)))

    def value(self) -> MoodCounts:
        """Validated counts; raises :class:`MoodCountsInvalid` if they exceed those present."""
        return make_counts(self.moment, self.counts(), present=self.present)

    def is_valid(self) -> bool:
        return self.present is None or sum(self.counts().values()) <= self.present

    def _update(self) -> None:
        total = sum(self.counts().values())
        text = f"Total: {total}"
        if self.present is not None:
            text += f" of {self.present} present"
            if total > self.present:
                text += " — more than are here; please check the counts."
        self.total.setText(text)
        self.changed.emit()


class MoodCountDialog(QDialog):
    """Enter and save one moment's counts; nothing is saved when every count is zero."""

    def __init__(
        self,
        service: MoodService,
        session_id: int,
        moment: MoodMoment | str,
        *,
        present: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._session_id = session_id
        moment = MoodMoment(moment)
        title = "Check-in mood" if moment is MoodMoment.CHECK_IN else "Check-out mood"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            "How many people chose each number, from 1 (very low) to 5 (very good)? "
            "Only the counts are kept, never who chose what. Skipping is fine."
        )
        intro.setWordWrap(True)
        self.counts = MoodCountsWidget(moment, present=present)
        existing = service.for_session(session_id).get(moment)
        if existing is not None:
            self.counts.set_counts(existing)
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save counts", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName("Save counts")
        skip = buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        skip.setAccessibleName("Skip the mood count")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.counts.changed.connect(lambda: self.save_button.setEnabled(self.counts.is_valid()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.saved: MoodCounts | None = None

    def _save(self) -> None:
        try:
            self.saved = self._service.record(
                self._session_id,
                self.counts.moment,
                self.counts.counts(),
                present=self.counts.present,
            )
        except UserFacingError as error:
            self.message.setText(str(error))
            return
        self.accept()
