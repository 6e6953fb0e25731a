"""AES-256-GCM sealing with a fresh nonce per message and a purpose-bound associated data.

Layout of every sealed blob: ``version (1 byte) | nonce (12 bytes) | ciphertext + tag``. The
version byte lets the format change later without guessing. Associated data binds a blob to
where it belongs (a note's id, or "the master key"), so a blob copied elsewhere fails.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_V1 = 1
NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES


class SealBroken(Exception):
    """Internal: a blob failed authentication (wrong key, damaged, or moved)."""


def seal(key: bytes | bytearray, plaintext: bytes | bytearray, associated: bytes) -> bytes:
    # A new AESGCM per call: it keeps its own copy of the key, and a short-lived object means
    # that copy is freed at once instead of outliving a lock().
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, plaintext, associated)
    return bytes([FORMAT_V1]) + nonce + body


def open_sealed(key: bytes | bytearray, blob: bytes, associated: bytes) -> bytes:
    if len(blob) < OVERHEAD or blob[0] != FORMAT_V1:
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


MASTER_KEY_AD = b"circlekeeper/master-key/v1"
