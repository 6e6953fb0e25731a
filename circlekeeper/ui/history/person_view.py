"""A person over time: sessions attended, streaks and gaps per circle, speaking share, passes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.history.records import PersonHistory
from circlekeeper.i18n import _, pgettext
from circlekeeper.ui.bidi_text import person_label, sentence
from circlekeeper.ui.facts import SEPARATOR, person_facts
from circlekeeper.ui.history.charts import MONTHLY_FROM, Series, TimeChart, monthly_means
from circlekeeper.ui.history.format import count, local_time, percent
from circlekeeper.ui.history.session_detail import plain_label
from circlekeeper.ui.table_keys import tab_leaves

PersonNotesFactory = Callable[[int], QWidget | None]


class PersonView(QWidget):
    def __init__(
        self,
        history: PersonHistory,
        *,
        notes_widget_factory: PersonNotesFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.setAccessibleName(_("Person history"))
        name = sentence(person_label(history.name, history.pronouns))
        if history.archived:
            # Translators: a person who is no longer listed in any circle.
            name = _("{name} — archived").format(name=name)
        title = plain_label(name, _("Person"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        facts = person_facts(history, percent(history.average_share))
        self.facts_label = plain_label(SEPARATOR.join(facts), _("Key figures"))

        points = [
            (p.started_at, p.share_ratio) for p in history.points if p.share_ratio is not None
        ]
        monthly = len(points) > MONTHLY_FROM
        self.share_chart = TimeChart(
            _("Speaking share against the equal share (monthly average)")
            if monthly
            else _("Speaking share against the equal share")
        )
        self.share_chart.set_series(
            [
                Series(
                    _("share of an equal share"),
                    monthly_means(points) if monthly else tuple(points),
                )
            ],
            reference=(1.0, _("equal share")),
            value_format=percent,
        )

        self.attendance = tab_leaves(QTableWidget(len(history.circles), 7))
        self.attendance.setAccessibleName(_("Attendance per circle"))
        self.attendance.setHorizontalHeaderLabels(
            [
                _("Circle"),
                # Translators: a column heading: how many of a circle's sessions a person came to.
                pgettext("column", "Attended"),
                _("Longest streak"),
                _("Current streak"),
                _("Longest gap"),
                _("Current gap"),
                _("Last came"),
            ]
        )
        self.attendance.verticalHeader().setVisible(False)
        self.attendance.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attendance.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, circle in enumerate(history.circles):
            cells = [
                circle.circle_name,
                # Translators: sessions a person came to out of those the circle held: "5 of 8".
                _("{attended} of {held}").format(
                    attended=count(circle.attended), held=count(circle.held)
                ),
                count(circle.longest_streak),
                count(circle.current_streak),
                count(circle.longest_gap),
                count(circle.current_gap),
                # Translators: in the "Last came" column, for a person who never came.
                pgettext("last came", "never")
                if circle.last_attended is None
                else local_time(circle.last_attended, "", with_time=False),
            ]
            for column, text in enumerate(cells):
                self.attendance.setItem(row, column, QTableWidgetItem(text))
        self.attendance.setMaximumHeight(40 + 30 * max(1, len(history.circles)))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.attendance)
        layout.addWidget(self.share_chart)
        self.notes_widget = (
            notes_widget_factory(history.person_id) if notes_widget_factory else None
        )
        if self.notes_widget is not None:
            layout.addWidget(self.notes_widget)
        layout.addStretch(1)
