"""The JSON interchange format: exact round trips, and bad files refused with their place."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circlekeeper.errors import UserFacingError
from circlekeeper.session import (
    CircleSession,
    FakeClock,
    Participant,
    RoundPlan,
    SessionCommandRefused,
    TimePolicy,
    fold,
    summarize,
)
from circlekeeper.session import events as ev
from circlekeeper.session.dealing import PromptCard
from circlekeeper.session.interchange.session_file import (
    InvalidSessionFile,
    SessionDocument,
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.model import RoundKind
from circlekeeper.session.prompts import MoodCounts, PromptUse
from tests.session.scripted import Run, policies, steps

NAMES = ["x" * 10_000, "<b>Bo</b> & co", "🌱 Lee 🫶🏽", "مريم", "שׂרה", "山田 花子"]


class StepWall:
    """A wall clock that moves a second per reading, so each entry has its own time."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 3, 29, 0, 59, 58, 123456, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


def sample_deal(plan: RoundPlan, heard: object) -> PromptCard:
    return PromptCard(f"What carried you here, {len(list(heard))}? 🌱", "sharing:carried")


def sample_document(
    *, version_3_events: bool = True, version_4_events: bool | None = None
) -> SessionDocument:
    """A session using every event; without ``version_3_events`` only what version 2 knew,
    without ``version_4_events`` (by default as version 3's) only what version 3 knew."""
    if version_4_events is None:
        version_4_events = version_3_events
    clock = FakeClock()
    people = [Participant(f"p{i}", name, "they/them") for i, name in enumerate(NAMES)]
    session = CircleSession(clock, wall=StepWall())
    session.start("Circle <Tuesday> & friends", people, ["Sam", "Noor"])
    own = (
        tuple((p.person_id, f"{p.name}, what is yours today? ما الذي يسندك؟") for p in people)
        if version_4_events
        else ()
    )
    plan = (
        RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
        RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(900, 30), person_prompts=own),
    )
    session.start_round(plan[0])
    session.start_turn()
    clock.advance(61.25)
    session.end_turn(start_next=True)
    clock.advance(3)
    session.pass_turn(start_next=True)
    session.extend(30)
    session.pause()
    session.resume_turn()
    clock.advance(12.5)
    session.join(Participant("late", "Late Arrival ✨"))
    if version_3_events:
        session.join(Participant("later", "Kai"), ev.JoinPlace.NEXT_ROUND)
    session.pass_for_now("p3")
    session.skip("p4")
    session.undo()
    session.leave("p5")
    if version_3_events:
        while session.state.current_round.queue:
            session.pass_turn()
        session.hear_passer("p1")
        clock.advance(20)
        session.end_turn()
    session.end_round()
    if version_3_events:
        session.replan(1, (plan[1],))
    # Version 4: everyone who arrived after set-up is dealt their own prompt as it begins.
    session.start_round(plan[1], deal=sample_deal if version_4_events else None)
    session.start_turn()
    clock.advance(100)
    session.end_turn()
    session.end_session()
    return document_from_log(
        session.log,
        round_plan=plan,
        timezone="Europe/Berlin",
        shareable_summary="We met; it was good. <i>Thanks</i> & see you",
        ended=session.log[-1].wall,
        moods=(
            MoodCounts("check-in", {1: 0, 2: 1, 3: 3, 4: 2, 5: 0}),
            MoodCounts("check-out", {4: 4, 5: 2}),
        ),
        prompt_uses=(
            PromptUse(7, 0, "How are you arriving?", "core:arriving", used_at=STARTED),
            PromptUse(7, 1, "Something typed fresh, مريم 🌱", None, person_id="p1"),
        ),
    )


STARTED = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def mutate(doc: SessionDocument, change) -> str:
    data = json.loads(dump_session(doc))
    change(data)
    return json.dumps(data, ensure_ascii=False)


# ------------------------------------------------------------------------ round trips


def test_round_trip_keeps_everything_including_every_script() -> None:
    doc = sample_document()
    text = dump_session(doc)
    back = load_session(text)
    assert back == doc
    assert fold(back.entries) == fold(doc.entries)
    assert summarize(back.entries) == summarize(doc.entries)
    assert "山田 花子" in text and "مريم" in text  # written as is, not \u-escaped
    assert dump_session(back) == text


