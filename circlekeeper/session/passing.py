"""When a pass counts the time already spoken: the rule the engine applies as it records one.

Passing is a right, and the seconds the clock ran while someone decided to pass go back to the
round (a turn that started by itself, a person who says "I'll pass" a moment later): they are
not speaking, and they never shorten anyone else's share or lower the circle's fairness score.

A person who has been speaking for a while and then says "I'll stop there, I pass" has spent
the circle's time: those seconds count as their speaking time (in the speaking times, the
fairness figures, the summary, History and the PDF, which say "spoke 0:40, then passed"), and
the rest of the round shares what is really left. The pass still counts as a pass: they keep
their right to come back at the end of the round. The same holds for *pass for now*.

The engine decides at the moment of the pass and records the answer in the event
(``spoke``), so a log replays to the same figures whatever this rule becomes later, and a
log written before the rule (session file version 4 and older) keeps giving every pass 0:00.
"""

from __future__ import annotations

from circlekeeper.session.state import TurnState

DECIDING_SECONDS = 10.0
"""Speaking time a turn must have had for a pass to keep it. Below it the person was deciding
(and the facilitator reaching for P): a few seconds are not a share of the circle's time."""


def spoke_before(turn: TurnState | None, person_id: str, at: float) -> bool:
    """Whether ``person_id`` passing at session time ``at`` keeps the seconds they spoke: they
    hold the turn and it has run at least :data:`DECIDING_SECONDS` (pauses not counted)."""
    if turn is None or turn.person_id != person_id:
        return False
    return turn.spoken(at) >= DECIDING_SECONDS
