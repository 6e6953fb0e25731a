"""Who might facilitate next: whoever facilitated least recently, never a ranking."""

from __future__ import annotations

from circlekeeper.session.roles import suggest_facilitator
from circlekeeper.session.seating import (
    RoundDirection,
    RoundStart,
    SeatingRule,
    rule_from_dict,
    rule_to_dict,
)

ROOM = ["Ana", "Bo", "Cy", "Di"]


def test_someone_who_never_facilitated_comes_first_in_seating_order() -> None:
    assert suggest_facilitator(ROOM, [("Ana",), ("Bo", "Di")]) == "Cy"


def test_otherwise_the_longest_ago_and_ties_go_by_seat() -> None:
    recent = [("Ana",), ("Bo",), ("Cy", "Di")]
    assert suggest_facilitator(ROOM, recent) == "Cy"
    assert suggest_facilitator(["Di", "Cy"], recent) == "Di"


def test_today_s_facilitator_and_absent_people_are_not_suggested() -> None:
    assert suggest_facilitator(["Ana", "Bo"], [("Cy",)], today=["Ana"]) == "Bo"
    assert suggest_facilitator(["Ana"], [], today=["Ana"]) is None


def test_a_seating_rule_survives_storage_and_unknown_values_fall_back() -> None:
    rule = SeatingRule(RoundDirection.ALTERNATE, RoundStart.AFTER_LAST, facilitator_shares=False)
    assert rule_from_dict(rule_to_dict(rule)) == rule
    assert rule_from_dict({"direction": "spiral"}) == SeatingRule()
    assert rule_from_dict(None) == SeatingRule()