def test_the_file_holds_its_documented_shape() -> None:
    data = json.loads(dump_session(sample_document()))
    assert data["format"] == "circlekeeper-session" and data["version"] == 5
    assert set(data) == {
        "format",
        "version",
        "circle",
        "facilitators",
        "co_facilitators",
        "people",
        "round_plan",
        "started",
        "ended",
        "timezone",
        "shareable_summary",
        "events",
        "moods",
        "prompt_uses",
    }
    assert data["moods"][1] == {"moment": "check-out", "counts": {"4": 4, "5": 2}}
    assert data["prompt_uses"][:2] == [
        {
            "round": 0,
            "text": "How are you arriving?",
            "prompt_id": "core:arriving",
            "person_id": None,
            "used_at": "2026-03-29T01:00:00+00:00",
        },
        {
            "round": 1,
            "text": "Something typed fresh, مريم 🌱",
            "prompt_id": None,
            "person_id": "p1",
            "used_at": None,
        },
    ]
    # Prompts dealt to late arrivals are in the log; the file's history of prompts heard
    # names them too, each with the person and the moment it was dealt.
    dealt = [e for e in data["events"] if e["kind"] == "prompt-dealt"]
    assert [(e["payload"]["person_id"], e["payload"]["text"]) for e in dealt] == [
        ("late", "What carried you here, 7? 🌱"),
        ("later", "What carried you here, 8? 🌱"),
    ]
    assert {e["payload"]["prompt_id"] for e in dealt} == {"sharing:carried"}
    assert data["prompt_uses"][2:] == [
        {
            "round": 1,
            "text": e["payload"]["text"],
            "prompt_id": "sharing:carried",
            "person_id": e["payload"]["person_id"],
            "used_at": e["wall"],
        }
        for e in dealt
    ]
    assert data["people"][0] == {"id": "p0", "name": "x" * 10_000, "pronouns": "they/them"}
    first = data["events"][0]
    assert set(first) == {"seq", "kind", "elapsed", "wall", "payload"}
    assert first["kind"] == "session-started" and first["seq"] == 1
    assert first["wall"].endswith("+00:00")
    assert "note" not in dump_session(sample_document()).lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies, steps, st.sampled_from(["UTC", "America/Argentina/Buenos_Aires", "Asia/Tokyo"]))
def test_round_trip_of_any_engine_generated_log(first_round, script, zone) -> None:
    run = Run(first_round)
    for action, index, flag, seconds, policy in script:
        with contextlib.suppress(SessionCommandRefused):
            run.do(action, index, flag, seconds, policy)
        run.clock.advance(seconds)
    doc = document_from_log(run.session.log, round_plan=[RoundPlan()], timezone=zone)
    back = load_session(dump_session(doc))
    assert back == doc
    assert fold(back.entries) == run.session.state


# ------------------------------------------------------------------------- bad files


