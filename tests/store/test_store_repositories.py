"""Circles, people, settings, prompts, moods, notes and the vault header round-trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from circlekeeper.session.prompts import (
    Intensity,
    MoodCounts,
    Principle,
    Prompt,
    PromptCategory,
    PromptUse,
)
from circlekeeper.store import (
    CircleRecord,
    InvalidRecord,
    RecordNotFound,
    Store,
)
from circlekeeper.vault.errors import VaultAlreadySetUp, VaultNotSetUp
from circlekeeper.vault.header import NoteRecord, VaultHeader
from tests.store.samples import ODD_NAMES, PLAN, START


def new_session(store: Store, circle_id: int, people: tuple[int, ...] = ()) -> int:
    return store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=PLAN,
        started_at=START,
        timezone="Europe/Berlin",
        people=people,
    )


def test_a_circle_keeps_everything_it_was_given(store: Store) -> None:
    record = CircleRecord(
        None,
        "  Tuesday evenings  ",
        description="<b>Grief</b> & hope 🌱",
        agreements=("What is said here stays here", "مرحبا"),
        default_plan=PLAN,
        facilitators=("Robin", "王小明"),
        privacy="initials",
        retention_days=365,
        mood_enabled=True,
    )
    circle_id = store.circles.save(record)
    got = store.circles.get(circle_id)
    assert got.name == "Tuesday evenings"
    assert got.agreements == record.agreements and got.default_plan == PLAN
    assert got.facilitators == record.facilitators and got.mood_enabled
    assert (got.privacy, got.retention_days) == ("initials", 365)
    store.circles.save(CircleRecord(circle_id, "Tuesdays", description="renamed"))
    assert store.circles.get(circle_id).description == "renamed"
    assert store.circles.by_name("Tuesdays").circle_id == circle_id  # type: ignore[union-attr]
    store.circles.set_retention(circle_id, None)
    assert store.circles.get(circle_id).retention_days is None


def test_circle_names_are_unique_and_required(store: Store) -> None:
    store.circles.save(CircleRecord(None, "Tuesday"))
    with pytest.raises(InvalidRecord, match="already a circle called"):
        store.circles.save(CircleRecord(None, "Tuesday"))
    with pytest.raises(InvalidRecord, match="needs a name"):
        store.circles.save(CircleRecord(None, "   "))
    with pytest.raises(InvalidRecord, match="Privacy"):
        store.circles.save(CircleRecord(None, "X", privacy="everything"))
    with pytest.raises(RecordNotFound):
        store.circles.get(999)
    assert store.circles.by_name("nobody") is None


def test_archived_circles_leave_the_list_but_keep_their_data(store: Store) -> None:
    a = store.circles.save(CircleRecord(None, "Alpha"))
    b = store.circles.save(CircleRecord(None, "Beta"))
    store.circles.archive(a)
    assert [c.circle_id for c in store.circles.list()] == [b]
    assert {c.circle_id for c in store.circles.list(include_archived=True)} == {a, b}
    assert store.circles.get(a).archived
    store.circles.restore(a)
    assert [c.circle_id for c in store.circles.list()] == [a, b], "back, in name order"
    assert not store.circles.get(a).archived


def test_people_in_any_script_keep_their_seating_order(store: Store) -> None:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    added = [store.people.add(name, "they/them", [circle_id]) for name in ODD_NAMES]
    members = store.people.members(circle_id)
    assert [m.name for m in members] == list(ODD_NAMES)
    assert members[0].pronouns == "they/them"
    store.people.archive(added[1].person_id)
    assert added[1].person_id not in [m.person_id for m in store.people.members(circle_id)]
    assert len(store.people.members(circle_id, include_archived=True)) == len(ODD_NAMES)
    store.people.remove_from_circle(added[2].person_id, circle_id)
    store.people.add_to_circle(added[2].person_id, circle_id)
    store.people.add_to_circle(added[2].person_id, circle_id)  # twice changes nothing
    assert [m.person_id for m in store.people.members(circle_id)][-1] == added[2].person_id
    renamed = added[0].__class__(added[0].person_id, "Ana", "she/her")
    store.people.update(renamed)
    assert store.people.get(added[0].person_id) == renamed
    with pytest.raises(InvalidRecord):
        store.people.add("  ")
    with pytest.raises(RecordNotFound):
        store.people.add("Bo", circle_ids=[404])


def test_settings_are_text_pairs(store: Store) -> None:
    assert store.settings.get("organization") is None
    assert store.settings.get("paper", "a4") == "a4"
    store.settings.set("organization", "Mutual Aid & Co <עמותה>")
    store.settings.set("organization", "Peer Circle 🌻")
    assert store.settings.get("organization") == "Peer Circle 🌻"


def test_custom_prompts_get_ids_and_round_trip(store: Store) -> None:
    draft = Prompt(
        "",
        "What are you <b>carrying</b> & leaving today? 🎒",
        PromptCategory.CHECK_IN,
        Intensity.LIGHT,
        frozenset({Principle.MUTUALITY, Principle.RESPECT}),
        tags=frozenset({"arrival", "وصول"}),
        based_on="core:arrive",
    )
    saved = store.prompts.save_custom(draft)
    assert saved.prompt_id.startswith("custom:") and saved.custom
    assert store.prompts.custom_prompts() == [saved]
    edited = store.prompts.save_custom(
        Prompt(saved.prompt_id, "Edited", PromptCategory.HOPE, Intensity.DEEP, frozenset())
    )
    assert edited.prompt_id == saved.prompt_id
    assert store.prompts.custom_prompts()[0].text == "Edited"
    store.prompts.set_archived(saved.prompt_id, True)
    assert store.prompts.custom_prompts()[0].archived
    with pytest.raises(RecordNotFound):
        store.prompts.set_archived("core:arrive", True)


def test_importing_prompts_is_all_or_nothing(store: Store) -> None:
    good = Prompt("x", "Fine", PromptCategory.SHARING, Intensity.MEDIUM, frozenset())
    bad = Prompt("y", "   ", PromptCategory.SHARING, Intensity.MEDIUM, frozenset())
    with pytest.raises(InvalidRecord):
        store.prompts.import_custom([good, bad])
    assert store.prompts.custom_prompts() == []
    imported = store.prompts.import_custom([good, good])
    assert len({p.prompt_id for p in imported}) == 2
    assert len(store.prompts.custom_prompts()) == 2


def test_favourite_and_hidden_marks(store: Store) -> None:
    store.prompts.set_favourite("core:a", True)
    store.prompts.set_hidden("core:b", True)
    store.prompts.set_hidden("core:a", True)
    store.prompts.set_favourite("core:a", False)
    prefs = store.prompts.preferences()
    assert prefs.favourites == frozenset()
    assert prefs.hidden == {"core:a", "core:b"}


def test_prompt_uses_per_session_and_per_circle(store: Store) -> None:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    other = store.circles.save(CircleRecord(None, "Other"))
    sessions = []
    for day in range(3):
        sid = store.sessions.create(
            circle_id,
            facilitators=(),
            plan=(),
            started_at=START.replace(day=1 + day),
            timezone="UTC",
            people=(),
        )
        sessions.append(sid)
        store.prompts.record_use(PromptUse(sid, 0, f"Prompt {day}", prompt_id=f"core:{day}"))
    store.prompts.record_use(PromptUse(sessions[0], 1, "Per person", person_id="7"))
    store.sessions.create(
        other, facilitators=(), plan=(), started_at=START, timezone="UTC", people=()
    )
    assert [u.text for u in store.prompts.uses_for_session(sessions[0])] == [
        "Prompt 0",
        "Per person",
    ]
    everything = store.prompts.uses_for_circle(circle_id)
    assert [u.text for _, u in everything] == ["Prompt 0", "Per person", "Prompt 1", "Prompt 2"]
    assert everything[0][0] == START.replace(day=1)
    recent = store.prompts.uses_for_circle(circle_id, last_sessions=2)
    assert [u.text for _, u in recent] == ["Prompt 1", "Prompt 2"]
    with pytest.raises(RecordNotFound):
        store.prompts.record_use(PromptUse(999, 0, "nowhere"))


def test_mood_counts_replace_per_moment(store: Store) -> None:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    sid = new_session(store, circle_id)
    store.moods.save(sid, MoodCounts("check-in", {1: 1, 4: 3}))
    store.moods.save(sid, MoodCounts("check-in", {3: 2, 5: 2}))
    store.moods.save(sid, MoodCounts("check-out", {5: 4}))
    assert store.moods.for_session(sid) == [
        MoodCounts("check-in", {3: 2, 5: 2}),
        MoodCounts("check-out", {5: 4}),
    ]
    assert store.moods.for_circle(circle_id)[1] == (START, MoodCounts("check-out", {5: 4}))


def test_notes_are_ciphertext_only_and_replaced_in_one_go(store: Store) -> None:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    person = store.people.add("Ana", circle_ids=[circle_id])
    sid = new_session(store, circle_id, (person.person_id,))
    when = datetime(2026, 3, 4, 18, 5, tzinfo=UTC)
    first = NoteRecord("n-1", b"\x00cipher\xff", sid, person.person_id, 12.5, when, when)
    second = NoteRecord("n-2", b"other", sid, None, None, when, None)
    store.notes.add(first)
    store.notes.add(second)
    assert store.notes.get("n-1") == first
    assert [n.note_id for n in store.notes.for_session(sid)] == ["n-1", "n-2"]
    assert [n.note_id for n in store.notes.for_person(person.person_id)] == ["n-1"]
    with pytest.raises(TypeError):
        store.notes.add(NoteRecord("n-3", "plain text", sid))  # type: ignore[arg-type]
    with pytest.raises(RecordNotFound):
        store.notes.replace_all_ciphertexts({"n-1": b"new-1", "missing": b"x"})
    assert store.notes.get("n-1").ciphertext == b"\x00cipher\xff"  # type: ignore[union-attr]
    store.notes.replace_all_ciphertexts({"n-1": b"new-1", "n-2": b"new-2"})
    assert {n.ciphertext for n in store.notes.all()} == {b"new-1", b"new-2"}
    later = datetime(2026, 3, 4, 19, 0, tzinfo=UTC)
    store.notes.update("n-2", b"edited", later)
    assert store.notes.get("n-2").updated_at == later  # type: ignore[union-attr]
    store.notes.delete("n-1")
    assert store.notes.get("n-1") is None


@pytest.mark.sqlite_only
def test_an_old_ciphertext_does_not_survive_in_the_file(store: Store) -> None:
    marker = b"OLD-CIPHERTEXT-MARKER-" * 20
    store.notes.add(NoteRecord("n-1", marker))
    store.notes.update("n-1", b"fresh", datetime.now(UTC))
    store.notes.delete("n-1")
    assert store.path is not None
    files = [store.path, store.path.with_name(store.path.name + "-wal")]
    for path in files:
        if path.exists():
            assert marker not in path.read_bytes(), path


def test_the_vault_header_is_created_once_then_replaced_whole(store: Store) -> None:
    assert store.vault_header.load() is None
    header = VaultHeader(
        "argon2id",
        {"time_cost": 3, "memory_cost": 65536},
        b"salt",
        b"wrapped",
        b"verifier",
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    with pytest.raises(VaultNotSetUp):  # a passphrase change needs a vault to change
        store.vault_header.save(header)
    store.vault_header.create(header)
    with pytest.raises(VaultAlreadySetUp):  # never a second vault, never replaced by a set-up
        store.vault_header.create(header)
    store.vault_header.save(header.__class__("argon2id", {"time_cost": 4}, b"s2", b"w2", b"v2"))
    loaded = store.vault_header.load()
    assert loaded is not None and loaded.salt == b"s2" and loaded.kdf_params == {"time_cost": 4}
