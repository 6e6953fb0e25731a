"""The summary of a session: a pure function of its log.

The PDF, the history view and the JSON export read this, never the widgets, so what is printed
is exactly what was recorded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from circlekeeper.i18n import N_, _, ngettext
from circlekeeper.session import events as ev
from circlekeeper.session.fairness_words import fairness_verdict
from circlekeeper.session.frozen import FrozenRecord
from circlekeeper.session.model import PolicyMode, RoundPlan
from circlekeeper.session.replay import fold
from circlekeeper.session.state import TurnOutcome, TurnRecord

FAIRNESS_RULE = N_(
    "Passing is a right: the fairness figures measure the people who spoke. Whoever passed"
    " every turn, had no turn, or had only turns that recorded no time (a turn started as the"
    " circle ended) is not measured, so passing never lowers the circle's score."
)
"""The one rule every fairness figure follows: the index, each person's difference from the
equal share, the chart's equal-share line, the sentence, history and the period report all read
:class:`SessionSummary`, which applies it once. Printed beside the figures and in
docs/REPORTS.md. English, marked for the catalog: :func:`fairness_rule` says it in the language
in force."""


Decimal = Callable[[float, int], str]
"""Writes a figure with a number of decimal places: ``(0.857, 2) -> "0.86"``."""


Percent = Callable[[float], str]
"""Writes a fraction as a percentage: ``1.25 -> "125%"`` (``"125 %"`` in German)."""

Duration = Callable[[float], str]
"""Writes a length of time in words: ``252 -> "4 minutes and 12 seconds"``, each figure held
to its unit; the caller's style, so the sentence matches the durations printed beside it."""

NO_BREAK_SPACE = "\u00a0"
"""Between a figure and its unit, so a line never ends on "42" and the next starts "s"."""


def _plain_decimal(value: float, places: int) -> str:
    return f"{value:.{places}f}"


