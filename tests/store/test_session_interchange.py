"""``export-json`` and ``import``: exact round trips, all-or-nothing, on a real SQLite file and,
when configured, on PostgreSQL (``tests/store/backends.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from circlekeeper.cli import main
from circlekeeper.history.records import SessionFilter
from circlekeeper.session import Participant, fold, summarize
from circlekeeper.session.interchange.session_file import (
    document_from_log,
    dump_session,
    load_session,
)
from circlekeeper.session.prompts import (
    Intensity,
    MoodCounts,
    Principle,
    Prompt,
    PromptCategory,
    PromptUse,
)
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.store.sessions import importing as importer
from circlekeeper.vault.header import NoteRecord
from tests.store.backends import NewDb
from tests.store.samples import ODD_NAMES, PLAN, START, play_short_session

TABLES = (
    "circles",
    "people",
    "circle_members",
    "sessions",
    "events",
    "session_people",
    "notes",
    "moods",
    "prompt_uses",
    "custom_prompts",
)


def counts(where: str) -> dict[str, int]:
    """Rows per table, read by a plain connection of its own (none of the store's)."""
    engine = create_engine(where if "://" in where else f"sqlite:///{where}")
    try:
        with engine.connect() as db:
            return {t: db.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        engine.dispose()


def recorded_session(where: str) -> tuple[int, list[str]]:
    """A finished session in a fresh database, with a private note that must never leave."""
    with open_store(where) as store:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday", facilitators=("Robin",)))
        people = [store.people.add(name, "they/them", [circle_id]) for name in ODD_NAMES]
        ids = tuple(p.person_id for p in people)
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            co_facilitators=("Kim",),
            plan=PLAN,
            started_at=START,
            timezone="Europe/Berlin",
            people=ids,
        )
        participants = tuple(Participant(str(p.person_id), p.name, p.pronouns) for p in people)
        play_short_session(
            participants, sink=lambda e: store.sessions.append(session_id, e), sharing=True
        )
        store.sessions.set_shareable(session_id, "A warm circle. <b>Thanks</b> & bye")
        store.sessions.finish(session_id)
        store.notes.add(
            NoteRecord("n1", b"SECRET-CIPHERTEXT", session_id, ids[0], 3.0, START, START)
        )
        store.moods.save(session_id, MoodCounts("check-in", {1: 1, 2: 0, 3: 2, 4: 3, 5: 0}))
        store.moods.save(session_id, MoodCounts("check-out", {3: 1, 4: 2, 5: 3}))
        mine = store.prompts.save_custom(custom_prompt("What are you carrying tonight?"))
        for use in (
            PromptUse(session_id, 0, "How are you ARRIVING?", "core:arriving", used_at=START),
            PromptUse(session_id, 1, "What gave you hope?", None, used_at=START),
            PromptUse(session_id, 1, mine.text, mine.prompt_id, person_id=str(ids[2])),
        ):
            store.prompts.record_use(use)
    return session_id, [str(i) for i in ids]


def custom_prompt(text: str) -> Prompt:
    return Prompt("", text, PromptCategory.SHARING, Intensity.LIGHT, frozenset({Principle.RESPECT}))


def heard(store, session_id: int) -> list[tuple]:
    """A session's prompt uses as a user sees them: round, words, prompt id, whose (by name)."""
    record = store.sessions.get(session_id)
    names = {
        str(p.person_id): p.name
        for p in store.people.members(record.circle_id, include_archived=True)
    }
    return [
        (u.round_index, u.text, u.prompt_id, names.get(u.person_id or ""), u.used_at)
        for u in store.prompts.uses_for_session(session_id)
    ]


def export(db: str, session_id: int, out: Path) -> dict:
    assert main(["--db", str(db), "export-json", str(session_id), "-o", str(out)]) == 0
    return json.loads(out.read_text("utf-8"))


def test_export_writes_the_documented_format_and_no_notes(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_db("a")
    session_id, _ = recorded_session(db)
    out = tmp_path / "out" / "session.json"
    assert main(["--db", str(db), "export-json", str(session_id), "-o", str(out)]) == 0
    assert "Wrote session" in capsys.readouterr().out
    text = out.read_text("utf-8")
    data = json.loads(text)
    assert data["format"] == "circlekeeper-session" and data["version"] == 5
    assert data["circle"] == "Tuesday"
    assert data["facilitators"] == ["Robin"] and data["co_facilitators"] == ["Kim"]
    assert data["timezone"] == "Europe/Berlin"
    assert data["shareable_summary"] == "A warm circle. <b>Thanks</b> & bye"
    assert [p["name"] for p in data["people"]] == list(ODD_NAMES)
    assert "SECRET" not in text and "ciphertext" not in text and "note" not in text.lower()
    assert data["moods"] == [
        {"moment": "check-in", "counts": {"1": 1, "2": 0, "3": 2, "4": 3, "5": 0}},
        {"moment": "check-out", "counts": {"3": 1, "4": 2, "5": 3}},
    ]
    assert [(u["round"], u["prompt_id"]) for u in data["prompt_uses"]] == [
        (0, "core:arriving"),
        (1, None),
        (1, "custom:1"),
    ]
    assert data["prompt_uses"][2]["person_id"] == data["people"][2]["id"]
    with open_store(db) as store:
        assert load_session(text).entries == store.sessions.entries(session_id)


def test_import_into_another_database_rebuilds_the_same_session(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = new_db("a"), new_db("b")
    session_id, _ = recorded_session(source)
    out = tmp_path / "s.json"
    assert main(["--db", str(source), "export-json", str(session_id), "-o", str(out)]) == 0
    with open_store(target) as store:
        store.people.add("Someone else")
    assert main(["--db", str(target), "import", str(out)]) == 0
    message = capsys.readouterr().out
    assert "into the new circle 'Tuesday'" in message and "6 added" in message
    with open_store(source) as a, open_store(target) as b:
        new_id = int(message.split("Imported session ")[1].split(" ")[0])
        old, new = a.sessions.get(session_id), b.sessions.get(new_id)
        assert (new.circle_name, new.facilitators, new.co_facilitators) == (
            "Tuesday",
            ("Robin",),
            ("Kim",),
        )
        assert (new.plan, new.started_at, new.timezone, new.shareable, new.status) == (
            old.plan,
            old.started_at,
            old.timezone,
            old.shareable,
            "ended",
        )
        assert new.fairness == pytest.approx(old.fairness)
        old_summary = summarize(a.sessions.entries(session_id))
        new_summary = summarize(b.sessions.entries(new_id))
        assert [p.name for p in new_summary.people] == [p.name for p in old_summary.people]
        assert [p.spoken_total for p in new_summary.people] == [
            p.spoken_total for p in old_summary.people
        ]
        members = b.people.members(new.circle_id)
        assert [m.name for m in members] == list(ODD_NAMES)
        # The log refers to the receiving database's people.
        state = fold(b.sessions.entries(new_id))
        assert set(state.participants) == {str(m.person_id) for m in members}


def test_importing_into_the_same_circle_matches_members_and_refuses_a_duplicate(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_db("a")
    session_id, _ = recorded_session(db)
    out = tmp_path / "s.json"
    main(["--db", str(db), "export-json", str(session_id), "-o", str(out)])
    before = counts(db)
    assert main(["--db", str(db), "import", str(out)]) == 1
    assert "already in the database" in capsys.readouterr().err
    assert counts(db) == before
    # The same session a week later (another start): filed under the existing members.
    data = json.loads(out.read_text("utf-8"))
    data["started"] = "2026-03-11T18:00:00+00:00"
    data["ended"] = "2026-03-11T19:00:00+00:00"
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["--db", str(db), "import", str(out)]) == 0
    assert "6 people matched, 0 added" in capsys.readouterr().out
    after = counts(db)
    assert after["people"] == before["people"] and after["sessions"] == before["sessions"] + 1


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["events"][3]["payload"].update(person_id="p9"), "unknown person 'p9'"),
        (lambda d: d.update(version=7), "version 7"),
        (lambda d: d["events"].pop(4), "events[4].seq: event numbers must run on without gaps"),
        (lambda d: d.update(private_notes=["x"]), "private notes are never part"),
        (
            lambda d: d["moods"][0]["counts"].update({"3": -2}),
            "moods[0].counts.3: must be a whole number, 0 or more",
        ),
        (lambda d: d["moods"][1].update(moment="later"), "moods[1].moment: unknown moment"),
        (
            lambda d: d["prompt_uses"][2].update(round=5),
            "prompt_uses[2].round: there is no round 5 in round_plan",
        ),
        (
            lambda d: d["prompt_uses"][0].update(person_id="nobody"),
            "prompt_uses[0].person_id: unknown person 'nobody'",
        ),
        (
            lambda d: d["prompt_uses"][1].update(notes="private"),
            "prompt_uses[1].notes: private notes are never part",
        ),
    ],
)
def test_a_rejected_import_changes_nothing(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage, message
) -> None:
    db = new_db("a")
    session_id, _ = recorded_session(db)
    out = tmp_path / "s.json"
    main(["--db", str(db), "export-json", str(session_id), "-o", str(out)])
    data = json.loads(out.read_text("utf-8"))
    data["circle"] = "A circle that must not appear"
    damage(data)
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = counts(db)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert counts(db) == before


