"""A pass after speaking: the time spoken counts, the pass is still a pass.

Pressing P after someone had spoken for 40 s recorded a pass with 0:00: the 40 s dropped out
of their speaking time and the fairness figures although the circle's time was spent, and the
rest of the round was offered time that no longer existed. Now the seconds spoken before a
pass count (the engine records ``spoke`` on the pass), while a pass made within the first
seconds of a turn (deciding, or the clock started by itself) still gives them back. The person
keeps their right to pass and to come back at the end of the round. Logs written before
(session file version 4) replay to exactly the figures they gave.
"""

from __future__ import annotations

import json

import pytest

from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy, fold
from circlekeeper.session import events as ev
from circlekeeper.session.document import InvalidSessionFile
from circlekeeper.session.interchange.session_file import (
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.logcheck import LogInconsistent, check_log
from circlekeeper.session.model import RoundKind
from circlekeeper.session.offered import offered_seconds
from circlekeeper.session.passing import DECIDING_SECONDS
from circlekeeper.session.summary import summarize
from tests.session.conftest import people


def fair(budget: float = 600, minimum: float = 30) -> RoundPlan:
    return RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(budget, minimum))


def speaks_then_passes(seconds: float) -> tuple[CircleSession, FakeClock]:
    """A speaks ``seconds`` of a 600 s round shared by A, B, C, then passes; B is up next."""
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday circle", people("ABC"), ["Sam"])
    session.start_round(fair())
    session.start_turn()
    clock.advance(seconds)
    session.pass_turn()
    return session, clock


def test_the_time_spoken_before_a_pass_counts_everywhere() -> None:
    session, clock = speaks_then_passes(40)
    assert session.log[-1].event == ev.TurnPassed("A", spoke=True)
    session.start_turn()
    # B and C share what is really left of the budget: 560 s, not the 600 s before.
    assert session.turn_view().allotted == pytest.approx(280)
    clock.advance(100)
    session.end_turn()
    session.start_turn()
    clock.advance(100)
    session.end_turn()
    session.end_round()
    session.end_session()

    summary = session.summary()
    a = summary.person("A")
    assert a.spoken_total == pytest.approx(40)
    assert (a.passes, a.turns, a.measured) == (1, 1, True)
    assert a.deviation_seconds == pytest.approx(40 - 80)
    assert summary.total_spoken == pytest.approx(240)
    assert summary.equal_share == pytest.approx(80)
    assert summary.measured_count == 3
    assert summary.rounds[0].spoken_seconds == pytest.approx(240)
    assert summary.rounds[0].passes == 1
    (record,) = [t for t in summary.rounds[0].turns if t.person_id == "A"]
    assert record.spoken == pytest.approx(40) and record.outcome == "passed"
    assert offered_seconds(session.log)["A"] == pytest.approx(200)  # the turn's allotment
    assert fold(session.log) == session.state
    check_log(session.log)


def test_a_pass_within_the_first_seconds_still_gives_them_back() -> None:
    session, _clock = speaks_then_passes(DECIDING_SECONDS - 1)
    assert session.log[-1].event == ev.TurnPassed("A", spoke=False)
    session.start_turn()
    assert session.turn_view().allotted == pytest.approx(300)  # the round lost nothing
    a = session.summary().person("A")
    assert (a.spoken_total, a.passes, a.turns, a.measured) == (0.0, 1, 0, False)


def test_paused_time_is_not_speaking_time() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday circle", people("AB"), ["Sam"])
    session.start_round(fair())
    session.start_turn()
    clock.advance(6)
    session.pause()
    clock.advance(60)  # thinking, the clock held
    session.pass_turn()
    assert session.summary().person("A").spoken_total == 0.0
    session.start_turn()
    clock.advance(6)
    session.pause()
    clock.advance(60)
    session.resume_turn()
    clock.advance(6)
    session.pass_turn()
    assert session.summary().person("B").spoken_total == pytest.approx(12)


def test_someone_who_spoke_then_passed_may_still_come_back_at_the_end_of_the_round() -> None:
    session, clock = speaks_then_passes(40)
    for _ in "BC":
        session.start_turn()
        clock.advance(100)
        session.end_turn()
    assert session.state.current_round.passers_waiting == ["A"]
    session.hear_passer("A")
    assert session.turn_view().allotted == pytest.approx(360)  # 600 − 240 spoken
    clock.advance(50)
    session.end_turn()
    a = session.summary().person("A")
    assert a.spoken_total == pytest.approx(90)
    assert (a.passes, a.turns, a.spoke_after_passing) == (1, 2, 1)


def test_pass_for_now_after_speaking_keeps_the_time_and_the_place_at_the_end() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Tuesday circle", people("ABC"), ["Sam"])
    session.start_round(fair())
    session.start_turn()
    clock.advance(30)
    session.pass_for_now(start_next=True)
    assert session.log[-2].event == ev.TurnDeferred("A", spoke=True)
    assert session.state.current_round.queue == ["C", "A"]
    assert session.turn_view().allotted == pytest.approx(190)  # (600 − 30) / 3, A to come
    clock.advance(100)
    session.end_turn(start_next=True)
    clock.advance(100)
    session.end_turn(start_next=True)
    assert session.turn_view().person_id == "A"
    clock.advance(20)
    session.end_turn()
    a = session.summary().person("A")
    assert a.spoken_total == pytest.approx(50)
    assert (a.passes, a.turns) == (0, 1)  # one turn, in two parts
    assert fold(session.log) == session.state


