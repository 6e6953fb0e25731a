"""A finished circle in which everyone spoke the same time, to the tenth of a second.

The smallest circle whose figures, each rounded on its own, do not add up (three people at
10.6 s: 0:11 three times under a total of 0:32; 33 % three times). Shared by the summary
screen's and the printed summary's tests.
"""

from __future__ import annotations

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.model import RoundKind
from circlekeeper.session.summary import SessionSummary, summarize


def equal_turns(people: list[Participant], seconds: float = 10.6) -> SessionSummary:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday circle", people, ["Sam Rivera"])
    ids = [person.person_id for person in people]
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)), ids)
    for _person in people:
        session.start_turn()
        clock.advance(seconds)
        session.end_turn(start_next=False)
    session.end_round()
    session.end_session()
    return summarize(session.log)
