"""Checks a log that came from outside (an imported file, a database) before anyone folds it.

The fold trusts its input; the engine only ever writes consistent logs. A log read from a file
may say anything, so :func:`check_log` replays it the way the engine would have accepted it
and names the first entry (and field) that could not have happened, in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.allotment import floor_problem
from circlekeeper.session.model import PolicyMode
from circlekeeper.session.replay import apply
from circlekeeper.session.state import RoundState, SessionState, TurnState
from circlekeeper.session.undo import UNDOABLE_KINDS


class LogInconsistent(ValueError):
    """Entry ``index`` (position in the log) cannot follow the ones before it.

    ``field`` locates the problem inside the entry (``"seq"``, ``"payload.person_id"``,
    ``"payload.order[2]"``…) or is empty when the whole event is out of place.
    """

    def __init__(self, index: int, field: str, reason: str) -> None:
        self.index = index
        self.field = field
        self.reason = reason
        where = (
            _("entry {number} {field}").format(number=index, field=field)
            if field
            else _("entry {number}").format(number=index)
        )
        super().__init__(_("{where}: {reason}").format(where=where, reason=reason))


def check_log(entries: Sequence[ev.Entry]) -> SessionState:
    """Validate a whole log and return its folded state; raises :class:`LogInconsistent`."""
    checker = _Checker(entries)
    return checker.run()


class _Checker:
    def __init__(self, entries: Sequence[ev.Entry]) -> None:
        self.entries = list(entries)
        self.state = SessionState()
        self.known: set[str] = set()
        self.index = 0

    def fail(self, reason: str, field: str = "") -> LogInconsistent:
        return LogInconsistent(self.index, field, reason)

    def run(self) -> SessionState:
        undone = self._check_sequence()
        for index, entry in enumerate(self.entries):
            self.index = index
            self._check_people_known(entry.event)
            if entry.seq in undone:
                self.state.last_elapsed = max(self.state.last_elapsed, entry.elapsed)
                self.state.last_seq = entry.seq
                continue
            self._check_event(entry)
            try:
                apply(self.state, entry)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                raise self.fail(
                    _("this event cannot be replayed ({error})").format(error=error)
                ) from error
        return self.state

    # ------------------------------------------------------------ whole-log shape

    def _check_sequence(self) -> set[int]:
        undone: set[int] = set()
        kinds: dict[int, str] = {}
        previous_seq = 0
        previous_elapsed = 0.0
        ended = False
        for index, entry in enumerate(self.entries):
            self.index = index
            if isinstance(entry.seq, bool) or not isinstance(entry.seq, int):
                raise self.fail(_("must be a whole number"), "seq")
            if index == 0 and entry.seq != 1:
                raise self.fail(
                    _("the first event must have number 1, not {number}").format(number=entry.seq),
                    "seq",
                )
            if index > 0 and entry.seq != previous_seq + 1:
                # A gap means an event is missing, and the replay would silently differ.
                raise self.fail(
                    _("event numbers must run on without gaps: {number} follows {previous}").format(
                        number=entry.seq, previous=previous_seq
                    ),
                    "seq",
                )
            if not math.isfinite(entry.elapsed) or entry.elapsed < 0:
                raise self.fail(_("must be a finite number of seconds, not negative"), "elapsed")
            if entry.elapsed < previous_elapsed:
                raise self.fail(
                    _("time runs backwards: {seconds} s after {previous} s").format(
                        seconds=f"{entry.elapsed:g}", previous=f"{previous_elapsed:g}"
                    ),
                    "elapsed",
                )
            event = entry.event
            if (index == 0) != isinstance(event, ev.SessionStarted):
                raise self.fail(
                    _("a session must begin with exactly one session-started event")
                    if index == 0
                    else "the session has already started",
                    "kind",
                )
            if ended:
                raise self.fail(_("nothing can happen after the session ended"), "kind")
            ended = isinstance(event, ev.SessionEnded)
            if isinstance(event, ev.ActionUndone):
                target = event.target_seq
                if target not in kinds:
                    raise self.fail(
                        _("undoes event {number}, which does not come before it").format(
                            number=target
                        ),
                        "payload.target_seq",
                    )
                if kinds[target] not in UNDOABLE_KINDS:
                    raise self.fail(
                        _("event {number} ({kind}) cannot be undone").format(
                            number=target, kind=kinds[target]
                        ),
                        "payload.target_seq",
                    )
                if target in undone:
                    raise self.fail(
                        _("event {number} has already been undone").format(number=target),
                        "payload.target_seq",
                    )
                undone.add(target)
            kinds[entry.seq] = event.kind
            previous_seq = entry.seq
            previous_elapsed = entry.elapsed
        return undone

    def _check_people_known(self, event: ev.Event) -> None:
        match event:
            case ev.SessionStarted():
                seen: set[str] = set()
                for i, person in enumerate(event.participants):
                    if not person.person_id:
                        raise self.fail(_("a person needs an id"), f"payload.participants[{i}]")
                    if person.person_id in seen:
                        raise self.fail(
                            _("{person} is listed twice").format(person=repr(person.person_id)),
                            f"payload.participants[{i}].person_id",
                        )
                    seen.add(person.person_id)
                self.known |= seen
            case ev.ParticipantJoined():
                if not event.participant.person_id:
                    raise self.fail(_("a person needs an id"), "payload.participant.person_id")
                self.known.add(event.participant.person_id)
            case ev.RoundStarted() | ev.QueueReordered():
                for i, pid in enumerate(event.order):
                    if pid not in self.known:
                        raise self.fail(
                            _("unknown person {person}").format(person=repr(pid)),
                            f"payload.order[{i}]",
                        )
            case _:
                named: str | None = getattr(event, "person_id", None)
                if named is not None and named not in self.known:
                    raise self.fail(
                        _("unknown person {person}").format(person=repr(named)), "payload.person_id"
                    )

    # --------------------------------------------------------------- each event

    def _check_event(self, entry: ev.Entry) -> None:
        state = self.state
        event = entry.event
        name = state.name_of
        match event:
            case ev.SessionStarted():
                if not 0.0 < event.nearing_fraction < 1.0:
                    raise self.fail(_("must be between 0 and 1"), "payload.nearing_fraction")
            case ev.ParticipantJoined():
                pid = event.participant.person_id
                round_ = state.current_round
                walked_in = round_ is not None and pid in round_.skipped
                if pid in state.present and not walked_in:
                    raise self.fail(
                        _("{person} is already present").format(person=repr(pid)),
                        "payload.participant",
                    )
            case ev.ParticipantLeft():
                if event.person_id not in state.present:
                    raise self.fail(
                        _("{person} is not present").format(person=repr(event.person_id)),
                        "payload.person_id",
                    )
            case ev.RoundStarted():
                if state.current_round is not None:
                    raise self.fail(_("a round starts while another is still going"))
                for i, pid in enumerate(event.order):
                    if pid not in state.present:
                        raise self.fail(
                            _("{person} is not present").format(person=repr(pid)),
                            f"payload.order[{i}]",
                        )
                if len(set(event.order)) != len(event.order):
                    raise self.fail(_("names someone twice"), "payload.order")
                problem = floor_problem(event.plan.policy)
                if problem is not None:
                    raise self.fail(problem, "payload.plan.policy.minimum")
            case ev.TurnStarted():
                round_ = self._round()
                if round_.current is not None:
                    raise self.fail(
                        _("{person} is still speaking").format(
                            person=repr(name(round_.current.person_id))
                        )
                    )
                if event.person_id not in round_.queue:
                    raise self.fail(
                        _("{person} is not waiting to speak").format(person=repr(event.person_id)),
                        "payload.person_id",
                    )
                is_open = round_.plan.policy.mode is PolicyMode.OPEN
                if is_open != (event.allotted is None):
                    raise self.fail(
                        _("an open round has no allotment; other rounds need one"),
                        "payload.allotted",
                    )
                if event.allotted is not None and event.allotted < 0:
                    raise self.fail(_("cannot be negative"), "payload.allotted")
            case ev.TurnStartCorrected():
                turn = self._speaker(event.person_id)
                if event.seconds_earlier <= 0:
                    raise self.fail(_("must be more than 0 seconds"), "payload.seconds_earlier")
                if turn.started_at - event.seconds_earlier < self._round().last_boundary - 1e-6:
                    raise self.fail(
                        _("moves the start before the previous turn ended"),
                        "payload.seconds_earlier",
                    )
            case ev.TurnPaused():
                if not self._speaker(event.person_id).running:
                    raise self.fail(_("the timer is already paused"))
            case ev.TurnResumed():
                if self._speaker(event.person_id).running:
                    raise self.fail(_("the timer is already running"))
            case ev.TurnExtended():
                turn = self._speaker(event.person_id)
                if event.seconds <= 0:
                    raise self.fail(_("must be more than 0 seconds"), "payload.seconds")
                if turn.allotted is None:
                    raise self.fail(_("an open turn has no time limit to extend"))
            case ev.TurnEnded():
                self._speaker(event.person_id)
            case ev.TurnPassed() | ev.TurnDeferred():
                round_ = self._round()
                speaking = round_.current is not None and round_.current.person_id
                if event.person_id != speaking and event.person_id not in round_.queue:
                    raise self.fail(
                        _("{person} is neither speaking nor waiting").format(
                            person=repr(event.person_id)
                        ),
                        "payload.person_id",
                    )
                if isinstance(event, ev.TurnDeferred) and event.person_id in round_.deferred:
                    raise self.fail(
                        _("{person} already passed for now in this round").format(
                            person=repr(event.person_id)
                        ),
                        "payload.person_id",
                    )
            case ev.SpeakerSkipped():
                if event.person_id not in self._round().queue:
                    raise self.fail(
                        _("{person} is not waiting to speak").format(person=repr(event.person_id)),
                        "payload.person_id",
                    )
            case ev.PassReconsidered():
                round_ = self._round()
                if round_.current is not None or round_.queue:
                    raise self.fail(_("someone who passed speaks only once nobody else is waiting"))
                if event.person_id not in round_.passers_waiting:
                    raise self.fail(
                        _("{person} has not passed in this round").format(
                            person=repr(event.person_id)
                        ),
                        "payload.person_id",
                    )
                if event.person_id not in state.present:
                    raise self.fail(
                        _("{person} is not present").format(person=repr(event.person_id)),
                        "payload.person_id",
                    )
            case ev.RoundsReplanned():
                if event.first_index < len(state.rounds):
                    raise self.fail(
                        _("replans a round that has already started"), "payload.first_index"
                    )
                if not event.plans:
                    raise self.fail(_("must name at least one round"), "payload.plans")
            case ev.QueueReordered():
                queue = self._round().queue
                if sorted(event.order) != sorted(queue):
                    raise self.fail(
                        _("must list exactly the people still waiting"), "payload.order"
                    )
            case ev.RoundEnded():
                self._round()
            case ev.SessionInterrupted():
                if event.down_seconds < 0:
                    raise self.fail(_("cannot be negative"), "payload.down_seconds")
            case ev.SessionEnded() | ev.ActionUndone():
                pass

    def _round(self) -> RoundState:
        round_ = self.state.current_round
        if round_ is None:
            raise self.fail(_("no round is in progress"))
        return round_

    def _speaker(self, person_id: str) -> TurnState:
        turn = self._round().current
        if turn is None:
            raise self.fail(_("nobody is speaking"))
        if turn.person_id != person_id:
            raise self.fail(
                _("{person} is speaking, not {other}").format(
                    person=repr(turn.person_id), other=repr(person_id)
                ),
                "payload.person_id",
            )
        return turn