def test_undo_takes_back_the_pass_and_the_time_runs_on() -> None:
    session, clock = speaks_then_passes(40)
    session.undo()
    clock.advance(5)
    assert session.turn_view().spoken == pytest.approx(45)
    assert summarize(session.log, now=session.elapsed()).person("A").passes == 0


VERSION_4_FILE = {
    "format": "circlekeeper-session",
    "version": 4,
    "circle": "Tuesday circle",
    "facilitators": ["Sam"],
    "people": [{"id": x, "name": x} for x in "ABC"],
    "round_plan": [
        {
            "kind": "sharing",
            "title": "",
            "prompt": "",
            "policy": {"mode": "fair-share", "seconds": 600, "minimum": 30},
        }
    ],
    "started": "2026-11-24T18:00:00+00:00",
    "ended": "2026-11-24T18:04:00+00:00",
    "timezone": "Europe/Berlin",
    "shareable_summary": "",
    "events": [
        [
            "session-started",
            0,
            {
                "circle": "Tuesday circle",
                "facilitators": ["Sam"],
                "participants": [{"person_id": x, "name": x, "pronouns": ""} for x in "ABC"],
                "nearing_fraction": 0.8,
            },
        ],
        [
            "round-started",
            0,
            {
                "plan": {
                    "kind": "sharing",
                    "title": "",
                    "prompt": "",
                    "policy": {"mode": "fair-share", "seconds": 600, "minimum": 30},
                },
                "order": ["A", "B", "C"],
            },
        ],
        ["turn-started", 0, {"person_id": "A", "allotted": 200.0, "auto": False}],
        ["turn-passed", 40, {"person_id": "A"}],
        ["turn-started", 40, {"person_id": "B", "allotted": 300.0, "auto": False}],
        ["turn-deferred", 70, {"person_id": "B"}],
        ["turn-started", 70, {"person_id": "C", "allotted": 300.0, "auto": True}],
        ["turn-ended", 170, {"person_id": "C"}],
        ["turn-started", 170, {"person_id": "B", "allotted": 500.0, "auto": False}],
        ["turn-ended", 240, {"person_id": "B"}],
        ["round-ended", 240, {}],
        ["session-ended", 240, {}],
    ],
}
"""A circle as version 4 wrote it: A passed after 40 s, B passed for now after 30 s."""


def version_4_text() -> str:
    data = dict(VERSION_4_FILE)
    data["events"] = [
        {
            "seq": seq,
            "kind": kind,
            "elapsed": elapsed,
            "wall": f"2026-11-24T18:{elapsed // 60:02d}:{elapsed % 60:02d}+00:00",
            "payload": payload,
        }
        for seq, (kind, elapsed, payload) in enumerate(data["events"], start=1)
    ]
    return json.dumps(data)


def test_a_version_4_file_replays_to_the_figures_it_always_gave() -> None:
    doc = load_session(version_4_text())
    summary = summarize(doc.entries)
    spoken = {p.person_id: p.spoken_total for p in summary.people}
    assert spoken == {"A": 0.0, "B": 70.0, "C": 100.0}
    a = summary.person("A")
    assert (a.passes, a.turns, a.measured, a.deviation_seconds) == (1, 0, False, None)
    assert summary.equal_share == pytest.approx(85)
    assert summary.jain_index == pytest.approx(170**2 / (2 * (70**2 + 100**2)))
    assert summary.rounds[0].spoken_seconds == pytest.approx(170)
    assert offered_seconds(doc.entries) == {"A": 0.0, "B": 500.0, "C": 300.0}
    # Written again, it is a version 5 file with the same events and the same figures.
    again = load_session(dump_session(document_from_log(doc.entries, round_plan=doc.round_plan)))
    assert summarize(again.entries) == summary


def test_a_stored_event_without_the_field_is_a_pass_with_no_time() -> None:
    assert ev.from_payload("turn-passed", {"person_id": "A"}) == ev.TurnPassed("A", spoke=False)
    assert ev.from_payload("turn-deferred", {"person_id": "A"}) == ev.TurnDeferred("A")
    assert ev.to_payload(ev.TurnPassed("A", spoke=True)) == {"person_id": "A", "spoke": True}


def test_a_version_4_file_cannot_say_spoke() -> None:
    data = json.loads(version_4_text())
    data["events"][3]["payload"]["spoke"] = True
    with pytest.raises(InvalidSessionFile, match="came in version 5"):
        load_session(json.dumps(data))


def test_a_log_cannot_keep_time_for_someone_who_was_not_speaking() -> None:
    session, _clock = speaks_then_passes(40)
    entries = list(session.log)
    last = entries[-1]
    wrong = ev.Entry(last.seq + 1, last.elapsed, last.wall, ev.TurnPassed("C", spoke=True))
    with pytest.raises(LogInconsistent, match="not speaking"):
        check_log([*entries, wrong])
