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
from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.i18n.formats import format_date, format_weekday
from circlekeeper.ui.bidi_text import display_name
from circlekeeper.ui.count_words import session_count
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.history.charts import MONTHLY_FROM, Series, TimeChart
from circlekeeper.ui.history.format import count, decimal, local_time, signed_percent
from circlekeeper.ui.history.retention import Ask, RetentionPanel
from circlekeeper.ui.history.session_detail import plain_label
from circlekeeper.ui.table_keys import tab_leaves


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
        self.setAccessibleName(_("Circle history"))
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
        self.title = plain_label(demo_name(history.name, history.demo), _("Circle"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        held = history.sessions_held
        facts = [session_count(held, count(held))]
        if history.first and history.last:
            facts.append(
                # Translators: the dates of a circle's first and last sessions.
                _("from {first} to {last}").format(
                    first=local_time(history.first, "", with_time=False),
                    last=local_time(history.last, "", with_time=False),
                )
            )
        if history.average_present is not None:
            facts.append(
                _("{count} present on average").format(count=decimal(history.average_present, 1))
            )
        if history.average_fairness is not None:
            facts.append(
                _("average fairness index {index}").format(
                    index=decimal(history.average_fairness, 2)
                )
            )
        self.facts_label = plain_label(" · ".join(facts), _("Key figures"))
        anchor = history.cadence.anchor(history.first.date() if history.first else None)
        self.schedule_label = plain_label(
            # Translators: how often a circle meets ("Schedule: Every week on Tuesday").
            _("Schedule: {schedule}").format(
                schedule=history.cadence.describe(anchor, format_weekday, start=format_date)
            ),
            _("Schedule"),
        )

    def _build_charts(self) -> None:
        """Attendance, fairness and mood over time; a point per session, or per month."""
        history = self.history
        monthly = len(history.points) > MONTHLY_FROM
        self.attendance_chart = TimeChart(
            _("Attendance over time (monthly average)") if monthly else _("Attendance over time")
        )
        self.fairness_chart = TimeChart(
            _("Fairness over time (monthly average)") if monthly else _("Fairness over time")
        )
        self.mood_chart = TimeChart(
            _("Mood trend (1–5, monthly average)") if monthly else _("Mood trend (1–5)")
        )
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
            # Translators: the line of a chart: how many people were present.
            [Series(pgettext("chart line", "present"), _known(present))],
            value_format=lambda v: decimal(v, 0),
        )
        self.fairness_chart.set_series(
            [Series(_("fairness index"), _known(fairness))],
            reference=(1.0, _("perfectly equal")),
            y_range=(0.0, 1.0),
        )
        moods = [
            Series(pgettext("chart line", "check-in"), _known(mood_in)),
            Series(pgettext("chart line", "check-out"), _known(mood_out), dashed=True),
        ]
        self.mood_chart.set_series(moods, y_range=(1.0, 5.0), value_format=lambda v: decimal(v, 1))
        self.mood_chart.setVisible(any(s.points for s in moods))

    def _build_least_heard(self) -> None:
        history = self.history
        self.least_heard = QListWidget()
        self.least_heard.setAccessibleName(_("Least heard recently"))
        for entry in history.least_heard:
            name = display_name(entry.name)
            balance = signed_percent(entry.balance)
            if entry.sessions == 0:
                # Translators: a person in the least-heard list who has not come to a session.
                line = _("{name} — {balance} (new, no sessions yet)")
            else:
                # Translators: a person, how much more or less than an equal share they were
                # heard ("+25 %", "−40 %"), and over how many recent sessions.
                line = ngettext(
                    "{name} — {balance} ({count} recent session)",
                    "{name} — {balance} ({count} recent sessions)",
                    entry.sessions,
                )
            self.least_heard.addItem(
                line.format(name=name, balance=balance, count=count(entry.sessions))
            )
        self.least_heard.setMaximumHeight(160)

    def _build_prompts(self) -> None:
        history = self.history
        self.prompts = tab_leaves(QTableWidget(len(history.prompts), 3))
        self.prompts.setAccessibleName(_("Prompts used"))
        self.prompts.setHorizontalHeaderLabels(
            # Translators: column headings: a prompt, how many times it was used, and when last.
            [_("Prompt"), pgettext("how often", "Times"), _("Last used")]
        )
        self.prompts.verticalHeader().setVisible(False)
        self.prompts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.prompts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, prompt in enumerate(history.prompts):
            last = (
                ""
                if prompt.last_used is None
                else local_time(prompt.last_used, "", with_time=False)
            )
            for column, text in enumerate((prompt.text, count(prompt.uses), last)):
                self.prompts.setItem(row, column, QTableWidgetItem(text))
        self.prompts.setMaximumHeight(180)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.schedule_label)
        layout.addWidget(self.attendance_chart)
        layout.addWidget(self.fairness_chart)
        layout.addWidget(self.mood_chart)
        heard = QLabel(
            _(
                "Least heard recently (speaking time against an equal share over the last"
                " sessions; this feeds the least-heard-first order)"
            )
        )
        heard.setWordWrap(True)
        heard.setBuddy(self.least_heard)
        layout.addWidget(heard)
        layout.addWidget(self.least_heard)
        layout.addWidget(QLabel(_("Prompts used")))
        layout.addWidget(self.prompts)
        layout.addWidget(QLabel(_("Retention")))
        layout.addWidget(self.retention)
        layout.addStretch(1)


def _known(points: list[tuple[datetime, float | int | None]]) -> tuple[tuple[datetime, float], ...]:
    return tuple((t, float(v)) for t, v in points if v is not None)
