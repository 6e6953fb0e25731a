"""What must hold before the engine accepts a command, each check said as a sentence.

Every function here reads a :class:`SessionState` and either returns what the command needs
(the round in progress, the turn running…) or raises :class:`SessionCommandRefused` with the
words the facilitator sees on the status line. None of them changes anything, so the engine
can run them all before it writes a single entry: a refused command leaves no trace.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.allotment import allotment_for, floor_problem
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.model import Participant, RoundPlan
from circlekeeper.session.state import RoundState, SessionState, TurnState


def require_live(state: SessionState) -> None:
    if not state.started:
        raise SessionCommandRefused(_("The session has not started yet."))
    if state.ended:
        raise SessionCommandRefused(_("This session has ended."))


def require_round(state: SessionState) -> RoundState:
    require_live(state)
    round_ = state.current_round
    if round_ is None:
        raise SessionCommandRefused(_("No round is in progress; start a round first."))
    return round_


def require_turn(state: SessionState) -> TurnState:
    round_ = require_round(state)
    if round_.current is None:
        raise SessionCommandRefused(_("Nobody is speaking right now."))
    return round_.current


def require_present(state: SessionState, person_id: str) -> None:
    if person_id not in state.present:
        raise SessionCommandRefused(
            _("{name} is not in the circle.").format(name=state.name_of(person_id))
        )


def require_waiting(state: SessionState, round_: RoundState, person_id: str) -> None:
    if person_id not in round_.queue:
        raise SessionCommandRefused(
            _("{name} is not waiting to speak in this round.").format(name=state.name_of(person_id))
        )


def require_in_round(state: SessionState, round_: RoundState, person_id: str) -> None:
    if round_.current is not None and round_.current.person_id == person_id:
        return
    require_waiting(state, round_, person_id)


def turn_start_event(
    state: SessionState, person_id: str | None, *, auto: bool, at: float
) -> ev.TurnStarted:
    """The turn that starts at session second ``at``: the chosen waiting person's, or the
    first in the queue, allotted their share of what the round has left at that instant."""
    round_ = state.current_round
    if round_ is None:
        raise SessionCommandRefused(_("Start a round first."))
    if round_.current is not None:
        raise SessionCommandRefused(
            _("{name} is still speaking; end their turn first.").format(
                name=state.name_of(round_.current.person_id)
            )
        )
    if not round_.queue:
        raise SessionCommandRefused(_("Everyone has had their turn in this round."))
    who = person_id or round_.queue[0]
    if who not in round_.queue:
        raise SessionCommandRefused(
            _("{name} is not waiting to speak.").format(name=state.name_of(who))
        )
    allotted = allotment_for(round_.plan.policy, round_.spoken_in_round(at), len(round_.queue))
    return ev.TurnStarted(who, allotted, auto)


# ------------------------------------------------------------------ the session


def require_startable(
    state: SessionState, participants: Sequence[Participant], nearing_fraction: float
) -> None:
    if state.started:
        raise SessionCommandRefused(_("This session has already started."))
    if not 0.0 < nearing_fraction < 1.0:
        raise SessionCommandRefused(_("The nearing-end warning must be between 0 % and 100 %."))
    ids = [p.person_id for p in participants]
    if not all(ids):
        raise SessionCommandRefused(_("Everyone present needs an id to be counted."))
    if len(set(ids)) != len(ids):
        raise SessionCommandRefused(_("The same person is listed twice among those present."))


def require_newcomer(state: SessionState, participant: Participant) -> None:
    """A late arrival needs an id and must not be here already (unless they were skipped
    as not in the room and have walked in since)."""
    pid = participant.person_id
    if not pid:
        raise SessionCommandRefused(
            _("{name} needs an id to be counted.").format(name=participant.name)
        )
    round_ = state.current_round
    walked_in = round_ is not None and pid in round_.skipped
    if pid in state.present and not walked_in:
        raise SessionCommandRefused(_("{name} is already here.").format(name=participant.name))


def require_replannable(state: SessionState, first_index: int, plans: Sequence[RoundPlan]) -> None:
    if first_index < len(state.rounds):
        raise SessionCommandRefused(_("Only rounds that have not started yet can be replanned."))
    if not plans:
        raise SessionCommandRefused(_("A new plan needs at least one round."))


# --------------------------------------------------------------------- rounds


def require_no_round(state: SessionState) -> None:
    if state.current_round is not None:
        raise SessionCommandRefused(_("End the current round before starting another one."))


def require_round_order(state: SessionState, plan: RoundPlan, chosen: Sequence[str]) -> None:
    """A round starts with people who are here, each once, under a policy that can work."""
    for person_id in chosen:
        require_present(state, person_id)
    if len(set(chosen)) != len(chosen):
        raise SessionCommandRefused(_("The speaking order names someone twice."))
    problem = floor_problem(plan.policy)
    if problem is not None:
        raise SessionCommandRefused(problem[0].upper() + problem[1:] + ".")


def require_new_order(round_: RoundState, order: Sequence[str]) -> None:
    if sorted(order) != sorted(round_.queue) or len(order) != len(round_.queue):
        raise SessionCommandRefused(
            _("A new order must list exactly the people still waiting to speak.")
        )


def require_someone_waiting(round_: RoundState) -> None:
    if not round_.queue:
        # Everyone passed or spoke (or nobody is here): no turn is coming, so there is no
        # allotment to show, rather than a whole budget for nobody.
        raise SessionCommandRefused(_("Nobody is waiting to speak in this round."))


# ---------------------------------------------------------------------- turns


def require_running_turn(state: SessionState) -> TurnState:
    turn = require_turn(state)
    if not turn.running:
        raise SessionCommandRefused(_("The timer is already paused."))
    return turn


def require_paused_turn(state: SessionState) -> TurnState:
    turn = require_turn(state)
    if turn.running:
        raise SessionCommandRefused(_("The timer is already running."))
    return turn


def require_extension(turn: TurnState, seconds: float) -> None:
    if not seconds > 0:
        raise SessionCommandRefused(
            _("A turn can only be extended by a positive number of seconds.")
        )
    if not math.isfinite(seconds):
        raise SessionCommandRefused(_("Extra time must be a real number of seconds."))
    if turn.allotted is None:
        raise SessionCommandRefused(_("This round is open: there is no time limit to extend."))


def require_correction(round_: RoundState, seconds_ago: float, already: float, now: float) -> None:
    """A corrected start must be earlier than the turn already counts, and no earlier than
    the moment the turn before it ended (or the round opened)."""
    if not seconds_ago > already:
        raise SessionCommandRefused(
            _("The turn already counts {seconds} s; give a longer time to correct it.").format(
                seconds=f"{already:.0f}"
            )
        )
    earliest = now - round_.last_boundary
    if seconds_ago > earliest + 1e-9:
        raise SessionCommandRefused(
            _(
                "The turn cannot have started more than {seconds} s ago: the previous turn"
                " was still going then."
            ).format(seconds=f"{earliest:.0f}")
        )


def require_passer(state: SessionState, round_: RoundState, person_id: str | None) -> str:
    """Who passes: ``person_id``, or whoever is up next; speaking or waiting in this round."""
    who = person_id or round_.up_next
    if who is None:
        raise SessionCommandRefused(_("Nobody is waiting to speak in this round."))
    require_in_round(state, round_, who)
    return who


def require_first_deferral(state: SessionState, round_: RoundState, who: str) -> None:
    if who in round_.deferred:
        raise SessionCommandRefused(
            _(
                "{name} has already asked to come back at the end once this round; they can"
                " pass or speak now."
            ).format(name=state.name_of(who))
        )


def require_passer_may_speak(state: SessionState, round_: RoundState, person_id: str) -> None:
    """Someone who passed speaks after all only once nobody is speaking or waiting, and only
    if they passed in this round and are still here."""
    name = state.name_of(person_id)
    if round_.current is not None:
        raise SessionCommandRefused(
            _("{name} is still speaking; end their turn first.").format(
                name=state.name_of(round_.current.person_id)
            )
        )
    if round_.queue:
        raise SessionCommandRefused(
            _("Everyone waiting speaks first; those who passed get their chance after.")
        )
    if person_id not in round_.passers_waiting:
        raise SessionCommandRefused(_("{name} has not passed in this round.").format(name=name))
    if person_id not in state.present:
        raise SessionCommandRefused(_("{name} is not in the circle any more.").format(name=name))
