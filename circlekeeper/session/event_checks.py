"""Whether one event of an outside log could have happened in the state before it.

The engine refuses a command that makes no sense (:mod:`circlekeeper.session.preconditions`);
a log read from a file was never through the engine, so :func:`check_event` asks the same of
each event it holds, in the log checker's terms: the reason in words and the field of the
entry it is about. :mod:`circlekeeper.session.logcheck` walks the log and says where.
"""

from __future__ import annotations

from typing import Protocol

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.allotment import floor_problem
from circlekeeper.session.dealing import needs_own_prompt
from circlekeeper.session.model import PolicyMode
from circlekeeper.session.state import RoundState, SessionState, TurnState


class Fail(Protocol):
    """Builds the exception for the entry being checked (the checker knows where it is)."""

    def __call__(self, reason: str, field: str = "") -> Exception: ...


def check_event(state: SessionState, entry: ev.Entry, fail: Fail) -> None:
    """Raise ``fail(reason, field)`` unless ``entry`` could have followed ``state``."""
    event = entry.event
    name = state.name_of
    match event:
        case ev.SessionStarted():
            if not 0.0 < event.nearing_fraction < 1.0:
                raise fail(_("must be between 0 and 1"), "payload.nearing_fraction")
        case ev.ParticipantJoined():
            pid = event.participant.person_id
            round_ = state.current_round
            walked_in = round_ is not None and pid in round_.skipped
            if pid in state.present and not walked_in:
                raise fail(
                    _("{person} is already present").format(person=repr(pid)),
                    "payload.participant",
                )
        case ev.PromptDealt():
            round_ = _round(state, fail)
            if not round_.plan.per_person:
                raise fail(_("this round has one prompt for everyone, not one for each person"))
            if event.person_id not in round_.queue:
                raise fail(
                    _("{person} is not waiting to speak").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
            if not needs_own_prompt(round_, event.person_id):
                raise fail(
                    _("{person} already has a prompt of their own in this round").format(
                        person=repr(event.person_id)
                    ),
                    "payload.person_id",
                )
            if not event.text.strip():
                raise fail(_("must not be empty"), "payload.text")
            if event.prompt_id is not None and not event.prompt_id.strip():
                raise fail(_("must be null or a prompt's id"), "payload.prompt_id")
        case ev.ParticipantLeft():
            if event.person_id not in state.present:
                raise fail(
                    _("{person} is not present").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
        case ev.RoundStarted():
            if state.current_round is not None:
                raise fail(_("a round starts while another is still going"))
            for i, pid in enumerate(event.order):
                if pid not in state.present:
                    raise fail(
                        _("{person} is not present").format(person=repr(pid)),
                        f"payload.order[{i}]",
                    )
            if len(set(event.order)) != len(event.order):
                raise fail(_("names someone twice"), "payload.order")
            problem = floor_problem(event.plan.policy)
            if problem is not None:
                raise fail(problem, "payload.plan.policy.minimum")
        case ev.TurnStarted():
            round_ = _round(state, fail)
            if round_.current is not None:
                raise fail(
                    _("{person} is still speaking").format(
                        person=repr(name(round_.current.person_id))
                    )
                )
            if event.person_id not in round_.queue:
                raise fail(
                    _("{person} is not waiting to speak").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
            is_open = round_.plan.policy.mode is PolicyMode.OPEN
            if is_open != (event.allotted is None):
                raise fail(
                    _("an open round has no allotment; other rounds need one"),
                    "payload.allotted",
                )
            if event.allotted is not None and event.allotted < 0:
                raise fail(_("cannot be negative"), "payload.allotted")
        case ev.TurnStartCorrected():
            turn = _speaker(state, event.person_id, fail)
            if event.seconds_earlier <= 0:
                raise fail(_("must be more than 0 seconds"), "payload.seconds_earlier")
            if turn.started_at - event.seconds_earlier < _round(state, fail).last_boundary - 1e-6:
                raise fail(
                    _("moves the start before the previous turn ended"),
                    "payload.seconds_earlier",
                )
        case ev.TurnPaused():
            if not _speaker(state, event.person_id, fail).running:
                raise fail(_("the timer is already paused"))
        case ev.TurnResumed():
            if _speaker(state, event.person_id, fail).running:
                raise fail(_("the timer is already running"))
        case ev.TurnExtended():
            turn = _speaker(state, event.person_id, fail)
            if event.seconds <= 0:
                raise fail(_("must be more than 0 seconds"), "payload.seconds")
            if turn.allotted is None:
                raise fail(_("an open turn has no time limit to extend"))
        case ev.TurnEnded():
            _speaker(state, event.person_id, fail)
        case ev.TurnPassed() | ev.TurnDeferred():
            round_ = _round(state, fail)
            speaking = round_.current is not None and round_.current.person_id
            if event.person_id != speaking and event.person_id not in round_.queue:
                raise fail(
                    _("{person} is neither speaking nor waiting").format(
                        person=repr(event.person_id)
                    ),
                    "payload.person_id",
                )
            if event.spoke and event.person_id != speaking:
                raise fail(
                    _("{person} is not speaking, so has spoken no time to keep").format(
                        person=repr(event.person_id)
                    ),
                    "payload.spoke",
                )
            if isinstance(event, ev.TurnDeferred) and event.person_id in round_.deferred:
                raise fail(
                    _("{person} already passed for now in this round").format(
                        person=repr(event.person_id)
                    ),
                    "payload.person_id",
                )
        case ev.SpeakerSkipped():
            if event.person_id not in _round(state, fail).queue:
                raise fail(
                    _("{person} is not waiting to speak").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
        case ev.PassReconsidered():
            round_ = _round(state, fail)
            if round_.current is not None or round_.queue:
                raise fail(_("someone who passed speaks only once nobody else is waiting"))
            if event.person_id not in round_.passers_waiting:
                raise fail(
                    _("{person} has not passed in this round").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
            if event.person_id not in state.present:
                raise fail(
                    _("{person} is not present").format(person=repr(event.person_id)),
                    "payload.person_id",
                )
        case ev.RoundsReplanned():
            if event.first_index < len(state.rounds):
                raise fail(_("replans a round that has already started"), "payload.first_index")
            if not event.plans:
                raise fail(_("must name at least one round"), "payload.plans")
        case ev.QueueReordered():
            queue = _round(state, fail).queue
            if sorted(event.order) != sorted(queue):
                raise fail(_("must list exactly the people still waiting"), "payload.order")
        case ev.RoundEnded():
            _round(state, fail)
        case ev.SessionInterrupted():
            if event.down_seconds < 0:
                raise fail(_("cannot be negative"), "payload.down_seconds")
        case ev.SessionEnded() | ev.ActionUndone():
            pass


def _round(state: SessionState, fail: Fail) -> RoundState:
    round_ = state.current_round
    if round_ is None:
        raise fail(_("no round is in progress"))
    return round_


def _speaker(state: SessionState, person_id: str, fail: Fail) -> TurnState:
    turn = _round(state, fail).current
    if turn is None:
        raise fail(_("nobody is speaking"))
    if turn.person_id != person_id:
        raise fail(
            _("{person} is speaking, not {other}").format(
                person=repr(turn.person_id), other=repr(person_id)
            ),
            "payload.person_id",
        )
    return turn
