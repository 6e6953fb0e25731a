"""What the vault keeps on disk: never the key, only the key wrapped under the passphrase."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class VaultHeader:
    """Everything needed to unwrap the master key given the right passphrase.

    ``kdf_params`` are stored so they can be raised later; ``verifier`` is a small ciphertext
    under the passphrase-derived key that tells a wrong passphrase from damaged data.
    """

    kdf: str
    kdf_params: dict[str, int] = field(default_factory=dict)
    salt: bytes = b""
    wrapped_key: bytes = b""
    verifier: bytes = b""
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """A private note as the store holds it: opaque ciphertext plus metadata, no plain text.

    ``note_id`` is a UUID made before encryption, because it is bound into the ciphertext as
    associated data (a ciphertext moved to another row fails to decrypt).
    """

    note_id: str
    ciphertext: bytes
    session_id: int | None = None
    person_id: int | None = None
    elapsed: float | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
