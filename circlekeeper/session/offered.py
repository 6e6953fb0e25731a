"""What each person was offered, the measure the live speaking-time list compares them with.

A running average of time spoken so far is no fair yardstick: in a fixed 1:30 check-in the
first speaker was "over the equal share" after six seconds, and the list turned them magenta
(issue #13). A person is compared with what they were offered: the allotment of each turn they
took (extensions included), or, in a round without time limits, the equal share of that round
once it has ended. While an open round or an open turn runs, what was spoken is all that was
offered so far, so nobody is ever shown "over" a figure that does not exist yet.
"""

from __future__ import annotations

from collections.abc import Iterable

from circlekeeper.session import events as ev
from circlekeeper.session.replay import fold
from circlekeeper.session.state import TurnOutcome, TurnRecord


def offered_seconds(entries: Iterable[ev.Entry], *, now: float | None = None) -> dict[str, float]:
    """Seconds offered to each participant (by person id), up to session elapsed ``now``."""
    state = fold(list(entries))
    offered = dict.fromkeys(state.participants, 0.0)
    ended = {round_.index: round_.ended for round_ in state.rounds}
    untimed: dict[int, list[TurnRecord]] = {}
    for record in state.turns:
        if record.outcome is TurnOutcome.DEFERRED:
            offered[record.person_id] += record.spoken  # their real turn comes later
        elif not record.took_the_floor:
            continue  # a pass with no time offered nothing (a pass after speaking did)
        elif record.allotted is not None:
            offered[record.person_id] += record.allotted
        elif ended.get(record.round_index, False):
            untimed.setdefault(record.round_index, []).append(record)
        else:
            offered[record.person_id] += record.spoken
    for records in untimed.values():
        speakers = {record.person_id for record in records}
        share = sum(record.spoken for record in records) / len(speakers)
        for person_id in speakers:
            offered[person_id] += share
    turn = state.current_turn
    if turn is not None:
        at = state.last_elapsed if now is None else max(now, state.last_elapsed)
        offered[turn.person_id] += turn.allotted if turn.allotted is not None else turn.spoken(at)
    return offered
