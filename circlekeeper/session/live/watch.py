"""The live circle's watchers as one: what each repaint and each command has to notice.

The live controller repaints five times a second and after every command. Each time the same
watchers look, in the same order: has a running turn entered a new phase, is someone up to
speak with the clock not started, did the wall clock jump away from the monotonic one, is a
heartbeat due. :class:`LiveWatch` asks them all for one clock reading and returns what they
noticed as plain values, so the sequence is tested on a fake clock and the controller only
turns the answers into signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from circlekeeper.session.live.policy import (
    ClockJumpWatch,
    Heartbeat,
    IdleReminder,
    MomentWatch,
    Name,
    PhaseWatch,
    RoundProgress,
    phase_sentence,
    up_next,
)
from circlekeeper.session.model import Phase
from circlekeeper.session.state import SessionState, TurnView


@dataclass(frozen=True, slots=True)
class PhaseEntered:
    """A running turn crossed into *nearing the end* or *over time*."""

    phase: Phase
    name: str
    """The speaker's name as sentences show it."""
    sentence: str | None
    """What screen readers hear (nothing for a normal phase)."""


@dataclass(frozen=True, slots=True)
class Noticed:
    """What one look at the clock noticed; ``None`` where nothing changed."""

    phase: PhaseEntered | None = None
    reminding: bool | None = None
    """The idle reminder switched on (``True``) or off (``False``)."""
    clock_gap: float | None = None
    """Seconds between wall and monotonic time that a running turn did not count."""
    beat: bool = False
    """A heartbeat is due now (and counts as given)."""


class LiveWatch:
    """The phase, moment, idle, clock-jump and heartbeat watchers of one live circle."""

    def __init__(self) -> None:
        self.phases = PhaseWatch()
        self.moments = MomentWatch()
        self.reminder = IdleReminder()
        self.heartbeat = Heartbeat()
        self.clock_jumps = ClockJumpWatch()

    def after_command(
        self, state: SessionState, progress: RoundProgress, view: TurnView | None, name: Name
    ) -> str | None:
        """A command was stored and applied: the waiting starts over, a new turn's phase is
        taken as known, and the moment's sentence is returned if the moment changed."""
        self.reminder.reset()
        sentence = self.moments.sentence(state, progress, name)
        self.phases.settle(view)
        self.clock_jumps.reset()
        return sentence

    def look(
        self,
        state: SessionState,
        view: TurnView | None,
        name: Name,
        *,
        now: float,
        wall: datetime,
        beating: bool,
    ) -> Noticed:
        """One repaint's look at monotonic ``now`` and ``wall`` time; ``beating`` says
        whether heartbeats go anywhere (none are due when they do not)."""
        crossed = self.phases.crossed(view)
        phase: PhaseEntered | None = None
        if crossed is not None and view is not None:
            speaker = name(view.person_id)
            phase = PhaseEntered(crossed, speaker, phase_sentence(crossed, speaker))
        waiting = view is None and up_next(state) is not None
        reminding = self.reminder.update(waiting, now)
        running = view is not None and view.running
        gap = self.clock_jumps.probe(running, now, wall)
        beat = beating and self.heartbeat.due(state, now)
        return Noticed(phase, reminding, gap, beat)
