"""What undo may take back, and how to say what it took back.

Shared by the engine (which writes ``action-undone`` events) and the log checker (which
refuses a file that undoes something the engine never would).
"""

from __future__ import annotations

from collections.abc import Sequence

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.replay import undone_seqs
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

# Events that belong to the action written just before them and are only ever undone with
# it: a prompt dealt to a late arrival goes when their arrival (or the round start) goes.
RIDERS = (ev.PromptDealt,)

UNDOABLE_KINDS = frozenset(cls.kind for cls in UNDOABLE)
RIDER_KINDS = frozenset(cls.kind for cls in RIDERS)


def undo_targets(log: Sequence[ev.Entry]) -> list[ev.Entry]:
    """The entries one undo takes back, oldest first; empty when nothing can be undone.

    A move-on is one action: a turn started automatically goes with the turn end (or pass)
    written just before it. What rode along with the action (a prompt dealt with an arrival)
    goes with it too.
    """
    undone = undone_seqs(log)
    effective = [e for e in log if e.seq not in undone and isinstance(e.event, UNDOABLE)]
    if not effective:
        return []
    targets = [effective[-1]]
    last = effective[-1].event
    if (
        isinstance(last, ev.TurnStarted)
        and last.auto
        and len(effective) > 1
        and isinstance(effective[-2].event, TURN_CLOSERS)
    ):
        targets.insert(0, effective[-2])
    targets += [
        e
        for e in log
        if e.seq > targets[-1].seq and e.seq not in undone and isinstance(e.event, RIDERS)
    ]
    return targets


def describe(event: ev.Event, state: SessionState) -> str:
    """A short phrase for the status bar after an undo."""
    name = state.name_of(getattr(event, "person_id", "")) if hasattr(event, "person_id") else ""
    if isinstance(event, ev.ParticipantJoined):  # gone from the state again: the event names them
        name = event.participant.name
    # Translators: each phrase names what an undo took back ("Undone: {what}").
    phrases: dict[type[ev.Event], str] = {
        ev.ParticipantJoined: _("{name}'s arrival").format(name=name),
        ev.ParticipantLeft: _("{name} leaving").format(name=name),
        ev.RoundStarted: _("start of the round"),
        ev.TurnStarted: _("start of {name}'s turn").format(name=name),
        ev.TurnStartCorrected: _("start-time correction"),
        ev.TurnPaused: _("pause"),
        ev.TurnResumed: _("resume"),
        ev.TurnExtended: _("extra time"),
        ev.TurnEnded: _("end of {name}'s turn").format(name=name),
        ev.TurnPassed: _("{name}'s pass").format(name=name),
        # Said as the button's tooltip says it ("Move to the end of this round, once"): the
        # button reads "Come back later", and "pass for now" was a word of ours nobody saw.
        ev.TurnDeferred: _("moving {name} to the end of the round").format(name=name),
        ev.PassReconsidered: _("{name}'s turn after passing").format(name=name),
        ev.SpeakerSkipped: _("skipping {name}").format(name=name),
        ev.QueueReordered: _("new order"),
        ev.RoundEnded: _("end of the round"),
        ev.RoundsReplanned: _("new plan for the rounds left"),
    }
    return phrases.get(type(event), _("last action"))
