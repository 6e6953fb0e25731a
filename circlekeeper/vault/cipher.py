"""AES-256-GCM sealing with a fresh nonce per message and a purpose-bound associated data.

Layout of every sealed blob: ``version (1 byte) | nonce (12 bytes) | ciphertext + tag``. The
version byte says which associated data the blob was sealed with, so the format can change
without guessing. Associated data binds a blob to where it belongs, so a blob copied or moved
elsewhere fails to open:

- version 1 (notes written before 2026-12): the note's id only;
- version 2: the note's id, session, person and creation time (:func:`note_binding`), so a
  note moved to another person or session, or back-dated, fails too. Version 1 notes are
  re-sealed as version 2 the first time their vault is unlocked.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_V1 = 1
FORMAT_V2 = 2
FORMATS = (FORMAT_V1, FORMAT_V2)
NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES


class SealBroken(Exception):
    """Internal: a blob failed authentication (wrong key, damaged, or moved)."""


def seal(
    key: bytes | bytearray,
    plaintext: bytes | bytearray,
    associated: bytes,
    version: int = FORMAT_V1,
) -> bytes:
    # A new AESGCM per call: it keeps its own copy of the key, and a short-lived object means
    # that copy is freed at once instead of outliving a lock().
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, plaintext, associated)
    return bytes([version]) + nonce + body


def blob_version(blob: bytes) -> int | None:
    return blob[0] if blob and blob[0] in FORMATS else None


def open_sealed(key: bytes | bytearray, blob: bytes, associated: bytes) -> bytes:
    if len(blob) < OVERHEAD or blob[0] not in FORMATS:
        raise SealBroken("unknown format")
    nonce = blob[1 : 1 + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, blob[1 + NONCE_BYTES :], associated)
    except InvalidTag as error:
        raise SealBroken("authentication failed") from error


def open_sealed_into(
    key: bytes | bytearray, blob: bytes, associated: bytes, out: bytearray
) -> None:
    """Like :func:`open_sealed`, writing into ``out`` so a secret can be zeroed later."""
    if len(blob) != OVERHEAD + len(out) or blob[0] != FORMAT_V1:
        raise SealBroken("unknown format or length")
    nonce = blob[1 : 1 + NONCE_BYTES]
    aead = AESGCM(key)
    try:
        if hasattr(aead, "decrypt_into"):  # cryptography ≥ 46
            aead.decrypt_into(nonce, blob[1 + NONCE_BYTES :], associated, out)
        else:  # pragma: no cover - older cryptography
            out[:] = aead.decrypt(nonce, blob[1 + NONCE_BYTES :], associated)
    except InvalidTag as error:
        raise SealBroken("authentication failed") from error


def note_associated_data(note_id: str) -> bytes:
    return b"circlekeeper/note/v1:" + note_id.encode("utf-8")


def note_binding(
    note_id: str, session_id: int | None, person_id: int | None, created_at: datetime | None
) -> bytes:
    """Version 2 associated data: where the note belongs and when it was written.

    A canonical, unambiguous encoding (JSON of fixed fields; the time as UTC microseconds)
    so the same note always gives the same bytes, on SQLite and on PostgreSQL.
    """
    moment = created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") if created_at else None
    fields = [note_id, session_id, person_id, moment]
    return b"circlekeeper/note/v2:" + json.dumps(fields, separators=(",", ":")).encode()


MASTER_KEY_AD = b"circlekeeper/master-key/v1"
