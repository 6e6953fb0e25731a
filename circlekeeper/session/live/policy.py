"""The live circle's policies, without Qt: what *move on* does now, when to remind, when the
clocks disagree, when to beat the heart, and the sentence that says where the circle is.

:class:`~circlekeeper.ui.live.controller.LiveController` adapts these to Qt signals and a
repaint timer; here they are plain functions and small watchers fed a clock reading, so an
hour of reminders and heartbeats is tested on a fake clock in microseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from circlekeeper.i18n import N_, _
from circlekeeper.session.model import Phase, RoundPlan
from circlekeeper.session.state import SessionState, TurnView

HEARTBEAT_SECONDS = 5.0
"""How often the app says it is alive while nobody's clock runs (a crash then loses nothing
anyone spoke; the gap only counts as time the app was down)."""
RUNNING_HEARTBEAT_SECONDS = 0.8
"""While a turn runs, its clock is resumed from the last heartbeat after a crash: beating at
least every 0.8 s (checked on each 200 ms repaint) loses at most about a second of a turn.
``python -m benchmarks heartbeat`` measures what it costs (CPU, fsyncs per minute)."""
REMINDER_SECONDS = 5.0
"""How long someone may be up to speak with the clock not started before the screen reminds."""
CLOCK_JUMP_SECONDS = 2.0
"""A gap this large between wall and monotonic time during a turn means time went uncounted."""

Name = Callable[[str], str]
"""A person id → their name as a sentence shows it."""


@dataclass(frozen=True, slots=True)
class RoundProgress:
    """Where the circle is in its plan, as the window's header shows it."""

    index: int
    """Index in the plan of the round in progress (or the next one to start)."""
    total: int
    plan: RoundPlan | None
    in_round: bool
    round_complete: bool
    """Everyone in the round's queue has had their turn; moving on ends the round."""


def round_progress(state: SessionState, plan: Sequence[RoundPlan]) -> RoundProgress:
    """Where ``state`` stands in ``plan`` (rounds added during the circle count as planned)."""
    round_ = state.current_round
    done = len(state.rounds) - (1 if round_ is not None else 0)
    index = len(state.rounds) - 1 if round_ is not None else done
    current: RoundPlan | None
    if round_ is not None:
        current = round_.plan
    elif index < len(plan):
        current = plan[index]
    else:
        current = None
    complete = round_ is not None and round_.current is None and not round_.queue
    return RoundProgress(index, len(plan), current, round_ is not None, complete)


def up_next(state: SessionState) -> str | None:
    """Who speaks after the current speaker (or first, when nobody is speaking)."""
    round_ = state.current_round
    if round_ is None or not round_.queue:
        return None
    return round_.queue[0]


@dataclass(frozen=True, slots=True)
class Moment:
    """Who is where right now: what the facilitator's screen and the projector both show,
    each in its own words."""

    progress: RoundProgress
    speaker: str | None
    """Whoever holds the turn (running or paused)."""
    up_next: str | None
    """First in the queue: speaks after the speaker, or is ready to start if nobody speaks."""
    following: str | None
    """Who comes after whoever speaks or is ready now."""


def moment(state: SessionState, plan: Sequence[RoundPlan]) -> Moment:
    turn = state.current_turn
    speaker = turn.person_id if turn is not None else None
    round_ = state.current_round
    queue = round_.queue if round_ is not None else []
    first = queue[0] if queue else None
    # After a speaker comes the head of the queue; with nobody speaking the head is up
    # itself, so the one after it follows.
    rest = queue if speaker is not None else queue[1:]
    following = rest[0] if rest else None
    return Moment(round_progress(state, plan), speaker, first, following)


class Step(Enum):
    """What N (move on) does in the circle's present moment; ``description`` says it in the
    facilitator's language (the *Next* button's tooltip and what a screen reader reads)."""

    REFUSE_ENDED = N_("The circle has ended: there is nothing more to move on to")
    START_ROUND = N_("Open the next planned round")
    END_TURN = N_("End this turn and move to the next speaker")
    START_TURN = N_("Start the turn of the first person waiting")
    END_ROUND = N_("Close this round: everyone has had their turn")

    @property
    def description(self) -> str:
        return _(self.value)


def move_on_step(state: SessionState) -> Step:
    """One key walks the whole circle: start, next speaker, next round."""
    round_ = state.current_round
    if state.ended:
        return Step.REFUSE_ENDED
    if round_ is None:
        return Step.START_ROUND
    if round_.current is not None:
        return Step.END_TURN
    if round_.queue:
        return Step.START_TURN
    return Step.END_ROUND


def opens_next_round_after_closing(state: SessionState, plan: Sequence[RoundPlan]) -> bool:
    """After *move on* closed a round: open the next one at once while the plan has more."""
    return len(state.rounds) < len(plan)