def _plain_percent(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


def fairness_rule() -> str:
    """:data:`FAIRNESS_RULE` in the language in force (the window's, or a circle's PDF's)."""
    return _(FAIRNESS_RULE)


class PersonSummary(FrozenRecord):
    person_id: str
    name: str
    pronouns: str
    spoken_total: float
    spoken_by_round: tuple[float, ...]
    turns: int
    """Turns the person spoke in (:attr:`TurnRecord.took_the_floor`)."""
    passes: int
    over_seconds: float
    joined_late: bool
    left_early: bool
    measured: bool
    """Spoke (a turn that recorded speaking time), so counts in the fairness figures."""
    deviation_seconds: float | None
    """Spoken time minus the equal share (positive: heard more than an equal share); None for
    someone not measured (they passed, or did not speak): passing is a right."""
    spoke_after_passing: int = 0
    """Rounds in which the person passed, then took the chance to speak after all."""


class RoundSummary(FrozenRecord):
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


class SessionSummary(FrozenRecord):
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
    current_turn: TurnRecord | None = None
    """The turn still running when the log was read (its time up to ``now``), one of
    :attr:`rounds`' turns; ``None`` when nobody is speaking."""

    @property
    def measured_count(self) -> int:
        """How many people the fairness figures measure (those who spoke)."""
        return sum(1 for p in self.people if p.measured)

    def equal_share_of(self, person: PersonSummary) -> float | None:
        """The equal share a person is measured against; None when they are not measured."""
        return self.equal_share if person.measured else None

    def shown_seconds(self) -> dict[str, int]:
        """Each person's speaking time in whole seconds as the screens and PDFs show it: they
        add up to :attr:`total_spoken` in whole seconds (:func:`whole_seconds`)."""
        shown = whole_seconds([person.spoken_total for person in self.people])
        return {person.person_id: whole for person, whole in zip(self.people, shown, strict=True)}

    def shown_shares(self) -> dict[str, float]:
        """Each person's share of the speaking time in whole percent, as the PDF's table
        prints it: they add up to 100 % (rounded one by one, 33.3 % three times read 99 %),
        by the same largest remainders as :meth:`shown_seconds`. Empty when nobody spoke."""
        total = self.total_spoken
        if not total:
            return {}
        percents = whole_seconds([person.spoken_total / total * 100 for person in self.people])
        return {
            person.person_id: whole / 100
            for person, whole in zip(self.people, percents, strict=True)
        }

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

    def fairness_sentence(
        self,
        decimal: Decimal | None = None,
        percent: Percent | None = None,
        duration: Duration | None = None,
    ) -> str:
        """One sentence in plain words for the printed summary and the history view.

        ``decimal(value, places)`` writes a figure the way the reader's language does
        (``0,86`` in German), ``percent(fraction)`` a percentage (``125 %`` in German,
        ``125%`` in English) and ``duration(seconds)`` the largest difference in the words the
        rest of the page uses for a length of time ("4 minutes and 12 seconds" in the PDF, not
        "252 s" beside "24 minutes and 51 seconds"); session/ knows no locale data, so the
        caller passes Babel's. Without ``duration`` the difference is whole seconds ("252 s").
        A figure and its unit are held together with no-break spaces.
        """
        figure = decimal or _plain_decimal
        as_percent = percent or _plain_percent
        not_measured = len(self.people) - self.measured_count
        if self.jain_index is None:
            return _("Nobody spoke in this session, so there is no fairness figure.")
        index = figure(self.jain_index, 2)
        verdict = fairness_verdict(self.jain_index)
        measured = self.measured_count
        if duration is not None:
            largest = duration(self.max_deviation_seconds)
        else:
            # Translators: seconds, as in "42 s": the {difference} of the fairness sentence.
            largest = _("{seconds} s").format(seconds=figure(self.max_deviation_seconds, 0))
            largest = largest.replace(" ", NO_BREAK_SPACE)
        share = as_percent(self.max_deviation_percent / 100).replace(" ", NO_BREAK_SPACE)
        if measured == 1:
            # Translators: {difference} is a time ("4 minutes and 12 seconds"), {percent} a share.
            sentence = _(
                "Fairness index {index} for the one speaker (1.00 is perfectly equal): "
                "{verdict}; the largest difference from an equal share was {difference} "
                "({percent})."
            ).format(index=index, verdict=verdict, difference=largest, percent=share)
        else:
            # Translators: {difference} is a time ("4 minutes and 12 seconds"), {percent} a share.
            sentence = ngettext(
                "Fairness index {index} among the {count} who spoke (1.00 is perfectly "
                "equal): {verdict}; the largest difference from an equal share was "
                "{difference} ({percent}).",
                "Fairness index {index} among the {count} who spoke (1.00 is perfectly "
                "equal): {verdict}; the largest difference from an equal share was "
                "{difference} ({percent}).",
                measured,
            ).format(
                index=index, count=measured, verdict=verdict, difference=largest, percent=share
            )
        if not not_measured:
            return sentence
        passing = ngettext(
            "{count} who passed or did not speak is not counted, as passing is a right.",
            "{count} who passed or did not speak are not counted, as passing is a right.",
            not_measured,
        ).format(count=not_measured)
        return f"{sentence} {passing}"


def whole_seconds(values: Sequence[float]) -> list[int]:
    """``values`` in whole seconds (or whole percent) that add up to their total, rounded.

    Each rounded on its own, a circle's speaking times read 1:15, 0:16, … summing to 3:04
    under a total of "3 min and 3 sec of speaking". Here each is cut to its whole seconds and
    the seconds left over go, one each, to the largest remainders (the first of equals):
    every figure is within a second of its value and the column adds up.
    """
    floors = [math.floor(value) for value in values]
    left = round(sum(values)) - sum(floors)
    by_remainder = sorted(range(len(values)), key=lambda i: floors[i] - values[i])
    for index in by_remainder[: max(0, left)]:
        floors[index] += 1
    return floors


def rounds_held(entries: Iterable[ev.Entry]) -> frozenset[int]:
    """Indices (in the plan) of the rounds that really started; a round that was undone or
    never reached is not among them."""
    return frozenset(round_.index for round_ in fold(list(entries)).rounds)


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
    current: TurnRecord | None = None
    # A session still running has run until ``now``, not only until its last event.
    at = state.last_elapsed if now is None else max(now, state.last_elapsed)
    if current_round is not None and current_round.current is not None:
        turn = current_round.current
        current = TurnRecord(
            round_index=current_round.index,
            person_id=turn.person_id,
            allotted=turn.allotted,
            spoken=turn.spoken(at),
            outcome=TurnOutcome.SPOKE,
            started_at=turn.started_at,
            ended_at=at,
        )
        turns.append(current)

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
        if record.took_the_floor:
            turns_taken[record.person_id] += 1

    totals = {pid: sum(values) for pid, values in spoken.items()}
    # The fairness rule (FAIRNESS_RULE): measure everyone who spoke, nobody else.
    measured = {pid for pid in state.participants if totals[pid] > 0}
    total_spoken = sum(totals.values())
    measured_totals = [totals[pid] for pid in measured]
    measured_spoken = sum(measured_totals)
    equal_share = measured_spoken / len(measured) if measured else 0.0
    deviations = [abs(total - equal_share) for total in measured_totals]
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
            measured=pid in measured,
            deviation_seconds=(totals[pid] - equal_share) if pid in measured else None,
            spoke_after_passing=sum(1 for r in state.rounds if pid in r.reconsidered),
        )
        for pid, person in state.participants.items()
    )

    rounds = []
    for round_ in state.rounds:
        round_turns = tuple(t for t in turns if t.round_index == round_.index)
        end = round_.ended_at if round_.ended_at is not None else at
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
    end_elapsed = state.ended_at if state.ended_at is not None else at
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
        jain_index=jain_index(measured_totals),
        max_deviation_seconds=max_deviation,
        max_deviation_percent=(100.0 * max_deviation / equal_share) if equal_share else 0.0,
        present_count=len(state.participants),
        ended=state.ended,
        current_turn=current,
    )


def _planned(plan: RoundPlan, people: int) -> float | None:
    if plan.policy.mode is PolicyMode.FAIR_SHARE:
        return plan.policy.seconds
    if plan.policy.mode is PolicyMode.FIXED:
        return plan.policy.seconds * people
    return None
