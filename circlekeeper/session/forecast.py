"""The whole circle's clock: when it planned to end, where the plan is heading, and how to fit.

The live screen shows one turn; a facilitator also needs the circle at a glance. This reads the
folded state and the round plan (with any ``rounds-replanned`` applied) at one instant and
projects each round's end: finished rounds as they ended, the round in progress from what is
left of it, rounds to come from their plans. Open rounds have no plan, so they add nothing.
Session seconds throughout; the window turns them into wall-clock times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from circlekeeper.i18n import _
from circlekeeper.session.model import PolicyMode, RoundPlan, TimePolicy
from circlekeeper.session.state import RoundState, SessionState

FIT_STEP = 5.0
"""Shortened budgets are whole multiples of five seconds: numbers a person can read aloud."""


@dataclass(frozen=True, slots=True)
class RoundForecast:
    index: int
    label: str
    starts: float
    ends: float
    done: bool
    running: bool


@dataclass(frozen=True, slots=True)
class CircleForecast:
    now: float
    planned_end: float
    rounds: tuple[RoundForecast, ...]

    @property
    def projected_end(self) -> float:
        return max([self.now, *(r.ends for r in self.rounds)])

    @property
    def time_left(self) -> float:
        """Seconds until the planned end (negative once it has passed)."""
        return self.planned_end - self.now

    @property
    def overrun(self) -> float:
        """How far past the planned end the plan is heading (0 when it fits)."""
        return max(0.0, self.projected_end - self.planned_end)

    @property
    def heading(self) -> RoundForecast | None:
        """The round in progress, else the next one: the one a sentence should name."""
        return next((r for r in self.rounds if not r.done), None)


@dataclass(frozen=True, slots=True)
class Refit:
    """A shortened plan for the rounds not started yet, and what each person would get."""

    first_index: int
    plans: tuple[RoundPlan, ...]
    shares: tuple[float | None, ...]
    fits: bool
    """False when even the floors (minimum per person) do not fit the time left."""


def effective_plans(state: SessionState, plans: Sequence[RoundPlan]) -> list[RoundPlan]:
    """The plan as it now stands: replanned rounds replace planned ones."""
    count = max([len(plans), *(index + 1 for index in state.replanned)])
    return [
        state.replanned.get(i, plans[i] if i < len(plans) else RoundPlan()) for i in range(count)
    ]


def planned_seconds(plan: RoundPlan, people: int) -> float:
    """How long a round is planned to take with ``people`` in it (open rounds: nothing)."""
    policy = plan.policy
    if policy.mode is PolicyMode.FAIR_SHARE:
        return max(policy.seconds, policy.minimum * people)
    if policy.mode is PolicyMode.FIXED:
        return policy.seconds * people
    return 0.0


def planned_length(plans: Sequence[RoundPlan], people: int) -> float:
    return sum(planned_seconds(plan, people) for plan in plans)


def forecast(
    state: SessionState,
    plans: Sequence[RoundPlan],
    now: float,
    *,
    planned_end: float | None = None,
) -> CircleForecast:
    """Project the circle from this instant. ``planned_end`` (session seconds) defaults to the
    start plus the plan's length for the people present at the start."""
    rounds_plan = effective_plans(state, plans)
    people = len(state.present)
    if planned_end is None:
        starters = len(state.present) - len(state.joined_late) + len(state.left_early)
        planned_end = state.started_at + planned_length(plans, max(1, starters))
    result: list[RoundForecast] = []
    cursor = now
    for index in range(max(len(rounds_plan), len(state.rounds))):
        if index < len(state.rounds):
            round_ = state.rounds[index]
            if round_.ended_at is not None:
                result.append(
                    RoundForecast(
                        index, round_.plan.label, round_.started_at, round_.ended_at, True, False
                    )
                )
                continue
            ends = now + _left_in_round(round_, now)
            result.append(
                RoundForecast(index, round_.plan.label, round_.started_at, ends, False, True)
            )
            cursor = ends
            continue
        plan = rounds_plan[index]
        ends = cursor + planned_seconds(plan, people)
        result.append(RoundForecast(index, plan.label, cursor, ends, False, False))
        cursor = ends
    return CircleForecast(now=now, planned_end=planned_end, rounds=tuple(result))


