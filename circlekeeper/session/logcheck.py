"""Checks a log that came from outside (an imported file, a database) before anyone folds it.

The fold trusts its input; the engine only ever writes consistent logs. A log read from a file
may say anything, so :func:`check_log` replays it the way the engine would have accepted it
and names the first entry (and field) that could not have happened, in words.

This module checks the whole log's shape (numbering, time, undo targets, who is known, prompts
dealt with their arrival); whether each event fits the state before it is asked by
:mod:`circlekeeper.session.event_checks`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.event_checks import check_event
from circlekeeper.session.replay import apply
from circlekeeper.session.state import SessionState
from circlekeeper.session.undo import RIDER_KINDS, UNDOABLE_KINDS


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


@dataclass(frozen=True, slots=True)
class _Owner:
    """The join (``person_id`` set) or round start (``None``) a dealt prompt may follow."""

    seq: int
    person_id: str | None


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
            check_event(self.state, entry, self.fail)
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
        owners: dict[int, int] = {}
        """Each dealt prompt's seq → the seq of the join or round start it came with."""
        owner: _Owner | None = None
        undo_at: dict[int, int] = {}
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
                if kinds[target] not in UNDOABLE_KINDS | RIDER_KINDS:
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
                undo_at[target] = index
            owner = self._note_owner(event, entry.seq, owner, owners)
            kinds[entry.seq] = event.kind
            previous_seq = entry.seq
            previous_elapsed = entry.elapsed
        for rider, its_owner in owners.items():
            if rider in undone and its_owner not in undone:
                self.index = undo_at[rider]
                raise self.fail(
                    _(
                        "event {number} (a prompt dealt to a late arrival) is undone only with"
                        " the arrival or round start it came with, event {owner}"
                    ).format(number=rider, owner=its_owner),
                    "payload.target_seq",
                )
        return undone

    def _note_owner(
        self, event: ev.Event, seq: int, owner: _Owner | None, owners: dict[int, int]
    ) -> _Owner | None:
        """A dealt prompt comes right after its join (that person's, once) or its round start
        (anyone's in it): the engine writes them in one action, so one undo takes them all."""
        if isinstance(event, ev.PromptDealt):
            if owner is None or owner.person_id not in (None, event.person_id):
                raise self.fail(
                    _(
                        "a prompt is dealt only right after that person's arrival or the start"
                        " of a round"
                    ),
                    "kind",
                )
            owners[seq] = owner.seq
            return owner if owner.person_id is None else None
        if isinstance(event, ev.RoundStarted):
            return _Owner(seq, None)
        if isinstance(event, ev.ParticipantJoined):
            return _Owner(seq, event.participant.person_id)
        return None

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
