"""One circle's overview beside the circle list, with the big *Start a circle* button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_list
from circlekeeper.ui.bidi_text import breakable, listed_person, own_direction, sentence
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.screen_fit import scrolling
from circlekeeper.ui.setup.cadence_words import cadence_words
from circlekeeper.ui.setup.plan_words import policy_words, round_label

PLAIN_TEXT = 0
"""``Qt.TextFormat.PlainText``: names and agreements are shown as typed, never as markup."""
SELECTABLE_BY_MOUSE = 1
"""``Qt.TextInteractionFlag.TextSelectableByMouse``."""

if TYPE_CHECKING:  # the window's first page shows a circle before the catalog is imported
    from circlekeeper.session.circle import CircleRecord
    from circlekeeper.ui.catalog import CircleDetail, Member
    from circlekeeper.ui.first_page import SeatedMember


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
        self.edit = edit = QPushButton(_("Edit circle…"))
        edit.setAccessibleName(_("Edit circle"))
        edit.setToolTip(_("Name, people, agreements and default plan (Ctrl+Shift+E)"))
        edit.clicked.connect(self.edit_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.start)
        layout.addWidget(edit)
        sections = QVBoxLayout()
        sections.setContentsMargins(0, 0, 0, 0)
        for heading, label in (
            (_("People"), self.people),
            (_("Group agreements"), self.agreements),
            (_("Default round plan"), self.plan),
            (_("Meets"), self.meets),
        ):
            header = QLabel(heading)
            header.setObjectName("sectionTitle")
            sections.addWidget(header)
            sections.addWidget(label)
        sections.addStretch(1)
        # What the circle holds scrolls below its buttons, which stay in view: at 1024×600 in
        # German a sixth agreement was cut in half, with the round plan still to come.
        self.sections = scrolling(sections)
        layout.addWidget(self.sections, 1)
        self.setStyleSheet(
            "#circleTitle { font-size: 26px; font-weight: 600; }"
            "#sectionTitle { font-weight: 600; margin-top: 10px; }"
            "#startButton { font-size: 18px; padding: 10px; }"
        )

    def show_circle(self, detail: CircleDetail) -> None:
        self.show_settings(detail, detail.members)

    def show_settings(self, circle: CircleRecord, members: Sequence[Member | SeatedMember]) -> None:
        """What :meth:`show_circle` shows, from a circle's settings and its people: the
        window's first page has them before the catalog's records exist."""
        # Typed text keeps its own direction inside a line set in the window's: in Arabic an
        # English title or description was laid out left to right and pinned to the left edge.
        self.title.setText(sentence(demo_name(own_direction(breakable(circle.name)), circle.demo)))
        self.description.setText(sentence(own_direction(breakable(circle.description))))
        self.description.setVisible(bool(circle.description))
        self.meets.setText(cadence_words(circle.cadence))
        active = [m for m in members if not m.archived]
        self.people.setText(
            sentence(format_list(listed_person(m.name, m.pronouns) for m in active))
            or _("Nobody yet — add people with Edit circle, or as newcomers when you start.")
        )
        self.agreements.setText(
            "\n".join(
                sentence(f"{i}. {own_direction(breakable(a))}")
                for i, a in enumerate(circle.agreements, 1)
            )
            or _("None written.")
        )
        self.plan.setText(
            breakable(
                "\n".join(
                    f"{round_label(r)} — {policy_words(r.policy)}" for r in circle.default_plan
                )
            )
            or _("Check-in, sharing, check-out.")
        )