def _left_in_round(round_: RoundState, now: float) -> float:
    """What the round in progress still needs if everyone waiting uses their share."""
    policy = round_.plan.policy
    waiting = len(round_.queue)
    turn = round_.current
    current_left = 0.0
    if turn is not None and turn.allotted is not None:
        current_left = max(0.0, turn.allotted - turn.spoken(now))
    if policy.mode is PolicyMode.FIXED:
        return current_left + policy.seconds * waiting
    if policy.mode is PolicyMode.FAIR_SHARE:
        if not waiting:
            return current_left
        budget_left = policy.seconds - round_.spoken_in_round(now) - current_left
        return current_left + max(budget_left, policy.minimum * waiting)
    return 0.0


def fit_to_time(
    state: SessionState, plans: Sequence[RoundPlan], now: float, *, planned_end: float
) -> Refit | None:
    """Shorten the rounds not started yet so the circle ends by ``planned_end``.

    Every timed round to come shrinks by the same factor, never below its floor (the minimum
    per person times the people present; fixed rounds keep at least 15 s each). ``None`` when
    the plan already fits or nothing is left to shorten (every round to come already at its
    floor).
    """
    first = len(state.rounds)
    rounds_plan = effective_plans(state, plans)[first:]
    people = max(1, len(state.present))
    outlook = forecast(state, plans, now, planned_end=planned_end)
    if outlook.overrun <= 0 or not rounds_plan:
        return None
    current = next((r for r in outlook.rounds if r.running), None)
    available = planned_end - (current.ends if current else now)
    wanted = planned_length(rounds_plan, people)
    if wanted <= 0:
        return None
    factor = max(0.0, available) / wanted
    shortened = [_shortened(plan.policy, factor, people) for plan in rounds_plan]
    new_plans = tuple(
        replace(p, policy=policy) for p, policy in zip(rounds_plan, shortened, strict=True)
    )
    if new_plans == tuple(rounds_plan):
        # Already at their floors: offering this "shortened" plan again changes nothing
        # (the live screen offered it after every Ctrl+Shift+F and said it had shortened).
        return None
    shares = tuple(_share(policy, people) for policy in shortened)
    fits = planned_length(new_plans, people) <= max(0.0, available) + FIT_STEP * len(new_plans)
    return Refit(first, new_plans, shares, fits)


def _shortened(policy: TimePolicy, factor: float, people: int) -> TimePolicy:
    if policy.mode is PolicyMode.FAIR_SHARE:
        floor = policy.minimum * people
        budget = max(floor, _step_down(policy.seconds * factor), FIT_STEP)
        return TimePolicy.fair_share(min(budget, policy.seconds), policy.minimum)
    if policy.mode is PolicyMode.FIXED:
        return TimePolicy.fixed(min(policy.seconds, max(15.0, _step_down(policy.seconds * factor))))
    return policy


def _share(policy: TimePolicy, people: int) -> float | None:
    if policy.mode is PolicyMode.FAIR_SHARE:
        return max(policy.minimum, policy.seconds / people)
    if policy.mode is PolicyMode.FIXED:
        return policy.seconds
    return None


def _step_down(seconds: float) -> float:
    return FIT_STEP * int(seconds // FIT_STEP)


def minutes_phrase(seconds: float) -> str:
    """Roughly, as people say it: "1 min", "6 min", "1 h 05 min"."""
    minutes = max(1, round(abs(seconds) / 60))
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=f"{rest:02d}")


def forecast_sentence(outlook: CircleForecast, clock_text: Callable[[float], str]) -> str:
    """The circle at a glance, in one line: planned end, time left, where the plan heads.

    ``clock_text`` turns session seconds into the wall-clock time people read ("20:30").
    """
    end = clock_text(outlook.planned_end)
    left = outlook.time_left
    parts = [_("Planned end {time}").format(time=end)]
    parts.append(
        _("{minutes} left").format(minutes=minutes_phrase(left))
        if left >= 60
        else _("the planned end is here")
    )
    if outlook.rounds and outlook.overrun >= 60:
        last = outlook.rounds[-1]
        parts.append(
            _("{round} will end about {minutes} after {time}").format(
                round=last.label, minutes=minutes_phrase(outlook.overrun), time=end
            )
        )
    elif outlook.heading is not None:
        parts.append(_("on time"))
    return " · ".join(parts)
