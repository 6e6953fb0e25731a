"""The history's *Period* tab: the period report's figures on screen for a chosen period.

The figures come from the same query (``HistoryQueries.period``) and the same rows
(:func:`circlekeeper.reports.period.glance_rows`) as the PDF and the CSV, so what the
coordinator sees is what the board gets. Counting runs on the worker thread with a progress
bar; saving the PDF or CSV goes through a *saver* the application provides (it knows the
store's settings and privacy levels).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.session.period_figures import PeriodFigures, PeriodScope
from circlekeeper.ui.history.background import Background
from circlekeeper.ui.history.choices import prepare_combo

PeriodSaver = Callable[[QWidget, PeriodScope, str, bool], object]
"""(parent, scope, ``"pdf"`` or ``"csv"``, attendance grid wanted) → the running export."""
PRESETS = ("Last month", "This month", "Last 3 months", "Last 12 months", "This year", "Last year")
CIRCLE_COLUMNS = (
    "Circle",
    "Sessions",
    "People",
    "New",
    "Came back",
    "Avg. present",
    "Trend",
    "Avg. length",
    "Fairness",
    "Passed",
    "Prompts",
)


def preset_days(name: str, today: date) -> tuple[date, date]:
    """The first and last day of a named period, as a coordinator means it."""
    first_of_month = today.replace(day=1)
    if name == "This month":
        return first_of_month, today
    if name == "Last month":
        last = first_of_month - timedelta(days=1)
        return last.replace(day=1), last
    if name == "Last 3 months":
        return _months_before(first_of_month, 3), first_of_month - timedelta(days=1)
    if name == "Last 12 months":
        return _months_before(first_of_month, 12), first_of_month - timedelta(days=1)
    if name == "This year":
        return date(today.year, 1, 1), today
    if name == "Last year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(name)


def _months_before(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


class _Progress(QObject):
    """Carries progress from the worker thread to the bar (a queued signal)."""

    moved = Signal(int, int)


class PeriodView(QWidget):
    figures_shown = Signal(object)

    def __init__(
        self,
        source: Any,
        background: Background,
        *,
        saver: PeriodSaver | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Period figures")
        self._source = source
        self._background = background
        self._saver = saver
        self.figures: PeriodFigures | None = None
        self.circle = QComboBox()
        self.circle.setAccessibleName("Period circle")
        prepare_combo(self.circle, 24)
        self.preset = QComboBox()
        self.preset.setAccessibleName("Period")
        self.preset.addItems([*PRESETS, "Chosen dates"])
        self.first = self._date_edit("First day")
        self.last = self._date_edit("Last day")
        self.show_button = QPushButton("S&how figures")
        self.show_button.setAccessibleName("Show figures")
        self.grid_box = QCheckBox("Attendance &grid in the PDF")
        self.grid_box.setToolTip(
            "Who came to which session, for circles whose printed summaries show initials or names"
        )
        self.pdf_button = QPushButton("Save P&DF…")
        self.pdf_button.setAccessibleName("Save the period report as PDF")
        self.csv_button = QPushButton("Save CS&V…")
        self.csv_button.setAccessibleName("Save the period figures as CSV")
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(saver is not None)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Counting progress")
        self.progress.setVisible(False)
        self.heading = QLabel("Choose a period and press Show figures.")
        self.heading.setAccessibleName("Period heading")
        self.heading.setWordWrap(True)
        self.glance = self._table("At a glance", ["", "This period", "Previous", "Change"])
        self.words = QLabel("")
        self.words.setAccessibleName("Period in words")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.circles = self._table("Circles in the period", list(CIRCLE_COLUMNS))

        controls = QGridLayout()
        placed: tuple[tuple[int, int, str, QWidget], ...] = (
            (0, 0, "&Circle", self.circle),
            (0, 2, "Peri&od", self.preset),
            (1, 0, "&From", self.first),
            (1, 2, "&To", self.last),
        )
        for row, column, label, widget in placed:
            caption = QLabel(label)
            caption.setBuddy(widget)
            controls.addWidget(caption, row, column)
            controls.addWidget(widget, row, column + 1)
        controls.addWidget(self.show_button, 0, 4)
        controls.setColumnStretch(1, 2)
        controls.setColumnStretch(3, 1)
        saving = QHBoxLayout()
        saving.addWidget(self.grid_box)
        saving.addStretch(1)
        saving.addWidget(self.pdf_button)
        saving.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.heading)
        layout.addWidget(self.glance)
        layout.addWidget(self.words)
        layout.addWidget(self.circles, 1)
        layout.addLayout(saving)

        self._today = today
        self._relay = _Progress(self)
        self._relay.moved.connect(self._moved)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.first.dateChanged.connect(self._dates_typed)
        self.last.dateChanged.connect(self._dates_typed)
        self.show_button.clicked.connect(self.show_figures)
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.csv_button.clicked.connect(lambda: self._save("csv"))
        self._quiet = False
        self._preset_chosen()

    # ------------------------------------------------------------ choosing

    def set_circles(self, model: QAbstractItemModel) -> None:
        chosen = self.circle.currentData()
        self.circle.setModel(model)
        self.circle.setCurrentIndex(max(0, self.circle.findData(chosen)))

    def set_days(self, first: date, last: date) -> None:
        self._quiet = True
        try:
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
            self.preset.setCurrentIndex(len(PRESETS))
        finally:
            self._quiet = False

    def scope(self) -> PeriodScope:
        """The chosen period (raises ``InvalidPeriod`` with a sentence if it is backwards)."""
        return PeriodScope(
            _day(self.first.date()), _day(self.last.date()), self.circle.currentData()
        )

    def _preset_chosen(self, *_args: object) -> None:
        name = self.preset.currentText()
        if name not in PRESETS:
            return
        first, last = preset_days(name, self._today())
        self._quiet = True
        try:
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
        finally:
            self._quiet = False

    def _dates_typed(self, *_args: object) -> None:
        if not self._quiet:
            self.preset.setCurrentIndex(len(PRESETS))

    # ------------------------------------------------------------ counting

    def show_figures(self) -> None:
        try:
            scope = self.scope()
        except UserFacingError as error:
            self.heading.setText(str(error))
            return
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.show_button.setEnabled(False)
        self.heading.setText("Counting…")
        relay = self._relay

        def job() -> PeriodFigures:
            return self._source.period(scope, progress=lambda d, t: relay.moved.emit(d, t))

        self._background.run("period", job, self._shown)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _shown(self, figures: PeriodFigures) -> None:
        # The words and rows are the PDF's own; reportlab loads with them, so only now.
        from circlekeeper.reports import period_words as say
        from circlekeeper.reports.period import glance_rows

        self.progress.setVisible(False)
        self.show_button.setEnabled(True)
        self.figures = figures
        scope = figures.scope
        previous = figures.previous_scope
        self.heading.setText(
            f"{figures.circle_name or 'All circles'}, "
            f"{say.day_span(scope.first_day, scope.last_day)} — compared with"
            f" {say.day_span(previous.first_day, previous.last_day)}"
            f" (counted in {figures.computed_seconds:.1f} s)"
        )
        self._fill(self.glance, [list(row) for row in glance_rows(figures)])
        now = figures.current
        self.words.setText(
            say.fairness_sentence(now.average_fairness)
            + (
                f" {now.people} different people came {now.person_attendances} times:"
                f" {now.came(1, 1)} once, {now.came(2, 3)} two or three times,"
                f" {now.came(4)} four times or more."
                if now.people
                else " No sessions were held in this period."
            )
        )
        rows = []
        for c in figures.circles:
            r = c.current
            rows.append(
                [
                    c.name,
                    str(r.sessions),
                    str(r.people),
                    str(r.newcomers),
                    say.share(r.returning_rate),
                    say.number(r.average_present),
                    c.trend.words,
                    "—" if r.average_seconds is None else f"{r.average_seconds / 60:.0f} min",
                    say.number(r.average_fairness, 2),
                    say.share(r.pass_rate),
                    str(c.prompts_used),
                ]
            )
        self._fill(self.circles, rows)
        self.figures_shown.emit(figures)

    def _save(self, kind: str) -> None:
        if self._saver is None:
            return
        try:
            scope = self.scope()
        except UserFacingError as error:
            self.heading.setText(str(error))
            return
        self._saver(self, scope, kind, self.grid_box.isChecked())

    # ------------------------------------------------------------ widgets

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def _table(self, name: str, head: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(head))
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(head)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(head)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        if table is self.glance:
            height = table.horizontalHeader().height() + sum(
                table.rowHeight(r) for r in range(table.rowCount())
            )
            table.setFixedHeight(height + 2 * table.frameWidth())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(moment: QDate) -> date:
    return date(moment.year(), moment.month(), moment.day())
