"""*Start a circle* tells the truth about time, and offers the fix in one step.

When the people present × a fair-share round's minimum add up to more than its length, the
round is bound to run over. Just above the dialog's *Start the circle* button, outside the
scrolling body so no screen is too small to show it, this panel says so ("Sharing: 12 people ×
1:00 minimum = 12:00, more than the 10:00 planned") and offers both ways out, each button
showing its result: *Give this round 12:00* or *Lower the minimum to 0:50*. A fix is undone
with the *Undo* button beside it or Ctrl+Z, and the round's times stay editable in the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, ngettext
from circlekeeper.session.allotment import budget_overrun, minimum_that_fits
from circlekeeper.session.model import PolicyMode
from circlekeeper.ui.duration_box import DurationBox
from circlekeeper.ui.duration_text import format_seconds
from circlekeeper.ui.setup.plan_words import round_label
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor
from circlekeeper.ui.theme import colours_for


@dataclass(frozen=True, slots=True)
class _Overrun:
    row: int
    label: str
    people: int
    length: int
    minimum: int

    @property
    def needed(self) -> int:
        return self.people * self.minimum


@dataclass(frozen=True, slots=True)
class _Fix:
    """One adjustment, kept so it can be taken back."""

    box: DurationBox
    before: int
    said: str
    """What the fix did, shown beside its Undo button."""
    undone: str
    """What taking it back restores."""


class BudgetOffer(QWidget):
    """The warnings for rounds that cannot fit, their two fixes, and the last fix's undo."""

    def __init__(self, plan: RoundPlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._shown: tuple[_Overrun, ...] = ()
        self._fixes: list[_Fix] = []
        self.setAccessibleName(_("Time budget warning"))
        self._warnings = QVBoxLayout()
        self._warnings.setContentsMargins(0, 0, 0, 0)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setTextFormat(Qt.TextFormat.PlainText)
        self.done.setAccessibleName(_("Time budget adjusted"))
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the time adjustment"))
        self.undo_button.setToolTip(_("Put the round's time back as it was (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        done_row = QHBoxLayout()
        done_row.setContentsMargins(0, 0, 0, 0)
        done_row.addWidget(self.done, 1)
        done_row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._warnings)
        layout.addLayout(done_row)
        self._show_done()

    # ------------------------------------------------------------------ checking

    def check(self, people: int) -> None:
        """Show a warning, with its fixes, for each round ``people`` minimum turns outgrow."""
        overruns = tuple(self._overruns(people))
        if overruns == self._shown:
            return
        self._shown = overruns
        while self._warnings.count():
            item = self._warnings.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for overrun in overruns:
            self._warnings.addWidget(self._warning_row(overrun))
        self._refresh_visibility()

    def warnings(self) -> list[str]:
        """The warning sentences shown now, for the tests and screen readers alike."""
        return [
            label.text()
            for row in self._rows()
            for label in row.findChildren(QLabel)
            if label.objectName() == "budget-warning"
        ]

    def buttons(self) -> list[QPushButton]:
        return [button for row in self._rows() for button in row.findChildren(QPushButton)]

    def _rows(self) -> list[QWidget]:
        rows = []
        for index in range(self._warnings.count()):
            item = self._warnings.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                rows.append(widget)
        return rows

    def _overruns(self, people: int) -> list[_Overrun]:
        found = []
        for row in range(self._plan.table.rowCount()):
            plan = self._plan.round_at(row)
            if plan.policy.mode is PolicyMode.FAIR_SHARE and budget_overrun(plan.policy, people):
                found.append(
                    _Overrun(
                        row,
                        round_label(plan),
                        people,
                        round(plan.policy.seconds),
                        round(plan.policy.minimum),
                    )
                )
        return found

    def _warning_row(self, overrun: _Overrun) -> QWidget:
        row = QWidget()
        sentence = QLabel(
            ngettext(
                "{round}: {count} person × {minimum} minimum = {total},"
                " more than the {length} planned.",
                "{round}: {count} people × {minimum} minimum = {total},"
                " more than the {length} planned.",
                overrun.people,
            ).format(
                round=overrun.label,
                count=overrun.people,
                minimum=format_seconds(overrun.minimum),
                total=format_seconds(overrun.needed),
                length=format_seconds(overrun.length),
            )
        )
        sentence.setObjectName("budget-warning")
        sentence.setWordWrap(True)
        sentence.setTextFormat(Qt.TextFormat.PlainText)
        sentence.setStyleSheet(f"color: {colours_for(self.palette()).nearing};")
        longer = QPushButton(
            _("Give this round {total}").format(total=format_seconds(overrun.needed))
        )
        longer.setAccessibleName(longer.text())
        longer.setToolTip(
            _("{round} becomes {total} long, so everyone keeps at least {minimum}").format(
                round=overrun.label,
                total=format_seconds(overrun.needed),
                minimum=format_seconds(overrun.minimum),
            )
        )
        longer.clicked.connect(lambda: self._lengthen(overrun))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(longer)
        fits = minimum_that_fits(self._plan.round_at(overrun.row).policy, overrun.people)
        if fits is not None:
            lower = QPushButton(
                _("Lower the minimum to {minimum}").format(minimum=format_seconds(fits))
            )
            lower.setAccessibleName(lower.text())
            lower.setToolTip(
                _("{round} keeps its {length}; everyone is offered at least {minimum}").format(
                    round=overrun.label,
                    length=format_seconds(overrun.length),
                    minimum=format_seconds(fits),
                )
            )
            lower.clicked.connect(lambda: self._lower(overrun, fits))
            buttons.addWidget(lower)
        buttons.addStretch(1)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(sentence)
        layout.addLayout(buttons)
        return row

    # ------------------------------------------------------------------ fixing

    def _lengthen(self, overrun: _Overrun) -> None:
        said = _("{round} now lasts {total}.").format(
            round=overrun.label, total=format_seconds(overrun.needed)
        )
        undone = _("{round} is back to {length}.").format(
            round=overrun.label, length=format_seconds(overrun.length)
        )
        self._apply(self._plan.length(overrun.row), overrun.needed, said, undone)

    def _lower(self, overrun: _Overrun, minimum: int) -> None:
        said = _("{round}: everyone is now offered at least {minimum}.").format(
            round=overrun.label, minimum=format_seconds(minimum)
        )
        undone = _("{round}: the minimum is back to {minimum}.").format(
            round=overrun.label, minimum=format_seconds(overrun.minimum)
        )
        self._apply(self._plan.minimum(overrun.row), minimum, said, undone)

    def _apply(self, box: DurationBox, seconds: int, said: str, undone: str) -> None:
        self._fixes.append(_Fix(box, box.seconds(), said, undone))
        box.set_seconds(seconds)  # the plan's budgets_changed re-checks the warnings
        self._show_done()
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> bool:
        """Take back the last fix (Ctrl+Z); False when there is none left to take back."""
        while self._fixes:
            fix = self._fixes.pop()
            if shiboken6.isValid(fix.box):  # a round removed since has nothing to restore
                fix.box.set_seconds(fix.before)
                self._show_done(fix.undone)
                return True
        self._show_done()
        return False

    def _show_done(self, text: str | None = None) -> None:
        if text is None:
            text = self._fixes[-1].said if self._fixes else ""
        self.done.setText(text)
        self.done.setVisible(bool(text))
        self.undo_button.setVisible(bool(self._fixes))
        self._refresh_visibility()

    def _refresh_visibility(self) -> None:
        self.setVisible(bool(self._shown) or bool(self.done.text()))
