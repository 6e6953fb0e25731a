"""One look per repaint: phases, the idle reminder, clock jumps and heartbeats on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
from circlekeeper.session.live.policy import round_progress
from circlekeeper.session.live.watch import LiveWatch, Noticed
from circlekeeper.session.model import Phase, RoundKind

PLAN = (RoundPlan(kind=RoundKind.CHECK_IN, policy=TimePolicy.fixed(60)),)
START = datetime(2026, 3, 3, 18, tzinfo=UTC)


def named(person_id: str) -> str:
    return {"A": "Amal", "B": "Bo", "C": "Chen", "D": "Dana"}[person_id]


class Room:
    """A session and its watch, looked at the way the controller does after each command."""

    def __init__(self, session: CircleSession, clock: FakeClock) -> None:
        self.session = session
        self.clock = clock
        self.watch = LiveWatch()
        self.said: list[str | None] = []

    def command(self) -> Noticed:
        """After a command: say the moment, then look at once (as the controller repaints)."""
        state = self.session.state
        self.said.append(
            self.watch.after_command(
                state, round_progress(state, PLAN), self.session.turn_view(), named
            )
        )
        return self.look()

    def look(self, *, asleep: float = 0.0, beating: bool = True) -> Noticed:
        wall = START + timedelta(seconds=self.clock.now() + asleep)
        return self.watch.look(
            self.session.state,
            self.session.turn_view(),
            named,
            now=self.clock.now(),
            wall=wall,
            beating=beating,
        )

    def run(self, seconds: int) -> list[tuple[float, Noticed]]:
        """Look every second; the looks that noticed something, with their time."""
        seen = []
        for _ in range(seconds):
            self.clock.advance(1)
            noticed = self.look(beating=False)
            if noticed != Noticed():
                seen.append((self.clock.now(), noticed))
        return seen


def test_a_turn_enters_each_phase_once_and_screen_readers_hear_it(
    session: CircleSession, clock: FakeClock
) -> None:
    room = Room(session, clock)
    session.start_round(PLAN[0], ["A"])
    session.start_turn()
    room.command()
    began = clock.now()
    phases = [(at - began, n.phase) for at, n in room.run(70) if n.phase is not None]
    assert [(at, p.phase, p.name) for at, p in phases] == [
        (48.0, Phase.NEARING_END, "Amal"),
        (61.0, Phase.OVER_TIME, "Amal"),
    ]
    assert phases[1][1].sentence == "Amal: over time."


def test_the_reminder_comes_while_someone_waits_and_a_command_starts_the_wait_over(
    session: CircleSession, clock: FakeClock
) -> None:
    room = Room(session, clock)
    session.start_round(PLAN[0], ["A", "B"])
    room.command()
    assert room.said[-1] == "Nobody is speaking. Amal is next: press Space to start."
    began = clock.now()
    reminders = [(at - began, n.reminding) for at, n in room.run(7) if n.reminding is not None]
    assert reminders == [(5.0, True)]
    session.reorder(["B", "A"])
    assert room.command().reminding is False  # the command ended the reminder…
    assert [at - began for at, n in room.run(7) if n.reminding] == [12.0]  # …and starts over


def test_a_sleep_mid_turn_is_noticed_once_and_a_sleep_while_paused_not_at_all(
    session: CircleSession, clock: FakeClock
) -> None:
    room = Room(session, clock)
    session.start_round(PLAN[0], ["A"])
    session.start_turn()
    room.command()
    assert room.look().clock_gap is None
    clock.advance(1)
    assert room.look(asleep=600).clock_gap == 600.0
    clock.advance(1)
    assert room.look(asleep=600).clock_gap is None  # the jump is behind us
    session.pause()
    room.command()
    clock.advance(1)
    assert room.look(asleep=1200).clock_gap is None  # paused: no turn's time went uncounted
    session.resume_turn()
    assert room.command().clock_gap is None  # the probe starts afresh


def test_heartbeats_are_due_only_where_they_can_go(
    session: CircleSession, clock: FakeClock
) -> None:
    room = Room(session, clock)
    assert room.look(beating=False).beat is False
    assert room.look().beat is True  # the first beat is at once
    clock.advance(4)
    assert room.look().beat is False
    clock.advance(1)
    assert room.look().beat is True
    session.start_round(PLAN[0], ["A"])
    session.start_turn()
    clock.advance(0.5)
    assert room.look().beat is False
    clock.advance(0.5)
    assert room.look().beat is True  # a running turn beats every 0.8 s, not every 5


def test_the_moment_is_said_once_per_change(session: CircleSession, clock: FakeClock) -> None:
    room = Room(session, clock)
    session.start_round(PLAN[0], ["A", "B"])
    room.command()
    session.start_turn()
    room.command()
    session.extend(30)
    room.command()
    assert room.said == [
        "Nobody is speaking. Amal is next: press Space to start.",
        "Amal is speaking.",
        None,  # extra time changes nothing anyone needs to hear again
    ]
