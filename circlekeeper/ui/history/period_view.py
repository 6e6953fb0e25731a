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

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
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
from circlekeeper.i18n import N_, _, ngettext, pgettext
from circlekeeper.session.period_figures import PeriodFigures, PeriodScope
from circlekeeper.ui.bidi_text import shorten
from circlekeeper.ui.date_field import DateField
from circlekeeper.ui.history.background import Background
from circlekeeper.ui.history.choices import prepare_combo
from circlekeeper.ui.history.format import count, decimal, duration
from circlekeeper.ui.history.period_columns import (
    TREND_COLUMN,
    CirclesFitter,
    trend_cell,
    two_lines,
)
from circlekeeper.ui.history.session_rows import LONGEST_USUAL_NAME
from circlekeeper.ui.table_keys import tab_leaves

GLANCE_ROWS_AT_LEAST = 3
"""Rows of the figures at a glance a small screen still shows (the others scroll)."""
PLAN_COLUMN = 2
"""The circles table's *held of planned* column."""
PeriodSaver = Callable[[QWidget, PeriodScope, str, bool], object]
"""(parent, scope, ``"pdf"`` or ``"csv"``, attendance grid wanted) → the running export."""
PRESETS = (
    N_("Last month"),
    N_("This month"),
    N_("Last 3 months"),
    N_("Last 12 months"),
    N_("This year"),
    N_("Last year"),
)
"""The named periods offered, in English: each is the key :func:`preset_days` knows; the
list shows them translated."""


