"""The filter bar above the sessions table: circle, dates, person, status and text.

Choices go out as one :class:`SessionFilter`; typing in the search box waits for a short pause
so each keystroke does not query the database.

The search box is always in sight, with a *Filters* button beside it that shows or hides the
other choices (circle, person, dates, status). On a short window (1024×600) they start
folded away: their three rows took a quarter of the history's height, and the table showed
three sessions. The button counts the filters in use ("Filters (2)"), so a folded filter is
never a hidden one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.history.records import SessionFilter
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.ui.date_field import DateField
from circlekeeper.ui.history.choices import prepare_combo
from circlekeeper.ui.history.format import count
from circlekeeper.ui.history.session_table import status_word
from circlekeeper.ui.name_search import find_anywhere

TEXT_PAUSE_MS = 300
SHORT_PAGE = 560
"""A history page less tall than this (a 1024×600 screen's: about 470) folds the filters
away, so the table shows as many sessions as it can; 1366×768 gives it about 610."""
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
        self.fold_button = QPushButton()
        self.fold_button.setCheckable(True)
        self.fold_button.setChecked(True)
        self.fold_button.setAccessibleName(_("Show the filters"))
        self.fold_button.setToolTip(
            _("Show or hide the choice of circle, person, dates and status")
        )
        self._folded_by_hand = False

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TEXT_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self._quiet = False

        # The search, the button that unfolds the rest and the one that clears them: one line.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.text, 1)
        top.addWidget(self.fold_button)
        top.addWidget(self.clear_button)
        # The folding choices: short rows rather than long ones, as the bar sets the history
        # page's least width, and with it the whole window's on a small laptop screen.
        self.drawer = QWidget()
        self.drawer.setAccessibleName(_("Circle, person, dates and status"))
        grid = QGridLayout(self.drawer)
        grid.setContentsMargins(0, 0, 0, 0)
        placed = (
            (0, 0, _("Circle"), self.circle),
            (0, 2, _("Person"), self.person),
            # Translators: the first day of a range of dates ("From … To …").
            (1, 0, pgettext("date range", "From"), self.since),
            # Translators: the last day of a range of dates ("From … To …").
            (1, 2, pgettext("date range", "To"), self.until),
            (0, 4, _("Status"), self.status),
        )
        for row, column, label, widget in placed:
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.drawer)
        self.fold_button.toggled.connect(self._unfolded_by_hand)
        self.changed.connect(lambda _filter: self._name_the_button())
        self._name_the_button()

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

    # ------------------------------------------------------------ folding

    def unfolded(self) -> bool:
        """Whether the circle, person, dates and status choices are in sight."""
        return self.fold_button.isChecked()

    def fold_for(self, page_height: int) -> None:
        """Fold the choices away on a short page and unfold them on a tall one, unless the
        facilitator has shown or hidden them by hand: then they stay as they were put."""
        short = page_height < SHORT_PAGE
        if not self._folded_by_hand and self.unfolded() == short:
            quiet = self.fold_button.blockSignals(True)
            self.fold_button.setChecked(not short)
            self.fold_button.blockSignals(quiet)
            self._show_drawer()

    def _unfolded_by_hand(self, _unfolded: bool) -> None:
        self._folded_by_hand = True
        self._show_drawer()

    def _show_drawer(self) -> None:
        self.drawer.setVisible(self.unfolded())
        self._name_the_button()

    def in_use(self) -> int:
        """How many of the folding choices narrow the sessions (the search is in sight)."""
        chosen = self.current()
        return sum(
            value is not None
            for value in (chosen.circle_id, chosen.person_id, chosen.since, chosen.until)
        ) + (chosen.status is not None)

    def _name_the_button(self) -> None:
        used = self.in_use()
        arrow = "▴" if self.unfolded() else "▾"
        if used:
            # Translators: the button that shows or hides the history's filters, with how
            # many of them are in use; & marks its Alt key. ▾/▴ follows.
            text = ngettext("&Filters ({count})", "&Filters ({count})", used).format(
                count=count(used)
            )
        else:
            # Translators: the button that shows or hides the history's filters (circle,
            # person, dates, status); & marks its Alt key.
            text = _("&Filters")
        self.fold_button.setText(f"{text} {arrow}")

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
            find_anywhere(self.person)  # typing "Chen" lists "Li Chen"
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
        self._name_the_button()
