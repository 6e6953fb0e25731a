"""Raw-byte proof that note text never reaches disk, on a real SQLite store.

A unique marker is written into notes; the database file, its ``-wal`` and ``-journal``, the
backups and a DEBUG log file are then searched byte by byte (UTF-8, UTF-16, UTF-32). Edited
and deleted notes must also leave no old ciphertext behind once the store has checkpointed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import Store, open_store
from circlekeeper.store.records import CircleRecord
from circlekeeper.vault import NotesService, Vault, fast_settings
from tests.vault.leaks import assert_no_marker, contains_marker

MARKER = "MARKER-7f3a9c1e-d2b4"
PASSPHRASE = "PASSPHRASE-51be-quiet-lake"
PLAN = (RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you?"),)


class Place:
    def __init__(
        self, store: Store, vault: Vault, service: NotesService, session_id: int, person_id: int
    ) -> None:
        self.store = store
        self.vault = vault
        self.service = service
        self.session_id = session_id
        self.person_id = person_id

    @property
    def db(self) -> Path:
        assert self.store.path is not None
        return self.store.path

    def files(self) -> list[Path]:
        """The database and every companion file SQLite may write next to it."""
        return [
            self.db,
            *(self.db.with_name(self.db.name + s) for s in ("-wal", "-journal", "-shm")),
        ]

    def raw(self) -> bytes:
        return b"".join(p.read_bytes() for p in self.files() if p.exists())


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Everything logged at DEBUG (SQLAlchemy's SQL and parameters included) goes to a file."""
    path = tmp_path / "circlekeeper.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine_log = logging.getLogger("sqlalchemy.engine")
    engine_level = engine_log.level
    engine_log.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        engine_log.setLevel(engine_level)
        handler.close()


@pytest.fixture
def place(tmp_path: Path, log_file: Path) -> Iterator[Place]:
    store = open_store(tmp_path / "data" / "circlekeeper.sqlite3")
    try:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday evening"))
        person = store.people.add("Amal", "she/her", circle_ids=(circle_id,))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=PLAN,
            started_at=datetime(2026, 11, 25, 18, 0, tzinfo=UTC),
            timezone="Europe/Berlin",
            people=(person.person_id,),
        )
        vault = Vault(store.vault_header, kdf=fast_settings())
        vault.create(PASSPHRASE)
        yield Place(store, vault, NotesService(vault, store.notes), session_id, person.person_id)
    finally:
        store.close()


def test_the_check_itself_finds_a_marker_in_any_encoding() -> None:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"):
        assert contains_marker(b"xx" + MARKER.encode(encoding) + b"yy", MARKER)
    with pytest.raises(AssertionError):
        assert_no_marker(b"..." + MARKER.encode() + b"...", MARKER)


def test_notes_reach_the_database_as_ciphertext_only(place: Place, log_file: Path) -> None:
    notes = [
        place.service.add(f"{MARKER} about Amal", place.session_id, place.person_id, 65.0),
        place.service.add(f"{MARKER} שלום 山田 🌿", place.session_id, None, 300.0),
        place.service.add(f"{MARKER} " + "long " * 2000, place.session_id, None, 400.0),
    ]
    raw = place.raw()
    # Positive control: the stored ciphertexts are in these very files (a long one spills
    # onto overflow pages, so only its first bytes are contiguous).
    for note in notes:
        record = place.store.notes.get(note.note_id)
        assert record is not None and record.ciphertext[:64] in raw
    assert not contains_marker(raw, MARKER)
    assert not contains_marker(raw, PASSPHRASE)
    assert not contains_marker(raw, "about Amal")
    assert all(n.text.startswith(MARKER) for n in place.service.for_session(place.session_id))
    assert_no_marker(log_file, MARKER)
    assert_no_marker(log_file, PASSPHRASE)


def test_the_master_key_is_never_written(place: Place) -> None:
    key = bytes(place.vault._key or b"")
    assert len(key) == 32
    place.service.add(f"{MARKER} x", place.session_id)
    place.store.close()
    for path in place.files():
        if path.exists():
            assert key not in path.read_bytes()


