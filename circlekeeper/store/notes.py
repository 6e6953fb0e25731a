"""Private notes as opaque ciphertext: plain text never reaches this layer.

After a note changes or goes, the WAL is checkpointed and truncated; with ``secure_delete=ON``
SQLite zeroes freed pages, so an old ciphertext does not survive in the file. A deleted note
is also deleted from every backup, and a re-key removes the old header and notes from them
(``backup_purge.py``).
"""

from __future__ import annotations

import builtins
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, Select, delete, select, update
from sqlalchemy.orm import Session

from circlekeeper.i18n import _
from circlekeeper.store.backup_purge import purge_notes_from_backups
from circlekeeper.store.changed import rows_changed
from circlekeeper.store.errors import RecordNotFound
from circlekeeper.store.models import NoteRow, VaultHeaderRow
from circlekeeper.store.vault_header import header_columns
from circlekeeper.store.wal import checkpoint
from circlekeeper.vault.header import NoteRecord, VaultHeader


class NoteRepository:
    """One facilitator's notes: every query is limited to ``owner`` (on PostgreSQL the
    server's row-level security enforces the same, whatever the app asks)."""

    def __init__(self, engine: Engine, owner: str, path: Path | None = None) -> None:
        """``path``: the SQLite file whose backups must forget deleted notes too."""
        self._engine = engine
        self.owner = owner
        self._path = path

    def add(self, note: NoteRecord) -> None:
        _require_bytes(note.ciphertext)
        with Session(self._engine) as s, s.begin():
            s.add(
                NoteRow(
                    id=note.note_id,
                    session_id=note.session_id,
                    person_id=note.person_id,
                    elapsed=note.elapsed,
                    ciphertext=bytes(note.ciphertext),
                    created_at=note.created_at,
                    updated_at=note.updated_at,
                    owner=self.owner,
                )
            )

    def update(self, note_id: str, ciphertext: bytes, updated_at: datetime) -> None:
        _require_bytes(ciphertext)
        with Session(self._engine) as s, s.begin():
            row = _row(s, note_id, self.owner)
            row.ciphertext = bytes(ciphertext)
            row.updated_at = updated_at
        checkpoint(self._engine)

    def delete(self, note_id: str) -> None:
        """Delete for good: from the database and from every backup of it."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(NoteRow).where(NoteRow.id == note_id, NoteRow.owner == self.owner))
        checkpoint(self._engine)
        if self._path is not None:
            purge_notes_from_backups(self._path, self.owner, [note_id])

    def get(self, note_id: str) -> NoteRecord | None:
        with Session(self._engine) as s:
            row = s.get(NoteRow, note_id)
            return None if row is None or row.owner != self.owner else _record(row)

    def for_session(self, session_id: int) -> builtins.list[NoteRecord]:
        return self._query(select(NoteRow).where(NoteRow.session_id == session_id))

    def for_person(self, person_id: int) -> builtins.list[NoteRecord]:
        return self._query(select(NoteRow).where(NoteRow.person_id == person_id))

    def all(self) -> builtins.list[NoteRecord]:
        return self._query(select(NoteRow))

    def replace_all_ciphertexts(self, pairs: dict[str, bytes]) -> None:
        """Swap every listed note's ciphertext in one transaction (re-encryption): all or none."""
        for ciphertext in pairs.values():
            _require_bytes(ciphertext)
        with Session(self._engine) as s, s.begin():
            for note_id, ciphertext in pairs.items():
                _row(s, note_id, self.owner).ciphertext = bytes(ciphertext)
        checkpoint(self._engine)

    def rekey(self, header: VaultHeader, pairs: dict[str, bytes]) -> None:
        """A re-key: the owner's new vault header and every re-sealed note, one transaction."""
        for ciphertext in pairs.values():
            _require_bytes(ciphertext)
        with Session(self._engine) as s, s.begin():
            changed = rows_changed(
                s.execute(
                    update(VaultHeaderRow)
                    .where(VaultHeaderRow.owner == self.owner)
                    .values(**header_columns(header))
                )
            )
            if changed != 1:
                raise RecordNotFound(_("There is no vault to re-key."))
            for note_id, ciphertext in pairs.items():
                _row(s, note_id, self.owner).ciphertext = bytes(ciphertext)
        checkpoint(self._engine)
        if self._path is not None:  # the old header would open the old notes in backups
            purge_notes_from_backups(self._path, self.owner)

    def _query(self, query: Select[NoteRow]) -> builtins.list[NoteRecord]:
        with Session(self._engine) as s:
            rows = s.scalars(
                query.where(NoteRow.owner == self.owner).order_by(NoteRow.created_at, NoteRow.id)
            )
            return [_record(row) for row in rows]


def _require_bytes(value: object) -> None:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError("the store keeps notes only as ciphertext bytes")


def _row(s: Session, note_id: str, owner: str) -> NoteRow:
    row = s.get(NoteRow, note_id)
    if row is None or row.owner != owner:
        raise RecordNotFound(_("There is no private note with id {id}.").format(id=note_id))
    return row


def _record(row: NoteRow) -> NoteRecord:
    return NoteRecord(
        note_id=row.id,
        ciphertext=bytes(row.ciphertext),
        session_id=row.session_id,
        person_id=row.person_id,
        elapsed=row.elapsed,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
