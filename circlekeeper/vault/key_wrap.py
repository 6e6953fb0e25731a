"""The master key wrapped under a passphrase, and unwrapped again only by the right one.

A vault header holds the master key sealed under a key-encryption key derived from the
passphrase (:mod:`circlekeeper.vault.kdf`), and a verifier: an unkeyed checksum of the header,
so damage shows before any passphrase is tried, and a MAC under the derived key, so a wrong
passphrase is told apart from a damaged header. Every secret passes through a ``bytearray``
that is zeroed as soon as it is no longer needed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from datetime import datetime

from circlekeeper.vault.cipher import MASTER_KEY_AD, SealBroken, open_sealed_into, seal
from circlekeeper.vault.errors import VaultDamaged, WrongPassphrase
from circlekeeper.vault.header import VaultHeader
from circlekeeper.vault.kdf import KEY_BYTES, SALT_BYTES, KdfSettings, derive_into
from circlekeeper.vault.passphrase import normalize

log = logging.getLogger(__name__)

_VERIFIER_MAGIC = b"CKV1"
_CHECKSUM_BYTES = 16
_MAC_BYTES = 32
_VERIFIER_BYTES = len(_VERIFIER_MAGIC) + _CHECKSUM_BYTES + _MAC_BYTES
_MAC_LABEL = b"circlekeeper/passphrase-verifier/v1"


def wrap_master_key(
    master: bytearray, passphrase: str, settings: KdfSettings, created_at: datetime
) -> VaultHeader:
    """A header holding ``master`` under ``passphrase``, with a fresh salt."""
    salt = os.urandom(SALT_BYTES)
    kek = bytearray(KEY_BYTES)
    try:
        derive_into(normalize(passphrase), salt, settings, kek)
        wrapped = seal(kek, master, MASTER_KEY_AD)
        params = dict(settings.params)
        checksum = _header_checksum(settings.kdf, params, salt, wrapped)
        verifier = _VERIFIER_MAGIC + checksum + _mac(kek)
    finally:
        zero(kek)
    return VaultHeader(
        kdf=settings.kdf,
        kdf_params=params,
        salt=salt,
        wrapped_key=wrapped,
        verifier=verifier,
        created_at=created_at,
    )


def unwrap_master_key(header: VaultHeader, passphrase: str) -> bytearray:
    """The master key (the caller zeroes it), or ``WrongPassphrase`` / ``VaultDamaged``."""
    verifier = bytes(header.verifier)
    params = dict(header.kdf_params)
    if (
        len(verifier) != _VERIFIER_BYTES
        or not verifier.startswith(_VERIFIER_MAGIC)
        or len(header.salt) < 8
        or not hmac.compare_digest(
            verifier[len(_VERIFIER_MAGIC) : -_MAC_BYTES],
            _header_checksum(header.kdf, params, bytes(header.salt), bytes(header.wrapped_key)),
        )
    ):
        log.error("Private notes vault header failed its integrity check")
        raise VaultDamaged()
    kek = bytearray(KEY_BYTES)
    master = bytearray(KEY_BYTES)
    try:
        settings = KdfSettings(header.kdf, params)
        derive_into(normalize(passphrase), bytes(header.salt), settings, kek)
        if not hmac.compare_digest(_mac(kek), verifier[-_MAC_BYTES:]):
            raise WrongPassphrase()
        try:
            open_sealed_into(kek, bytes(header.wrapped_key), MASTER_KEY_AD, master)
        except SealBroken as error:
            log.error("Private notes master key failed authentication")
            raise VaultDamaged() from error
    except BaseException:
        zero(master)
        raise
    finally:
        zero(kek)
    return master


def zero(buffer: bytearray) -> None:
    """Overwrite a secret in place, so no copy of it outlives its use in this buffer."""
    buffer[:] = bytes(len(buffer))


def _header_checksum(kdf: str, params: dict[str, int], salt: bytes, wrapped: bytes) -> bytes:
    """An unkeyed digest of the header: damage shows up before any passphrase is tried."""
    digest = hashlib.sha256()
    for part in (kdf.encode(), json.dumps(params, sort_keys=True).encode(), salt, wrapped):
        digest.update(len(part).to_bytes(4, "big"))
        digest.update(part)
    return digest.digest()[:_CHECKSUM_BYTES]


def _mac(kek: bytearray) -> bytes:
    return hmac.new(kek, _MAC_LABEL, hashlib.sha256).digest()
