"""What *Start a circle* is given (:class:`CircleBrief`) and what it hands back
(:class:`SessionSetup`): plain data, so the dialog never touches the store and the same dialog
serves a demo circle, a real one and the tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from circlekeeper.session.document import renumber_plan
from circlekeeper.session.model import Participant, RoundKind, RoundPlan, TimePolicy
from circlekeeper.session.order import OrderStrategy
from circlekeeper.session.seating import SeatingRule


@dataclass(frozen=True, slots=True)
class CircleBrief:
    """What the dialog needs to know about the circle."""

    name: str
    members: tuple[Participant, ...]
    agreements: tuple[str, ...] = ()
    default_plan: tuple[RoundPlan, ...] = ()
    facilitators: tuple[str, ...] = ()
    previous_first: str | None = None
    balance: Mapping[str, float] = field(default_factory=dict)
    """Speaking balance over recent sessions (positive: heard more than an equal share)."""
    seating_rule: SeatingRule = field(default_factory=SeatingRule)
    """The circle's habit for the speaking order (direction, opener, facilitator shares)."""
    recent_facilitators: tuple[tuple[str, ...], ...] = ()
    """Each recent session's facilitators, most recent first: who might facilitate next."""
    demo: bool = False
    """A circle the demo data made (its title says so)."""


@dataclass(frozen=True, slots=True)
class SessionSetup:
    present: tuple[Participant, ...]
    """In speaking order for the first round."""
    newcomers: tuple[Participant, ...]
    facilitators: tuple[str, ...]
    plan: tuple[RoundPlan, ...]
    strategy: OrderStrategy
    seed: int
    seating: tuple[Participant, ...] = ()
    """Everyone present in the room's seating order (``present`` is the first round's order)."""
    seating_rule: SeatingRule = field(default_factory=SeatingRule)
    first_speaker: str | None = None
    facilitator_ids: tuple[str, ...] = ()
    """The facilitators who are people of the circle (guests have no id)."""

    def with_stored_people(self, present: Sequence[Participant]) -> SessionSetup:
        """The same setup once the store has given newcomers their ids: ``present`` is
        ``self.present`` in the same order, so per-person prompts follow their person."""
        mapping = {
            old.person_id: new.person_id for old, new in zip(self.present, present, strict=True)
        }
        by_id = {p.person_id: p for p in present}
        return replace(
            self,
            present=tuple(present),
            plan=renumber_plan(self.plan, mapping),
            seating=tuple(by_id[mapping.get(p.person_id, p.person_id)] for p in self.seating),
            first_speaker=mapping.get(self.first_speaker or "", self.first_speaker),
            facilitator_ids=tuple(mapping.get(pid, pid) for pid in self.facilitator_ids),
        )


def default_plan() -> tuple[RoundPlan, ...]:
    """Check-in, one sharing round, check-out: what most circles do."""
    return (
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(90)),
        RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(45 * 60, minimum=60)),
        RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(60)),
    )


__all__ = ["CircleBrief", "SessionSetup", "default_plan"]
