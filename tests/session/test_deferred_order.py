""" "Come back at the end of the round" keeps the order in which people asked, also after a
crash: the restarted app folds the stored log again, in a process with another hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy, fold
from circlekeeper.session.model import RoundKind

NAMES = ["Aisha", "Bo", "Chidi", "Dana", "Eitan", "Fatima", "Goran", "Hana"]
ROOT = Path(__file__).resolve().parents[2]


def circle(clock: FakeClock) -> CircleSession:
    session = CircleSession(clock)
    session.start("Tuesday", [Participant(person_id=n, name=n) for n in NAMES], ["Sam"])
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)))
    return session


@settings(max_examples=60, deadline=None)
@given(st.permutations(NAMES).flatmap(lambda p: st.integers(1, len(p)).map(lambda k: p[:k])))
def test_the_order_of_asking_is_kept_through_fold_and_resume(asking: list[str]) -> None:
    clock = FakeClock()
    session = circle(clock)
    for person in asking:
        session.pass_for_now(person)
        clock.advance(1)
    current = session.state.current_round
    assert current is not None
    assert current.deferred == asking
    assert current.queue[-len(asking) :] == asking

    restarted = CircleSession(FakeClock(), log=session.log)  # the app after a crash
    again = restarted.state.current_round
    assert again is not None
    assert again.deferred == asking
    assert fold(session.log).rounds[-1].deferred == asking


SCRIPT = """
import json, sys
from circlekeeper.session import CircleSession, FakeClock
from tests.session.test_deferred_order import circle
session = circle(FakeClock())
for person in ["Hana", "Bo", "Fatima", "Aisha", "Goran"]:
    session.pass_for_now(person)
again = CircleSession(FakeClock(), log=session.log).state.current_round
print(json.dumps(again.deferred))
"""


def test_a_restart_under_another_hash_seed_lists_them_in_the_same_order() -> None:
    orders = set()
    for seed in ("0", "1", "2", "3", "17", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        orders.add(tuple(json.loads(done.stdout)))
    assert orders == {("Hana", "Bo", "Fatima", "Aisha", "Goran")}