BAD_FILES = [
    ("not json", lambda d: None, "{", "line 1 column 2"),
    ("array", None, "[]", "must hold a JSON object"),
    ("format", lambda d: d.update(format="other"), None, "format: expected"),
    ("newer version", lambda d: d.update(version=6), None, "version: the file is version 6"),
    ("version text", lambda d: d.update(version="1"), None, "version: must be a whole number"),
    ("private notes", lambda d: d.update(notes=["secret"]), None, "notes: private notes"),
    ("circle type", lambda d: d.update(circle=5), None, "circle: must be text, not a number"),
    ("no people", lambda d: d.pop("people"), None, "people: is missing"),
    ("person id", lambda d: d["people"][1].update(id=7), None, "people[1].id: must be text"),
    (
        "duplicate person",
        lambda d: d["people"][2].update(id="p1"),
        None,
        "people[2].id: 'p1' is listed twice",
    ),
    (
        "extra person",
        lambda d: d["people"].append({"id": "zz", "name": "Z"}),
        None,
        "'zz' never appears",
    ),
    (
        "bad policy",
        lambda d: d["round_plan"][0]["policy"].update(mode="sometimes"),
        None,
        "round_plan[0]: unknown time policy 'sometimes'",
    ),
    (
        "negative budget",
        lambda d: d["round_plan"][1]["policy"].update(seconds=-5),
        None,
        "round_plan[1]",
    ),
    ("timezone", lambda d: d.update(timezone="Mars/Olympus"), None, "timezone: unknown time zone"),
    (
        "naive start",
        lambda d: d.update(started="2026-01-01T10:00:00"),
        None,
        "started: needs a UTC",
    ),
    ("bad date", lambda d: d.update(ended="yesterday"), None, "ended: 'yesterday' is not an ISO"),
    (
        "end before start",
        lambda d: d.update(ended="2000-01-01T00:00:00+00:00"),
        None,
        "ended: the session cannot end before it started",
    ),
    ("no events", lambda d: d.update(events=[]), None, "events: a session needs"),
    (
        "seq not from one",
        lambda d: d["events"][0].update(seq=0),
        None,
        "events[0].seq: the first event must have number 1",
    ),
    (
        "seq repeats",
        lambda d: d["events"][5].update(seq=d["events"][4]["seq"]),
        None,
        "events[5].seq: event numbers must run on without gaps",
    ),
    ("seq text", lambda d: d["events"][3].update(seq="4"), None, "events[3].seq: must be a whole"),
    (
        "time backwards",
        lambda d: d["events"][6].update(elapsed=-1),
        None,
        "events[6].elapsed",
    ),
    ("unknown kind", lambda d: d["events"][2].update(kind="turn-exploded"), None, "events[2].kind"),
    (
        "unknown person",
        lambda d: d["events"][2]["payload"].update(person_id="p9"),
        None,
        "events[2].payload.person_id: unknown person 'p9'",
    ),
    (
        "payload type",
        lambda d: d["events"][2]["payload"].update(allotted="lots"),
        None,
        "events[2].payload.allotted: must be a number",
    ),
    (
        "payload missing",
        lambda d: d["events"][2]["payload"].pop("person_id"),
        None,
        "events[2].payload.person_id: is missing",
    ),
    (
        "payload extra",
        lambda d: d["events"][2]["payload"].update(private_note="x"),
        None,
        "events[2].payload.private_note: private notes",
    ),
    (
        "wrong speaker",
        lambda d: d["events"][3]["payload"].update(person_id="p2"),
        None,
        "events[3].payload.person_id: 'p0' is speaking, not 'p2'",
    ),
    (
        "fractional seq",
        lambda d: d["events"][3].update(seq=3.5),
        None,
        "events[3].seq: must be a whole number",
    ),
    (
        "event after the end",
        lambda d: d["events"].append(dict(d["events"][-1], seq=d["events"][-1]["seq"] + 1)),
        None,
        "nothing can happen after the session ended",
    ),
    ("NaN", None, '{"format": NaN}', "NaN is not a number"),
    # version 2: moods and prompt uses
    ("moods type", lambda d: d.update(moods={}), None, "moods: must be a list, not an object"),
    (
        "mood moment",
        lambda d: d["moods"][0].update(moment="halfway"),
        None,
        "moods[0].moment: unknown moment 'halfway' (known: check-in, check-out)",
    ),
    (
        "mood moment twice",
        lambda d: d["moods"][1].update(moment="check-in"),
        None,
        "moods[1].moment: 'check-in' is counted twice",
    ),
    (
        "mood value",
        lambda d: d["moods"][0]["counts"].update({"6": 1}),
        None,
        "moods[0].counts.6: a mood value must be one of 1, 2, 3, 4, 5",
    ),
    (
        "mood count negative",
        lambda d: d["moods"][1]["counts"].update({"4": -1}),
        None,
        "moods[1].counts.4: must be a whole number, 0 or more",
    ),
    (
        "mood count fraction",
        lambda d: d["moods"][1]["counts"].update({"5": 1.5}),
        None,
        "moods[1].counts.5: must be a whole number, 0 or more",
    ),
    (
        "mood count boolean",
        lambda d: d["moods"][1]["counts"].update({"5": True}),
        None,
        "moods[1].counts.5: must be a whole number",
    ),
    (
        "mood names a person",
        lambda d: d["moods"][0].update(person_id="p1"),
        None,
        "moods[0].person_id: unknown field",
    ),
    ("mood counts missing", lambda d: d["moods"][0].pop("counts"), None, "moods[0].counts: is"),
    (
        "use round outside plan",
        lambda d: d["prompt_uses"][1].update(round=2),
        None,
        "prompt_uses[1].round: there is no round 2 in round_plan",
    ),
    (
        "use round negative",
        lambda d: d["prompt_uses"][0].update(round=-1),
        None,
        "prompt_uses[0].round: there is no round -1",
    ),
    (
        "use round text",
        lambda d: d["prompt_uses"][0].update(round="0"),
        None,
        "prompt_uses[0].round: must be a whole number",
    ),
    (
        "use unknown person",
        lambda d: d["prompt_uses"][1].update(person_id="p9"),
        None,
        "prompt_uses[1].person_id: unknown person 'p9' (not in people)",
    ),
    (
        "use empty text",
        lambda d: d["prompt_uses"][0].update(text="  "),
        None,
        "prompt_uses[0].text: must not be empty",
    ),
    (
        "use prompt id type",
        lambda d: d["prompt_uses"][0].update(prompt_id=3),
        None,
        "prompt_uses[0].prompt_id: must be text or null, not a number",
    ),
    (
        "use naive time",
        lambda d: d["prompt_uses"][0].update(used_at="2026-01-01T10:00:00"),
        None,
        "prompt_uses[0].used_at: needs a UTC",
    ),
    (
        "use carries a note",
        lambda d: d["prompt_uses"][0].update(note="secret"),
        None,
        "prompt_uses[0].note: private notes are never part of a session file",
    ),
    (
        "version 1 with moods",
        lambda d: d.update(version=1),
        None,
        "moods: is not part of a version 1 file",
    ),
]