@pytest.mark.parametrize(
    "fails",
    [
        # By the time the figures are computed, the circle and the people have been inserted.
        "summarize",
        # By the time prompt uses are written, the session, events, people and moods are too.
        "PromptUseRow",
    ],
)
def test_a_failure_half_way_through_the_write_rolls_everything_back(
    new_db: NewDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    db = new_db("a")
    session_id, _ = recorded_session(db)
    data = export(db, session_id, tmp_path / "s.json")
    data["circle"] = "Brand new circle"
    doc = load_session(json.dumps(data))
    before = counts(db)

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(importer, fails, explode)
    with open_store(db) as store, pytest.raises(OSError, match="disk full"):
        importer.import_session(store.engine, doc)
    assert counts(db) == before


def test_moods_and_prompt_uses_survive_export_and_import_into_a_fresh_database(
    new_db: NewDb, tmp_path: Path
) -> None:
    source, target = new_db("a"), new_db("b")
    session_id, _ = recorded_session(source)
    out = tmp_path / "s.json"
    export(source, session_id, out)
    with open_store(target) as store:
        store.people.add("Someone else")  # so the receiving ids differ from the sending ones
        # The receiving database's custom:1 is another prompt; custom:2 has the same words.
        store.prompts.save_custom(custom_prompt("A different question"))
        here = store.prompts.save_custom(custom_prompt("what are you  carrying tonight?"))
        result = importer.import_session(store.engine, load_session(out.read_text("utf-8")))
    with open_store(source) as a, open_store(target) as b:
        assert b.moods.for_session(result.session_id) == a.moods.for_session(session_id)
        before, after = heard(a, session_id), heard(b, result.session_id)
        assert [row[:2] + row[3:] for row in after] == [row[:2] + row[3:] for row in before]
        assert [row[2] for row in after] == ["core:arriving", None, here.prompt_id]
        # The person-specific use points at the right person in the receiving database.
        assert after[2][3] == ODD_NAMES[2]
        # Draws in the receiving circle avoid what this session heard.
        circle_uses = b.prompts.uses_for_circle(result.circle_id)
        assert {u.prompt_id for _, u in circle_uses} == {"core:arriving", None, "custom:2"}
        # History search finds the session by the words of a prompt it heard.
        found = HistoryQueries.for_store(b).sessions(SessionFilter(text="CARRYING tonight"))
        assert [r.session_id for r in found.rows] == [result.session_id]


def test_a_custom_prompt_unknown_here_keeps_its_words_but_no_id(
    new_db: NewDb, tmp_path: Path
) -> None:
    source, target = new_db("a"), new_db("b")
    session_id, _ = recorded_session(source)
    out = tmp_path / "s.json"
    export(source, session_id, out)
    with open_store(target) as store:
        result = importer.import_session(store.engine, load_session(out.read_text("utf-8")))
        uses = store.prompts.uses_for_session(result.session_id)
    assert [(u.text, u.prompt_id) for u in uses][2] == ("What are you carrying tonight?", None)


def test_export_leaves_out_a_prompt_of_a_round_that_never_happened(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_db("a")
    session_id, _ = recorded_session(db)
    with open_store(db) as store:  # the plan has 2 rounds; nothing in the store stops this
        store.prompts.record_use(PromptUse(session_id, 7, "A round that never was"))
    out = tmp_path / "s.json"
    capsys.readouterr()
    assert main(["--db", str(db), "export-json", str(session_id), "-o", str(out)]) == 0
    assert "A round that never was" not in out.read_text("utf-8")


def test_a_version_1_file_still_imports_without_moods_or_prompt_uses(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = new_db("a"), new_db("b")
    session_id, _ = recorded_session(source)
    out = tmp_path / "s.json"
    data = export(source, session_id, out)
    data["version"] = 1
    del data["moods"], data["prompt_uses"]
    for event in data["events"]:
        event["payload"].pop("spoke", None)  # a pass's "spoke" came in version 5
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    capsys.readouterr()
    assert main(["--db", str(target), "import", str(out)]) == 0
    new_id = int(capsys.readouterr().out.split("Imported session ")[1].split(" ")[0])
    with open_store(source) as a, open_store(target) as b:
        assert len(b.sessions.entries(new_id)) == len(a.sessions.entries(session_id))
        assert summarize(b.sessions.entries(new_id)).duration_seconds == pytest.approx(
            summarize(a.sessions.entries(session_id)).duration_seconds
        )
        assert b.moods.for_session(new_id) == []
        assert b.prompts.uses_for_session(new_id) == []


def test_import_refuses_unreadable_files_in_one_line(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_db("a")
    missing = tmp_path / "nope.json"
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["--db", str(db), "import", str(missing)]) == 1
    assert "There is no file" in capsys.readouterr().err
    assert main(["--db", str(db), "import", str(binary)]) == 1
    assert "not a text file in UTF-8" in capsys.readouterr().err
    assert main(["--db", str(db), "import", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_export_of_an_unknown_session_says_so(
    new_db: NewDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_db("a")
    recorded_session(db)
    assert main(["--db", str(db), "export-json", "999", "-o", str(tmp_path / "x.json")]) == 1
    assert "no session with id 999" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_an_unfinished_session_is_imported_as_abandoned_not_live(new_db: NewDb) -> None:
    from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy

    clock = FakeClock()
    session = CircleSession(clock)
    session.start("Thursday", [Participant("x", "Ana"), Participant("y", "Ben")])
    session.start_round(RoundPlan(policy=TimePolicy.fair_share(600)))
    session.start_turn()
    clock.advance(40)  # still speaking when exported
    doc = load_session(dump_session(document_from_log(session.log, timezone="Asia/Tokyo")))
    db = new_db("a")
    with open_store(db) as store:
        result = importer.import_session(store.engine, doc)
        record = store.sessions.get(result.session_id)
        assert record.status == "abandoned"
        assert store.sessions.live() == []
        assert record.timezone == "Asia/Tokyo"
        ana = store.people.members(result.circle_id)[0]
        assert ana.name == "Ana"
        # The log is kept exactly: Ana's turn is still the one in progress in it.
        assert fold(store.sessions.entries(result.session_id)).current_turn.person_id == str(
            ana.person_id
        )


def test_import_moves_each_persons_prompt_to_the_receiving_ids(new_db: NewDb) -> None:
    from circlekeeper.session import CircleSession, FakeClock, RoundPlan, TimePolicy
    from circlekeeper.session import events as ev
    from circlekeeper.session.model import RoundKind

    people = (Participant("a", "Amal"), Participant("b", "山田 花子"))
    plan = (
        RoundPlan(
            RoundKind.CHECK_IN,
            TimePolicy.fixed(60),
            person_prompts=(("a", "<b>What</b> & why?"), ("b", "何を持ってきましたか？")),
        ),
    )
    session = CircleSession(FakeClock())
    session.start("Friday", people, ("Robin",))
    session.start_round(plan[0])
    session.end_session()
    doc = load_session(dump_session(document_from_log(session.log, round_plan=plan)))
    with open_store(new_db("b")) as store:
        store.people.add("Someone else")
        result = importer.import_session(store.engine, doc)
        record = store.sessions.get(result.session_id)
        ids = {m.name: str(m.person_id) for m in store.people.members(result.circle_id)}
        assert set(ids.values()).isdisjoint({"a", "b"})
        assert record.plan[0].prompt_for(ids["山田 花子"]) == "何を持ってきましたか？"
        started = next(
            e.event
            for e in store.sessions.entries(result.session_id)
            if isinstance(e.event, ev.RoundStarted)
        )
        assert started.plan.prompt_for(ids["Amal"]) == "<b>What</b> & why?"
        # The new circle's default plan is for sessions to come: nobody's prompt is kept.
        assert store.circles.get(result.circle_id).default_plan[0].person_prompts == ()
