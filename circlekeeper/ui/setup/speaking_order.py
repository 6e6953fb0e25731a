"""*Start a circle*'s speaking order: the choices offered (around the circle, shuffled,
rotation, least heard first; direction; who starts each round) and the first round's order
they make of who is here.

A mixin of :class:`~circlekeeper.ui.setup.setup_dialog.SetupDialog`, which builds the choices
and supplies what is declared here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from circlekeeper.i18n import N_
from circlekeeper.session.model import Participant
from circlekeeper.session.order import (
    OrderStrategy,
    least_heard_order,
    rotation_order,
    shuffled_order,
)
from circlekeeper.session.seating import RoundDirection, RoundStart, SeatingRule, round_order
from circlekeeper.ui.setup.brief import CircleBrief
from circlekeeper.ui.setup.present_people import PresentPeople

STRATEGIES = [
    (N_("Around the circle"), OrderStrategy.SEATING),
    (N_("Shuffled"), OrderStrategy.SHUFFLE),
    (N_("Rotate the first speaker from last time"), OrderStrategy.ROTATION),
    (N_("Least heard recently first"), OrderStrategy.LEAST_HEARD),
]
DIRECTIONS = [
    (N_("Clockwise (down the list)"), RoundDirection.CLOCKWISE),
    (N_("Anticlockwise (up the list)"), RoundDirection.COUNTERCLOCKWISE),
    (N_("Turn back each round"), RoundDirection.ALTERNATE),
]
ROUND_STARTS = [
    (N_("The same first speaker"), RoundStart.SAME_FIRST),
    (N_("The next person along"), RoundStart.NEXT_ALONG),
    (N_("The person after who finished last"), RoundStart.AFTER_LAST),
]


class SpeakingOrder(PresentPeople):
    """The first round's order; the dialog supplies what is declared here."""

    strategy: QComboBox
    direction: QComboBox
    round_start: QComboBox
    facilitator: QLineEdit
    co_facilitator: QLineEdit
    facilitator_shares: QCheckBox
    _brief: CircleBrief
    _seed: int

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
