"""The filter bar above the sessions table: circle, dates, person, status and text.

Choices go out as one :class:`SessionFilter`; typing in the search box waits for a short pause
so each keystroke does not query the database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from circlekeeper.history.records import SessionFilter
from circlekeeper.i18n import _, pgettext
from circlekeeper.ui.date_field import DateField
from circlekeeper.ui.history.choices import prepare_combo
from circlekeeper.ui.history.session_table import status_word

TEXT_PAUSE_MS = 300
STATUSES = (None, "ended", "abandoned", "live")
"""The statuses a facilitator can filter by (``None``: any), in the order offered."""


def day_start_utc(day: date) -> datetime:
    """Midnight of ``day`` on this computer's clock, as UTC (what a person means by a date)."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


class FilterBar(QWidget):
    changed = Signal(object)
    """Carries the new :class:`SessionFilter`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Session filters"))
        self.circle = QComboBox()
        self.circle.setAccessibleName(_("Circle filter"))
        prepare_combo(self.circle)
        self.person = QComboBox()
        prepare_combo(self.person)
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setAccessibleName(_("Person filter"))
        completer = self.person.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.since = DateField(_("From date"), blank=_("any date"))
        self.until = DateField(_("To date"), blank=_("any date"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status filter"))
        for value in STATUSES:
            self.status.addItem(_("Any status") if value is None else status_word(value), value)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_("Search prompts and summaries"))
        self.text.setAccessibleName(_("Search prompts and summaries"))
        self.text.setClearButtonEnabled(True)
        self.clear_button = QPushButton(_("C&lear filters"))
        self.clear_button.setAccessibleName(_("Clear filters"))

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TEXT_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self._quiet = False

        # Three short rows rather than two long ones: the bar sets the history page's least
        # width, and with it the whole window's on a small laptop screen.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        placed = (
            (0, 0, _("Circle"), self.circle),
            (0, 2, _("Person"), self.person),
            # Translators: the first day of a range of dates ("From … To …").
            (1, 0, pgettext("date range", "From"), self.since),
            # Translators: the last day of a range of dates ("From … To …").
            (1, 2, pgettext("date range", "To"), self.until),
            (2, 0, _("Status"), self.status),
        )
        for row, column, label, widget in placed:
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption, row, column)
            layout.addWidget(widget, row, column + 1)
        layout.addWidget(self.text, 2, 2, 1, 3)
        layout.addWidget(self.clear_button, 0, 4)
        layout.setColumnStretch(1, 2)
        layout.setColumnStretch(3, 2)

        self.circle.currentIndexChanged.connect(self._emit)
        self.person.activated.connect(self._emit)
        line = self.person.lineEdit()
        assert line is not None  # an editable combo box has one
        line.editingFinished.connect(self._person_typed)
        self.since.changed.connect(self._emit)
        self.until.changed.connect(self._emit)
        self.status.currentIndexChanged.connect(self._emit)
        self.text.textChanged.connect(lambda _text: self._pause.start())
        self.clear_button.clicked.connect(self.clear)

    def set_choices(self, circles: QAbstractItemModel, people: QAbstractItemModel) -> bool:
        """Models from :func:`choice_model` whose first row means "any".

        The chosen circle and person stay chosen if they are still in the lists; returns
        whether the filter changed because one of them is gone.
        """
        before = self.current()
        self._quiet = True
        try:
            self.circle.setModel(circles)
            self.circle.setCurrentIndex(max(0, self.circle.findData(before.circle_id)))
            self.person.setModel(people)
            self.person.setCurrentIndex(max(0, self.person.findData(before.person_id)))
        finally:
            self._quiet = False
        return self.current() != before

    def select_circle(self, circle_id: int | None) -> None:
        self.circle.setCurrentIndex(max(0, self.circle.findData(circle_id)))

    def select_person(self, person_id: int | None) -> None:
        self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        self._emit()

    def set_dates(self, since: date | None, until: date | None) -> None:
        self._quiet = True
        try:
            self.since.set_day(since)
            self.until.set_day(until)
        finally:
            self._quiet = False
        self._emit()

    def clear(self) -> None:
        self._quiet = True
        try:
            self.circle.setCurrentIndex(0)
            self.person.setCurrentIndex(0)
            self.since.set_day(None)
            self.until.set_day(None)
            self.status.setCurrentIndex(0)
            self.text.clear()
        finally:
            self._quiet = False
        self._pause.stop()
        self._emit()

    def _person_typed(self) -> None:
        typed = self.person.currentText().strip()
        index = self.person.findText(typed, Qt.MatchFlag.MatchFixedString)
        self.person.setCurrentIndex(index if index >= 0 else 0)
        self._emit()

    def current(self) -> SessionFilter:
        since = self.since.day()
        until = self.until.day()
        return SessionFilter(
            circle_id=self.circle.currentData(),
            since=None if since is None else day_start_utc(since),
            until=None if until is None else day_start_utc(until + timedelta(days=1)),
            person_id=self.person.currentData(),
            status=self.status.currentData(),
            text=self.text.text(),
        )

    def flush(self) -> None:
        """Apply typed text now (Enter, or a test that does not want to wait)."""
        if self._pause.isActive():
            self._pause.stop()
            self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit(self.current())
