"""*Start a circle*: who is here, who facilitates, who speaks first, and the round plan.

The dialog is given plain data (the circle's members, agreements and default plan) and returns
a :class:`SessionSetup`; it never touches the store, so the same dialog serves a demo circle,
a real one and the tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable

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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_open_list
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.order import (
    OrderStrategy,
)
from circlekeeper.session.roles import suggest_facilitator
from circlekeeper.ui.bidi_text import (
    breakable,
    display_name,
    own_direction,
    sentence,
)
from circlekeeper.ui.demo_badge import demo_name
from circlekeeper.ui.key_names import key_text
from circlekeeper.ui.placeholder_fit import fit_placeholder
from circlekeeper.ui.prompts.picker import PromptTools
from circlekeeper.ui.screen_fit import fit_to_screen, scrolling
from circlekeeper.ui.setup.brief import CircleBrief, SessionSetup, default_plan
from circlekeeper.ui.setup.budget_offer import BudgetOffer
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor
from circlekeeper.ui.setup.seating_list import SeatingList, seating_tip
from circlekeeper.ui.setup.speaking_order import DIRECTIONS, ROUND_STARTS, STRATEGIES, SpeakingOrder
from circlekeeper.ui.wrapping_button import WrappingButton

PREVIEWED_NAMES = 12
CHOICE_CHARACTERS = 24


PromptSource = Callable[[RoundPlan, QWidget], str | None]


class SetupDialog(SpeakingOrder, QDialog):
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
        self.setWindowTitle(
            _("Start a circle — {circle}").format(circle=demo_name(brief.name, brief.demo))
        )
        self.setAccessibleName(_("Start a circle"))
        self._brief = brief
        self._seed = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
        self._newcomers: list[Participant] = []
        self._counter = 0
        self._suggested: str | None = None

        self.present = SeatingList()
        self.present.setAccessibleName(_("Who is present"))
        self.present.setToolTip(_("Tick who is here.") + " " + seating_tip())
        for person in brief.members:
            self._add_person_item(person, newcomer=False)
        self.present.itemChanged.connect(self._preview)
        self.present.model().rowsMoved.connect(self._preview)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        add = QPushButton(_("Add a &newcomer…"))
        add.setAccessibleName(_("Add a newcomer"))
        add.setShortcut(QKeySequence("Ctrl+N"))
        add.setToolTip(
            _("Someone new joins today: their name and pronouns as they give them (Ctrl+N)")
        )
        add.clicked.connect(self._add_newcomer)

        self.facilitator = QLineEdit(brief.facilitators[0] if brief.facilitators else "")
        self.facilitator.setAccessibleName(_("Facilitator"))
        self.co_facilitator = QLineEdit(
            brief.facilitators[1] if len(brief.facilitators) > 1 else ""
        )
        self.co_facilitator.setAccessibleName(_("Co-facilitator"))
        for field_ in (self.facilitator, self.co_facilitator):
            fit_placeholder(
                field_,
                _("Someone of the circle, or a guest"),
                # Translators: the short form of "Someone of the circle, or a guest", for a
                # narrow field (a 1024×600 screen).
                _("A member or a guest"),
            )
            completer = QCompleter([p.name for p in brief.members], field_)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            field_.setCompleter(completer)
        self.suggestion = WrappingButton()
        self.suggestion.setAccessibleName(_("Take the suggested facilitator"))
        self.suggestion.setToolTip(
            _("Roles rotate: this person facilitated least recently (Ctrl+Shift+U takes it)")
        )
        self.suggestion.clicked.connect(self._take_suggestion)
        QShortcut(QKeySequence("Ctrl+Shift+U"), self, self._take_suggestion)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.facilitator_shares = QCheckBox(_("The facilitator &takes a turn too"))
        self.facilitator_shares.setAccessibleName(_("The facilitator takes a turn too"))
        self.facilitator_shares.setToolTip(
            _("Peer support has no fixed helper: the facilitator shares in the rounds too")
        )
        self.facilitator_shares.setChecked(brief.seating_rule.facilitator_shares)
        self.facilitator.textChanged.connect(self._preview)
        self.facilitator_shares.toggled.connect(self._preview)

        self.strategy = QComboBox()
        self.strategy.setAccessibleName(_("Speaking order"))
        for text, value in STRATEGIES:
            self.strategy.addItem(_(text), value)
        self.first = QComboBox()
        self.first.setAccessibleName(_("First speaker"))
        self.direction = QComboBox()
        self.direction.setAccessibleName(_("Direction"))
        for text, direction in DIRECTIONS:
            self.direction.addItem(_(text), direction)
        self.direction.setCurrentIndex(
            max(0, self.direction.findData(brief.seating_rule.direction))
        )
        self.round_start = QComboBox()
        self.round_start.setAccessibleName(_("Each round starts with"))
        for text, start in ROUND_STARTS:
            self.round_start.addItem(_(text), start)
        self.round_start.setCurrentIndex(
            max(0, self.round_start.findData(brief.seating_rule.start))
        )
        self.order_preview = QLabel()
        self.order_preview.setWordWrap(True)
        self.order_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.order_preview.setAccessibleName(_("Order preview"))
        for combo in (self.strategy, self.first, self.direction, self.round_start):
            combo.currentIndexChanged.connect(self._preview)

        self.plan = RoundPlanEditor(
            brief.default_plan,
            draw_prompt=draw_prompt,
            browse_prompt=browse_prompt,
            prompt_tools=prompt_tools,
            people=self.seating,
        )
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.skip_check_in = QCheckBox(_("S&kip check-in today"))
        self.skip_check_in.setAccessibleName(_("Skip check-in"))
        self.budget_offer = BudgetOffer(self.plan)
        self.plan.budgets_changed.connect(self._check_budgets)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.budget_offer.undo)

        # Each agreement a line in the window's direction, its words in their own, as on the
        # circle's page: in Arabic the list was pinned to the left edge, numbers and all.
        agreements = QLabel(
            "\n".join(
                sentence(f"{i}. {own_direction(breakable(text))}")
                for i, text in enumerate(brief.agreements, 1)
            )
            or _("This circle has no written agreements yet.")
        )
        agreements.setWordWrap(True)
        agreements.setTextFormat(Qt.TextFormat.PlainText)
        agreements.setAccessibleName(_("Group agreements"))
        agreements.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        body = self._lay_out(add, agreements)

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            # Translators: & marks the Alt+letter; each must differ from this dialog's others.
            _("&Start the circle"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.start_button.setAccessibleName(_("Start the circle"))
        self.start_button.setToolTip(_("Start the circle (Ctrl+Enter)"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)

        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(body), 1)
        # Outside the scrolling body, just above Start: a round that cannot fit is seen before
        # the circle starts, however far down the plan is on a small screen.
        outer.addWidget(self.budget_offer)
        outer.addWidget(buttons)
        fit_to_screen(self, 1100, 780)
        self._refresh_first()
        self._preview()
        self.result_setup: SessionSetup | None = None
        self._as_opened = self._prepared()

    def _lay_out(self, add: QPushButton, agreements: QLabel) -> QVBoxLayout:
        """Three short columns above the round plan, which takes the height left: who is
        here; who facilitates and the agreements; the speaking order. On a 1024×600 screen
        the plan's rounds are in sight as the dialog opens (they were below its fold, under
        two tall columns)."""
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        people_box = QGroupBox(_("Who is &here"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.present, 1)
        people_layout.addWidget(add)

        # Words that wrap (the suggestion, the order preview) sit below each form, not in it:
        # a form row in a narrow column was given less height than its wrapped words.
        roles_box = QGroupBox()
        roles_layout = QVBoxLayout(roles_box)
        roles = QFormLayout()
        roles.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Every field, tick box and button answers to Alt and a letter, each once in the dialog
        # (the round plan's buttons included); the suggestion, a button of plain words that
        # wrap around a name, has Ctrl+Shift+U instead.
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        roles.addRow(_("&Facilitator"), self.facilitator)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        roles.addRow(_("&Co-facilitator"), self.co_facilitator)
        roles_layout.addLayout(roles)
        roles_layout.addWidget(self.suggestion)
        roles_layout.addWidget(self.facilitator_shares)
        roles_layout.addStretch(1)

        agreements_box = QGroupBox(_("Group agreements — to read aloud"))
        QVBoxLayout(agreements_box).addWidget(agreements)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(roles_box, 1)  # room to spare goes to wrapped words
        middle_layout.addWidget(agreements_box)

        order_box = QGroupBox(_("Speaking order"))
        order_layout = QVBoxLayout(order_box)
        order_form = QFormLayout()
        order_layout.addLayout(order_form)
        order_layout.addWidget(self.order_preview)
        order_layout.addStretch(1)
        for combo in (self.strategy, self.first, self.direction, self.round_start):
            # Asking for the chosen words' room, not the longest choice's, keeps each beside
            # its label (a row wrapped under its label cost the plan a line).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(CHOICE_CHARACTERS)
        order_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        order_form.addRow(_("&Order"), self.strategy)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        order_form.addRow(_("First s&peaker"), self.first)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        order_form.addRow(_("&Direction"), self.direction)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        order_form.addRow(_("Each round st&arts with"), self.round_start)

        plan_box = QGroupBox(_("Rounds"))
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addWidget(self.skip_check_in)

        # The roles and the order take the width their words ask for (the order's choices
        # read in full, each beside its label); who is here takes the rest, so names with
        # their pronouns read whole on a laptop ("Анна Смирнова (she/" was cut short when
        # the order column took the room it had to spare).
        top = QHBoxLayout()
        top.addWidget(people_box, 1)
        top.addWidget(middle)
        top.addWidget(order_box)
        body = QVBoxLayout()
        body.addLayout(top, 1)
        body.addWidget(plan_box, 1)  # asks for its rounds: one prompt per person grows it
        return body

    # ---------------------------------------------------------------- order

    def _refresh_suggestion(self) -> None:
        today = [self.facilitator.text().strip()]
        name = suggest_facilitator(
            [p.name for p in self.seating()], self._brief.recent_facilitators, today=today
        )
        self._suggested = name
        self.suggestion.setVisible(name is not None)
        if name is not None:
            self.suggestion.setText(
                # Translators: {keys} is the key that takes the suggestion ("Ctrl+Shift+U").
                _("Suggested: {person}  [{keys}]").format(
                    person=display_name(name), keys=key_text("Ctrl+Shift+U")
                )
            )

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
        # A sequence, not "this one and that one": the locale's glue between items, no "and".
        names = format_open_list(display_name(p.name) for p in order[:PREVIEWED_NAMES])
        names += "…" if len(order) > PREVIEWED_NAMES else ""
        preview = ngettext(
            "{count} present. Order: {names}", "{count} present. Order: {names}", len(order)
        )
        self.order_preview.setText(preview.format(count=len(order), names=names) if order else "")
        self._check_budgets()

    def _check_budgets(self) -> None:
        """Warn (without stopping anyone) when a fair-share round's minimum turns for everyone
        who speaks add up to more than its length, and offer the fix in one step."""
        self.budget_offer.check(len(self.first_round_order()))

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
            question = _("Close without starting and lose the choices made here?")
            if not self._ask(_("Discard this circle?"), question):
                return
        super().reject()

    def _accept(self) -> None:
        order = self.speaking_order()
        if not order:
            QMessageBox.information(
                self, _("Nobody is ticked"), _("Tick at least one person present.")
            )
            return
        plan = self.plan.rounds(skip_check_in=self.skip_check_in.isChecked())
        if not plan:
            QMessageBox.information(self, _("No rounds"), _("Add at least one round to the plan."))
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


__all__ = ["CircleBrief", "SessionSetup", "SetupDialog", "default_plan"]