def circle_columns() -> list[str]:
    """The headings of the circles table, in the active language."""
    return [
        _("Circle"),
        _("Sessions"),
        # Translators: a column heading: sessions held of those the circle's schedule planned
        # ("3 of 4"); a dash for a circle with no fixed schedule.
        _("Held of planned"),
        _("People"),
        # Translators: a column heading: people who came for the first time.
        pgettext("newcomers", "New"),
        _("Came back"),
        # Translators: a short column heading: the average number of people present.
        _("Avg. present"),
        _("Trend"),
        # Translators: a short column heading: the average length of a session.
        _("Avg. length"),
        _("Fairness"),
        # Translators: a column heading: the share of turns that were passed.
        pgettext("column", "Passed"),
        _("Prompts"),
    ]


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
        self.setAccessibleName(_("Period figures"))
        self._source = source
        self._background = background
        self._saver = saver
        self.figures: PeriodFigures | None = None
        self.circle = QComboBox()
        self.circle.setAccessibleName(_("Period circle"))
        prepare_combo(self.circle, 24)
        self.preset = QComboBox()
        # Translators: the name of the list of periods (last month, this year…).
        self.preset.setAccessibleName(pgettext("span of time", "Period"))
        for preset in PRESETS:
            self.preset.addItem(_(preset), preset)
        self.preset.addItem(_("Chosen dates"), None)
        # Typed as the Sessions filter's dates are (ui/date_field.py), but never empty.
        self.first = DateField(_("First day"), blank=None, today=today)
        self.last = DateField(_("Last day"), blank=None, today=today)
        self.show_button = QPushButton(_("Sho&w figures"))
        self.show_button.setAccessibleName(_("Show figures"))
        self.grid_box = QCheckBox(_("&Attendance grid in the PDF"))
        self.grid_box.setToolTip(
            _(
                "Who came to which session, for circles whose printed summaries show"
                " initials or names"
            )
        )
        self.pdf_button = QPushButton(_("Save P&DF…"))
        self.pdf_button.setAccessibleName(_("Save the period report as PDF"))
        self.csv_button = QPushButton(_("Sav&e CSV…"))
        self.csv_button.setAccessibleName(_("Save the period figures as CSV"))
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(saver is not None)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Counting progress"))
        self.progress.setVisible(False)
        self.heading = QLabel(_("Choose a period and press Show figures."))
        self.heading.setAccessibleName(_("Period heading"))
        self.heading.setWordWrap(True)
        self.glance = self._table(
            _("At a glance"),
            # Translators: column headings: a figure this period, the one before, the change.
            ["", _("This period"), pgettext("period", "Previous"), _("Change")],
        )
        # Its preferred height is all its rows (set in _fit_glance), not Qt's default guess.
        self.glance.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.words = QLabel("")
        self.words.setAccessibleName(_("Period in words"))
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.circles = self._table(_("Circles in the period"), circle_columns())
        self._fit_circles = CirclesFitter(self.circles, circle_columns())

        controls = QGridLayout()
        placed: tuple[tuple[int, int, str, QWidget], ...] = (
            (0, 0, pgettext("the period's circle", "Circ&le"), self.circle),
            (0, 2, pgettext("span of time", "Peri&od"), self.preset),
            (1, 0, pgettext("date range", "&From"), self.first),
            (1, 2, pgettext("date range", "&To"), self.last),
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
        self.first.changed.connect(self._dates_typed)
        self.last.changed.connect(self._dates_typed)
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
            self.first.set_day(first)
            self.last.set_day(last)
            self.preset.setCurrentIndex(len(PRESETS))
        finally:
            self._quiet = False

    def scope(self) -> PeriodScope:
        """The chosen period (raises ``InvalidPeriod`` with a sentence if it is backwards);
        a date typed but not yet applied counts (Alt+W leaves the keys in the field)."""
        self.first.apply_typed()
        self.last.apply_typed()
        first, last = self.first.day(), self.last.day()
        assert first is not None and last is not None  # set from the start, never emptied
        return PeriodScope(first, last, self.circle.currentData())

    def _preset_chosen(self, *_args: object) -> None:
        name = self.preset.currentData()
        if name not in PRESETS:
            return
        first, last = preset_days(name, self._today())
        self._quiet = True
        try:
            self.first.set_day(first)
            self.last.set_day(last)
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
        self.heading.setText(_("Counting…"))
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
            # Translators: the heading of the period figures: which circles, which days, the
            # period they are compared with, and how long counting took.
            _("{circles}, {period} — compared with {previous} (counted in {seconds} s)").format(
                circles=figures.circle_name or _("All circles"),
                period=say.day_span(scope.first_day, scope.last_day),
                previous=say.day_span(previous.first_day, previous.last_day),
                seconds=decimal(figures.computed_seconds, 1),
            )
        )
        self._fill(self.glance, [list(row) for row in glance_rows(figures)])
        now = figures.current
        if now.people:
            # Translators: how often people came in a period; {once}, {few} and {often} are
            # numbers of people, {people} of different people and {times} of attendances.
            came = ngettext(
                "{people} different person came {times} times: {once} once, {few} two or"
                " three times, {often} four times or more.",
                "{people} different people came {times} times: {once} once, {few} two or"
                " three times, {often} four times or more.",
                now.people,
            ).format(
                people=count(now.people),
                times=count(now.person_attendances),
                once=count(now.came(1, 1)),
                few=count(now.came(2, 3)),
                often=count(now.came(4)),
            )
        else:
            came = _("No sessions were held in this period.")
        if not now.sessions:
            # "Nobody spoke in the sessions of this period" beside "No sessions were held"
            # read as a contradiction: with no session there is only the one thing to say.
            self.words.setText(came)
        else:
            # Translators: two sentences one after the other (the fairness, then attendance).
            self.words.setText(
                _("{first} {second}").format(
                    first=say.fairness_sentence(now.average_fairness), second=came
                )
            )
        rows = []
        for c in figures.circles:
            r = c.current
            rows.append(
                [
                    shorten(c.name, LONGEST_USUAL_NAME),  # whole in its tooltip
                    count(r.sessions),
                    say.held_short(c.plan) if c.plan.compared else "—",
                    count(r.people),
                    count(r.newcomers),
                    say.share(r.returning_rate),
                    say.number(r.average_present),
                    trend_cell(c.trend.words),
                    "—" if r.average_seconds is None else _average_length(r.average_seconds),
                    say.number(r.average_fairness, 2),
                    say.share(r.pass_rate),
                    count(c.prompts_used),
                ]
            )
        self._fill(self.circles, rows)
        for row, c in enumerate(figures.circles):
            for column, tip in ((0, c.name), (PLAN_COLUMN, say.plan_sentence(c.plan))):
                cell = self.circles.item(row, column)
                if cell is not None:
                    cell.setToolTip(tip)
            trend = self.circles.item(row, TREND_COLUMN)
            if trend is not None:
                trend.setToolTip(_(c.trend.words))
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

    def _table(self, name: str, head: list[str]) -> QTableWidget:
        table = tab_leaves(QTableWidget(0, len(head)))
        table.setAccessibleName(name)
        # Figure headings on two lines, so a column is as wide as its figures rather than its
        # heading ("Held of planned", "Durchschn. anwesend") and the circle's name keeps room.
        table.setHorizontalHeaderLabels([head[0], *map(two_lines, head[1:])])
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
            self._fit_glance()
        else:
            self._fit_circles.fit()

    def _fit_glance(self) -> None:
        """Every figure at a glance where the screen has room; on a small one (1024×600) the
        table gives up rows and scrolls, down to ``GLANCE_ROWS_AT_LEAST`` rows.

        A fixed height for all rows made the page taller than a small laptop's window, and Qt
        then laid the sentence about the period over the table's last rows (seen in German
        and Arabic).
        """
        table = self.glance
        frame = table.horizontalHeader().height() + 2 * table.frameWidth()
        heights = [table.rowHeight(r) for r in range(table.rowCount())]
        table.setMaximumHeight(frame + sum(heights))
        table.setMinimumHeight(frame + sum(heights[:GLANCE_ROWS_AT_LEAST]))


def _average_length(seconds: float) -> str:
    """A session's average length to the minute (``1 hr and 35 min``): seconds are noise."""
    return duration(seconds, to_the_minute=True)
