"""In-memory stand-ins for the store's note and vault-header repositories.

They follow STORE_API.md closely enough for the vault's logic (ordering, one-transaction
header save); leak tests that need real bytes on disk use the SQLite store instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from circlekeeper.vault.header import NoteRecord, VaultHeader


@dataclass
class MemoryHeaders:
    header: VaultHeader | None = None
    saves: int = 0
    fail_next_save: bool = False

    def load(self) -> VaultHeader | None:
        return self.header

    def create(self, header: VaultHeader) -> None:
        from circlekeeper.vault.errors import VaultAlreadySetUp

        if self.header is not None:
            raise VaultAlreadySetUp()
        self.save(header)

    def save(self, header: VaultHeader) -> None:
        if self.fail_next_save:
            self.fail_next_save = False
            raise OSError("the power went out half-way")  # the transaction rolls back
        self.header = header
        self.saves += 1


@dataclass
class MemoryNotes:
    rows: dict[str, NoteRecord] = field(default_factory=dict)

    def add(self, note: NoteRecord) -> None:
        if note.note_id in self.rows:
            raise ValueError("duplicate note id")
        self.rows[note.note_id] = note

    def update(self, note_id: str, ciphertext: bytes, updated_at: datetime) -> None:
        self.rows[note_id] = replace(
            self.rows[note_id], ciphertext=ciphertext, updated_at=updated_at
        )

    def delete(self, note_id: str) -> None:
        self.rows.pop(note_id, None)

    def get(self, note_id: str) -> NoteRecord | None:
        return self.rows.get(note_id)

    def for_session(self, session_id: int) -> list[NoteRecord]:
        return [r for r in self.rows.values() if r.session_id == session_id]

    def for_person(self, person_id: int) -> list[NoteRecord]:
        return [r for r in self.rows.values() if r.person_id == person_id]

    def all(self) -> list[NoteRecord]:
        return list(self.rows.values())

    def replace_all_ciphertexts(self, pairs: dict[str, bytes]) -> None:
        for note_id, blob in pairs.items():
            self.rows[note_id] = replace(self.rows[note_id], ciphertext=blob)

    headers: MemoryHeaders | None = None
    """Set by tests of a re-key: the header the same "transaction" replaces."""

    def rekey(self, header: VaultHeader, pairs: dict[str, bytes]) -> None:
        assert self.headers is not None, "a re-key needs the headers it replaces"
        self.headers.save(header)  # may fail (fail_next_save): then no note changes either
        self.replace_all_ciphertexts(pairs)
