"""How much time a turn gets when it starts, under each round policy."""

from __future__ import annotations

from circlekeeper.session.model import PolicyMode, TimePolicy, format_duration

SMALLEST_FLOOR = 1.0
"""The least a fair-share round may promise each speaker. A floor of 0 would let a turn start
with no time at all: the ring would show "nearing end" before the person said a word."""


def allotment_for(policy: TimePolicy, spoken_in_round: float, speakers_left: int) -> float | None:
    """The allotment for a turn starting now.

    For a fair-share round it is ``remaining budget / speakers still to speak (including the one
    starting)``, never below the minimum: whoever passed or finished early leaves their time to
    the others, and whoever ran over shrinks the others' shares only by what is really left.
    ``None`` means an open round (the timer counts up). A turn needs someone to take it, so
    ``speakers_left`` must be at least 1.
    """
    if speakers_left < 1:
        raise ValueError("an allotment is for someone about to speak; nobody is waiting")
    if policy.mode is PolicyMode.OPEN:
        return None
    if policy.mode is PolicyMode.FIXED:
        return policy.seconds
    remaining = max(0.0, policy.seconds - spoken_in_round)
    return max(policy.minimum, remaining / speakers_left)


def floor_problem(policy: TimePolicy) -> str | None:
    """Why a fair-share round's minimum turn cannot be used, or None when it can."""
    if policy.mode is PolicyMode.FAIR_SHARE and policy.minimum < SMALLEST_FLOOR:
        return (
            f"a fair-share round needs a minimum turn of at least {SMALLEST_FLOOR:.0f} second,"
            f" not {policy.minimum:g}"
        )
    return None


def budget_overrun(policy: TimePolicy, people: int) -> float:
    """Seconds by which the minimum turns of ``people`` speakers exceed a fair-share budget.

    Each speaker is promised at least the minimum, so when ``people × minimum`` is more than
    the budget the round will run over by at least the difference, even if nobody runs over.
    0 when the budget covers them (and for fixed and open rounds, which promise no budget).
    """
    if policy.mode is not PolicyMode.FAIR_SHARE or people <= 0:
        return 0.0
    return max(0.0, people * policy.minimum - policy.seconds)


def minimum_that_fits(policy: TimePolicy, people: int) -> int | None:
    """The largest minimum turn, in whole seconds, whose ``people`` turns fit a fair-share
    budget: what *Start a circle* offers instead of letting the round run over.

    From half a minute on it is rounded down to 5 s (0:50, 3:25: a number a facilitator can
    say aloud); below that to the second. None when not even the smallest floor fits."""
    if policy.mode is not PolicyMode.FAIR_SHARE or people <= 0:
        return None
    fits = int(policy.seconds // people)
    if fits >= 30:
        fits -= fits % 5
    return fits if fits >= SMALLEST_FLOOR else None


def budget_warning(label: str, policy: TimePolicy, people: int) -> str | None:
    """A sentence for the set-up dialog when a round's floors add up to more than its budget."""
    over = budget_overrun(policy, people)
    if over <= 0:
        return None
    return (
        f"{label}: {people} people × at least {format_duration(policy.minimum)} each is"
        f" {format_duration(people * policy.minimum)}, more than the round's"
        f" {format_duration(policy.seconds)}; it will run at least {format_duration(over)} over."
        " Lower the minimum or raise the budget."
    )
