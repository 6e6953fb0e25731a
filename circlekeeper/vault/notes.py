"""Private notes as the facilitator sees them: plain text, only in memory, only while unlocked.

Every write is sealed and handed to the repository at once (the store commits before it
returns), so a crash after Enter loses no note. Reads decrypt on demand and keep nothing: once
the vault locks, the next read raises :class:`VaultLocked` and no plain text is cached here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from circlekeeper.i18n import _
from circlekeeper.vault.errors import NoteNotFound, NoteRejected, VaultDamaged
from circlekeeper.vault.header import NoteRecord
from circlekeeper.vault.ports import NoteRepository, WallClock
from circlekeeper.vault.vault import Vault

log = logging.getLogger(__name__)

MAX_NOTE_CHARS = 100_000
"""About thirty pages: far beyond a quick note, short of anything pasted by accident."""


@dataclass(frozen=True, slots=True)
class Note:
    """A decrypted note. ``text`` is left out of ``repr`` so it cannot slip into a log line."""

    note_id: str
    text: str = field(repr=False)
    session_id: int | None = None
    person_id: int | None = None
    elapsed: float | None = None
    """Seconds into the session (its monotonic clock) when the note was written."""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    damaged: bool = False
    """The stored ciphertext failed authentication; ``text`` is empty."""


class NotesService:
    """Add, edit, delete, list and search notes through the vault."""

    def __init__(
        self, vault: Vault, notes: NoteRepository, *, wall: WallClock | None = None
    ) -> None:
        self._vault = vault
        self._notes = notes
        self._wall = wall or (lambda: datetime.now(UTC))

    @property
    def vault(self) -> Vault:
        return self._vault

    def add(
        self,
        text: str,
        session_id: int | None = None,
        person_id: int | None = None,
        elapsed: float | None = None,
    ) -> Note:
        """Seal and store a note now; returns it as the facilitator wrote it (trimmed)."""
        clean = _checked(text)
        now = self._wall()
        unsealed = NoteRecord(
            note_id=str(uuid.uuid4()),
            ciphertext=b"",
            session_id=session_id,
            person_id=person_id,
            elapsed=elapsed,
            created_at=now,
            updated_at=now,
        )
        # Sealed for exactly this place: its id, session, person and creation time.
        record = replace(
            unsealed, ciphertext=self._vault.encrypt(clean, unsealed.note_id, unsealed)
        )
        note_id = record.note_id
        self._notes.add(record)
        self._vault.touch()
        log.info("Private note %s saved (session %s)", note_id, session_id)
        return _note(record, clean)

    def edit(self, note_id: str, text: str) -> Note:
        clean = _checked(text)
        self._vault.require_unlocked()
        record = self._notes.get(note_id)
        if record is None:
            raise NoteNotFound()
        ciphertext = self._vault.encrypt(clean, note_id, record)
        now = self._wall()
        self._notes.update(note_id, ciphertext, now)
        self._vault.touch()
        log.info("Private note %s edited", note_id)
        return _note(record, clean, updated_at=now)

    def delete(self, note_id: str) -> None:
        """Delete for good (the store's secure delete leaves no old bytes behind)."""
        self._vault.require_unlocked()
        self._vault.touch()
        self._notes.delete(note_id)
        log.info("Private note %s deleted", note_id)

    def get(self, note_id: str) -> Note:
        self._vault.require_unlocked()
        record = self._notes.get(note_id)
        if record is None:
            raise NoteNotFound()
        return self._open(record)

    def for_session(self, session_id: int) -> list[Note]:
        """A session's notes in the order they were written during it."""
        return self._open_all(self._notes.for_session(session_id))

    def for_person(self, person_id: int) -> list[Note]:
        """Everything noted about one person, across sessions, oldest first."""
        return self._open_all(self._notes.for_person(person_id))

    def all(self) -> list[Note]:
        return self._open_all(self._notes.all())

    def search(
        self,
        query: str,
        *,
        session_id: int | None = None,
        person_id: int | None = None,
    ) -> list[Note]:
        """Case-insensitive search inside the decrypted notes, in memory only.

        Plain text is never indexed or stored, so a search decrypts the candidates each time;
        with AES-GCM that is a few milliseconds for thousands of notes.
        """
        if session_id is not None:
            notes = self.for_session(session_id)
        elif person_id is not None:
            notes = self.for_person(person_id)
        else:
            notes = self.all()
        if person_id is not None and session_id is not None:
            notes = [n for n in notes if n.person_id == person_id]
        return matching(notes, query)

    # ------------------------------------------------------------ internals

    def _open_all(self, records: Iterable[NoteRecord]) -> list[Note]:
        # Checked before touching: a vault past its idle time must lock, not be woken up.
        self._vault.require_unlocked()
        self._vault.touch()
        notes = [self._open(r) for r in records]
        notes.sort(key=_order)
        return notes

    def _open(self, record: NoteRecord) -> Note:
        try:
            text = self._vault.decrypt(record.ciphertext, record.note_id, record)
        except VaultDamaged:
            log.error("Private note %s could not be decrypted (damaged)", record.note_id)
            return _note(record, "", damaged=True)
        return _note(record, text)


def matching(notes: Iterable[Note], query: str) -> list[Note]:
    """Notes containing every word of ``query`` (case-insensitive); all of them when empty."""
    terms = query.casefold().split()
    return [n for n in notes if all(t in n.text.casefold() for t in terms)]


def _checked(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise NoteRejected(_("A note needs some text; nothing was saved."))
    if len(clean) > MAX_NOTE_CHARS:
        from circlekeeper.i18n.formats import format_number

        raise NoteRejected(
            _(
                "A note can hold up to {limit} characters; this one has {length}. Split it into"
                " several notes."
            ).format(limit=format_number(MAX_NOTE_CHARS), length=format_number(len(clean)))
        )
    return clean


def _note(
    record: NoteRecord,
    text: str,
    *,
    updated_at: datetime | None = None,
    damaged: bool = False,
) -> Note:
    return Note(
        note_id=record.note_id,
        text=text,
        session_id=record.session_id,
        person_id=record.person_id,
        elapsed=record.elapsed,
        created_at=record.created_at,
        updated_at=updated_at or record.updated_at,
        damaged=damaged,
    )


def _order(note: Note) -> tuple[float, float, str]:
    created = note.created_at.timestamp() if note.created_at else 0.0
    return (created, note.elapsed or 0.0, note.note_id)
