"""The speaking order of each round, from the room's seating and the circle's habits.

People sit in a circle and expect the order to follow the room. Circles differ in which way
round they go (clockwise, counter-clockwise, or turning back each round so the same people are
not always last) and in who opens each round (the same person, the next person along, or the
person after whoever finished the last round). These are pure functions of the seating, so the
order shown before a round starts is exactly the order that runs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from circlekeeper.session.model import Direction


class RoundDirection(StrEnum):
    CLOCKWISE = "clockwise"
    COUNTERCLOCKWISE = "counterclockwise"
    ALTERNATE = "alternate"
    """Clockwise in the first round, the other way in the second, and so on."""

    def for_round(self, round_index: int) -> Direction:
        if self is RoundDirection.COUNTERCLOCKWISE:
            return Direction.COUNTERCLOCKWISE
        if self is RoundDirection.ALTERNATE and round_index % 2 == 1:
            return Direction.COUNTERCLOCKWISE
        return Direction.CLOCKWISE


class RoundStart(StrEnum):
    SAME_FIRST = "same-first"
    """Every round opens with the same person (the first seat, or the chosen first speaker)."""
    NEXT_ALONG = "next-along"
    """Each round opens one seat further along than the round before."""
    AFTER_LAST = "after-last"
    """Each round opens with the person after whoever finished the round before."""


@dataclass(frozen=True, slots=True)
class SeatingRule:
    """A circle's habits for the speaking order, kept with the circle."""

    direction: RoundDirection = RoundDirection.CLOCKWISE
    start: RoundStart = RoundStart.SAME_FIRST
    facilitator_shares: bool = True
    """Peer support has no fixed helper: by default whoever facilitates takes a turn too."""


@dataclass(frozen=True, slots=True)
class PreviousRound:
    """What the order of the next round depends on from the round before."""

    first: str | None = None
    last: str | None = None


def seat_everyone(seating: Sequence[str], present: Sequence[str]) -> list[str]:
    """Everyone present in seating order; people without a seat (late arrivals) sit at the end,
    in the order they arrived."""
    here = set(present)
    seats = [pid for pid in dict.fromkeys(seating) if pid in here]
    return seats + [pid for pid in present if pid not in seats]


def round_order(
    seating: Sequence[str],
    present: Sequence[str],
    round_index: int,
    rule: SeatingRule = SeatingRule(),
    *,
    first: str | None = None,
    previous: PreviousRound = PreviousRound(),
    facilitators: Collection[str] = (),
) -> list[str]:
    """The order of round ``round_index``: around the seating from the chosen opener.

    ``first`` is who opens the first round (default: the first seat). When the person a rule
    points at is not here, the next person along who is opens instead.
    """
    seats = seat_everyone(seating, present)
    if not rule.facilitator_shares:
        seats = [pid for pid in seats if pid not in set(facilitators)]
    if not seats:
        return []
    direction = rule.direction.for_round(round_index)
    step = 1 if direction is Direction.CLOCKWISE else -1
    opener_index = _opener_index(seating, seats, rule, round_index, first, previous, step)
    return [seats[(opener_index + step * i) % len(seats)] for i in range(len(seats))]


def _opener_index(
    seating: Sequence[str],
    seats: list[str],
    rule: SeatingRule,
    round_index: int,
    first: str | None,
    previous: PreviousRound,
    step: int,
) -> int:
    if round_index == 0 or rule.start is RoundStart.SAME_FIRST:
        return _here_or_next(seating, seats, first, 0, step)
    anchor = previous.first if rule.start is RoundStart.NEXT_ALONG else previous.last
    if anchor is None:
        return _here_or_next(seating, seats, first, 0, step)
    # "Along" and "after" go the way the circle goes (clockwise when it turns back each round),
    # so the opener moves steadily round the room whatever way this round runs.
    along = -1 if rule.direction is RoundDirection.COUNTERCLOCKWISE else 1
    return _here_or_next(seating, seats, anchor, along, along)


def _here_or_next(
    seating: Sequence[str], seats: list[str], person: str | None, offset: int, step: int
) -> int:
    """The index in ``seats`` of ``person`` moved ``offset`` seats along; if they are absent,
    the first present person after their seat in the room (``seating``)."""
    if person is None:
        return 0
    if person in seats:
        return (seats.index(person) + step * offset) % len(seats)
    room = list(dict.fromkeys([*seating, *seats]))
    if person not in room:
        return 0
    at = room.index(person)
    for distance in range(1, len(room)):
        candidate = room[(at + step * distance) % len(room)]
        if candidate in seats:
            return seats.index(candidate)
    return 0


def moved(order: Sequence[str], person_id: str, by: int) -> list[str]:
    """The seating with one person moved ``by`` seats (Alt+Up is -1, Alt+Down is +1),
    stopping at either end; used by every list that edits a circle's seating."""
    people = list(order)
    if person_id not in people:
        return people
    at = people.index(person_id)
    to = max(0, min(len(people) - 1, at + by))
    people.insert(to, people.pop(at))
    return people


def rule_to_dict(rule: SeatingRule) -> dict[str, object]:
    return {
        "direction": rule.direction.value,
        "start": rule.start.value,
        "facilitator_shares": rule.facilitator_shares,
    }


def rule_from_dict(data: object) -> SeatingRule:
    """Lenient on purpose: a setting written by a later version falls back to the defaults
    rather than stopping a circle from starting."""
    if not isinstance(data, dict):
        return SeatingRule()
    try:
        direction = RoundDirection(data.get("direction", RoundDirection.CLOCKWISE))
        start = RoundStart(data.get("start", RoundStart.SAME_FIRST))
    except ValueError:
        return SeatingRule()
    shares = data.get("facilitator_shares", True)
    return SeatingRule(direction, start, shares if isinstance(shares, bool) else True)
