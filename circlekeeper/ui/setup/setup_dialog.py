"""*Start a circle*: who is here, who facilitates, who speaks first, and the round plan.

The dialog is given plain data (the circle's members, agreements and default plan) and returns
a :class:`SessionSetup`; it never touches the store, so the same dialog serves a demo circle,
a real one and the tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.session.allotment import budget_warning
from circlekeeper.session.document import renumber_plan
from circlekeeper.session.model import Direction, Participant, RoundPlan
from circlekeeper.session.order import (
    OrderStrategy,
    least_heard_order,
    rotation_order,
    seating_order,
    shuffled_order,
)
from circlekeeper.ui.bidi_text import breakable, display_name, person_label
from circlekeeper.ui.prompts.picker import PromptTools
from circlekeeper.ui.setup.newcomer_dialog import ask_newcomer
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor

PERSON = Qt.ItemDataRole.UserRole
NEWCOMER = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class CircleBrief:
    """What the dialog needs to know about the circle."""

    name: str
    members: tuple[Participant, ...]
    agreements: tuple[str, ...] = ()
    default_plan: tuple[RoundPlan, ...] = ()
    facilitators: tuple[str, ...] = ()
    previous_first: str | None = None
    balance: Mapping[str, float] = field(default_factory=dict)
    """Speaking balance over recent sessions (positive: heard more than an equal share)."""


@dataclass(frozen=True, slots=True)
class SessionSetup:
    present: tuple[Participant, ...]
    """In speaking order for the first round."""
    newcomers: tuple[Participant, ...]
    facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    strategy: OrderStrategy
    seed: int

    def with_stored_people(self, present: Sequence[Participant]) -> SessionSetup:
        """The same setup once the store has given newcomers their ids: ``present`` is
        ``self.present`` in the same order, so per-person prompts follow their person."""
        mapping = {
            old.person_id: new.person_id for old, new in zip(self.present, present, strict=True)
        }
        return replace(self, present=tuple(present), plan=renumber_plan(self.plan, mapping))


PromptSource = Callable[[RoundPlan, QWidget], str | None]


class SetupDialog(QDialog):
    def __init__(
        self,
        brief: CircleBrief,
        *,
        draw_prompt: PromptSource | None = None,
        browse_prompt: PromptSource | None = None,
        prompt_tools: PromptTools | None = None,
        seed: int | None = None,
        parent: QWidget | None = None,
        ask: Callable[[str, str], bool] | None = None,
    ) -> None:
        """``ask`` (title, question) -> yes: how the dialog confirms throwing away a prepared
        circle; without it the dialog closes without asking."""
        super().__init__(parent)
        self._ask = ask
        self.setWindowTitle(f"Start a circle — {brief.name}")
        self.setAccessibleName("Start a circle")
        self._brief = brief
        self._seed = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
        self._newcomers: list[Participant] = []
        self._counter = 0

        self.present = QListWidget()
        self.present.setAccessibleName("Who is present")
        self.present.setToolTip("Tick who is here; drag names into seating order.")
        self.present.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for person in brief.members:
            self._add_person_item(person, newcomer=False)
        self.present.itemChanged.connect(self._preview)
        self.present.model().rowsMoved.connect(self._preview)
        add = QPushButton("Add a newcomer…")
        add.setAccessibleName("Add a newcomer")
        add.setShortcut(QKeySequence("Ctrl+N"))
        add.setToolTip(
            "Someone new joins today: their name and pronouns as they give them (Ctrl+N)"
        )
        add.clicked.connect(self._add_newcomer)

        self.facilitator = QLineEdit(brief.facilitators[0] if brief.facilitators else "")
        self.facilitator.setAccessibleName("Facilitator")
        self.co_facilitator = QLineEdit(
            brief.facilitators[1] if len(brief.facilitators) > 1 else ""
        )
        self.co_facilitator.setAccessibleName("Co-facilitator")

        self.strategy = QComboBox()
        self.strategy.setAccessibleName("Speaking order")
        for text, value in [
            ("Around the circle", OrderStrategy.SEATING),
            ("Shuffled", OrderStrategy.SHUFFLE),
            ("Rotate the first speaker from last time", OrderStrategy.ROTATION),
            ("Least heard recently first", OrderStrategy.LEAST_HEARD),
        ]:
            self.strategy.addItem(text, value)
        self.first = QComboBox()
        self.first.setAccessibleName("First speaker")
        self.direction = QComboBox()
        self.direction.setAccessibleName("Direction")
        self.direction.addItem("Clockwise (down the list)", Direction.CLOCKWISE)
        self.direction.addItem("Anticlockwise (up the list)", Direction.COUNTERCLOCKWISE)
        self.order_preview = QLabel()
        self.order_preview.setWordWrap(True)
        self.order_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.order_preview.setAccessibleName("Order preview")
        for combo in (self.strategy, self.first, self.direction):
            combo.currentIndexChanged.connect(self._preview)

        self.plan = RoundPlanEditor(
            brief.default_plan,
            draw_prompt=draw_prompt,
            browse_prompt=browse_prompt,
            prompt_tools=prompt_tools,
            people=self.seating,
        )
        self.skip_check_in = QCheckBox("Skip check-in today")
        self.skip_check_in.setAccessibleName("Skip check-in")
        self.budget_note = QLabel()
        self.budget_note.setWordWrap(True)
        self.budget_note.setTextFormat(Qt.TextFormat.PlainText)
        self.budget_note.setAccessibleName("Time budget warning")
        self.budget_note.setStyleSheet("color: #8a4b00;")
        self.budget_note.hide()
        self.plan.budgets_changed.connect(self._check_budgets)

        agreements = QLabel(
            breakable("\n".join(f"{i}. {text}" for i, text in enumerate(brief.agreements, 1)))
            or "This circle has no written agreements yet."
        )
        agreements.setWordWrap(True)
        agreements.setTextFormat(Qt.TextFormat.PlainText)
        agreements.setAccessibleName("Group agreements")
        agreements.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        people_box = QGroupBox("Who is here")
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.present)
        people_layout.addWidget(add)
        roles = QFormLayout()
        roles.addRow("Facilitator", self.facilitator)
        roles.addRow("Co-facilitator", self.co_facilitator)
        people_layout.addLayout(roles)

        order_box = QGroupBox("Speaking order")
        order_form = QFormLayout(order_box)
        order_form.addRow("Order", self.strategy)
        order_form.addRow("First speaker", self.first)
        order_form.addRow("Direction", self.direction)
        order_form.addRow(self.order_preview)

        agreements_box = QGroupBox("Group agreements — to read aloud")
        QVBoxLayout(agreements_box).addWidget(agreements)

        plan_box = QGroupBox("Rounds")
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan)
        plan_layout.addWidget(self.budget_note)
        plan_layout.addWidget(self.skip_check_in)

        right = QVBoxLayout()
        right.addWidget(agreements_box)
        right.addWidget(order_box)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(people_box, 1)
        top.addLayout(right, 1)
        body = QVBoxLayout()
        body.addLayout(top, 2)
        body.addWidget(plan_box, 3)  # rounds grow tall with one prompt per person

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            "Start the circle", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setAccessibleName("Start the circle")
        self.start_button.setToolTip("Start the circle (Ctrl+Enter)")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)

        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)
        self.resize(1100, 780)
        self._refresh_first()
        self._preview()
        self.result_setup: SessionSetup | None = None
        self._as_opened = self._prepared()

    # ---------------------------------------------------------------- people

    def _add_person_item(self, person: Participant, *, newcomer: bool) -> None:
        text = person_label(person.name, person.pronouns) + ("  — new today" if newcomer else "")
        item = QListWidgetItem(text)
        item.setData(PERSON, person)
        item.setData(NEWCOMER, newcomer)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setToolTip(text)
        self.present.addItem(item)

    def add_newcomer(self, person: Participant) -> None:
        self._newcomers.append(person)
        self._add_person_item(person, newcomer=True)
        self._refresh_first()
        self._preview()

    def _add_newcomer(self) -> None:
        self._counter += 1
        person = ask_newcomer(self, f"new-{self._counter}")
        if person is not None:
            self.add_newcomer(person)

    def seating(self) -> list[Participant]:
        """Ticked people in the order of the list (the room's seating)."""
        people = []
        for row in range(self.present.count()):
            item = self.present.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                people.append(item.data(PERSON))
        return people

    def _refresh_first(self) -> None:
        current = self.first.currentData()
        self.first.blockSignals(True)
        self.first.clear()
        for person in self.seating():
            self.first.addItem(person_label(person.name, person.pronouns), person.person_id)
        index = self.first.findData(current)
        self.first.setCurrentIndex(max(0, index))
        self.first.blockSignals(False)

    # ---------------------------------------------------------------- order

    def speaking_order(self) -> list[Participant]:
        people = self.seating()
        by_id = {p.person_id: p for p in people}
        ids = list(by_id)
        strategy = OrderStrategy(self.strategy.currentData())
        direction = Direction(self.direction.currentData())
        if strategy is OrderStrategy.SHUFFLE:
            order = shuffled_order(ids, self._seed)
        elif strategy is OrderStrategy.ROTATION:
            order = rotation_order(ids, self._brief.previous_first, direction)
        elif strategy is OrderStrategy.LEAST_HEARD:
            order = least_heard_order(ids, self._brief.balance)
        else:
            order = seating_order(ids, self.first.currentData(), direction)
        return [by_id[i] for i in order]

    def _preview(self, *args: object) -> None:
        if self.sender() is self.present or self.sender() is self.present.model():
            self._refresh_first()
        self.plan.people_changed()
        strategy = OrderStrategy(self.strategy.currentData())
        self.first.setEnabled(strategy is OrderStrategy.SEATING)
        self.direction.setEnabled(strategy in (OrderStrategy.SEATING, OrderStrategy.ROTATION))
        order = self.speaking_order()
        names = ", ".join(display_name(p.name) for p in order[:12])
        names += "…" if len(order) > 12 else ""
        self.order_preview.setText(f"{len(order)} present. Order: {names}" if order else "")
        self._check_budgets()

    def _check_budgets(self) -> None:
        """Warn (without stopping anyone) when a fair-share round's minimum turns for everyone
        present add up to more than its budget: the round is bound to run over."""
        present = len(self.speaking_order())
        warnings = [
            warning
            for plan in self.plan.rounds()
            if (warning := budget_warning(plan.label, plan.policy, present)) is not None
        ]
        self.budget_note.setText("\n".join(warnings))
        self.budget_note.setVisible(bool(warnings))

    # ---------------------------------------------------------------- finish

    def _prepared(self) -> tuple[object, ...]:
        """What the facilitator has prepared, to tell a change from the dialog as opened."""
        return (
            tuple(p.person_id for p in self.speaking_order()),
            self.facilitator.text(),
            self.co_facilitator.text(),
            tuple(self.plan.rounds(skip_check_in=self.skip_check_in.isChecked())),
        )

    def reject(self) -> None:
        """Esc or Cancel after ticking people and drawing prompts asks before it all goes."""
        if self._ask is not None and self._prepared() != self._as_opened:
            question = "Close without starting and lose the choices made here?"
            if not self._ask("Discard this circle?", question):
                return
        super().reject()

    def _accept(self) -> None:
        order = self.speaking_order()
        if not order:
            QMessageBox.information(self, "Nobody is ticked", "Tick at least one person present.")
            return
        plan = self.plan.rounds(skip_check_in=self.skip_check_in.isChecked())
        if not plan:
            QMessageBox.information(self, "No rounds", "Add at least one round to the plan.")
            return
        facilitators = tuple(
            name.strip()
            for name in (self.facilitator.text(), self.co_facilitator.text())
            if name.strip()
        )
        present_ids = {p.person_id for p in order}
        self.result_setup = SessionSetup(
            present=tuple(order),
            newcomers=tuple(p for p in self._newcomers if p.person_id in present_ids),
            facilitators=facilitators,
            plan=tuple(plan),
            strategy=OrderStrategy(self.strategy.currentData()),
            seed=self._seed,
        )
        self.accept()


def default_plan() -> tuple[RoundPlan, ...]:
    """Check-in, one sharing round, check-out: what most circles do."""
    from circlekeeper.session.model import RoundKind, TimePolicy

    return (
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)),
        RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(45 * 60, minimum=60)),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60)),
    )


__all__ = ["CircleBrief", "SessionSetup", "SetupDialog", "default_plan"]