def describe_moment(state: SessionState, progress: RoundProgress, name: Name) -> str:
    """One sentence for the status line and screen readers: who speaks, or what comes next."""
    if state.ended:
        return _("The circle has ended.")
    turn = state.current_turn
    if turn is not None and not turn.running:
        # Not "is speaking" under a ring that says paused (after Space, or a resumed crash).
        return _("{name}'s turn is paused. Press Space to resume.").format(
            name=name(turn.person_id)
        )
    if turn is not None:
        return _("{name} is speaking.").format(name=name(turn.person_id))
    if progress.plan is None:
        return _("All planned rounds are done; end the circle when you are ready.")
    if not progress.in_round:
        return _("Next round: {round}. Press N or Space to begin.").format(
            round=progress.plan.label
        )
    if progress.round_complete:
        return _("Everyone has had a turn in {round}. Press N to move on.").format(
            round=progress.plan.label
        )
    first = up_next(state)
    if first is None:
        return _("Nobody is speaking.")
    return _("Nobody is speaking. {name} is next: press Space to start.").format(name=name(first))


class MomentWatch:
    """Says the moment's sentence once each time the moment changes.

    A new speaker is a new moment, and just as much a moment with nobody speaking: the last
    sentence must never keep saying someone speaks after their turn has ended, nor while it
    is paused.
    """

    def __init__(self) -> None:
        self._last: tuple[object, ...] | None = None

    def sentence(self, state: SessionState, progress: RoundProgress, name: Name) -> str | None:
        """The sentence if the moment changed since the last call, else ``None``."""
        turn = state.current_turn
        moment = (
            turn.person_id if turn is not None else None,
            turn is not None and turn.running,
            progress.index,
            progress.in_round,
            state.ended,
        )
        if moment == self._last:
            return None
        self._last = moment
        return describe_moment(state, progress, name)


class PhaseWatch:
    """Notices a running turn crossing into *nearing the end* or *over time*, once each."""

    def __init__(self) -> None:
        self._last: Phase | None = None

    def settle(self, view: TurnView | None) -> None:
        """Take the present phase as known (after a command: a new turn starts fresh)."""
        self._last = view.phase if view is not None else None

    def crossed(self, view: TurnView | None) -> Phase | None:
        """The phase a turn just entered since the last look, or ``None``."""
        phase = view.phase if view is not None else None
        entered = view is not None and self._last is not None and phase != self._last
        self._last = phase
        return phase if entered else None


def phase_sentence(phase: Phase, name: str) -> str | None:
    """What screen readers hear when a turn enters ``phase`` (nothing for a normal one)."""
    if phase is Phase.NEARING_END:
        return _("{name}: nearing the end of their time.").format(name=name)
    if phase is Phase.OVER_TIME:
        return _("{name}: over time.").format(name=name)
    return None


class IdleReminder:
    """Someone is up to speak but the clock has not started: remind after ``delay`` seconds."""

    def __init__(self, delay: float = REMINDER_SECONDS) -> None:
        self.delay = delay
        self._since: float | None = None
        self.reminding = False

    def reset(self) -> None:
        """A command just happened: the waiting starts over."""
        self._since = None

    def update(self, waiting: bool, now: float) -> bool | None:
        """Feed one clock reading; returns the new reminding state when it changes."""
        if not waiting:
            self._since = None
        elif self._since is None:
            self._since = now
        reminding = self._since is not None and now - self._since >= self.delay
        if reminding == self.reminding:
            return None
        self.reminding = reminding
        return reminding


class ClockJumpWatch:
    """Monotonic time stops while a laptop sleeps; the wall clock does not. A gap between the
    two during a running turn means time the timer did not count."""

    def __init__(self, threshold: float = CLOCK_JUMP_SECONDS) -> None:
        self.threshold = threshold
        self._last: tuple[float, datetime] | None = None

    def reset(self) -> None:
        self._last = None

    def probe(self, running: bool, now: float, wall: datetime) -> float | None:
        """The gap in seconds (wall minus monotonic) since the last probe, when it is too large;
        probes only count while a turn runs."""
        if not running:
            self._last = None
            return None
        gap: float | None = None
        if self._last is not None:
            mono_delta = now - self._last[0]
            wall_delta = (wall - self._last[1]).total_seconds()
            if abs(wall_delta - mono_delta) > self.threshold:
                gap = wall_delta - mono_delta
        self._last = (now, wall)
        return gap


class Heartbeat:
    """A started, unfinished session beats every ``every`` seconds, and every ``running``
    seconds while a turn's clock runs; the first beat is at once."""

    def __init__(self, every: float = HEARTBEAT_SECONDS, running: float | None = None) -> None:
        self.every = every
        # Read when built, so the heartbeat benchmark can compare cadences.
        self.running = RUNNING_HEARTBEAT_SECONDS if running is None else running
        self._last: float | None = None

    def due(self, state: SessionState, now: float) -> bool:
        """Whether to beat now; a ``True`` counts as the beat."""
        if not state.started or state.ended:
            return False
        turn = state.current_turn
        every = self.running if turn is not None and turn.running else self.every
        if self._last is not None and now - self._last < every:
            return False
        self._last = now
        return True
