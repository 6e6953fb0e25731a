"""Adding, editing, deleting, listing and searching notes through the service."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from circlekeeper.session.clock import FakeClock
from circlekeeper.vault import (
    Note,
    NoteNotFound,
    NoteRejected,
    NotesService,
    Vault,
    VaultLocked,
)
from tests.vault.conftest import PASSPHRASE
from tests.vault.fakes import MemoryNotes


class Wall:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def service(unlocked: Vault, repo: MemoryNotes) -> NotesService:
    return NotesService(unlocked, repo, wall=Wall())


def test_add_stores_ciphertext_only_and_returns_the_text(
    service: NotesService, repo: MemoryNotes
) -> None:
    note = service.add("  Follow up with Amal about housing  ", 7, person_id=3, elapsed=725.0)
    assert note.text == "Follow up with Amal about housing"
    assert (note.session_id, note.person_id, note.elapsed) == (7, 3, 725.0)
    stored = repo.rows[note.note_id]
    assert b"Amal" not in stored.ciphertext and b"housing" not in stored.ciphertext
    assert stored.created_at == note.created_at


def test_note_repr_never_shows_the_text(service: NotesService) -> None:
    note = service.add("MARKER-repr-7f3a", 1)
    assert "MARKER-repr-7f3a" not in repr(note)
    assert "MARKER-repr-7f3a" not in str(note)


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_notes_are_refused(service: NotesService, repo: MemoryNotes, text: str) -> None:
    with pytest.raises(NoteRejected, match="nothing was saved"):
        service.add(text, 1)
    assert repo.rows == {}


def test_absurdly_long_notes_are_refused_with_the_numbers(service: NotesService) -> None:
    with pytest.raises(NoteRejected, match="100,000"):
        service.add("a" * 100_001, 1)
    assert len(service.add("a" * 100_000, 1).text) == 100_000


def test_for_session_and_for_person_in_writing_order(service: NotesService) -> None:
    a = service.add("first in session 1", 1, person_id=10)
    b = service.add("second in session 1", 1)
    c = service.add("about 10 in session 2", 2, person_id=10)
    assert [n.note_id for n in service.for_session(1)] == [a.note_id, b.note_id]
    assert [n.note_id for n in service.for_person(10)] == [a.note_id, c.note_id]
    assert [n.text for n in service.for_session(2)] == ["about 10 in session 2"]


def test_edit_replaces_the_text_and_the_ciphertext(
    service: NotesService, repo: MemoryNotes
) -> None:
    note = service.add("draft", 1)
    old_blob = repo.rows[note.note_id].ciphertext
    edited = service.edit(note.note_id, "final wording 🌿")
    assert edited.text == "final wording 🌿"
    assert edited.updated_at is not None and edited.created_at is not None
    assert edited.updated_at > edited.created_at
    assert repo.rows[note.note_id].ciphertext != old_blob
    assert service.get(note.note_id).text == "final wording 🌿"


def test_edit_or_get_a_missing_note_says_so(service: NotesService) -> None:
    with pytest.raises(NoteNotFound):
        service.edit("no-such-id", "x")
    with pytest.raises(NoteNotFound):
        service.get("no-such-id")


def test_delete_removes_the_row(service: NotesService, repo: MemoryNotes) -> None:
    note = service.add("to go", 1)
    service.delete(note.note_id)
    assert repo.rows == {}
    assert service.for_session(1) == []


def test_search_is_case_insensitive_and_needs_every_word(service: NotesService) -> None:
    service.add("Amal mentioned the Food Bank", 1, person_id=1)
    service.add("Jonas: food for thought", 1, person_id=2)
    service.add("山田さん: 食べ物", 2, person_id=3)
    assert [n.text for n in service.search("food")] == [
        "Amal mentioned the Food Bank",
        "Jonas: food for thought",
    ]
    assert [n.text for n in service.search("FOOD bank")] == ["Amal mentioned the Food Bank"]
    assert [n.text for n in service.search("食べ物")] == ["山田さん: 食べ物"]
    assert [n.text for n in service.search("food", person_id=2)] == ["Jonas: food for thought"]
    assert service.search("food", session_id=2) == []
    assert len(service.search("   ")) == 3


def test_locked_vault_refuses_every_operation(
    service: NotesService, unlocked: Vault, repo: MemoryNotes
) -> None:
    note = service.add("kept safe", 1)
    unlocked.lock()
    for call in (
        lambda: service.add("new", 1),
        lambda: service.edit(note.note_id, "changed"),
        lambda: service.delete(note.note_id),
        lambda: service.for_session(1),
        lambda: service.for_person(1),
        lambda: service.search("kept"),
        lambda: service.get(note.note_id),
    ):
        with pytest.raises(VaultLocked):
            call()
    assert list(repo.rows) == [note.note_id]
    unlocked.unlock(PASSPHRASE)
    assert service.get(note.note_id).text == "kept safe"


def test_a_damaged_note_is_flagged_and_the_others_still_show(
    service: NotesService, repo: MemoryNotes
) -> None:
    good = service.add("readable", 1)
    bad = service.add("will be damaged", 1)
    record = repo.rows[bad.note_id]
    repo.rows[bad.note_id] = type(record)(
        **{**{f: getattr(record, f) for f in record.__slots__}, "ciphertext": b"\x01" + b"\0" * 40}
    )
    notes = service.for_session(1)
    assert [(n.note_id, n.damaged, n.text) for n in notes] == [
        (good.note_id, False, "readable"),
        (bad.note_id, True, ""),
    ]


def test_using_notes_keeps_the_vault_awake(
    service: NotesService, unlocked: Vault, clock: FakeClock
) -> None:
    for _ in range(3):
        clock.advance(10 * 60)
        service.add("still here", 1)
    assert unlocked.is_unlocked
    clock.advance(15 * 60)
    with pytest.raises(VaultLocked):
        service.for_session(1)


def test_logs_never_contain_note_text_or_passphrase(
    caplog: pytest.LogCaptureFixture, vault: Vault, repo: MemoryNotes
) -> None:
    marker = "MARKER-7f3a-log-91c2"
    caplog.set_level(logging.DEBUG)
    vault.create(PASSPHRASE)
    service = NotesService(vault, repo)
    note = service.add(f"{marker} first", 1, person_id=2, elapsed=5.0)
    service.edit(note.note_id, f"{marker} edited")
    service.search(marker)
    service.for_person(2)
    service.delete(note.note_id)
    vault.lock()
    with pytest.raises(Exception, match="not right"):
        vault.unlock(f"{marker} wrong")
    assert caplog.records, "the vault logs its events"
    for record in caplog.records:
        text = record.getMessage() + repr(record.args)
        assert marker not in text
        assert PASSPHRASE not in text


def test_note_is_a_plain_frozen_value() -> None:
    note = Note("id", "text")
    with pytest.raises(AttributeError):
        note.text = "changed"  # type: ignore[misc]
