"""The circle editor's *Meets* setting: how often the circle plans to meet, and from when.

A list of the cadences (no fixed schedule first, the default for every circle until someone
chooses), a tick box for a first planned meeting with its date, and one line that says the
choice back in words ("On the second Tuesday of each month, from 10 March 2026"), so the
meaning of *once a month* is never a guess. The period report sets the sessions held against
it; without a date, the circle's first session stands in for the first meeting.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.ui.date_field import display_format as date_display_format
from circlekeeper.ui.setup.cadence_words import cadence_words


class CadenceChoice(QWidget):
    """Edits a :class:`Cadence`; ``today`` is the date offered when a first meeting is ticked."""

    def __init__(
        self, cadence: Cadence, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("How often the circle meets"))
        self.kind.setToolTip(
            _("The period report sets the sessions held beside the sessions this plans for")
        )
        for kind in CadenceKind:
            self.kind.addItem(kind.label, kind.value)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        self.has_start = QCheckBox(_("Firs&t meeting on"))
        self.has_start.setAccessibleName(_("The schedule has a first meeting"))
        self.has_start.setToolTip(
            _(
                "Its weekday (and, once a month, its week of the month) sets the schedule;"
                " without a date the circle's first session does"
            )
        )
        self.start = QDateEdit()
        self.start.setAccessibleName(_("First planned meeting"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_display_format())
        self.start.setDate(_qdate(cadence.since or today or date.today()))
        self.words = TwoLines()
        self.words.setAccessibleName(_("The schedule in words"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(cadence.kind.value)))
        self.has_start.setChecked(cadence.since is not None)

        # The first meeting on a line of its own: beside the list it widened the editor
        # (by 100 pixels in French), which has little to spare on a 1024-pixel screen.
        start = QHBoxLayout()
        start.setContentsMargins(0, 0, 0, 0)
        start.addWidget(self.has_start)
        start.addWidget(self.start)
        start.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.kind)
        layout.addLayout(start)
        layout.addWidget(self.words)
        self.kind.currentIndexChanged.connect(self._changed)
        self.has_start.toggled.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        self._changed()

    def cadence(self) -> Cadence:
        """The cadence as the controls hold it (a date only with a schedule and the box ticked)."""
        kind = CadenceKind(self.kind.currentData())
        if kind is CadenceKind.NONE or not self.has_start.isChecked():
            return Cadence(kind)
        picked = self.start.date()
        return Cadence(kind, date(picked.year(), picked.month(), picked.day()))

    def _changed(self, *_args: object) -> None:
        cadence = self.cadence()
        planned = cadence.is_planned
        self.has_start.setEnabled(planned)
        self.start.setEnabled(planned and self.has_start.isChecked())
        if planned:
            self.words.setText(cadence_words(cadence))
        else:
            self.words.setText(
                _("Reports count the sessions held, with no plan to compare them with.")
            )


class TwoLines(QLabel):
    """A plain-text label, two lines high unless its words need more at its width.

    A wrapping label normally asks for a height for each width, and one such child makes the
    editor's scroll area lay the whole editor out at its preferred height: at 1024×600 that
    pushed the round plan below the window. This one says no, and sets its own height when
    its width or its words change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self._fit()

    def hasHeightForWidth(self) -> bool:
        return False

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        two = 2 * self.fontMetrics().lineSpacing() + 2
        needed = super().heightForWidth(self.width()) if self.width() > 0 else two
        height = max(two, needed)
        if height != self.height():
            self.setFixedHeight(height)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
