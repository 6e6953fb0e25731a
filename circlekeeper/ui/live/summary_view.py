"""After the circle: how the time was shared, in bars and in plain words, and a shareable note.

It reads only the :class:`SessionSummary` (a pure function of the log), like the PDF does, so
what the facilitator sees here is exactly what gets printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _
from circlekeeper.session.model import RoundPlan, format_duration
from circlekeeper.session.prompts import MoodCounts
from circlekeeper.session.summary import SessionSummary
from circlekeeper.ui.bidi_text import breakable, own_direction
from circlekeeper.ui.facts import SEPARATOR, fairness_sentence, session_facts
from circlekeeper.ui.fairness_strip import FairnessStrip, bars_from_summary, scrollable
from circlekeeper.ui.mood_words import mood_lines
from circlekeeper.ui.sentence_label import SentenceLabel
from circlekeeper.ui.table_keys import tab_leaves

MAX_SHAREABLE = 20_000


class SummaryView(QWidget):
    closed = Signal(str)
    """The facilitator closed the summary; carries the shareable summary text."""
    export_requested = Signal(str)

    def __init__(
        self,
        summary: SessionSummary,
        *,
        shareable: str = "",
        can_export: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setAccessibleName(_("Circle summary"))
        # In the window's direction: in Arabic a Latin circle name put it at the left.
        title = SentenceLabel(breakable(_("{circle} — thank you").format(circle=summary.circle)))
        title.setObjectName("summaryTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        self.fairness_label = QLabel(fairness_sentence(summary))
        self.fairness_label.setWordWrap(True)
        self.fairness_label.setAccessibleName(_("Fairness"))
        self.facts_label = QLabel(SEPARATOR.join(session_facts(summary)))
        self.facts_label.setAccessibleName(_("Key figures"))
        # The mood counts just recorded, as History and the PDF word them; hidden until one is.
        self.moods_label = QLabel()
        self.moods_label.setAccessibleName(_("Mood counts"))
        self.moods_label.setWordWrap(True)
        self.moods_label.hide()
        self.bars = FairnessStrip()
        bars, equal = bars_from_summary(summary)
        self.bars.set_bars(bars, equal)

        self.rounds = tab_leaves(QTableWidget(len(summary.rounds), 5))
        self.rounds.setAccessibleName(_("Rounds"))
        self.rounds.setHorizontalHeaderLabels(
            [_("Round"), _("Time policy"), _("Planned"), _("Actual"), _("Prompt")]
        )
        self.rounds.verticalHeader().setVisible(False)
        self.rounds.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rounds.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for row, round_ in enumerate(summary.rounds):
            planned = (
                format_duration(round_.planned_seconds) if round_.planned_seconds else _("open")
            )
            cells = [
                own_direction(round_.label),
                round_.plan.policy.describe(),
                planned,
                format_duration(round_.duration_seconds),
                own_direction(_prompt_cell(round_.plan)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.rounds.setItem(row, column, item)
        self.rounds.resizeColumnsToContents()
        self.rounds.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.rounds.setMaximumHeight(_fitted_height(self.rounds, max_rows=8))

        self.shareable = QPlainTextEdit(shareable)
        self.shareable.setAccessibleName(_("Shareable summary"))
        self.shareable.setTabChangesFocus(True)  # Tab reaches Save and close, as elsewhere
        self.shareable.setPlaceholderText(
            _(
                "A few lines the group is happy to share (printed on the summary)."
                " Never private notes."
            )
        )
        self.shareable.textChanged.connect(self._limit)
        # Translators: & marks the Alt+letter; each must differ from the menu bar's and this page's.
        self.export_button = QPushButton(_("&Export PDF…"))
        self.export_button.setAccessibleName(_("Export PDF"))
        self.export_button.setToolTip(_("Save the printable summary (Ctrl+P)"))
        self.export_button.setEnabled(can_export)
        self.export_button.clicked.connect(
            lambda: self.export_requested.emit(self.shareable.toPlainText())
        )
        # Translators: & marks the Alt+letter; each must differ from the menu bar's and this page's.
        close = QPushButton(_("&Save and close"))
        self.close_button = close
        close.setAccessibleName(_("Save and close"))
        close.setToolTip(_("Keep the shareable summary and go back to the circles (Ctrl+W)"))
        close.clicked.connect(self._close)
        QShortcut(QKeySequence("Ctrl+P"), self, self.export_button.click)
        QShortcut(QKeySequence("Ctrl+W"), self, self._close)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.fairness_label)
        layout.addWidget(self.moods_label)
        chart = scrollable(self.bars)
        chart.setMaximumHeight(self.bars.sizeHint().height())  # no blank band under the bars
        layout.addWidget(chart, 3)
        layout.addWidget(self.rounds, 1)
        # Translators: & marks the Alt+letter; each must differ from the menu bar's and this page's.
        shareable_label = QLabel(_("Shareable summ&ary"))
        shareable_label.setBuddy(self.shareable)
        layout.addWidget(shareable_label)
        self.shareable.setMinimumHeight(4 * self.shareable.fontMetrics().lineSpacing())
        layout.addWidget(self.shareable, 1)
        layout.addLayout(buttons)
        self.setStyleSheet("#summaryTitle { font-size: 24px; font-weight: 600; }")

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard on the shareable lines: the live screen that held it is gone, and the
        summary opened with focus nowhere (typed lines vanished, Tab started from nothing)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.shareable.setFocus()

    def show_moods(self, moods: Iterable[MoodCounts]) -> None:
        """The check-in and check-out counts recorded so far (the check-out one is asked over
        this screen, so it is shown again each time a count is saved)."""
        lines = mood_lines(moods)
        self.moods_label.setText("\n".join(lines))
        self.moods_label.setVisible(bool(lines))

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.export_button, self.close_button)

    def shareable_text(self) -> str:
        return self.shareable.toPlainText()

    def _limit(self) -> None:
        text = self.shareable.toPlainText()
        if len(text) > MAX_SHAREABLE:
            self.shareable.setPlainText(text[:MAX_SHAREABLE])

    def _close(self) -> None:
        self.closed.emit(self.shareable.toPlainText())


def _fitted_height(table: QTableWidget, *, max_rows: int) -> int:
    """Tall enough for the table's rows (up to ``max_rows``), so no blank band sits below."""
    rows = sum(table.rowHeight(row) for row in range(min(table.rowCount(), max_rows)))
    return table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + 2


def _prompt_cell(plan: RoundPlan) -> str:
    """The round's prompt, or, where each person had their own, all of them in one line."""
    if not plan.per_person:
        return plan.prompt
    return _("A prompt for each person: {prompts}").format(prompts=" · ".join(plan.prompts()))
