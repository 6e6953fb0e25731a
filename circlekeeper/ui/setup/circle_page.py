"""One circle's overview beside the circle list, with the big *Start a circle* button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_list
from circlekeeper.ui.bidi_text import breakable, listed_person, sentence
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.setup.cadence_words import cadence_words
from circlekeeper.ui.setup.plan_words import policy_words, round_label

PLAIN_TEXT = 0
"""``Qt.TextFormat.PlainText``: names and agreements are shown as typed, never as markup."""
SELECTABLE_BY_MOUSE = 1
"""``Qt.TextInteractionFlag.TextSelectableByMouse``."""


class CirclePage(QWidget):
    """One circle at a glance, with the big *Start a circle* button."""

    start_requested = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("circleTitle")
        self.description = QLabel()
        self.people = QLabel()
        self.agreements = QLabel()
        self.plan = QLabel()
        self.meets = QLabel()
        labels = (self.title, self.description, self.meets, self.people, self.agreements, self.plan)
        for label in labels:
            label.setWordWrap(True)
            # Qt's own property names and values (PlainText, TextSelectableByMouse): this page
            # is in the first paint, and touching the ``Qt`` namespace builds all its enums.
            label.setProperty("textFormat", PLAIN_TEXT)
            label.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)
        self.people.setAccessibleName(_("People"))
        # Translators: how often a circle meets, as its page names the setting.
        self.meets.setAccessibleName(_("Meets"))
        self.agreements.setAccessibleName(_("Group agreements"))
        self.plan.setAccessibleName(_("Default round plan"))
        self.start = QPushButton(_("Start a circle…"))
        self.start.setObjectName("startButton")
        self.start.setAccessibleName(_("Start a circle"))
        self.start.setToolTip(_("Pick who is here and begin (Ctrl+Enter)"))
        self.start.clicked.connect(self.start_requested)
        edit = QPushButton(_("Edit circle…"))
        edit.setAccessibleName(_("Edit circle"))
        edit.setToolTip(_("Name, people, agreements and default plan (Ctrl+Shift+E)"))
        edit.clicked.connect(self.edit_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.start)
        layout.addWidget(edit)
        for heading, label in (
            (_("People"), self.people),
            (_("Group agreements"), self.agreements),
            (_("Default round plan"), self.plan),
            (_("Meets"), self.meets),
        ):
            header = QLabel(heading)
            header.setObjectName("sectionTitle")
            layout.addWidget(header)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setStyleSheet(
            "#circleTitle { font-size: 26px; font-weight: 600; }"
            "#sectionTitle { font-weight: 600; margin-top: 10px; }"
            "#startButton { font-size: 18px; padding: 10px; }"
        )

    def show_circle(self, detail: CircleDetail) -> None:
        self.title.setText(breakable(demo_name(detail.name, detail.demo)))
        self.description.setText(breakable(detail.description))
        self.description.setVisible(bool(detail.description))
        self.meets.setText(cadence_words(detail.cadence))
        active = [m for m in detail.members if not m.archived]
        self.people.setText(
            sentence(format_list(listed_person(m.name, m.pronouns) for m in active))
            or _("Nobody yet — add people with Edit circle, or as newcomers when you start.")
        )
        self.agreements.setText(
            breakable("\n".join(f"{i}. {a}" for i, a in enumerate(detail.agreements, 1)))
            or _("None written.")
        )
        self.plan.setText(
            breakable(
                "\n".join(
                    f"{round_label(r)} — {policy_words(r.policy)}" for r in detail.default_plan
                )
            )
            or _("Check-in, sharing, check-out.")
        )