@pytest.mark.parametrize(
    ("change", "raw", "expected"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_file_is_refused_naming_problem_and_place(change, raw, expected) -> None:
    text = raw if raw is not None else mutate(sample_document(), change)
    with pytest.raises(InvalidSessionFile) as refusal:
        load_session(text)
    message = str(refusal.value)
    assert expected in message
    assert isinstance(refusal.value, UserFacingError)
    assert message.startswith("This is not a valid CircleKeeper session file") and message.endswith(
        "."
    )


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_fuzzed_files_are_either_valid_or_refused_cleanly(data) -> None:
    """Random damage to a good file: loading either succeeds or raises InvalidSessionFile."""
    text = dump_session(sample_document())
    position = data.draw(st.integers(0, len(text) - 1))
    junk = data.draw(st.text(max_size=5))
    damaged = text[:position] + junk + text[position + data.draw(st.integers(0, 8)) :]
    with contextlib.suppress(InvalidSessionFile):
        load_session(damaged)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        ["payload", "people", "round_plan", "events", "facilitators", "moods", "prompt_uses"]
    ),
    json_values,
)
def test_any_json_in_any_field_is_refused_or_accepted_never_crashes(field, value) -> None:
    def change(d: dict) -> None:
        if field == "payload":
            d["events"][2]["payload"] = value
        else:
            d[field] = value

    with contextlib.suppress(InvalidSessionFile):
        load_session(mutate(sample_document(), change))


def test_a_version_1_file_still_loads_with_no_moods_and_no_prompt_uses() -> None:
    def as_version_1(d: dict) -> None:
        d.update(version=1)
        del d["moods"], d["prompt_uses"]
        for entry in d["events"]:
            entry["payload"].pop("place", None)
            entry["payload"].pop("spoke", None)

    doc = sample_document(version_3_events=False)
    back = load_session(mutate(doc, as_version_1))
    assert back.moods == () and back.prompt_uses == ()
    assert back.entries == doc.entries and back.people == doc.people
    assert json.loads(dump_session(back))["version"] == 5  # written back as the current version


