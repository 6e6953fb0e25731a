"""What the vault needs from the outside world, as narrow Protocols.

The store implements the two repositories (see STORE_API.md); tests use in-memory fakes. The
vault never imports the store, so the dependency points from the composition root downwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from circlekeeper.vault.header import NoteRecord, VaultHeader


class NoteRepository(Protocol):
    """Ciphertext-only storage of notes; plain text never reaches it."""

    def add(self, note: NoteRecord) -> None: ...

    def update(self, note_id: str, ciphertext: bytes, updated_at: datetime) -> None: ...

    def delete(self, note_id: str) -> None: ...

    def get(self, note_id: str) -> NoteRecord | None: ...

    def for_session(self, session_id: int) -> list[NoteRecord]: ...

    def for_person(self, person_id: int) -> list[NoteRecord]: ...

    def all(self) -> list[NoteRecord]: ...

    def replace_all_ciphertexts(self, pairs: dict[str, bytes]) -> None: ...

    def rekey(self, header: VaultHeader, pairs: dict[str, bytes]) -> None:
        """The new vault header and every note's new ciphertext, in one transaction."""
        ...


class VaultHeaderRepository(Protocol):
    """The facilitator's wrapped master key: ``create`` is atomic (``VaultAlreadySetUp`` when
    one exists), ``save`` replaces it in a single transaction."""

    def load(self) -> VaultHeader | None: ...

    def create(self, header: VaultHeader) -> None: ...

    def save(self, header: VaultHeader) -> None: ...


Sleep = Callable[[float], None]
WallClock = Callable[[], datetime]
