"""Scenario tests for every turn action, roster change and time policy of the engine."""

from __future__ import annotations

import pytest

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    Phase,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
    fold,
)
from circlekeeper.session.model import RoundKind


def fair(budget: float = 720, minimum: float = 30) -> RoundPlan:
    return RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(budget, minimum))


def fixed(seconds: float = 60) -> RoundPlan:
    return RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(seconds))


def open_round() -> RoundPlan:
    return RoundPlan(RoundKind.CUSTOM, TimePolicy.open(), title="Open floor")


def speak(session: CircleSession, clock: FakeClock, seconds: float) -> None:
    session.start_turn()
    clock.advance(seconds)
    session.end_turn()


# --------------------------------------------------------------------------- policies


def test_fixed_round_gives_everyone_the_same_allotment_and_records_over_time(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    allotments = []
    for seconds in (30, 75, 60, 10):
        session.start_turn()
        allotments.append(session.turn_view().allotted)
        clock.advance(seconds)
        session.end_turn()
    assert allotments == [60, 60, 60, 60]
    summary = session.summary()
    assert summary.person("B").over_seconds == pytest.approx(15)
    assert summary.person("A").over_seconds == 0
    assert summary.rounds[0].planned_seconds == 240


def test_fair_share_early_finish_leaves_time_to_the_others(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(400, minimum=1))
    speak(session, clock, 40)  # A allotted 100, leaves 60 behind
    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(120)  # (400-40)/3


def test_fair_share_over_time_shrinks_others_only_by_what_is_left(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(400, minimum=20))
    speak(session, clock, 390)  # A runs 290 s over
    session.start_turn()
    # 10 s left for three people: 3.33 s each, but never below the 20 s minimum.
    assert session.turn_view().allotted == pytest.approx(20)
    clock.advance(50)
    session.end_turn()
    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(20)  # nothing left: the minimum


def test_fair_share_minimum_is_configurable(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fair(100, minimum=45))
    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(45)  # 25 each is below the minimum


def test_pass_for_someone_waiting_raises_the_others_share(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(720, minimum=1))
    assert session.next_allotment() == pytest.approx(180)
    session.pass_turn("B")
    assert session.next_allotment() == pytest.approx(240)
    assert session.state.current_round.queue == ["A", "C", "D"]


def test_passing_after_the_clock_started_counts_no_speaking_time(
    session: CircleSession, clock: FakeClock
) -> None:
    """The live view starts the next turn automatically; a pass a few seconds in is a pass."""
    session.start_round(fair(720, minimum=1))
    session.start_turn()
    clock.advance(150)
    session.end_turn(start_next=True)  # B's clock starts by itself
    clock.advance(4)
    session.pass_turn(start_next=True)
    assert session.turn_view().person_id == "C"
    assert session.turn_view().allotted == pytest.approx(285)  # the worked example's figure
    summary = session.summary()
    assert summary.person("B").spoken_total == 0
    assert summary.person("B").passes == 1
    assert summary.person("B").turns == 0


def test_open_round_counts_up_without_an_allotment(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(open_round())
    session.start_turn()
    clock.advance(500)
    view = session.turn_view()
    assert view.allotted is None and view.remaining is None
    assert view.spoken == pytest.approx(500)
    assert view.phase is Phase.NORMAL and view.over == 0
    with pytest.raises(SessionCommandRefused, match="open"):
        session.extend(30)
    session.end_turn()
    assert session.summary().rounds[0].planned_seconds is None
    assert session.summary().rounds[0].label == "Open floor"


# ------------------------------------------------------------------------ turn actions


def test_pause_holds_the_clock_and_resume_continues(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    session.start_turn()
    clock.advance(10)
    session.pause()
    clock.advance(1000)
    assert session.turn_view().spoken == pytest.approx(10)
    assert not session.turn_view().running
    session.resume_turn()
    clock.advance(5)
    assert session.turn_view().spoken == pytest.approx(15)
    session.end_turn()
    assert session.summary().person("A").spoken_total == pytest.approx(15)


def test_toggle_starts_pauses_and_resumes(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.toggle()
    assert session.turn_view().running
    session.toggle()
    assert not session.turn_view().running
    session.toggle()
    assert session.turn_view().running


def test_extend_adds_to_this_turn_only(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.start_turn()
    session.extend(30)
    assert session.turn_view().allotted == 90
    clock.advance(80)
    assert session.turn_view().phase is Phase.NEARING_END
    session.end_turn()
    session.start_turn()
    assert session.turn_view().allotted == 60
    assert session.summary().person("A").over_seconds == 0


def test_pass_for_now_moves_to_the_end_once(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.pass_for_now("A")
    assert session.state.current_round.queue == ["B", "C", "D", "A"]
    with pytest.raises(SessionCommandRefused, match="already asked to come back"):
        session.pass_for_now("A")
    for _ in range(3):
        speak(session, clock, 20)
    session.start_turn()
    assert session.turn_view().person_id == "A"


def test_pass_for_now_of_the_current_speaker_requeues_them(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(400, minimum=1))
    session.start_turn()
    clock.advance(3)
    session.pass_for_now(start_next=True)
    assert session.turn_view().person_id == "B"
    assert session.turn_view().allotted == pytest.approx(100)  # A's 3 s went back to the round
    assert session.state.current_round.queue == ["C", "D", "A"]


def test_skip_someone_absent_and_let_them_in_when_they_arrive(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    session.skip("B")
    assert session.state.current_round.queue == ["A", "C", "D"]
    session.join(Participant("B", "B"))  # B walks in after all
    assert session.state.current_round.queue == ["A", "C", "D", "B"]
    assert session.summary().person("B").joined_late is False


def test_reorder_the_remaining_queue_by_hand(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    speak(session, clock, 10)
    session.reorder(["D", "B", "C"])
    session.start_turn()
    assert session.turn_view().person_id == "D"
    with pytest.raises(SessionCommandRefused, match="exactly the people still waiting"):
        session.reorder(["B", "B"])


def test_start_a_chosen_waiting_person(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.start_turn("C")
    assert session.turn_view().person_id == "C"
    assert session.state.current_round.queue == ["A", "B", "D"]


def test_correct_a_forgotten_start(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    clock.advance(40)  # the facilitator forgot to press start; A has been talking 30 s
    session.start_turn()
    session.correct_start(30)
    assert session.turn_view().spoken == pytest.approx(30)
    with pytest.raises(SessionCommandRefused, match="cannot have started more than"):
        session.correct_start(100)


def test_end_round_closes_a_running_turn(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.start_turn()
    clock.advance(12)
    session.end_round()
    assert session.state.current_round is None
    assert session.summary().person("A").spoken_total == pytest.approx(12)


def test_undo_takes_back_a_move_on_as_one_action(session: CircleSession, clock: FakeClock) -> None:
    session.start_round(fixed(60))
    session.start_turn()
    clock.advance(20)
    session.end_turn(start_next=True)
    assert session.turn_view().person_id == "B"
    assert session.undo() == "end of A's turn"
    assert session.turn_view().person_id == "A"
    assert session.state == fold(session.log)


# ------------------------------------------------------------------------------ roster


def test_late_arrival_joins_the_end_of_the_current_queue(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    speak(session, clock, 10)
    session.join(Participant("E", "Ezinne", "she/her"))
    assert session.state.current_round.queue == ["B", "C", "D", "E"]
    summary = session.summary()
    assert summary.person("E").joined_late
    assert summary.person("E").pronouns == "she/her"


def test_early_leaver_is_removed_from_the_queue_and_keeps_what_they_said(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    speak(session, clock, 45)
    session.leave("A")
    session.leave("C")
    assert session.state.current_round.queue == ["B", "D"]
    session.end_round()
    session.start_round(fixed(60))
    assert session.state.current_round.queue == ["B", "D"]
    summary = session.summary()
    assert summary.person("A").spoken_total == pytest.approx(45)
    assert summary.person("A").left_early and summary.person("C").left_early


def test_current_speaker_leaving_ends_their_turn_and_counts_it(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    session.start_turn()
    clock.advance(25)
    session.leave("A")
    assert session.turn_view() is None
    assert session.summary().person("A").spoken_total == pytest.approx(25)
    assert session.summary().person("A").turns == 1


def test_someone_who_comes_back_after_speaking_is_not_queued_twice(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    speak(session, clock, 10)
    session.leave("A")
    session.join(Participant("A", "A"))
    assert "A" not in session.state.current_round.queue
    assert session.summary().person("A").left_early is False


def test_late_arrival_before_the_first_round_is_in_the_first_round(
    session: CircleSession, clock: FakeClock
) -> None:
    session.join(Participant("E", "E"))
    session.start_round(fixed(60))
    assert session.state.current_round.queue == ["A", "B", "C", "D", "E"]


# ---------------------------------------------------------------------------- warnings


@pytest.mark.parametrize(
    ("fraction", "spoken", "phase"),
    [
        (0.8, 79, Phase.NORMAL),
        (0.8, 80, Phase.NEARING_END),
        (0.8, 100, Phase.NEARING_END),
        (0.8, 101, Phase.OVER_TIME),
        (0.5, 49, Phase.NORMAL),
        (0.5, 50, Phase.NEARING_END),
    ],
)
def test_warning_phase_at_a_configurable_fraction(
    clock: FakeClock, fraction: float, spoken: float, phase: Phase
) -> None:
    session = CircleSession(clock)
    session.start("c", [Participant("A", "A")], nearing_fraction=fraction)
    session.start_round(fixed(100))
    session.start_turn()
    clock.advance(spoken)
    view = session.turn_view()
    assert view.phase is phase
    assert view.remaining == pytest.approx(max(0, 100 - spoken))
    assert view.over == pytest.approx(max(0, spoken - 100))


# ----------------------------------------------------------------------------- summary


def test_summary_per_round_per_person_and_fairness(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fixed(60))
    for seconds in (60, 60, 30, 90):
        speak(session, clock, seconds)
    session.end_round()
    session.start_round(open_round())
    session.pass_turn("A")
    for seconds in (40, 10, 30):
        speak(session, clock, seconds)
    session.end_round()
    session.end_session()
    summary = session.summary()
    assert summary.person("B").spoken_by_round == pytest.approx((60, 40))
    assert summary.person("B").turns == 2
    assert summary.person("A").passes == 1
    assert summary.person("D").over_seconds == pytest.approx(30)
    assert [r.spoken_seconds for r in summary.rounds] == pytest.approx([240, 80])
    assert [r.passes for r in summary.rounds] == [0, 1]
    totals = [60, 100, 40, 120]
    assert summary.total_spoken == pytest.approx(320)
    assert summary.equal_share == pytest.approx(80)
    assert summary.jain_index == pytest.approx(320**2 / (4 * sum(t * t for t in totals)))
    assert summary.max_deviation_seconds == pytest.approx(40)
    assert summary.max_deviation_percent == pytest.approx(50)
    assert summary.person("D").deviation_seconds == pytest.approx(40)
    assert summary.ended
    assert "Fairness index" in summary.fairness_sentence()


def test_summary_of_silence_has_no_fairness_figure(session: CircleSession) -> None:
    session.start_round(fixed(60))
    for pid in "ABCD":
        session.pass_turn(pid)
    summary = session.summary()
    assert summary.jain_index is None
    assert summary.passes == 4
    assert "Nobody spoke" in summary.fairness_sentence()


# ------------------------------------------------------------------------------ replay


def test_resume_rebuilds_a_running_turn_and_holds_the_downtime_as_a_pause(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(720))
    session.start_turn()
    clock.advance(50)
    session.pause()
    session.resume_turn()
    clock.advance(10)
    log = session.log
    assert fold(log) == session.state
    assert session.turn_view().spoken == pytest.approx(60)

    later = FakeClock(start=5.0)  # a new process: its monotonic clock has another origin
    back = CircleSession.resume(log, later, down_seconds=300, last_alive_elapsed=log[-1].elapsed)
    view = back.turn_view()
    assert view.person_id == "A" and not view.running
    assert view.spoken == pytest.approx(50)  # up to the last sign of life
    back.resume_turn()
    later.advance(5)
    assert back.turn_view().spoken == pytest.approx(55)
    assert back.summary().interrupted_seconds == pytest.approx(300)


def test_replaying_the_same_log_gives_identical_state_and_summary(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(fair(600))
    speak(session, clock, 100)
    session.pass_turn()
    session.start_turn()
    clock.advance(33)
    log = session.log
    assert fold(log) == fold(log) == session.state
    from circlekeeper.session import summarize

    assert summarize(log, now=500) == summarize(log, now=500)


# ---------------------------------------------------------------------- odd people


@pytest.mark.parametrize(
    "name",
    ["x" * 10_000, "<b>&amp;</b>", "🌱🫶🏽", "مريم", "שׂרה", "山田 花子"],
)
def test_any_name_in_any_script_goes_through_the_engine(clock: FakeClock, name: str) -> None:
    session = CircleSession(clock)
    session.start("Circle ∞", [Participant("p1", name, "they/them"), Participant("p2", "Bo")])
    session.start_round(fixed(30))
    session.start_turn()
    clock.advance(5)
    session.end_turn()
    with pytest.raises(SessionCommandRefused) as refusal:
        session.skip("p1")
    assert name in str(refusal.value)
    assert session.summary().person("p1").name == name
