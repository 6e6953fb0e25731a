"""The live circle's policies on a fake clock: no Qt, no timer, an hour in microseconds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from circlekeeper.i18n import speaking
from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
from circlekeeper.session.live.policy import (
    ClockJumpWatch,
    Heartbeat,
    IdleReminder,
    MomentWatch,
    PhaseWatch,
    Step,
    describe_moment,
    moment,
    move_on_step,
    opens_next_round_after_closing,
    phase_sentence,
    round_progress,
    up_next,
)
from circlekeeper.session.model import Phase, RoundKind

PLAN = (
    RoundPlan(kind=RoundKind.CHECK_IN, policy=TimePolicy.fixed(60)),
    RoundPlan(kind=RoundKind.SHARING, policy=TimePolicy.fixed(60)),
)
START = datetime(2026, 3, 3, 18, tzinfo=UTC)


def named(person_id: str) -> str:
    return {"A": "Amal", "B": "Bo", "C": "Chen", "D": "Dana"}[person_id]


def test_move_on_walks_turns_then_rounds_then_stops(session: CircleSession) -> None:
    state = session.state
    assert move_on_step(state) is Step.START_ROUND
    session.start_round(PLAN[0], ["A", "B"])
    assert move_on_step(state) is Step.START_TURN
    session.start_turn()
    assert move_on_step(state) is Step.END_TURN
    session.end_turn(start_next=False)
    session.start_turn()
    session.end_turn(start_next=False)
    assert move_on_step(state) is Step.END_ROUND
    session.end_round()
    assert opens_next_round_after_closing(state, PLAN)
    assert not opens_next_round_after_closing(state, PLAN[:1])
    session.end_session()
    assert move_on_step(state) is Step.REFUSE_ENDED


def test_progress_counts_planned_rounds_and_knows_when_a_round_is_complete(
    session: CircleSession,
) -> None:
    before = round_progress(session.state, PLAN)
    assert (before.index, before.total, before.plan, before.in_round) == (0, 2, PLAN[0], False)
    session.start_round(PLAN[0], ["A"])
    session.start_turn()
    session.end_turn(start_next=False)
    done = round_progress(session.state, PLAN)
    assert done.in_round and done.round_complete and done.index == 0
    session.end_round()
    assert round_progress(session.state, PLAN).plan == PLAN[1]
    session.start_round(PLAN[1], ["A"])
    session.end_round()
    assert round_progress(session.state, PLAN).plan is None


def test_the_sentence_says_who_speaks_or_what_comes_next(session: CircleSession) -> None:
    def sentence() -> str:
        return describe_moment(session.state, round_progress(session.state, PLAN), named)

    assert sentence() == "Next round: Check-in. Press N or Space to begin."
    session.start_round(PLAN[0], ["A", "B"])
    assert up_next(session.state) == "A"
    assert sentence() == "Nobody is speaking. Amal is next: press Space to start."
    session.start_turn()
    assert sentence() == "Amal is speaking."
    session.end_turn(start_next=False)
    session.start_turn()
    session.end_turn(start_next=False)
    assert sentence() == "Everyone has had a turn in Check-in. Press N to move on."
    session.end_round()
    session.start_round(PLAN[1], ["A"])
    session.end_round()
    assert sentence() == "All planned rounds are done; end the circle when you are ready."
    session.end_session()
    assert sentence() == "The circle has ended."


def listener(session: CircleSession) -> Callable[[], str | None]:
    """What the status line would newly say about ``session`` each time it is asked."""
    watch = MomentWatch()
    return lambda: watch.sentence(session.state, round_progress(session.state, PLAN), named)


def test_a_moment_is_announced_once_and_again_when_nobody_speaks(
    session: CircleSession,
) -> None:
    heard = listener(session)
    session.start_round(PLAN[0], ["A", "B"])
    session.start_turn()
    assert heard() == "Amal is speaking."
    assert heard() is None  # same moment, nothing new to say
    session.end_turn(start_next=False)
    assert heard() == "Nobody is speaking. Bo is next: press Space to start."


def test_a_paused_turn_is_said_to_be_paused_and_speaking_again_once_resumed(
    session: CircleSession,
) -> None:
    """The status line said "Amal is speaking." under a ring that said "paused"."""
    heard = listener(session)
    session.start_round(PLAN[0], ["A", "B"])
    session.start_turn()
    assert heard() == "Amal is speaking."
    session.toggle()  # Space: pause
    assert heard() == "Amal's turn is paused. Press Space to resume."
    assert heard() is None
    session.toggle()  # Space: resume
    assert heard() == "Amal is speaking."


def test_phase_changes_are_noticed_once_each(session: CircleSession, clock: FakeClock) -> None:
    watch = PhaseWatch()
    session.start_round(PLAN[0], ["A"])
    session.start_turn()
    watch.settle(session.turn_view())
    began = clock.now()
    crossed = []
    for _ in range(70):
        clock.advance(1)
        phase = watch.crossed(session.turn_view())
        if phase is not None:
            crossed.append((clock.now() - began, phase))
    # Nearing the end at 80 % of 60 s; over time once past the allotment.
    assert crossed == [(48.0, Phase.NEARING_END), (61.0, Phase.OVER_TIME)]
    assert phase_sentence(Phase.OVER_TIME, "Amal") == "Amal: over time."
    assert phase_sentence(Phase.NORMAL, "Amal") is None


def test_the_reminder_comes_after_five_idle_seconds_and_goes_with_a_command() -> None:
    reminder = IdleReminder(delay=5.0)
    changes = [(t, reminder.update(waiting=True, now=float(t))) for t in range(8)]
    assert [(t, c) for t, c in changes if c is not None] == [(5, True)]
    assert reminder.update(waiting=False, now=8.0) is False
    reminder.reset()
    assert reminder.update(waiting=True, now=9.0) is None
    assert reminder.update(waiting=True, now=13.9) is None
    assert reminder.update(waiting=True, now=14.0) is True


def test_a_laptop_asleep_mid_turn_is_a_clock_jump_and_a_late_tick_is_not() -> None:
    watch = ClockJumpWatch(threshold=2.0)
    assert watch.probe(True, 0.0, START) is None
    # A repaint 1.5 s late: both clocks moved together.
    assert watch.probe(True, 1.7, START + timedelta(seconds=1.7)) is None
    # Ten minutes asleep: the wall clock moved, the monotonic one did not.
    assert watch.probe(True, 1.9, START + timedelta(minutes=10, seconds=1.9)) == 600.0
    # While paused nothing is measured, and the first probe after is a fresh start.
    assert watch.probe(False, 2.0, START + timedelta(hours=1)) is None
    assert watch.probe(True, 2.1, START + timedelta(hours=2)) is None


def test_heartbeat_every_five_seconds_only_while_the_session_is_open(
    session: CircleSession,
) -> None:
    beat = Heartbeat(every=5.0)
    beats = [t / 10 for t in range(0, 3601) if beat.due(session.state, t / 10)]
    assert beats[:3] == [0.0, 5.0, 10.0] and len(beats) == 73
    session.end_session()
    assert not beat.due(session.state, 1000.0)
    assert not Heartbeat().due(CircleSession(FakeClock()).state, 0.0)  # not started yet


def test_both_screens_read_who_speaks_is_up_and_follows_from_one_moment(
    session: CircleSession,
) -> None:
    session.start_round(PLAN[0], ["A", "B", "C"])
    waiting = moment(session.state, PLAN)
    assert (waiting.speaker, waiting.up_next, waiting.following) == (None, "A", "B")
    session.start_turn()
    speaking = moment(session.state, PLAN)
    assert (speaking.speaker, speaking.up_next, speaking.following) == ("A", "B", "B")
    session.end_turn(start_next=False)
    session.start_turn()
    session.end_turn(start_next=False)
    session.start_turn()
    last = moment(session.state, PLAN)
    assert (last.speaker, last.up_next, last.following) == ("C", None, None)


def test_each_step_is_described_in_the_facilitator_s_language() -> None:
    with speaking("de"):
        german = {step: step.description for step in Step}
    with speaking("es"):
        spanish = {step: step.description for step in Step}
    for step in Step:
        assert german[step] != step.value and spanish[step] != step.value, step
        assert german[step][0].isupper(), german[step]
    assert len(set(german.values())) == len(Step)
