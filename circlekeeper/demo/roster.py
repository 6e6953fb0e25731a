"""Phase one of the demo data: invent circles and their members, before the store gives ids.

The roster is separate from playing sessions because the store must assign person ids in
between (logs carry them); :class:`StoredCircle` is the hand-over between the two phases.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from circlekeeper.demo.words import (
    AGREEMENTS,
    CHECK_IN_PROMPTS,
    CHECK_OUT_PROMPTS,
    CIRCLE_KINDS,
    FACILITATORS,
    NAMES,
    SHARING_PROMPTS,
    TIMEZONES,
    spoken,
)
from circlekeeper.session.cadence import Cadence, CadenceKind
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy


@dataclass(frozen=True, slots=True)
class DemoPerson:
    name: str
    pronouns: str = ""


@dataclass(frozen=True, slots=True)
class DemoCircle:
    """A circle as invented, before the store gives it and its people ids."""

    name: str
    description: str
    agreements: tuple[str, ...]
    default_plan: tuple[RoundPlan, ...]
    facilitators: tuple[str, ...]
    members: tuple[DemoPerson, ...]
    timezone: str
    mood_enabled: bool
    meets_per_week: int = 1

    @property
    def cadence(self) -> Cadence:
        """Weekly circles keep a weekly schedule (their first session sets the weekday), so
        the demo's period report shows sessions held against it; a circle meeting twice a
        week has no schedule CircleKeeper offers."""
        return Cadence(CadenceKind.WEEKLY) if self.meets_per_week == 1 else Cadence()


@dataclass(frozen=True, slots=True)
class StoredCircle:
    """A demo circle after storing: what :func:`drive_sessions` needs."""

    circle_id: int
    circle: DemoCircle
    member_ids: tuple[int, ...]
    """Person ids in seating order, parallel to ``circle.members``."""


def circle_count_for(sessions: int) -> int:
    """Enough circles that weekly meetings stay within a plausible number of years."""
    return max(4, min(400, sessions // 300 + 1))


def plan_roster(seed: int, circles: int) -> list[DemoCircle]:
    """Invent ``circles`` circles with their members; the same seed gives the same roster."""
    rng = random.Random(f"roster-{seed}")
    result: list[DemoCircle] = []
    for index in range(circles):
        base_name, description = (spoken(w) for w in CIRCLE_KINDS[index % len(CIRCLE_KINDS)])
        name = (
            base_name
            if index < len(CIRCLE_KINDS)
            else f"{base_name} {index // len(CIRCLE_KINDS) + 1}"
        )
        size = rng.randint(6, 12)
        members = tuple(
            DemoPerson(name, spoken(pronouns)) for name, pronouns in rng.sample(NAMES, size)
        )
        agreements = tuple(
            spoken(a) for a in rng.sample(AGREEMENTS, rng.randint(3, len(AGREEMENTS)))
        )
        result.append(
            DemoCircle(
                name=name,
                description=description,
                agreements=agreements,
                default_plan=_plan(rng, index),
                facilitators=tuple(rng.sample(FACILITATORS, rng.randint(1, 2))),
                members=members,
                timezone=rng.choice(TIMEZONES),
                mood_enabled=rng.random() < 0.5,
                meets_per_week=1 if rng.random() < 0.8 else 2,
            )
        )
    return result


def _plan(rng: random.Random, index: int) -> tuple[RoundPlan, ...]:
    """Circles take turns between policies so any four circles show all three."""
    check_in = RoundPlan(
        RoundKind.CHECK_IN,
        TimePolicy.fixed(rng.choice((45, 60, 90))),
        spoken(rng.choice(CHECK_IN_PROMPTS)),
    )
    style = index % 4
    if style in (0, 2):
        sharing_policy = TimePolicy.fair_share(rng.choice((900, 1200, 1800)), minimum=60)
    elif style == 1:
        sharing_policy = TimePolicy.fixed(rng.choice((120, 180, 240)))
    else:
        sharing_policy = TimePolicy.open()
    sharing = RoundPlan(RoundKind.SHARING, sharing_policy, spoken(rng.choice(SHARING_PROMPTS)))
    check_out = RoundPlan(
        RoundKind.CHECK_OUT,
        TimePolicy.fixed(rng.choice((30, 45))),
        spoken(rng.choice(CHECK_OUT_PROMPTS)),
    )
    return (check_in, sharing, check_out)