def test_backups_hold_no_plain_text(place: Place) -> None:
    place.service.add(f"{MARKER} before the backup", place.session_id, place.person_id, 12.0)
    backup = place.store.backups.backup("leak-test")
    assert backup.exists()
    assert_no_marker(backup.parent, MARKER)
    assert_no_marker(backup.parent, PASSPHRASE)


def test_after_close_nothing_on_disk_has_the_marker(place: Place, tmp_path: Path) -> None:
    place.service.add(f"{MARKER} closing", place.session_id)
    place.store.close()
    assert_no_marker(tmp_path / "data", MARKER)


def test_an_edited_note_leaves_no_old_ciphertext_behind(place: Place) -> None:
    note = place.service.add(f"{MARKER} first wording", place.session_id, place.person_id, 5.0)
    old = place.store.notes.get(note.note_id)
    assert old is not None and old.ciphertext in place.raw()
    place.service.edit(note.note_id, f"{MARKER} second wording")
    new = place.store.notes.get(note.note_id)
    assert new is not None and new.ciphertext in place.raw()
    raw = place.raw()
    assert old.ciphertext not in raw
    assert old.ciphertext[1:13] not in raw  # not even its nonce
    assert old.ciphertext[-16:] not in raw  # nor its tag
    assert not contains_marker(raw, MARKER)


def test_a_deleted_note_leaves_no_ciphertext_behind(place: Place) -> None:
    keep = place.service.add(f"{MARKER} stays", place.session_id)
    gone = place.service.add(f"{MARKER} goes", place.session_id)
    blob = place.store.notes.get(gone.note_id).ciphertext  # type: ignore[union-attr]
    place.service.delete(gone.note_id)
    raw = place.raw()
    assert blob not in raw and blob[1:13] not in raw and blob[-16:] not in raw
    assert place.store.notes.get(keep.note_id).ciphertext in raw  # type: ignore[union-attr]
    assert [n.note_id for n in place.service.for_session(place.session_id)] == [keep.note_id]


def test_deleting_a_session_takes_its_notes_and_their_bytes(place: Place) -> None:
    note = place.service.add(f"{MARKER} in a session", place.session_id)
    blob = place.store.notes.get(note.note_id).ciphertext  # type: ignore[union-attr]
    place.store.sessions.delete(place.session_id)
    assert place.store.notes.get(note.note_id) is None
    place.store.close()
    raw = b"".join(p.read_bytes() for p in place.files() if p.exists())
    assert blob not in raw and blob[1:13] not in raw


def test_deleting_a_session_takes_its_notes_out_of_the_backups_too(place: Place) -> None:
    """As a deleted note goes (docs/vault.md): a session's notes do not live on in the
    backups made while they were there."""
    note = place.service.add(f"{MARKER} kept in a backup", place.session_id)
    blob = place.store.notes.get(note.note_id).ciphertext  # type: ignore[union-attr]
    backup = place.store.backups.backup("manual")
    assert blob in backup.read_bytes()
    place.store.sessions.delete(place.session_id)
    held = backup.read_bytes()
    assert blob not in held and blob[1:13] not in held and blob[-16:] not in held


def test_change_passphrase_on_sqlite_keeps_notes_readable(place: Place) -> None:
    note = place.service.add(f"{MARKER} survives", place.session_id)
    old_header = place.store.vault_header.load()
    place.vault.change_passphrase(PASSPHRASE, "a different passphrase entirely")
    assert old_header is not None
    assert old_header.wrapped_key not in place.raw()
    fresh = Vault(place.store.vault_header, kdf=fast_settings())
    fresh.unlock("a different passphrase entirely")
    assert NotesService(fresh, place.store.notes).get(note.note_id).text == f"{MARKER} survives"


def test_unlocking_from_the_store_in_a_new_process_state(place: Place, tmp_path: Path) -> None:
    note = place.service.add(f"{MARKER} reopen", place.session_id)
    place.store.close()
    store = open_store(tmp_path / "data" / "circlekeeper.sqlite3")
    try:
        vault = Vault(store.vault_header, kdf=fast_settings())
        assert vault.is_set_up and not vault.is_unlocked
        vault.unlock(PASSPHRASE)
        assert NotesService(vault, store.notes).get(note.note_id).text == f"{MARKER} reopen"
    finally:
        store.close()
