"""A circle over time: sessions held, attendance, fairness, mood trend, prompts used, the
*least heard recently* list, and its retention period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.history.records import CircleHistory
from circlekeeper.history.source import HistorySource
from circlekeeper.ui.bidi_text import display_name
from circlekeeper.ui.history.charts import MONTHLY_FROM, Series, TimeChart
from circlekeeper.ui.history.format import local_time, signed_percent
from circlekeeper.ui.history.retention import Ask, RetentionPanel
from circlekeeper.ui.history.session_detail import plain_label


class CircleView(QWidget):
    def __init__(
        self,
        history: CircleHistory,
        source: HistorySource,
        *,
        ask: Ask,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.setAccessibleName("Circle history")
        self._build_figures()
        self._build_charts()
        self._build_least_heard()
        self._build_prompts()
        self.retention = RetentionPanel(
            source, history.circle_id, history.retention_days, ask=ask, now=now
        )
        self._lay_out()

    # ------------------------------------------------------------ building

    def _build_figures(self) -> None:
        history = self.history
        self.title = plain_label(history.name, "Circle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        facts = [f"{history.sessions_held} session" + ("" if history.sessions_held == 1 else "s")]
        if history.first and history.last:
            facts.append(
                f"from {local_time(history.first, '', with_time=False)}"
                f" to {local_time(history.last, '', with_time=False)}"
            )
        if history.average_present is not None:
            facts.append(f"{history.average_present:.1f} present on average")
        if history.average_fairness is not None:
            facts.append(f"average fairness index {history.average_fairness:.2f}")
        self.facts_label = plain_label(" · ".join(facts), "Key figures")

    def _build_charts(self) -> None:
        """Attendance, fairness and mood over time; a point per session, or per month."""
        history = self.history
        monthly = len(history.points) > MONTHLY_FROM
        suffix = " (monthly average)" if monthly else ""
        self.attendance_chart = TimeChart("Attendance over time" + suffix)
        self.fairness_chart = TimeChart("Fairness over time" + suffix)
        self.mood_chart = TimeChart("Mood trend (1–5)" + suffix)
        if monthly:
            at = [datetime(m.month.year, m.month.month, 15, tzinfo=UTC) for m in history.months]
            present = [(t, m.average_present) for t, m in zip(at, history.months, strict=True)]
            fairness = [(t, m.average_fairness) for t, m in zip(at, history.months, strict=True)]
            mood_in = [(t, m.mood_check_in) for t, m in zip(at, history.months, strict=True)]
            mood_out = [(t, m.mood_check_out) for t, m in zip(at, history.months, strict=True)]
        else:
            present = [(p.started_at, p.present_count) for p in history.points]
            fairness = [(p.started_at, p.fairness) for p in history.points]
            mood_in = [(p.started_at, p.mood_check_in) for p in history.points]
            mood_out = [(p.started_at, p.mood_check_out) for p in history.points]
        self.attendance_chart.set_series(
            [Series("present", _known(present))], value_format=lambda v: f"{v:.0f}"
        )
        self.fairness_chart.set_series(
            [Series("fairness index", _known(fairness))],
            reference=(1.0, "perfectly equal"),
            y_range=(0.0, 1.0),
        )
        moods = [
            Series("check-in", _known(mood_in)),
            Series("check-out", _known(mood_out), dashed=True),
        ]
        self.mood_chart.set_series(moods, y_range=(1.0, 5.0), value_format=lambda v: f"{v:.1f}")
        self.mood_chart.setVisible(any(s.points for s in moods))

    def _build_least_heard(self) -> None:
        history = self.history
        self.least_heard = QListWidget()
        self.least_heard.setAccessibleName("Least heard recently")
        for entry in history.least_heard:
            counted = (
                "new, no sessions yet"
                if entry.sessions == 0
                else f"{entry.sessions} recent session" + ("" if entry.sessions == 1 else "s")
            )
            self.least_heard.addItem(
                f"{display_name(entry.name)} — {signed_percent(entry.balance)} ({counted})"
            )
        self.least_heard.setMaximumHeight(160)

    def _build_prompts(self) -> None:
        history = self.history
        self.prompts = QTableWidget(len(history.prompts), 3)
        self.prompts.setAccessibleName("Prompts used")
        self.prompts.setHorizontalHeaderLabels(["Prompt", "Times", "Last used"])
        self.prompts.verticalHeader().setVisible(False)
        self.prompts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.prompts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, prompt in enumerate(history.prompts):
            last = (
                ""
                if prompt.last_used is None
                else local_time(prompt.last_used, "", with_time=False)
            )
            for column, text in enumerate((prompt.text, str(prompt.uses), last)):
                self.prompts.setItem(row, column, QTableWidgetItem(text))
        self.prompts.setMaximumHeight(180)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.attendance_chart)
        layout.addWidget(self.fairness_chart)
        layout.addWidget(self.mood_chart)
        heard = QLabel(
            "Least heard recently (speaking time against an equal share over the last"
            " sessions; this feeds the least-heard-first order)"
        )
        heard.setWordWrap(True)
        heard.setBuddy(self.least_heard)
        layout.addWidget(heard)
        layout.addWidget(self.least_heard)
        layout.addWidget(QLabel("Prompts used"))
        layout.addWidget(self.prompts)
        layout.addWidget(QLabel("Retention"))
        layout.addWidget(self.retention)
        layout.addStretch(1)


def _known(points: list[tuple[datetime, float | int | None]]) -> tuple[tuple[datetime, float], ...]:
    return tuple((t, float(v)) for t, v in points if v is not None)
