"""What the live screens read of one circle in progress: the read side of the live controller.

The live view, the presenter window and the dialogs ask the controller where the circle is,
which prompt to show, who may still speak, what the next round will look like. Every answer is
a function of the engine's state, the plan and the room's seating, so it is given here without
Qt; :class:`~circlekeeper.ui.live.controller.LiveController` mixes this in and adds the Qt
signals, the repaint timer and the commands.

The class holds no state of its own and has no ``__init__`` (PySide6 would call a mixin's
``__init__`` without arguments): whoever mixes it in sets the attributes declared below.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from circlekeeper.session.dealing import PromptDeal
from circlekeeper.session.engine import CircleSession
from circlekeeper.session.forecast import CircleForecast, Refit, effective_plans, fit_to_time
from circlekeeper.session.forecast import forecast as circle_forecast
from circlekeeper.session.live import questions
from circlekeeper.session.live.policy import (
    Moment,
    RoundProgress,
    Step,
    moment,
    move_on_step,
    round_progress,
    up_next,
)
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.seating import SeatingRule, round_order
from circlekeeper.session.state import RoundState, TurnView


class LiveReading:
    """The questions the live screens ask, over the attributes the controller keeps."""

    _session: CircleSession
    _plan: list[RoundPlan]
    """The plan as set up, with the rounds added during the circle."""
    _seating: list[str]
    """The room's order that later rounds go around (late arrivals at the end)."""
    _wall: Callable[[], datetime]
    seating_rule: SeatingRule
    first_speaker: str | None
    facilitator_ids: tuple[str, ...]
    """People of the circle who facilitate today (the rule may keep them off the queue)."""
    deal: PromptDeal | None
    """Draws a late arrival's own prompt in a round where each person has one (from the
    circle's library, injected by the composition root); ``None``: they hear the shared
    prompt."""

    @property
    def session(self) -> CircleSession:
        return self._session

    @property
    def plan(self) -> tuple[RoundPlan, ...]:
        return tuple(self._plan)

    def participant(self, person_id: str) -> Participant | None:
        return self._session.state.participants.get(person_id)

    def turn_view(self) -> TurnView | None:
        return self._session.turn_view()

    def progress(self) -> RoundProgress:
        return round_progress(self._session.state, self.effective_plan())

    def next_step(self) -> Step:
        """What *move on* (N) would do now."""
        return move_on_step(self._session.state)

    def moment(self) -> Moment:
        """Who speaks, who is up and who follows, with the round: for every screen."""
        return moment(self._session.state, self.effective_plan())

    def effective_plan(self) -> list[RoundPlan]:
        """The plan as it stands now: rounds the facilitator shortened replace planned ones."""
        return effective_plans(self._session.state, self._plan)

    def forecast(self) -> CircleForecast:
        """The whole circle's clock at this instant (planned end, where the plan heads)."""
        return circle_forecast(self._session.state, self._plan, self._session.elapsed())

    def refit(self) -> Refit | None:
        """A shortened plan for the rounds not started yet, if the circle is running over."""
        outlook = self.forecast()
        return fit_to_time(
            self._session.state, self._plan, outlook.now, planned_end=outlook.planned_end
        )

    def wall_at(self, elapsed: float) -> datetime:
        """The wall-clock moment of a session instant: the session's first entry is the anchor
        and everything after it is monotonic seconds, so a clock change never bends the plan."""
        log = self._session.log
        if not log:
            return self._wall()
        first = log[0]
        return first.wall + timedelta(seconds=elapsed - first.elapsed)

    def passers_waiting(self) -> list[str]:
        """Who passed this round and may speak now that nobody else is waiting."""
        return questions.passers_who_may_speak(self._session.state)

    def prompt_now(self) -> str:
        """The prompt to show (a per-person round: the prompt of whoever speaks or is up)."""
        return questions.prompt_now(self._session.state, self.effective_plan())

    def longest_late_start(self) -> float | None:
        """How long ago the running turn can have begun at the most (*Started late…*)."""
        return questions.longest_late_start(self._session)

    def deals_when_next_round_begins(self) -> bool:
        """Whether someone who joins the next round without a prompt is dealt theirs."""
        return questions.deals_when_next_round_begins(
            self._session.state, self.effective_plan(), can_deal=self.deal is not None
        )

    def next_allotment(self) -> float | None:
        """What the next speaker would be allotted now (shown on the ring before they start)."""
        return questions.next_allotment(self._session)

    def current_round(self) -> RoundState | None:
        return self._session.state.current_round

    def up_next(self) -> str | None:
        """Who speaks after the current speaker (or first, when nobody is speaking)."""
        return up_next(self._session.state)

    def own_prompt(self, person_id: str) -> str:
        """The prompt dealt to ``person_id`` for the round in progress after it was planned
        (a late arrival's), or ``""``."""
        return questions.own_prompt(self._session.state, person_id)

    def order_for_next_round(self) -> list[str]:
        """The order the next round will run in: around the room's seating (late arrivals at
        the end) in the circle's direction, from the opener its habit names."""
        state = self._session.state
        return round_order(
            self._seating,
            state.present,
            len(state.rounds),
            self.seating_rule,
            first=self.first_speaker,
            previous=questions.previous_round(state),
            facilitators=self.facilitator_ids,
        )
