"""Notes are bound to where they belong, a passphrase change is a real re-key, and the
backups forget what the app says is gone (issue #15), on a real SQLite file and its backups.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from circlekeeper.store import CircleRecord, Store, open_store
from circlekeeper.store.models import NoteRow
from circlekeeper.vault import NotesService, Vault, fast_settings
from circlekeeper.vault.cipher import FORMAT_V1, FORMAT_V2
from circlekeeper.vault.errors import VaultDamaged, WrongPassphrase
from circlekeeper.vault.header import NoteRecord
from circlekeeper.vault.notes import Note
from tests.vault.fakes import MemoryHeaders, MemoryNotes

OLD = "the passphrase we used to share"
NEW = "a new passphrase nobody else knows"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data" / "circlekeeper.sqlite3") as opened:
        yield opened


def people_and_session(store: Store) -> tuple[int, int, int]:
    circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
    ana = store.people.add("Ana", circle_ids=[circle_id]).person_id
    bo = store.people.add("Bo", circle_ids=[circle_id]).person_id
    session_id = store.sessions.create(
        circle_id,
        facilitators=("Robin",),
        plan=(),
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=(ana, bo),
    )
    return ana, bo, session_id


def service(store: Store) -> NotesService:
    vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None, notes=store.notes)
    return NotesService(vault, store.notes)


def move(store: Store, note_id: str, **values: object) -> None:
    """What someone with write access to the database file could do: re-point a note."""
    with Session(store.engine) as s, s.begin():
        s.execute(update(NoteRow).where(NoteRow.id == note_id).values(**values))


@pytest.mark.parametrize(
    "change",
    ["person", "session", "created_at"],
)
def test_a_note_moved_to_another_person_session_or_time_no_longer_opens(
    store: Store, change: str
) -> None:
    ana, bo, session_id = people_and_session(store)
    other_session = store.sessions.create(
        store.sessions.get(session_id).circle_id,
        facilitators=("Robin",),
        plan=(),
        started_at=datetime.now(UTC),
        timezone="UTC",
        people=(),
    )
    notes = service(store)
    notes.vault.create(OLD)
    note = notes.add("Ana spoke about her brother", session_id=session_id, person_id=ana)
    assert store.notes.get(note.note_id).ciphertext[0] == FORMAT_V2  # type: ignore[union-attr]
    assert store.notes.get(note.note_id) is not None
    values = {
        "person": {"person_id": bo},
        "session": {"session_id": other_session},
        "created_at": {"created_at": note.created_at - timedelta(days=30)},  # type: ignore[operator]
    }[change]
    move(store, note.note_id, **values)
    (shown,) = notes.all()
    assert shown.damaged and shown.text == ""


def test_notes_sealed_the_old_way_are_rebound_at_unlock_and_then_cannot_move(
    store: Store,
) -> None:
    ana, bo, session_id = people_and_session(store)
    notes = service(store)
    notes.vault.create(OLD)
    old_style = NoteRecord(
        "legacy-1", b"", session_id, ana, 3.0, datetime.now(UTC), datetime.now(UTC)
    )
    blob = notes.vault.encrypt("written before version 2", old_style.note_id)  # id-only AD
    assert blob[0] == FORMAT_V1
    store.notes.add(replace(old_style, ciphertext=blob))
    notes.vault.lock()
    notes.vault.unlock(OLD)
    stored = store.notes.get("legacy-1")
    assert stored is not None and stored.ciphertext[0] == FORMAT_V2
    assert [n.text for n in notes.all()] == ["written before version 2"]
    move(store, "legacy-1", person_id=bo)
    assert notes.all()[0].damaged


def test_a_new_passphrase_is_a_new_key_and_old_headers_open_nothing_new(store: Store) -> None:
    ana, _bo, session_id = people_and_session(store)
    notes = service(store)
    notes.vault.create(OLD)
    before = notes.add("before the change", session_id=session_id, person_id=ana)
    old_header = store.vault_header.load()
    old_blob = store.notes.get(before.note_id).ciphertext  # type: ignore[union-attr]
    notes.vault.change_passphrase(OLD, NEW)
    after = notes.add("after the change", session_id=session_id, person_id=ana)
    assert store.notes.get(before.note_id).ciphertext != old_blob  # type: ignore[union-attr]
    assert sorted(n.text for n in notes.all()) == ["after the change", "before the change"]
    # Someone who kept the old header (an old backup) and knows the old passphrase:
    stale = Vault(MemoryHeaders(old_header), kdf=fast_settings(), idle_minutes=None)
    stale.unlock(OLD)
    for note in (before, after):
        record = store.notes.get(note.note_id)
        assert record is not None
        with pytest.raises(VaultDamaged):
            stale.decrypt(record.ciphertext, record.note_id, record)
    notes.vault.lock()
    with pytest.raises(WrongPassphrase):
        notes.vault.unlock(OLD)


def test_a_re_key_that_fails_half_way_keeps_the_old_key_and_notes() -> None:
    headers = MemoryHeaders()
    repo = MemoryNotes(headers=headers)
    vault = Vault(headers, kdf=fast_settings(), idle_minutes=None, notes=repo)
    notes = NotesService(vault, repo)
    vault.create(OLD)
    kept = notes.add("still here", session_id=1, person_id=2)
    headers.fail_next_save = True
    with pytest.raises(OSError):
        vault.change_passphrase(OLD, NEW)
    fresh = NotesService(Vault(headers, kdf=fast_settings(), idle_minutes=None, notes=repo), repo)
    fresh.vault.unlock(OLD)
    assert [n.text for n in fresh.all()] == [kept.text]


def backup_rows(store: Store, table: str) -> list[int]:
    counts = []
    for backup in store.backups.list():
        with sqlite3.connect(backup) as connection:
            counts.append(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return counts


def one_to_delete_one_to_keep(store: Store) -> tuple[NotesService, Note, bytes]:
    """Two notes under ``OLD``: the one to delete, and its ciphertext as it sits on disk."""
    ana, _bo, session_id = people_and_session(store)
    notes = service(store)
    notes.vault.create(OLD)
    gone = notes.add("to be deleted", session_id=session_id, person_id=ana)
    notes.add("to be kept", session_id=session_id, person_id=ana)
    gone_blob = store.notes.get(gone.note_id).ciphertext  # type: ignore[union-attr]
    return notes, gone, gone_blob


def test_backups_forget_deleted_notes_and_old_vault_headers(store: Store) -> None:
    notes, gone, gone_blob = one_to_delete_one_to_keep(store)
    store.backups.backup("manual")
    store.backups.backup("before-migration")
    assert backup_rows(store, "notes") == [2, 2, 0]  # and the day's, made before any note
    assert backup_rows(store, "vault_header") == [1, 1, 0]
    notes.delete(gone.note_id)
    assert backup_rows(store, "notes") == [1, 1, 0]
    for backup in store.backups.list():
        assert gone_blob not in backup.read_bytes()  # zeroed, not just unlinked
    notes.vault.change_passphrase(OLD, NEW)
    assert backup_rows(store, "vault_header") == [0, 0, 0]
    assert backup_rows(store, "notes") == [0, 0, 0]
    assert [n.text for n in notes.all()] == ["to be kept"]  # the database keeps them all


def test_copies_a_restore_kept_aside_forget_deleted_notes_too(store: Store) -> None:
    """A restore moves the current data aside as ``<db>.replaced-<time>``, a whole copy with
    every note in it; deleting a note, or changing the passphrase, left it there, readable
    with the old passphrase by anyone who opened that file."""
    from circlekeeper.store.backups import copy_database
    from circlekeeper.store.restoring import KEPT_ASIDE

    notes, gone, gone_blob = one_to_delete_one_to_keep(store)
    aside = store.path.with_name(f"{store.path.name}{KEPT_ASIDE}20261202T180000Z")
    copy_database(store.path, aside)

    def rows(table: str) -> int:
        with sqlite3.connect(aside) as connection:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    assert rows("notes") == 2
    notes.delete(gone.note_id)
    assert rows("notes") == 1
    assert gone_blob not in aside.read_bytes()  # zeroed, not just unlinked
    notes.vault.change_passphrase(OLD, NEW)
    assert (rows("notes"), rows("vault_header")) == (0, 0)
