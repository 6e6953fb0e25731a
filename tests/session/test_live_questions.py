"""What the live screens ask of a circle in progress, answered on a fake clock without Qt."""

from __future__ import annotations

import pytest

from circlekeeper.session import CircleSession, FakeClock, Participant, RoundPlan, TimePolicy
from circlekeeper.session.dealing import PromptCard
from circlekeeper.session.errors import SessionCommandRefused
from circlekeeper.session.live import questions
from circlekeeper.session.live.policy import round_progress
from circlekeeper.session.model import RoundKind

SHARED = RoundPlan(kind=RoundKind.CHECK_IN, policy=TimePolicy.fixed(60), prompt="How are you?")
CARDS = RoundPlan(
    kind=RoundKind.SHARING,
    policy=TimePolicy.fixed(60),
    person_prompts=(("A", "A small joy?"), ("B", "Something hard?")),
)
PLAN = (SHARED, CARDS)


def test_a_shared_round_shows_its_prompt_and_a_card_round_the_speaker_s_own(
    session: CircleSession,
) -> None:
    assert questions.prompt_now(session.state, PLAN) == "How are you?"
    session.start_round(SHARED, ["A", "B"])
    session.end_round()
    # Before the card round opens nobody in particular is up: no one's card is shown.
    assert questions.prompt_now(session.state, PLAN) == "A prompt for each person"
    session.start_round(CARDS, ["A", "B"])
    assert questions.prompt_now(session.state, PLAN) == "A small joy?"  # A is up
    session.start_turn()
    session.end_turn(start_next=True)
    assert questions.prompt_now(session.state, PLAN) == "Something hard?"  # B speaks
    session.end_turn()
    session.end_round()
    assert questions.prompt_now(session.state, PLAN) == ""  # every planned round held


def test_a_late_arrival_s_own_prompt_is_the_one_dealt_to_them(session: CircleSession) -> None:
    session.start_round(CARDS, ["A", "B"])
    session.join(Participant("E", "Eli"), deal=lambda plan, heard: PromptCard("A walk you took?"))
    assert questions.own_prompt(session.state, "E") == "A walk you took?"
    assert questions.own_prompt(session.state, "A") == ""  # planned, not dealt
    assert questions.prompt_now(session.state, PLAN[1:]) == "A small joy?"


def test_the_next_round_deals_only_when_it_has_cards_and_a_deal_is_at_hand(
    session: CircleSession,
) -> None:
    assert not questions.deals_when_next_round_begins(session.state, PLAN, can_deal=True)
    session.start_round(SHARED, ["A"])
    session.end_round()
    assert questions.deals_when_next_round_begins(session.state, PLAN, can_deal=True)
    assert not questions.deals_when_next_round_begins(session.state, PLAN, can_deal=False)
    assert questions.planned_prompts(PLAN) == ["How are you?", "A small joy?", "Something hard?"]


def test_passers_may_speak_once_nobody_waits_and_only_while_here(
    session: CircleSession,
) -> None:
    session.start_round(SHARED, ["A", "B", "C"])
    session.pass_turn("A")
    assert questions.passers_who_may_speak(session.state) == []  # B and C still wait
    session.pass_turn("B")
    session.start_turn()
    assert questions.passers_who_may_speak(session.state) == []  # C speaks
    session.end_turn()
    assert questions.passers_who_may_speak(session.state) == ["A", "B"]
    session.leave("B")
    assert questions.passers_who_may_speak(session.state) == ["A"]


def test_a_late_start_reaches_back_to_the_end_of_the_turn_before(
    session: CircleSession, clock: FakeClock
) -> None:
    session.start_round(SHARED, ["A", "B"])
    assert questions.longest_late_start(session) is None  # nobody speaks
    clock.advance(10)
    session.start_turn()
    clock.advance(5)
    assert questions.longest_late_start(session) == pytest.approx(15)  # since the round opened
    clock.advance(30)
    session.end_turn(start_next=True)
    clock.advance(12)
    assert questions.longest_late_start(session) == pytest.approx(12)


def test_the_ring_shows_an_allotment_only_while_someone_waits_and_nobody_speaks(
    session: CircleSession,
) -> None:
    assert questions.next_allotment(session) is None  # no round
    session.start_round(SHARED, ["A"])
    assert questions.next_allotment(session) == pytest.approx(60)
    session.start_turn()
    assert questions.next_allotment(session) is None
    session.end_turn()
    assert questions.next_allotment(session) is None  # nobody left to allot


def test_a_pass_starts_the_next_turn_only_if_a_turn_was_running(session: CircleSession) -> None:
    session.start_round(SHARED, ["A", "B"])
    assert not questions.starts_after_pass(session.state, auto_start_next=True)
    session.start_turn()
    assert questions.starts_after_pass(session.state, auto_start_next=True)
    assert not questions.starts_after_pass(session.state, auto_start_next=False)


def test_opening_a_round_is_refused_mid_round_and_after_the_last(session: CircleSession) -> None:
    assert questions.round_to_open(round_progress(session.state, PLAN)) == SHARED
    session.start_round(SHARED, ["A"])
    with pytest.raises(SessionCommandRefused, match="End the current round"):
        questions.round_to_open(round_progress(session.state, PLAN))
    session.end_round()
    with pytest.raises(SessionCommandRefused, match="Every planned round has been held"):
        questions.round_to_open(round_progress(session.state, PLAN[:1]))


def test_the_previous_round_is_who_opened_and_who_closed_it(session: CircleSession) -> None:
    assert questions.previous_round(session.state).first is None
    session.start_round(SHARED, ["B", "C", "A"])
    for _ in range(3):
        session.start_turn()
        session.end_turn()
    session.end_round()
    last = questions.previous_round(session.state)
    assert (last.first, last.last) == ("B", "A")
