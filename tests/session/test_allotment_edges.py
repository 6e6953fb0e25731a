"""Allotments at the edges: nobody waiting, a floor of nothing, floors that outgrow the budget."""

from __future__ import annotations

import json

import pytest

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
)
from circlekeeper.session.allotment import budget_overrun, budget_warning
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.logcheck import LogInconsistent, check_log
from circlekeeper.session.model import Phase
from circlekeeper.session.state import phase_for

PEOPLE = [Participant("a", "Ana"), Participant("b", "Bo")]


def _session(policy: TimePolicy, people=PEOPLE) -> CircleSession:
    session = CircleSession(FakeClock())
    session.start("c", people)
    session.start_round(RoundPlan(policy=policy))
    return session


def test_no_allotment_is_offered_when_everyone_has_passed() -> None:
    session = _session(TimePolicy.fair_share(600, 60))
    session.pass_turn()
    session.pass_turn()
    with pytest.raises(SessionCommandRefused, match="Nobody is waiting"):
        session.next_allotment()


def test_no_allotment_is_offered_to_an_empty_room() -> None:
    session = _session(TimePolicy.fair_share(600, 60), people=[])
    with pytest.raises(SessionCommandRefused, match="Nobody is waiting"):
        session.next_allotment()


def test_a_fair_share_floor_of_zero_is_refused_when_a_round_starts() -> None:
    session = CircleSession(FakeClock())
    session.start("c", PEOPLE)
    with pytest.raises(SessionCommandRefused, match="at least 1 second"):
        session.start_round(RoundPlan(policy=TimePolicy.fair_share(600, 0)))
    assert session.state.current_round is None


def _file_with_floor(minimum: float) -> str:
    session = _session(TimePolicy.fair_share(600, 30))
    session.end_round()
    session.end_session()
    doc = document_from_log(
        session.log, round_plan=(RoundPlan(policy=TimePolicy.fair_share(600, 30)),)
    )
    data = json.loads(dump_session(doc))
    data["round_plan"][0]["policy"]["minimum"] = minimum
    data["events"][1]["payload"]["plan"]["policy"]["minimum"] = minimum
    return json.dumps(data)


def test_an_imported_file_with_a_floor_of_zero_is_refused_at_its_place() -> None:
    load_session(_file_with_floor(30))  # the same file with a real floor is fine
    with pytest.raises(InvalidSessionFile, match=r"round_plan\[0\]\.policy\.minimum: a fair-share"):
        load_session(_file_with_floor(0))


def test_a_log_whose_round_has_a_floor_of_zero_is_named_by_the_log_check() -> None:
    session = _session(TimePolicy.fair_share(600, 30))
    log = list(session.log)
    started = log[1]
    plan = RoundPlan(policy=TimePolicy.fair_share(600, 0))
    log[1] = type(started)(
        started.seq, started.elapsed, started.wall, type(started.event)(plan, started.event.order)
    )
    with pytest.raises(LogInconsistent) as refusal:
        check_log(log)
    assert refusal.value.index == 1 and refusal.value.field == "payload.plan.policy.minimum"


def test_nobody_is_nearing_the_end_before_they_have_spoken() -> None:
    assert phase_for(0.0, 0.0, 0.8) is Phase.NORMAL
    assert phase_for(0.5, 0.0, 0.8) is Phase.OVER_TIME
    assert phase_for(0.0, 60.0, 0.8) is Phase.NORMAL


def test_floors_that_add_up_to_more_than_the_budget_are_warned_about() -> None:
    policy = TimePolicy.fair_share(3600, 60)
    assert budget_overrun(policy, 60) == 0
    assert budget_overrun(policy, 200) == 200 * 60 - 3600
    warning = budget_warning("Sharing", policy, 200)
    assert warning is not None
    assert "200 people × at least 1:00 each is 3:20:00" in warning
    assert "2:20:00 over" in warning
    assert budget_warning("Sharing", policy, 60) is None
    assert budget_warning("Check-in", TimePolicy.fixed(60), 200) is None
    assert budget_warning("Open", TimePolicy.open(), 200) is None
