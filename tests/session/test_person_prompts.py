"""A prompt for each person: the round plan carries it, files and logs keep it, old ones load."""

from __future__ import annotations

import json

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session import events as ev
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    document_from_log,
    dump_session,
    load_session,
    renumber_people,
    renumber_plan,
)
from circlekeeper.session.model import RoundKind

ODD = [
    "x" * 10_000,
    "<b>Bo</b> & co",
    "🌱 what grows?",
    "ما الذي يسندك؟",
    "מה מחזיק אותך?",
    "你好吗",
]


def per_person_plan() -> RoundPlan:
    return RoundPlan(
        RoundKind.CHECK_IN,
        TimePolicy.fixed(60),
        prompt="What are you bringing?",
        person_prompts=(("p1", ODD[1]), ("p2", ODD[3])),
    )


def test_prompt_for_gives_a_persons_own_prompt_else_the_shared_one() -> None:
    plan = per_person_plan()
    assert plan.per_person
    assert plan.prompt_for("p1") == "<b>Bo</b> & co"
    assert plan.prompt_for("p2") == "ما الذي يسندك؟"
    assert plan.prompt_for("late") == "What are you bringing?"
    assert plan.prompt_for(None) == "What are you bringing?"
    shared = RoundPlan(prompt="Same for all")
    assert not shared.per_person and shared.prompt_for("p1") == "Same for all"


def test_a_plan_accepts_a_mapping_keeps_one_prompt_per_person_and_drops_blanks() -> None:
    plan = RoundPlan(person_prompts={"a": "One", "b": "   ", "c": ODD[0]})  # type: ignore[arg-type]
    assert plan.person_prompts == (("a", "One"), ("c", ODD[0]))
    twice = RoundPlan(person_prompts=(("a", "First"), ("a", "Second")))
    assert twice.person_prompts == (("a", "Second"),)
    assert hash(plan) == hash(RoundPlan(person_prompts=(("a", "One"), ("c", ODD[0]))))
    assert plan.prompts() == ("One", ODD[0])
    assert per_person_plan().prompts() == ("What are you bringing?", ODD[1], ODD[3])


@pytest.mark.parametrize(
    "bad",
    [(("a",),), (("a", 3),), ((3, "x"),), (("", "x"),)],
)
def test_a_plan_refuses_malformed_person_prompts(bad) -> None:
    with pytest.raises((TypeError, ValueError)):
        RoundPlan(person_prompts=bad)


def test_to_dict_round_trips_and_leaves_shared_plans_exactly_as_before() -> None:
    plan = per_person_plan()
    data = plan.to_dict()
    assert data["person_prompts"] == {"p1": ODD[1], "p2": ODD[3]}
    assert RoundPlan.from_dict(json.loads(json.dumps(data))) == plan
    shared = RoundPlan(RoundKind.SHARING, TimePolicy.open(), prompt="Hello")
    assert "person_prompts" not in shared.to_dict()
    old = {"kind": "sharing", "title": "", "prompt": "Hello", "policy": shared.policy.to_dict()}
    assert RoundPlan.from_dict(old) == shared


@pytest.mark.parametrize("value", [["p1", "x"], "text", {"p1": 5}, {"": "x"}])
def test_from_dict_refuses_bad_person_prompts(value) -> None:
    data = per_person_plan().to_dict()
    data["person_prompts"] = value
    with pytest.raises((TypeError, ValueError)):
        RoundPlan.from_dict(data)


def test_the_log_and_the_interchange_file_keep_each_persons_prompt() -> None:
    people = [Participant("p1", "Bo"), Participant("p2", "مريم"), Participant("p3", "山田")]
    session = CircleSession(FakeClock())
    session.start("Circle", people, ["Sam"])
    plan = per_person_plan()
    session.start_round(plan)
    session.start_turn()
    session.end_turn()
    session.end_session()
    started = next(e.event for e in session.log if isinstance(e.event, ev.RoundStarted))
    assert ev.from_payload("round-started", ev.to_payload(started)).plan == plan
    doc = document_from_log(session.log, round_plan=(plan,))
    text = dump_session(doc)
    back = load_session(text)
    assert back == doc
    assert back.round_plan[0].prompt_for("p2") == "ما الذي يسندك؟"
    assert session.state.rounds[0].plan.prompt_for("p1") == "<b>Bo</b> & co"


def test_an_importer_refuses_a_prompt_for_someone_not_in_the_file() -> None:
    people = [Participant("p1", "Bo"), Participant("p2", "Noor")]
    session = CircleSession(FakeClock())
    session.start("Circle", people, [])
    doc = document_from_log(session.log, round_plan=(per_person_plan(),))
    data = json.loads(dump_session(doc))
    data["round_plan"][0]["person_prompts"]["p9"] = "Who?"
    with pytest.raises(InvalidSessionFile, match=r"round_plan\[0\]\.person_prompts\.p9"):
        load_session(json.dumps(data))
    data = json.loads(dump_session(doc))
    data["round_plan"][0]["person_prompts"] = ["p1"]
    with pytest.raises(InvalidSessionFile, match=r"round_plan\[0\].*person_prompts"):
        load_session(json.dumps(data))


def test_renumbering_people_moves_their_prompts_too() -> None:
    people = [Participant("p1", "Bo"), Participant("p2", "Noor")]
    session = CircleSession(FakeClock())
    session.start("Circle", people, [])
    session.start_round(per_person_plan())
    moved = renumber_people(session.log, {"p1": "11", "p2": "12"})
    plan = next(e.event.plan for e in moved if isinstance(e.event, ev.RoundStarted))
    assert plan.prompt_for("11") == "<b>Bo</b> & co" and plan.prompt_for("12") == ODD[3]
    (renamed,) = renumber_plan((per_person_plan(),), {"p2": "new"})
    assert renamed.person_prompts == (("p1", ODD[1]), ("new", ODD[3]))
