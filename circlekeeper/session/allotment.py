"""How much time a turn gets when it starts, under each round policy."""

from __future__ import annotations

from circlekeeper.session.model import PolicyMode, TimePolicy


def allotment_for(policy: TimePolicy, spoken_in_round: float, speakers_left: int) -> float | None:
    """The allotment for a turn starting now.

    For a fair-share round it is ``remaining budget / speakers still to speak (including the one
    starting)``, never below the minimum: whoever passed or finished early leaves their time to
    the others, and whoever ran over shrinks the others' shares only by what is really left.
    ``None`` means an open round (the timer counts up).
    """
    if policy.mode is PolicyMode.OPEN:
        return None
    if policy.mode is PolicyMode.FIXED:
        return policy.seconds
    remaining = max(0.0, policy.seconds - spoken_in_round)
    share = remaining / max(1, speakers_left)
    return max(policy.minimum, share)
