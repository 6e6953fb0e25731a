"""The live state of a session, as derived from its log by :func:`circlekeeper.session.replay.fold`.

Only the fold mutates these objects; everyone else reads them. They are mutable records
(``FrozenRecord, frozen=False``), not ``@dataclass(slots=True)``: the same fields, equality and
``repr`` without generating and compiling their methods whenever the module is imported (about
15 million instructions, a hundredth of ``circlekeeper export ID``).
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import Participant, Phase, RoundPlan


class TurnOutcome(StrEnum):
    SPOKE = "spoke"
    PASSED = "passed"
    DEFERRED = "deferred"
    LEFT = "left"


class TurnState(FrozenRecord, frozen=False):
    """The turn in progress. Elapsed = banked spans + (now - running_since) while running."""

    person_id: str
    allotted: float | None
    started_at: float
    banked: float = 0.0
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def spoken(self, elapsed: float) -> float:
        if self.running_since is None:
            return self.banked
        return self.banked + max(0.0, elapsed - self.running_since)


class TurnRecord(FrozenRecord):
    """A finished turn, as the summary and the history view read it."""

    round_index: int
    person_id: str
    allotted: float | None
    spoken: float
    outcome: TurnOutcome
    started_at: float
    ended_at: float

    @property
    def over(self) -> float:
        if self.allotted is None:
            return 0.0
        return max(0.0, self.spoken - self.allotted)

    @property
    def took_the_floor(self) -> bool:
        """A turn the person spoke in: it ended as spoken or as they left, or they passed
        after speaking (the time counts, and the pass is a pass too). A pass with no time,
        and a *pass for now* (the rest of that turn comes later in the round), are not."""
        if self.outcome is TurnOutcome.PASSED:
            return self.spoken > 0
        return self.outcome is TurnOutcome.SPOKE or self.outcome is TurnOutcome.LEFT


class RoundState(FrozenRecord, frozen=False):
    index: int
    plan: RoundPlan
    queue: list[str]
    started_at: float
    current: TurnState | None = None
    spoken_total: float = 0.0
    deferred: list[str] = field(default_factory=list)
    """Who asked to come back at the end of the round, in the order they asked (a list, not a
    set: the order must read the same after a restart, whatever the string hash seed)."""
    passed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    spoke: list[str] = field(default_factory=list)
    reconsidered: list[str] = field(default_factory=list)
    """Who passed and then took a turn after all, in the order they asked."""
    dealt: list[str] = field(default_factory=list)
    """Who was dealt a prompt of their own after the round was planned (late arrivals), in
    the order they were dealt it; their words are in ``plan.person_prompts`` like everyone's."""
    last_boundary: float = 0.0
    ended_at: float | None = None

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def up_next(self) -> str | None:
        """Who speaks when the facilitator moves on: the current speaker, else the queue head."""
        if self.current is not None:
            return self.current.person_id
        return self.queue[0] if self.queue else None

    @property
    def passers_waiting(self) -> list[str]:
        """Who passed this round and has not yet taken the chance to speak after all."""
        return [pid for pid in self.passed if pid not in self.reconsidered]

    def spoken_in_round(self, elapsed: float) -> float:
        current = self.current.spoken(elapsed) if self.current else 0.0
        return self.spoken_total + current


class SessionState(FrozenRecord, frozen=False):
    started: bool = False
    circle: str = ""
    facilitators: tuple[str, ...] = ()
    nearing_fraction: float = 0.8
    participants: dict[str, Participant] = field(default_factory=dict)
    present: list[str] = field(default_factory=list)
    joined_late: list[str] = field(default_factory=list)
    left_early: list[str] = field(default_factory=list)
    rounds: list[RoundState] = field(default_factory=list)
    replanned: dict[int, RoundPlan] = field(default_factory=dict)
    """Plans that replace the planned rounds of these indexes (``rounds-replanned``)."""
    next_round_arrivals: list[str] = field(default_factory=list)
    """Late arrivals who asked to join from the next round, not the one in progress."""
    turns: list[TurnRecord] = field(default_factory=list)
    interrupted_seconds: float = 0.0
    started_at: float = 0.0
    ended_at: float | None = None
    last_elapsed: float = 0.0
    last_seq: int = 0

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def current_round(self) -> RoundState | None:
        if self.rounds and not self.rounds[-1].ended:
            return self.rounds[-1]
        return None

    @property
    def current_turn(self) -> TurnState | None:
        round_ = self.current_round
        return round_.current if round_ else None

    def name_of(self, person_id: str) -> str:
        person = self.participants.get(person_id)
        return person.name if person else person_id


class TurnView(FrozenRecord):
    """What the timer shows for the current turn at one instant."""

    person_id: str
    spoken: float
    allotted: float | None
    running: bool
    phase: Phase

    @property
    def remaining(self) -> float | None:
        """Seconds left (0 when over); ``None`` for an open, count-up turn."""
        if self.allotted is None:
            return None
        return max(0.0, self.allotted - self.spoken)

    @property
    def over(self) -> float:
        if self.allotted is None:
            return 0.0
        return max(0.0, self.spoken - self.allotted)

    @property
    def fraction_used(self) -> float | None:
        if not self.allotted:
            return None
        return self.spoken / self.allotted


def phase_for(spoken: float, allotted: float | None, nearing_fraction: float) -> Phase:
    """Normal, nearing end (from ``nearing_fraction`` of the allotment) or over time."""
    if allotted is None or spoken <= 0:
        # Nobody is nearing the end of a turn before they have said a word.
        return Phase.NORMAL
    if spoken > allotted:
        return Phase.OVER_TIME
    if spoken >= allotted * nearing_fraction:
        return Phase.NEARING_END
    return Phase.NORMAL
