"""*Started late…*: the speaker began before the timer did; how long ago did they really begin?

The answer is a length of time, typed as everywhere else in CircleKeeper ("0:45", "45s", or
"1" for a minute) in the shared :class:`DurationBox`. The field starts at what the timer shows
plus half a minute, and says so, so the figure in it is never a mystery; Up/Down adjust it.
Text the field cannot read, or a time no earlier than the timer's, keeps the dialog open with
the reason written under the field, and nothing is changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.session.model import format_duration
from circlekeeper.ui.duration_box import DurationBox
from circlekeeper.ui.duration_text import format_seconds

SUGGESTED_EXTRA = 30
"""Seconds added to the timer's figure for the field's first value: a typical late start."""
LONGEST = 24 * 3600


class LateStartDialog(QDialog):
    """Asks how long ago the turn began; :meth:`seconds` once accepted."""

    def __init__(
        self, spoken: float, longest: float | None = None, parent: QWidget | None = None
    ) -> None:
        """``longest``: the most seconds ago the turn can have begun (since the turn before it
        ended); the field offers nothing earlier."""
        super().__init__(parent)
        self.setWindowTitle(_("Started late"))
        self.setAccessibleName(_("Started late"))
        shown = format_duration(spoken)
        earliest = math.floor(spoken) + 1
        suggested = math.floor(spoken) + SUGGESTED_EXTRA
        latest = LONGEST
        if longest is not None and math.floor(longest) >= earliest:
            latest = math.floor(longest)
        since_last_turn = suggested > latest
        suggested = min(suggested, latest)
        question = QLabel(
            # Translators: & marks the Alt+letter; each must differ from this dialog's others.
            _(
                "The timer shows {time} for this turn. How long &ago did the speaker really begin?"
            ).format(time=shown)
        )
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        self.box = DurationBox(suggested, minimum=earliest, maximum=latest)
        self.box.setAccessibleName(_("The speaker began this long ago"))
        question.setBuddy(self.box)
        filled = (
            _("Filled in: {suggested}, when the turn before ended.")
            if since_last_turn
            else _("Filled in: {suggested}, half a minute more than the timer.")
        )
        hint = QLabel(
            filled.format(suggested=format_seconds(suggested))
            + " "
            + _("Type 0:45, 45s or 1 (a minute), or use Up and Down.")
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel()
        self.problem.setObjectName("durationProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(_("What could not be read"))
        self.problem.hide()
        self.box.lineEdit().textEdited.connect(lambda _text: self.problem.hide())
        self.box.refused.connect(self._say_problem)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        ok.setText(_("Count from &then"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.box)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.box.setFocus()
        self.box.lineEdit().selectAll()

    def seconds(self) -> int:
        return self.box.seconds()

    def accept(self) -> None:
        """Only a time the field could read, and earlier than the timer's start."""
        if not self.box.take_typed():
            self._say_problem(self.box.refusal())
            return
        super().accept()

    def _say_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.box.setFocus()
        self.box.lineEdit().selectAll()


def ask_late_start(parent: QWidget, spoken: float, longest: float | None = None) -> int | None:
    """Seconds ago the turn really began, or None when the facilitator cancels."""
    dialog = LateStartDialog(spoken, longest, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    seconds = dialog.seconds()
    dialog.deleteLater()
    return seconds if accepted else None


__all__ = ["LateStartDialog", "ask_late_start"]
