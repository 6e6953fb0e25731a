"""What must hold before the engine accepts a command, each check said as a sentence.

Every function here reads a :class:`SessionState` and either returns what the command needs
(the round in progress, the turn running…) or raises :class:`SessionCommandRefused` with the
words the facilitator sees on the status line. None of them changes anything, so the engine
can run them all before it writes a single entry: a refused command leaves no trace.
"""

from __future__ import annotations

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.allotment import allotment_for
from circlekeeper.session.errors import SessionCommandRefused
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
