"""A late arrival in a round where each person has their own prompt is dealt one of their own:
in the same action as their arrival (or the round start that brings them in), undone with it,
folded into the round's plan, checked in logs and carried by session files (version 4)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

import pytest

from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
    fold,
)
from circlekeeper.session import events as ev
from circlekeeper.session.dealing import PromptCard, dealt_prompts, words_heard
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.logcheck import LogInconsistent, check_log
from circlekeeper.session.model import RoundKind

PEOPLE = [Participant("a", "Ama"), Participant("b", "Bo"), Participant("c", "Cy")]
KAI = Participant("k", "Kai", "they/them")
OWN = (
    ("a", "What steadied you this week?"),
    ("b", "Who did you help?"),
    ("c", "¿Qué te sostiene?"),
)


def per_person(kind: RoundKind = RoundKind.SHARING) -> RoundPlan:
    return RoundPlan(
        kind, TimePolicy.fair_share(600, 30), prompt="What is on your mind?", person_prompts=OWN
    )


class Library:
    """A stand-in library: deals its cards in order, never one whose words were heard."""

    def __init__(self, *cards: str) -> None:
        self.cards = list(cards) or [f"Card {n}" for n in range(1, 20)]
        self.asked: list[tuple[RoundPlan, tuple[str, ...]]] = []

    def __call__(self, plan: RoundPlan, heard: Sequence[str]) -> PromptCard | None:
        self.asked.append((plan, tuple(heard)))
        for number, text in enumerate(self.cards):
            if text not in heard:
                return PromptCard(text, f"deck:{number}")
        return None


def circle(clock: FakeClock | None = None) -> CircleSession:
    session = CircleSession(clock or FakeClock())
    session.start("Tuesday", PEOPLE, ["Sam"])
    return session


def kinds(session: CircleSession) -> list[str]:
    return [entry.event.kind for entry in session.log]


# ------------------------------------------------------------------ joining this round


def test_joining_a_per_person_round_deals_a_prompt_in_the_same_step() -> None:
    clock = FakeClock()
    session = circle(clock)
    session.start_round(per_person())
    session.start_turn()
    clock.advance(40)
    library = Library()
    session.join(KAI, deal=library)

    joined, dealt = session.log[-2:]
    assert dealt.event == ev.PromptDealt("k", "Card 1", "deck:0")
    assert joined.event == ev.ParticipantJoined(KAI)
    assert dealt.elapsed == joined.elapsed == 40.0 and dealt.seq == joined.seq + 1
    round_ = session.state.current_round
    assert round_.queue[-1] == "k" and round_.dealt == ["k"]
    assert round_.plan.prompt_for("k") == "Card 1"
    assert round_.plan.prompt_for("a") == OWN[0][1]  # everyone else keeps their own
    # The library was told the round (its kind: the category) and every prompt heard so far.
    plan, heard = library.asked[0]
    assert plan.kind is RoundKind.SHARING
    assert set(heard) == {"What is on your mind?", *(text for _, text in OWN)}


def test_the_late_prompt_never_repeats_what_the_group_heard_or_was_dealt() -> None:
    session = circle()
    session.start_round(per_person())
    library = Library("Who did you help?", "Card X", "Card Y")
    session.join(KAI, deal=library)
    session.join(Participant("d", "Dee"), deal=library)
    plan = session.state.current_round.plan
    assert plan.prompt_for("k") == "Card X"  # "Who did you help?" is Bo's already
    assert plan.prompt_for("d") == "Card Y"  # and Card X is Kai's now
    assert "Card X" in words_heard(session.state)


def test_a_shared_prompt_round_deals_nothing_the_arrival_hears_the_round_prompt() -> None:
    session = circle()
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="Arriving?"))
    library = Library()
    session.join(KAI, deal=library)
    assert kinds(session)[-1] == "participant-joined" and library.asked == []
    assert session.state.current_round.plan.prompt_for("k") == "Arriving?"


def test_when_nothing_fits_the_arrival_hears_the_shared_prompt() -> None:
    session = circle()
    session.start_round(per_person())
    session.join(KAI, deal=Library(*(text for _, text in OWN)))  # all taken
    assert kinds(session)[-1] == "participant-joined"
    assert session.state.current_round.plan.prompt_for("k") == "What is on your mind?"


def test_someone_who_already_has_their_prompt_is_not_dealt_another() -> None:
    session = circle()
    session.start_round(per_person())
    session.skip("a")  # Ama stepped out
    library = Library()
    session.join(PEOPLE[0], deal=library)  # and walks back in
    assert kinds(session)[-1] == "participant-joined" and library.asked == []
    assert session.state.current_round.plan.prompt_for("a") == OWN[0][1]


# ------------------------------------------------------------------ undo and again


def test_undo_takes_back_the_arrival_and_their_prompt_together() -> None:
    session = circle()
    session.start_round(per_person())
    session.join(KAI, deal=Library())
    assert session.undo() == "Kai's arrival"
    state = session.state
    assert "k" not in state.present and "k" not in state.current_round.queue
    assert state.current_round.plan.prompt_for("k") == "What is on your mind?"
    assert state.current_round.dealt == []
    undone = {e.event.target_seq for e in session.log if isinstance(e.event, ev.ActionUndone)}
    assert undone == {len(session.log) - 2, len(session.log) - 3}
    assert fold(session.log) == state and check_log(session.log) == state
    assert session.undo() == "start of the round"  # the step before, not a leftover prompt
    with pytest.raises(SessionCommandRefused, match="nothing to undo"):
        session.undo()


def test_undo_after_their_turn_began_takes_back_the_turn_first_then_both() -> None:
    session = circle()
    session.start_round(per_person())
    session.join(KAI, deal=Library())
    for _ in PEOPLE:
        session.pass_turn()
    session.start_turn("k")
    assert session.undo() == "start of Kai's turn"
    assert session.state.current_round.plan.prompt_for("k") == "Card 1"
    for _ in PEOPLE:  # each pass is a step of its own
        assert session.undo().endswith("'s pass")
    assert session.undo() == "Kai's arrival"
    assert "k" not in session.state.present
    assert dealt_prompts(session.log) == []


def test_joining_again_after_an_undo_deals_afresh() -> None:
    session = circle()
    session.start_round(per_person())
    library = Library()
    session.join(KAI, deal=library)
    session.undo()
    session.join(KAI, deal=library)
    assert session.state.current_round.plan.prompt_for("k") == "Card 1"
    # The undone card was never heard: the group's words are those of the fold, not the log.
    assert "Card 1" not in library.asked[-1][1]
    assert [d.text for d in dealt_prompts(session.log)] == ["Card 1"]
    assert check_log(session.log) == session.state


# ------------------------------------------------------------------ joining the next round


def test_joining_from_the_next_round_deals_when_that_round_begins() -> None:
    session = circle()
    session.start_round(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="Arriving?"))
    library = Library()
    session.join(KAI, ev.JoinPlace.NEXT_ROUND, deal=library)
    assert library.asked == [] and kinds(session)[-1] == "participant-joined"
    session.end_round()
    session.start_round(per_person(), deal=library)
    assert kinds(session)[-2:] == ["round-started", "prompt-dealt"]
    round_ = session.state.current_round
    assert "k" in round_.queue and round_.plan.prompt_for("k") == "Card 1"
    assert round_.dealt == ["k"]
    # Undoing the round start takes its deal along.
    session.undo()
    assert session.state.current_round is None
    assert dealt_prompts(session.log) == []
    assert check_log(session.log) == session.state


def test_a_round_start_deals_everyone_without_a_prompt_each_a_different_one() -> None:
    session = circle()
    session.join(KAI)  # between rounds
    session.join(Participant("d", "Dee"))
    session.start_round(per_person(), deal=Library())
    round_ = session.state.current_round
    assert [(p, round_.plan.prompt_for(p)) for p in ("k", "d")] == [
        ("k", "Card 1"),
        ("d", "Card 2"),
    ]
    assert [e.event.kind for e in session.log[-3:]] == [
        "round-started",
        "prompt-dealt",
        "prompt-dealt",
    ]


# ------------------------------------------------------------------ after a restart


def test_the_prompt_is_there_after_a_restart_from_the_log() -> None:
    clock = FakeClock()
    session = circle(clock)
    session.start_round(per_person())
    session.join(KAI, deal=Library())
    clock.advance(30)
    stored = session.log
    resumed = CircleSession.resume(stored, FakeClock(), down_seconds=12)
    round_ = resumed.state.current_round
    assert round_.plan.prompt_for("k") == "Card 1" and round_.dealt == ["k"]
    assert resumed.undo() == "Kai's arrival"  # still one step after the restart
    assert "k" not in resumed.state.present
    assert check_log(resumed.log) == resumed.state
    summary = session.summary()
    assert dict(summary.rounds[0].plan.person_prompts)["k"] == "Card 1"


def test_dealt_prompts_name_their_round() -> None:
    session = circle()
    session.start_round(RoundPlan(prompt="Hello"))
    session.end_round()
    session.start_round(per_person())
    session.join(KAI, deal=Library())
    [dealt] = dealt_prompts(session.log)
    assert (dealt.round_index, dealt.person_id, dealt.text, dealt.prompt_id) == (
        1,
        "k",
        "Card 1",
        "deck:0",
    )
    assert dealt.wall == session.log[-1].wall


# ------------------------------------------------------------------ log checks


def joined_and_dealt() -> list[ev.Entry]:
    session = circle()
    session.start_round(per_person())
    session.join(KAI, deal=Library())
    return list(session.log)


def with_event(entries: list[ev.Entry], index: int, event: ev.Event) -> list[ev.Entry]:
    entries = list(entries)
    entries[index] = replace(entries[index], event=event)
    return entries


def test_log_check_refuses_a_prompt_dealt_without_an_arrival_before_it() -> None:
    entries = joined_and_dealt()
    session = CircleSession(FakeClock(), log=entries)
    session.start_turn()
    log = list(session.log)
    log[-1] = replace(log[-1], event=ev.PromptDealt("a", "Another"))
    with pytest.raises(LogInconsistent, match="right after that person's arrival") as caught:
        check_log(log)
    assert caught.value.index == len(log) - 1


def test_log_check_refuses_a_prompt_dealt_to_someone_else_than_who_arrived() -> None:
    entries = with_event(joined_and_dealt(), -1, ev.PromptDealt("a", "Card 1"))
    with pytest.raises(LogInconsistent, match="right after that person's arrival"):
        check_log(entries)


def test_log_check_refuses_a_prompt_dealt_in_a_shared_round() -> None:
    entries = joined_and_dealt()
    shared = RoundPlan(prompt="Everyone's")
    entries = with_event(entries, 1, ev.RoundStarted(shared, ("a", "b", "c")))
    with pytest.raises(LogInconsistent, match="one prompt for everyone") as caught:
        check_log(entries)
    assert caught.value.index == len(entries) - 1


def test_log_check_refuses_a_blank_prompt() -> None:
    entries = with_event(joined_and_dealt(), -1, ev.PromptDealt("k", "  "))
    with pytest.raises(LogInconsistent, match="must not be empty") as caught:
        check_log(entries)
    assert caught.value.field == "payload.text"


def test_log_check_refuses_undoing_the_prompt_but_not_the_arrival() -> None:
    entries = joined_and_dealt()
    last = entries[-1]
    entries.append(ev.Entry(last.seq + 1, last.elapsed, last.wall, ev.ActionUndone(last.seq)))
    with pytest.raises(LogInconsistent, match="undone only with the arrival") as caught:
        check_log(entries)
    assert caught.value.index == len(entries) - 1


def test_log_check_refuses_the_arrival_undone_but_its_prompt_kept() -> None:
    entries = joined_and_dealt()
    last = entries[-1]
    entries.append(ev.Entry(last.seq + 1, last.elapsed, last.wall, ev.ActionUndone(last.seq - 1)))
    with pytest.raises(LogInconsistent, match=r"not waiting to speak|not present"):
        check_log(entries)


def test_log_check_refuses_a_second_prompt_for_the_same_person() -> None:
    session = circle()
    session.join(KAI)
    session.start_round(per_person(), deal=Library())
    log = list(session.log)
    last = log[-1]
    log.append(replace(last, seq=last.seq + 1, event=ev.PromptDealt("k", "Card 2")))
    with pytest.raises(LogInconsistent, match="already has a prompt of their own"):
        check_log(log)


# ------------------------------------------------------------------ session files


def finished_with_a_late_prompt() -> tuple[list[ev.Entry], tuple[RoundPlan, ...]]:
    clock = FakeClock()
    session = circle(clock)
    plan = (RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="Arriving?"), per_person())
    session.start_round(plan[0])
    session.join(KAI, ev.JoinPlace.NEXT_ROUND, deal=Library())
    session.end_round()
    session.start_round(plan[1], deal=Library("Kai, what brought you? 🌱"))
    session.start_turn("k")
    clock.advance(90)
    session.end_turn()
    session.end_session()
    return list(session.log), plan


def test_a_session_file_carries_the_dealt_prompt_and_reads_back_the_same() -> None:
    entries, plan = finished_with_a_late_prompt()
    doc = document_from_log(entries, round_plan=plan)
    text = dump_session(doc)
    data = json.loads(text)
    assert data["version"] == 5  # written as the current version
    dealt = [e for e in data["events"] if e["kind"] == "prompt-dealt"]
    assert [e["payload"] for e in dealt] == [
        {"person_id": "k", "text": "Kai, what brought you? 🌱", "prompt_id": "deck:0"}
    ]
    assert [(u["round"], u["person_id"], u["text"]) for u in data["prompt_uses"]] == [
        (1, "k", "Kai, what brought you? 🌱")
    ]
    back = load_session(text)
    assert back == doc
    assert fold(back.entries).rounds[1].plan.prompt_for("k") == "Kai, what brought you? 🌱"


def test_a_version_3_file_holding_a_dealt_prompt_is_refused_naming_it() -> None:
    entries, plan = finished_with_a_late_prompt()
    data = json.loads(dump_session(document_from_log(entries, round_plan=plan)))
    data["version"] = 3
    index = next(i for i, e in enumerate(data["events"]) if e["kind"] == "prompt-dealt")
    with pytest.raises(InvalidSessionFile, match="came in version 4") as caught:
        load_session(json.dumps(data, ensure_ascii=False))
    assert caught.value.place == f"events[{index}].kind"
    assert "'prompt-dealt' is not part of a version 3 file" in str(caught.value)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_files_without_the_new_event_still_load(version: int) -> None:
    session = circle()
    session.start_round(per_person())
    session.join(KAI)  # no deal: what an older CircleKeeper wrote
    data = json.loads(dump_session(document_from_log(session.log)))
    data["version"] = version
    if version < 2:
        del data["moods"], data["prompt_uses"]
    if version < 3:
        for entry in data["events"]:
            entry["payload"].pop("place", None)
    back = load_session(json.dumps(data, ensure_ascii=False))
    assert fold(back.entries).current_round.plan.prompt_for("k") == "What is on your mind?"
