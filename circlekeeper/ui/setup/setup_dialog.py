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
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.session.allotment import budget_warning
from circlekeeper.session.document import renumber_plan
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.order import (
    OrderStrategy,
    least_heard_order,
    rotation_order,
    shuffled_order,
)
from circlekeeper.session.roles import suggest_facilitator
from circlekeeper.session.seating import RoundDirection, RoundStart, SeatingRule, round_order
from circlekeeper.ui.bidi_text import breakable, display_name, person_label
from circlekeeper.ui.prompts.picker import PromptTools
from circlekeeper.ui.screen_fit import fit_to_screen, scrolling
from circlekeeper.ui.setup.newcomer_dialog import ask_newcomer
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor
from circlekeeper.ui.setup.seating_list import SEATING_TIP, SeatingList
from circlekeeper.ui.theme import colours_for

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
    seating_rule: SeatingRule = field(default_factory=SeatingRule)
    """The circle's habit for the speaking order (direction, opener, facilitator shares)."""
    recent_facilitators: tuple[tuple[str, ...], ...] = ()
    """Each recent session's facilitators, most recent first: who might facilitate next."""


@dataclass(frozen=True, slots=True)
class SessionSetup:
    present: tuple[Participant, ...]
    """In speaking order for the first round."""
    newcomers: tuple[Participant, ...]
    facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    strategy: OrderStrategy
    seed: int
    seating: tuple[Participant, ...] = ()
    """Everyone present in the room's seating order (``present`` is the first round's order)."""
    seating_rule: SeatingRule = field(default_factory=SeatingRule)
    first_speaker: str | None = None
    facilitator_ids: tuple[str, ...] = ()
    """The facilitators who are people of the circle (guests have no id)."""

    def with_stored_people(self, present: Sequence[Participant]) -> SessionSetup:
        """The same setup once the store has given newcomers their ids: ``present`` is
        ``self.present`` in the same order, so per-person prompts follow their person."""
        mapping = {
            old.person_id: new.person_id for old, new in zip(self.present, present, strict=True)
        }
        by_id = {p.person_id: p for p in present}
        return replace(
            self,
            present=tuple(present),
            plan=renumber_plan(self.plan, mapping),
            seating=tuple(by_id[mapping.get(p.person_id, p.person_id)] for p in self.seating),
            first_speaker=mapping.get(self.first_speaker or "", self.first_speaker),
            facilitator_ids=tuple(mapping.get(pid, pid) for pid in self.facilitator_ids),
        )


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
        self._suggested: str | None = None

        self.present = SeatingList()
        self.present.setAccessibleName("Who is present")
        self.present.setToolTip(f"Tick who is here. {SEATING_TIP}")
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
        for field_ in (self.facilitator, self.co_facilitator):
            field_.setPlaceholderText("Someone of the circle, or a guest")
            completer = QCompleter([p.name for p in brief.members], field_)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            field_.setCompleter(completer)
        self.suggestion = QPushButton()
        self.suggestion.setAccessibleName("Take the suggested facilitator")
        self.suggestion.setToolTip(
            "Roles rotate: this person facilitated least recently (Ctrl+Shift+U takes it)"
        )
        self.suggestion.clicked.connect(self._take_suggestion)
        QShortcut(QKeySequence("Ctrl+Shift+U"), self, self._take_suggestion)
        self.facilitator_shares = QCheckBox("The facilitator takes a turn too")
        self.facilitator_shares.setAccessibleName("The facilitator takes a turn too")
        self.facilitator_shares.setToolTip(
            "Peer support has no fixed helper: the facilitator shares in the rounds too"
        )
        self.facilitator_shares.setChecked(brief.seating_rule.facilitator_shares)
        self.facilitator.textChanged.connect(self._preview)
        self.facilitator_shares.toggled.connect(self._preview)

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
        self.direction.addItem("Clockwise (down the list)", RoundDirection.CLOCKWISE)
        self.direction.addItem("Anticlockwise (up the list)", RoundDirection.COUNTERCLOCKWISE)
        self.direction.addItem("Turn back each round", RoundDirection.ALTERNATE)
        self.direction.setCurrentIndex(
            max(0, self.direction.findData(brief.seating_rule.direction))
        )
        self.round_start = QComboBox()
        self.round_start.setAccessibleName("Each round starts with")
        self.round_start.addItem("The same first speaker", RoundStart.SAME_FIRST)
        self.round_start.addItem("The next person along", RoundStart.NEXT_ALONG)
        self.round_start.addItem("The person after who finished last", RoundStart.AFTER_LAST)
        self.round_start.setCurrentIndex(
            max(0, self.round_start.findData(brief.seating_rule.start))
        )
        self.order_preview = QLabel()
        self.order_preview.setWordWrap(True)
        self.order_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.order_preview.setAccessibleName("Order preview")
        for combo in (self.strategy, self.first, self.direction, self.round_start):
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
        self.budget_note.setStyleSheet(f"color: {colours_for(self.palette()).nearing};")
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
        roles.addRow("", self.suggestion)
        roles.addRow("Co-facilitator", self.co_facilitator)
        roles.addRow(self.facilitator_shares)
        people_layout.addLayout(roles)

        order_box = QGroupBox("Speaking order")
        order_form = QFormLayout(order_box)
        order_form.addRow("Order", self.strategy)
        order_form.addRow("First speaker", self.first)
        order_form.addRow("Direction", self.direction)
        order_form.addRow("Each round starts with", self.round_start)
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
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(buttons)
        fit_to_screen(self, 1100, 780)
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

    def seating_rule(self) -> SeatingRule:
        return SeatingRule(
            RoundDirection(self.direction.currentData()),
            RoundStart(self.round_start.currentData()),
            self.facilitator_shares.isChecked(),
        )

    def facilitator_ids(self) -> list[str]:
        """People of the circle named as facilitator or co-facilitator (guests have no id)."""
        names = {self.facilitator.text().strip(), self.co_facilitator.text().strip()} - {""}
        return [p.person_id for p in self.seating() if p.name in names]

    def first_round_order(self) -> list[Participant]:
        """Who speaks in the first round, in order, exactly as the circle will run it: the
        facilitator is left out when they hold the space instead of sharing."""
        order = self.speaking_order()
        if self.facilitator_shares.isChecked():
            return order
        held = set(self.facilitator_ids())
        return [p for p in order if p.person_id not in held]

    def speaking_order(self) -> list[Participant]:
        """Everyone present in the first round's order (the facilitator included)."""
        people = self.seating()
        by_id = {p.person_id: p for p in people}
        ids = list(by_id)
        rule = self.seating_rule()
        strategy = OrderStrategy(self.strategy.currentData())
        direction = rule.direction.for_round(0)
        if strategy is OrderStrategy.SHUFFLE:
            order = shuffled_order(ids, self._seed)
        elif strategy is OrderStrategy.ROTATION:
            order = rotation_order(ids, self._brief.previous_first, direction)
        elif strategy is OrderStrategy.LEAST_HEARD:
            order = least_heard_order(ids, self._brief.balance)
        else:
            order = round_order(ids, ids, 0, rule, first=self.first.currentData())
        return [by_id[i] for i in order]

    def _refresh_suggestion(self) -> None:
        today = [self.facilitator.text().strip()]
        name = suggest_facilitator(
            [p.name for p in self.seating()], self._brief.recent_facilitators, today=today
        )
        self._suggested = name
        self.suggestion.setVisible(name is not None)
        if name is not None:
            self.suggestion.setText(f"Suggested: {display_name(name)}  [Ctrl+Shift+U]")

    def _take_suggestion(self) -> None:
        if self._suggested:
            self.facilitator.setText(self._suggested)

    def _preview(self, *args: object) -> None:
        if self.sender() is self.present or self.sender() is self.present.model():
            self._refresh_first()
        self.plan.people_changed()
        strategy = OrderStrategy(self.strategy.currentData())
        self.first.setEnabled(strategy is OrderStrategy.SEATING)
        self.direction.setEnabled(strategy in (OrderStrategy.SEATING, OrderStrategy.ROTATION))
        self.round_start.setEnabled(strategy is OrderStrategy.SEATING)
        self._refresh_suggestion()
        order = self.first_round_order()
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
            seating=tuple(self.seating()),
            seating_rule=self.seating_rule(),
            first_speaker=(self.first_round_order() or order)[0].person_id,
            facilitator_ids=tuple(self.facilitator_ids()),
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