@pytest.mark.parametrize(
    ("kind", "field"),
    [("pass-reconsidered", "kind"), ("participant-joined", "place")],
)
def test_a_version_2_file_cannot_hold_what_version_3_added(kind: str, field: str) -> None:
    data = json.loads(dump_session(sample_document()))
    data["version"] = 2
    for entry in data["events"]:
        entry["payload"].pop("spoke", None)  # came in version 5
    if field == "kind":  # only the new kind is out of place
        for entry in data["events"]:
            entry["payload"].pop("place", None)
    index = next(i for i, e in enumerate(data["events"]) if e["kind"] == kind)
    where = f"events[{index}].kind" if field == "kind" else f"events[{index}].payload.place"
    with pytest.raises(InvalidSessionFile, match="came in version 3") as caught:
        load_session(json.dumps(data, ensure_ascii=False))
    assert caught.value.place == where


def test_a_version_2_file_cannot_hold_a_replanned_round() -> None:
    session = CircleSession(FakeClock())
    session.start("c", [Participant("a", "A")])
    session.replan(0, [RoundPlan(policy=TimePolicy.fixed(60))])
    data = json.loads(dump_session(document_from_log(session.log)))
    data["version"] = 2
    with pytest.raises(InvalidSessionFile, match="'rounds-replanned' is not part of a version 2"):
        load_session(json.dumps(data))


def test_a_version_2_file_without_the_new_events_still_loads() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("c", [Participant("a", "A")])
    session.join(Participant("b", "B"))
    data = json.loads(dump_session(document_from_log(session.log)))
    data["version"] = 2
    for entry in data["events"]:
        entry["payload"].pop("place", None)
    back = load_session(json.dumps(data))
    assert back.entries[-1].event == ev.ParticipantJoined(Participant("b", "B"))


def test_version_2_fields_may_be_left_out() -> None:
    def without(d: dict) -> None:
        del d["moods"], d["prompt_uses"]

    back = load_session(mutate(sample_document(), without))
    assert back.moods == () and back.prompt_uses == ()


def test_renumbering_prompt_uses_moves_only_personal_ones() -> None:
    from circlekeeper.session.interchange.session_file import renumber_prompt_uses

    uses = sample_document().prompt_uses
    moved = renumber_prompt_uses(uses, {"p1": "41", "p0": "40"})
    assert [u.person_id for u in moved] == [None, "41", "late", "later"]
    assert [u.text for u in moved] == [u.text for u in uses]


def test_a_live_session_exports_and_rebuilds_its_running_turn() -> None:
    clock = FakeClock()
    session = CircleSession(clock)
    session.start("c", [Participant("a", "A"), Participant("b", "B")])
    session.start_round(RoundPlan(policy=TimePolicy.fair_share(600, 30)))
    session.start_turn()
    clock.advance(42)
    session.pause()
    back = load_session(dump_session(document_from_log(session.log)))
    assert back.ended is None
    resumed = CircleSession(FakeClock(), log=back.entries)
    assert resumed.turn_view().spoken == pytest.approx(42)
    assert resumed.state == session.state


def test_the_documented_example_is_a_valid_file() -> None:
    from pathlib import Path

    doc_text = (Path(__file__).parents[2] / "docs" / "session-json.md").read_text("utf-8")
    example = doc_text.split("```json\n", 1)[1].split("```", 1)[0]
    doc = load_session(example)
    summary = summarize(doc.entries)
    assert summary.person("1").spoken_total == 95
    assert summary.person("2").spoken_total == 0 and summary.person("2").passes == 1
    assert doc.timezone == "Europe/Berlin"
    assert doc.moods[0].moment == "check-in" and doc.moods[0].average == 3
    assert [(u.round_index, u.prompt_id, u.person_id) for u in doc.prompt_uses] == [(0, None, None)]


def test_renumbering_people_keeps_the_log_otherwise_identical() -> None:
    from circlekeeper.session.interchange.session_file import renumber_people

    doc = sample_document()
    mapping = {p.person_id: f"new-{i}" for i, p in enumerate(doc.people)}
    moved = renumber_people(doc.entries, mapping)
    back = renumber_people(moved, {v: k for k, v in mapping.items()})
    assert back == doc.entries
    before = summarize(doc.entries)
    after = summarize(moved)
    assert [p.spoken_total for p in after.people] == [p.spoken_total for p in before.people]
    assert {p.person_id for p in after.people} == set(mapping.values())
    assert after.jain_index == before.jain_index
