"""Notes sealed again: under their binding (version 1 → 2) or under a new master key.

A note is sealed with the master key and bound to where it belongs (its id, session, person
and creation time, :func:`circlekeeper.vault.cipher.note_binding`). Two things seal notes
again: unlocking a vault that still holds version 1 notes (bound to their id only), and a
passphrase change, which is a real re-key. Both open each note and seal it anew; a note that
does not open is left as it is (shown as damaged), so nothing readable is lost and nothing
unreadable is made to look valid.
"""

from __future__ import annotations

import logging

from circlekeeper.vault.cipher import (
    FORMAT_V1,
    FORMAT_V2,
    SealBroken,
    blob_version,
    note_associated_data,
    note_binding,
    open_sealed,
    seal,
)
from circlekeeper.vault.header import NoteRecord
from circlekeeper.vault.key_wrap import zero
from circlekeeper.vault.ports import NoteRepository

log = logging.getLogger(__name__)


def binding(record: NoteRecord) -> bytes:
    """The version 2 associated data of a note: where it belongs and when it was written."""
    return note_binding(record.note_id, record.session_id, record.person_id, record.created_at)


def reseal(old: bytearray, new: bytearray, record: NoteRecord) -> bytes:
    """Open a note under ``old`` (either version) and seal it as version 2 under ``new``."""
    blob = bytes(record.ciphertext)
    if blob_version(blob) == FORMAT_V1:
        associated = note_associated_data(record.note_id)
    else:
        associated = binding(record)
    plain = bytearray(open_sealed(old, blob, associated))
    try:
        return seal(new, plain, binding(record), FORMAT_V2)
    finally:
        zero(plain)


def resealed_under(notes: NoteRepository, old: bytearray, new: bytearray) -> dict[str, bytes]:
    """Every note that opens under ``old``, sealed as version 2 under ``new``, by note id."""
    pairs: dict[str, bytes] = {}
    for record in notes.all():
        try:
            pairs[record.note_id] = reseal(old, new, record)
        except SealBroken:  # unreadable before, unreadable after: left as it is
            log.error("Private note %s is damaged; not re-sealed", record.note_id)
    return pairs


def reseal_legacy_notes(notes: NoteRepository, key: bytearray) -> None:
    """Re-seal version 1 notes (bound to their id only) as version 2, in one transaction."""
    pairs: dict[str, bytes] = {}
    for record in notes.all():
        if blob_version(record.ciphertext) != FORMAT_V1:
            continue
        try:
            pairs[record.note_id] = reseal(key, key, record)
        except SealBroken:
            log.error("Private note %s could not be re-sealed (damaged)", record.note_id)
    if pairs:
        notes.replace_all_ciphertexts(pairs)
        log.info("Private notes: %d notes re-sealed with their session and person", len(pairs))
