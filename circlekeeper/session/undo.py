"""What undo may take back, and how to say what it took back.

Shared by the engine (which writes ``action-undone`` events) and the log checker (which
refuses a file that undoes something the engine never would).
"""

from __future__ import annotations

from circlekeeper.session import events as ev
from circlekeeper.session.state import SessionState

UNDOABLE = (
    ev.ParticipantJoined,
    ev.ParticipantLeft,
    ev.RoundStarted,
    ev.TurnStarted,
    ev.TurnStartCorrected,
    ev.TurnPaused,
    ev.TurnResumed,
    ev.TurnExtended,
    ev.TurnEnded,
    ev.TurnPassed,
    ev.TurnDeferred,
    ev.PassReconsidered,
    ev.SpeakerSkipped,
    ev.QueueReordered,
    ev.RoundEnded,
    ev.RoundsReplanned,
)

# Events that an automatic turn start may follow within one action, so that one undo takes
# back both (a move-on; giving a passer their turn).
TURN_CLOSERS = (
    ev.TurnEnded,
    ev.TurnPassed,
    ev.TurnDeferred,
    ev.SpeakerSkipped,
    ev.PassReconsidered,
)

UNDOABLE_KINDS = frozenset(cls.kind for cls in UNDOABLE)


def describe(event: ev.Event, state: SessionState) -> str:
    """A short phrase for the status bar after an undo."""
    name = state.name_of(getattr(event, "person_id", "")) if hasattr(event, "person_id") else ""
    phrases: dict[type[ev.Event], str] = {
        ev.ParticipantJoined: "arrival",
        ev.ParticipantLeft: f"{name} leaving",
        ev.RoundStarted: "start of the round",
        ev.TurnStarted: f"start of {name}'s turn",
        ev.TurnStartCorrected: "start-time correction",
        ev.TurnPaused: "pause",
        ev.TurnResumed: "resume",
        ev.TurnExtended: "extra time",
        ev.TurnEnded: f"end of {name}'s turn",
        ev.TurnPassed: f"{name}'s pass",
        ev.TurnDeferred: f"{name}'s pass for now",
        ev.PassReconsidered: f"{name}'s turn after passing",
        ev.SpeakerSkipped: f"skipping {name}",
        ev.QueueReordered: "new order",
        ev.RoundEnded: "end of the round",
        ev.RoundsReplanned: "new plan for the rounds left",
    }
    return phrases.get(type(event), "last action")
