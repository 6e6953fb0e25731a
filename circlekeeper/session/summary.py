"""The summary of a session: a pure function of its log.

The PDF, the history view and the JSON export read this, never the widgets, so what is printed
is exactly what was recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from circlekeeper.session import events as ev
from circlekeeper.session.model import PolicyMode, RoundPlan
from circlekeeper.session.replay import fold
from circlekeeper.session.state import TurnOutcome, TurnRecord


@dataclass(frozen=True, slots=True)
class PersonSummary:
    person_id: str
    name: str
    pronouns: str
    spoken_total: float
    spoken_by_round: tuple[float, ...]
    turns: int
    passes: int
    over_seconds: float
    joined_late: bool
    left_early: bool
    deviation_seconds: float
    """Spoken time minus the equal share (positive: heard more than an equal share)."""
    spoke_after_passing: int = 0
    """Rounds in which the person passed, then took the chance to speak after all."""


@dataclass(frozen=True, slots=True)
class RoundSummary:
    index: int
    plan: RoundPlan
    planned_seconds: float | None
    spoken_seconds: float
    duration_seconds: float
    turns: tuple[TurnRecord, ...]
    passes: int

    @property
    def label(self) -> str:
        return self.plan.label


@dataclass(frozen=True, slots=True)
class SessionSummary:
    circle: str
    facilitators: tuple[str, ...]
    started_wall: datetime | None
    ended_wall: datetime | None
    duration_seconds: float
    interrupted_seconds: float
    people: tuple[PersonSummary, ...]
    rounds: tuple[RoundSummary, ...]
    total_spoken: float
    equal_share: float
    jain_index: float | None
    max_deviation_seconds: float
    max_deviation_percent: float
    present_count: int
    ended: bool

    @property
    def late_count(self) -> int:
        return sum(1 for p in self.people if p.joined_late)

    @property
    def left_count(self) -> int:
        return sum(1 for p in self.people if p.left_early)

    @property
    def passes(self) -> int:
        return sum(p.passes for p in self.people)

    def person(self, person_id: str) -> PersonSummary:
        for person in self.people:
            if person.person_id == person_id:
                return person
        raise KeyError(person_id)

    def fairness_sentence(self) -> str:
        """One sentence in plain words for the printed summary and the history view."""
        if self.jain_index is None:
            return "Nobody spoke in this session, so there is no fairness figure."
        index = self.jain_index
        if index >= 0.95:
            verdict = "time was shared very evenly"
        elif index >= 0.85:
            verdict = "time was shared fairly evenly"
        elif index >= 0.7:
            verdict = "some voices took noticeably more time than others"
        else:
            verdict = "a few voices took most of the time"
        return (
            f"Fairness index {index:.2f} (1.00 is perfectly equal): {verdict}; the largest"
            f" difference from an equal share was {self.max_deviation_seconds:.0f} s"
            f" ({self.max_deviation_percent:.0f} %)."
        )


def jain_index(values: Iterable[float]) -> float | None:
    """Jain's fairness index (Σx)² / (n·Σx²): 1 when everyone has the same, 1/n at worst."""
    xs = [x for x in values]
    squares = sum(x * x for x in xs)
    if not xs or squares == 0:
        return None
    return sum(xs) ** 2 / (len(xs) * squares)


def summarize(entries: Iterable[ev.Entry], *, now: float | None = None) -> SessionSummary:
    """Summarize a log; ``now`` (session elapsed) counts a turn still running at that instant."""
    entries = list(entries)
    state = fold(entries)
    turns = list(state.turns)
    current_round = state.current_round
    if current_round is not None and current_round.current is not None:
        turn = current_round.current
        at = state.last_elapsed if now is None else max(now, state.last_elapsed)
        turns.append(
            TurnRecord(
                round_index=current_round.index,
                person_id=turn.person_id,
                allotted=turn.allotted,
                spoken=turn.spoken(at),
                outcome=TurnOutcome.SPOKE,
                started_at=turn.started_at,
                ended_at=at,
            )
        )

    round_count = len(state.rounds)
    spoken: dict[str, list[float]] = {pid: [0.0] * round_count for pid in state.participants}
    turns_taken = dict.fromkeys(state.participants, 0)
    passes = dict.fromkeys(state.participants, 0)
    over = dict.fromkeys(state.participants, 0.0)
    for record in turns:
        spoken[record.person_id][record.round_index] += record.spoken
        over[record.person_id] += record.over
        if record.outcome is TurnOutcome.PASSED:
            passes[record.person_id] += 1
        elif record.outcome in (TurnOutcome.SPOKE, TurnOutcome.LEFT):
            turns_taken[record.person_id] += 1

    totals = {pid: sum(values) for pid, values in spoken.items()}
    speakers = [total for total in totals.values() if total > 0]
    total_spoken = sum(speakers)
    equal_share = total_spoken / len(speakers) if speakers else 0.0
    deviations = [abs(total - equal_share) for total in speakers]
    max_deviation = max(deviations, default=0.0)

    people = tuple(
        PersonSummary(
            person_id=pid,
            name=person.name,
            pronouns=person.pronouns,
            spoken_total=totals[pid],
            spoken_by_round=tuple(spoken[pid]),
            turns=turns_taken[pid],
            passes=passes[pid],
            over_seconds=over[pid],
            joined_late=pid in state.joined_late,
            left_early=pid in state.left_early,
            deviation_seconds=(totals[pid] - equal_share) if totals[pid] > 0 else -equal_share,
            spoke_after_passing=sum(1 for r in state.rounds if pid in r.reconsidered),
        )
        for pid, person in state.participants.items()
    )

    rounds = []
    for round_ in state.rounds:
        round_turns = tuple(t for t in turns if t.round_index == round_.index)
        end = round_.ended_at if round_.ended_at is not None else state.last_elapsed
        rounds.append(
            RoundSummary(
                index=round_.index,
                plan=round_.plan,
                planned_seconds=_planned(
                    round_.plan, len(set(round_.queue) | {t.person_id for t in round_turns})
                ),
                spoken_seconds=sum(t.spoken for t in round_turns),
                duration_seconds=max(0.0, end - round_.started_at),
                turns=round_turns,
                passes=sum(1 for t in round_turns if t.outcome is TurnOutcome.PASSED),
            )
        )

    walls = [entry.wall for entry in entries]
    end_elapsed = state.ended_at if state.ended_at is not None else state.last_elapsed
    return SessionSummary(
        circle=state.circle,
        facilitators=state.facilitators,
        started_wall=walls[0] if walls else None,
        ended_wall=walls[-1] if state.ended and walls else None,
        duration_seconds=max(0.0, end_elapsed - state.started_at),
        interrupted_seconds=state.interrupted_seconds,
        people=people,
        rounds=tuple(rounds),
        total_spoken=total_spoken,
        equal_share=equal_share,
        jain_index=jain_index(speakers),
        max_deviation_seconds=max_deviation,
        max_deviation_percent=(100.0 * max_deviation / equal_share) if equal_share else 0.0,
        present_count=len(state.participants),
        ended=state.ended,
    )


def _planned(plan: RoundPlan, people: int) -> float | None:
    if plan.policy.mode is PolicyMode.FAIR_SHARE:
        return plan.policy.seconds
    if plan.policy.mode is PolicyMode.FIXED:
        return plan.policy.seconds * people
    return None
