"""Random facilitator scripts for property tests: a real engine driven on a fake clock.

Shared by the engine properties and the interchange round-trip tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    TimePolicy,
)
from circlekeeper.session.dealing import PromptCard
from circlekeeper.session.events import JoinPlace

POOL = [Participant(f"p{i}", f"Person {i}") for i in range(7)]

policies = st.one_of(
    st.builds(TimePolicy.fixed, st.integers(1, 600)),
    st.builds(TimePolicy.fair_share, st.integers(1, 3600), st.sampled_from([1.0, 30.0])),
    st.just(TimePolicy.open()),
)

# Weighted so that scripts get deep into rounds and turns before anything ends them.
ACTIONS = (
    ["start_round"] * 4
    + ["start_turn"] * 5
    + ["end_turn"] * 4
    + ["pass_turn", "pass_for_now", "pause", "resume_turn", "toggle", "join", "end_round"] * 2
    + ["extend", "skip", "reorder", "leave", "correct_start", "undo", "crash", "end_session"]
    + ["hear_passer", "replan"]
)

steps = st.lists(
    st.tuples(
        st.sampled_from(ACTIONS),
        st.integers(0, 9),
        st.booleans(),
        st.floats(0, 400, allow_nan=False),
        policies,
    ),
    max_size=60,
)


def numbered_deal(plan: RoundPlan, heard: object) -> PromptCard:
    """A stand-in for the library: a fresh card each time (never one the group heard)."""
    return PromptCard(f"Card {len(list(heard)) + 1}", f"deck:card-{len(list(heard)) + 1}")


class Run:
    """A session under test, with the clock it runs on (replaced after a simulated crash)."""

    def __init__(self, first_round: TimePolicy | None = None) -> None:
        self.clock = FakeClock()
        self.session = CircleSession(self.clock)
        self.session.start("Property circle", POOL[:4], ["Fac"])
        if first_round is not None:
            self.session.start_round(RoundPlan(policy=first_round))

    def pick(self, ids: list[str], index: int) -> str | None:
        return ids[index % len(ids)] if ids else None

    def do(self, action: str, index: int, flag: bool, seconds: float, policy: TimePolicy) -> None:
        s = self.session
        round_ = s.state.current_round
        queue = list(round_.queue) if round_ else []
        match action:
            case "start_round":
                # Every other round gives each person their own prompt (some of them, here):
                # late arrivals in it are dealt theirs as it starts.
                own = (("p0", "Own prompt"),) if flag else ()
                s.start_round(RoundPlan(policy=policy, person_prompts=own), deal=numbered_deal)
            case "end_round":
                s.end_round()
            case "start_turn":
                s.start_turn(self.pick(queue, index) if flag else None)
            case "end_turn":
                s.end_turn(start_next=flag)
            case "pass_turn":
                s.pass_turn(self.pick(queue, index) if index % 2 else None, start_next=flag)
            case "pass_for_now":
                s.pass_for_now(self.pick(queue, index) if index % 2 else None, start_next=flag)
            case "pause" | "resume_turn" | "toggle" | "undo" | "end_session":
                getattr(s, action)()
            case "extend":
                s.extend(seconds - 50)
            case "skip":
                s.skip(self.pick(queue, index) or "nobody")
            case "reorder":
                s.reorder(queue[index % max(1, len(queue)) :] + queue[: index % max(1, len(queue))])
            case "join":
                place = JoinPlace.NEXT_ROUND if flag and index % 3 == 0 else JoinPlace.THIS_ROUND
                s.join(POOL[index % len(POOL)], place, deal=numbered_deal)
            case "hear_passer":
                waiting = round_.passers_waiting if round_ else []
                s.hear_passer(self.pick(waiting, index) or "nobody")
            case "replan":
                s.replan(len(s.state.rounds) + index % 2, [RoundPlan(policy=policy)])
            case "leave":
                s.leave(POOL[index % len(POOL)].person_id)
            case "correct_start":
                s.correct_start(seconds)
            case "crash":
                self.clock = FakeClock(start=seconds)
                self.session = CircleSession.resume(s.log, self.clock, down_seconds=seconds)
