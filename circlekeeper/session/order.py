"""Who speaks first and in what order: four strategies a facilitator chooses between.

Each takes the seating order (person ids) and returns a new list; none mutates its input.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from enum import StrEnum

from circlekeeper.i18n import _
from circlekeeper.session.model import Direction


class OrderStrategy(StrEnum):
    SEATING = "seating"
    SHUFFLE = "shuffle"
    ROTATION = "rotation"
    LEAST_HEARD = "least-heard"


def seating_order(
    seating: Sequence[str], first: str | None = None, direction: Direction = Direction.CLOCKWISE
) -> list[str]:
    """Around the circle from ``first`` (default: the first seat), either way round."""
    people = list(seating)
    if not people:
        return []
    if first is not None and first not in people:
        raise ValueError(
            _("the first speaker {first} is not in the seating order").format(first=repr(first))
        )
    start = people.index(first) if first is not None else 0
    if direction is Direction.CLOCKWISE:
        return people[start:] + people[:start]
    return [people[(start - i) % len(people)] for i in range(len(people))]


def shuffled_order(seating: Sequence[str], seed: int) -> list[str]:
    """A random order that a seed reproduces exactly (for tests and for a re-shown plan)."""
    people = list(seating)
    random.Random(seed).shuffle(people)
    return people


def rotation_order(
    seating: Sequence[str],
    previous_first: str | None,
    direction: Direction = Direction.CLOCKWISE,
    previous_seating: Sequence[str] = (),
) -> list[str]:
    """The first speaker moves on by one seat from last session's first speaker.

    If last session's first speaker is absent today, the next person after them in last
    session's seating who is present starts; failing that, the first seat does.
    """
    people = list(seating)
    if not people:
        return []
    if previous_first is None:
        return seating_order(people, None, direction)
    step = 1 if direction is Direction.CLOCKWISE else -1
    if previous_first in people:
        index = people.index(previous_first)
        return seating_order(people, people[(index + step) % len(people)], direction)
    before = list(previous_seating)
    if previous_first in before:
        index = before.index(previous_first)
        for offset in range(1, len(before)):
            candidate = before[(index + step * offset) % len(before)]
            if candidate in people:
                return seating_order(people, candidate, direction)
    return seating_order(people, None, direction)


def least_heard_order(seating: Sequence[str], balance: Mapping[str, float]) -> list[str]:
    """Those heard least recently go first.

    ``balance`` is each person's past speaking share minus an equal share (positive: heard
    more). Newcomers (no balance) count as 0. Ties keep seating order so the result is stable.
    """
    people = list(seating)
    position = {pid: i for i, pid in enumerate(people)}
    return sorted(people, key=lambda pid: (balance.get(pid, 0.0), position[pid]))
