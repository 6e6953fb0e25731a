"""``fold(log) -> state``: the only way session state comes into being.

The engine applies each new entry with :func:`apply`, crash recovery folds the stored log, and
both go through the same code, so replay always rebuilds exactly what was on screen.
Validation lives in the engine; the fold trusts the log it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.model import Participant
from circlekeeper.session.state import (
    RoundState,
    SessionState,
    TurnOutcome,
    TurnRecord,
    TurnState,
)


def fold(entries: Iterable[ev.Entry]) -> SessionState:
    """Derive the session state from a log; undone events are left out."""
    entries = list(entries)
    undone = undone_seqs(entries)
    state = SessionState()
    for entry in entries:
        if entry.seq in undone:
            state.last_elapsed = max(state.last_elapsed, entry.elapsed)
            state.last_seq = entry.seq
            continue
        apply(state, entry)
    return state


def undone_seqs(entries: Iterable[ev.Entry]) -> set[int]:
    undone: set[int] = set()
    for entry in entries:
        if isinstance(entry.event, ev.ActionUndone):
            undone.add(entry.event.target_seq)
    return undone


def apply(state: SessionState, entry: ev.Entry) -> None:
    """Apply one entry in place (entries must come in sequence order)."""
    event = entry.event
    at = entry.elapsed
    state.last_elapsed = max(state.last_elapsed, at)
    state.last_seq = entry.seq
    match event:
        case ev.SessionStarted():
            state.started = True
            state.circle = event.circle
            state.facilitators = event.facilitators
            state.nearing_fraction = event.nearing_fraction
            state.started_at = at
            for person in event.participants:
                state.participants[person.person_id] = person
                state.present.append(person.person_id)
        case ev.ParticipantJoined():
            _join(state, event.participant, event.place)
        case ev.PromptDealt():
            round_ = _round(state)
            round_.plan = replace(
                round_.plan,
                person_prompts=(*round_.plan.person_prompts, (event.person_id, event.text)),
            )
            round_.dealt.append(event.person_id)
        case ev.ParticipantLeft():
            _leave(state, event.person_id, at)
        case ev.RoundStarted():
            state.next_round_arrivals.clear()
            index = len(state.rounds)
            state.rounds.append(
                RoundState(
                    index=index,
                    plan=event.plan,
                    queue=list(event.order),
                    started_at=at,
                    last_boundary=at,
                )
            )
        case ev.TurnStarted():
            round_ = _round(state)
            round_.queue.remove(event.person_id)
            round_.current = TurnState(
                person_id=event.person_id,
                allotted=event.allotted,
                started_at=at,
                running_since=at,
            )
        case ev.TurnStartCorrected():
            turn = _turn(state)
            turn.banked += event.seconds_earlier
            turn.started_at -= event.seconds_earlier
        case ev.TurnPaused():
            turn = _turn(state)
            turn.banked = turn.spoken(at)
            turn.running_since = None
        case ev.TurnResumed():
            _turn(state).running_since = at
        case ev.TurnExtended():
            turn = _turn(state)
            turn.allotted = (turn.allotted or 0.0) + event.seconds
        case ev.TurnEnded():
            _close_turn(state, at, TurnOutcome.SPOKE)
        case ev.TurnPassed():
            round_ = _round(state)
            if round_.current is not None and round_.current.person_id == event.person_id:
                _close_turn(state, at, TurnOutcome.PASSED, keep_spoken=event.spoke)
            else:
                round_.queue.remove(event.person_id)
                round_.passed.append(event.person_id)
                state.turns.append(
                    TurnRecord(round_.index, event.person_id, None, 0.0, TurnOutcome.PASSED, at, at)
                )
        case ev.TurnDeferred():
            round_ = _round(state)
            if round_.current is not None and round_.current.person_id == event.person_id:
                _close_turn(state, at, TurnOutcome.DEFERRED, keep_spoken=event.spoke)
            else:
                round_.queue.remove(event.person_id)
            round_.queue.append(event.person_id)
            if event.person_id not in round_.deferred:
                round_.deferred.append(event.person_id)
        case ev.PassReconsidered():
            round_ = _round(state)
            round_.reconsidered.append(event.person_id)
            round_.queue.insert(0, event.person_id)
        case ev.RoundsReplanned():
            for offset, plan in enumerate(event.plans):
                state.replanned[event.first_index + offset] = plan
        case ev.SpeakerSkipped():
            round_ = _round(state)
            round_.queue.remove(event.person_id)
            round_.skipped.append(event.person_id)
        case ev.QueueReordered():
            _round(state).queue = list(event.order)
        case ev.RoundEnded():
            round_ = _round(state)
            if round_.current is not None:
                _close_turn(state, at, TurnOutcome.SPOKE)
            round_.ended_at = at
        case ev.SessionInterrupted():
            state.interrupted_seconds += event.down_seconds
            running = state.current_turn
            if running is not None and running.running_since is not None:
                # Time the app was down is held as a pause: count up to when it went down.
                went_down = at - event.down_seconds
                running.banked += max(0.0, went_down - running.running_since)
                running.running_since = None
        case ev.SessionEnded():
            open_round = state.current_round
            if open_round is not None:
                if open_round.current is not None:
                    _close_turn(state, at, TurnOutcome.SPOKE)
                open_round.ended_at = at
            state.ended_at = at
        case ev.ActionUndone():
            pass
        case _:
            raise TypeError(f"fold does not know {type(event).__name__}")


def _round(state: SessionState) -> RoundState:
    round_ = state.current_round
    if round_ is None:
        raise ValueError(_("the log has a round event outside a round"))
    return round_


def _turn(state: SessionState) -> TurnState:
    turn = state.current_turn
    if turn is None:
        raise ValueError(_("the log has a turn event outside a turn"))
    return turn


def _close_turn(
    state: SessionState, at: float, outcome: TurnOutcome, *, keep_spoken: bool = False
) -> None:
    round_ = _round(state)
    turn = round_.current
    assert turn is not None
    spoken = turn.spoken(at)
    passing = outcome is TurnOutcome.PASSED or outcome is TurnOutcome.DEFERRED
    if passing and not keep_spoken:
        # Passing (now or for now) is not speaking: the seconds the clock ran while the person
        # decided go back to the round, so a pass never shortens anyone else's share. A pass
        # made after speaking (``spoke``, see session/passing.py) keeps what was spoken.
        spoken = 0.0
    round_.spoken_total += spoken
    round_.current = None
    round_.last_boundary = at
    if outcome is TurnOutcome.PASSED:
        round_.passed.append(turn.person_id)
    elif outcome is TurnOutcome.SPOKE or outcome is TurnOutcome.LEFT:
        round_.spoke.append(turn.person_id)
    state.turns.append(
        TurnRecord(
            round_index=round_.index,
            person_id=turn.person_id,
            allotted=turn.allotted,
            spoken=spoken,
            outcome=outcome,
            started_at=turn.started_at,
            ended_at=at,
        )
    )


def _join(
    state: SessionState, person: Participant, place: ev.JoinPlace = ev.JoinPlace.THIS_ROUND
) -> None:
    """An arrival: someone new, someone who left and came back, or someone skipped as absent
    who has now walked in. They join the end of the current round's queue unless they have
    already had their turn (spoken or passed) in it, or the facilitator chose the next round."""
    pid = person.person_id
    known = pid in state.participants
    state.participants[pid] = person
    if pid not in state.present:
        state.present.append(pid)
    if pid in state.left_early:
        state.left_early.remove(pid)
    elif not known:
        state.joined_late.append(pid)
    round_ = state.current_round
    if round_ is None:
        return
    if place is ev.JoinPlace.NEXT_ROUND:
        if pid not in state.next_round_arrivals:
            state.next_round_arrivals.append(pid)
        return
    if pid in round_.skipped:
        round_.skipped.remove(pid)
    already_heard = pid in round_.spoke or pid in round_.passed
    speaking = round_.current is not None and round_.current.person_id == pid
    if not already_heard and not speaking and pid not in round_.queue:
        round_.queue.append(pid)


def _leave(state: SessionState, person_id: str, at: float) -> None:
    if person_id in state.present:
        state.present.remove(person_id)
    state.left_early.append(person_id)
    if person_id in state.next_round_arrivals:
        state.next_round_arrivals.remove(person_id)
    round_ = state.current_round
    if round_ is None:
        return
    if round_.current is not None and round_.current.person_id == person_id:
        _close_turn(state, at, TurnOutcome.LEFT)
    if person_id in round_.queue:
        round_.queue.remove(person_id)
