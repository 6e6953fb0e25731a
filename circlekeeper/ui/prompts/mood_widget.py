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
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.prompts.mood import VALUES, MoodMoment, MoodService, make_counts
from circlekeeper.session.prompts import MoodCounts


def value_words(value: int) -> str:
    """How a mood value reads (1 very low … 5 very good), in the active language."""
    words = {
        1: pgettext("mood", "very low"),
        2: pgettext("mood", "low"),
        3: pgettext("mood", "okay"),
        4: pgettext("mood", "good"),
        5: pgettext("mood", "very good"),
    }
    return words[value]


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
            words = value_words(value)
            caption = QLabel(f"&{value}\n{words}")  # Alt+1 … Alt+5: the number's count
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = QSpinBox()
            spin.setRange(0, 999)
            # Translators: a counter's name for screen readers: "How many chose 4 (good)".
            spin.setAccessibleName(
                _("How many chose {value} ({words})").format(value=value, words=words)
            )
            spin.valueChanged.connect(self._update)
            caption.setBuddy(spin)
            grid.addWidget(caption, 0, column)
            grid.addWidget(spin, 1, column)
            self.spins[value] = spin
        self.total = QLabel()
        self.total.setAccessibleName(_("Mood count total"))
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
        if self.present is None:
            text = _("Total: {total}").format(total=total)
        elif total > self.present:
            text = ngettext(
                "Total: {total} of {present} present — more than are here; please check the"
                " counts.",
                "Total: {total} of {present} present — more than are here; please check the"
                " counts.",
                self.present,
            ).format(total=total, present=self.present)
        else:
            text = ngettext(
                "Total: {total} of {present} present",
                "Total: {total} of {present} present",
                self.present,
            ).format(total=total, present=self.present)
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
        title = _("Check-in mood") if moment is MoodMoment.CHECK_IN else _("Check-out mood")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            _(
                "How many people chose each number, from 1 (very low) to 5 (very good)?"
                " Only the counts are kept, never who chose what. Skipping is fine."
            )
        )
        intro.setWordWrap(True)
        self.counts = MoodCountsWidget(moment, present=present)
        existing = service.for_session(session_id).get(moment)
        if existing is not None:
            self.counts.set_counts(existing)
        self.message = QLabel()
        self.message.setAccessibleName(_("Message"))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            # Translators: & marks the Alt+letter; each must differ from this dialog's others.
            _("&Save counts"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setAccessibleName(_("Save counts"))
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        skip = buttons.addButton(_("S&kip"), QDialogButtonBox.ButtonRole.RejectRole)
        skip.setAccessibleName(_("Skip the mood count"))
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
