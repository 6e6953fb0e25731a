"""Turning a passphrase into a key-encryption key with a memory-hard KDF.

The parameters travel with the header (``VaultHeader.kdf`` + ``kdf_params``), so an old vault
still opens after the defaults are raised, and a vault made with cheap test parameters is
honest about it. Argon2id is preferred; scrypt is the fallback where the installed
``cryptography`` lacks Argon2 (it needs OpenSSL ≥ 3.2).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from circlekeeper.vault.errors import VaultDamaged

try:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
except ImportError:  # pragma: no cover - older cryptography / OpenSSL
    # None marks the KDF missing (checked before use); the name must stay bound.
    Argon2id = None  # type: ignore[assignment,misc]

KEY_BYTES = 32
SALT_BYTES = 16

ARGON2ID = "argon2id"
SCRYPT = "scrypt"


@dataclass(frozen=True, slots=True)
class KdfSettings:
    """Which KDF and with which costs; stored verbatim in the vault header."""

    kdf: str
    params: dict[str, int] = field(default_factory=dict)

    def at_least(self, other: KdfSettings) -> bool:
        """True when these settings cost no less than ``other`` in every dimension."""
        if self.kdf != other.kdf:
            return False
        return all(self.params.get(k, 0) >= v for k, v in other.params.items())


@functools.cache
def argon2_available() -> bool:
    """Argon2id needs OpenSSL ≥ 3.2 under ``cryptography``; probe once per run."""
    if Argon2id is None:
        return False
    try:
        Argon2id(salt=b"\0" * 8, length=16, iterations=1, lanes=1, memory_cost=8).derive(b"x")
    except UnsupportedAlgorithm:
        return False
    return True


# Measured with benchmarks/bench_vault.py on the 2-core development machine: Argon2id with
# 128 MiB, 2 passes, 2 lanes unlocks in about 0.35 s when the machine is idle and 0.4-1.2 s while
# other jobs keep both cores busy (load 4-5); scrypt 2**17 (also 128 MiB) about 0.55 s under load.
ARGON2_DEFAULT = KdfSettings(ARGON2ID, {"memory_kib": 131072, "iterations": 2, "lanes": 2})
SCRYPT_DEFAULT = KdfSettings(SCRYPT, {"n": 2**17, "r": 8, "p": 1})

# Cheap settings for tests only (never the default): a few milliseconds per derivation.
ARGON2_FAST = KdfSettings(ARGON2ID, {"memory_kib": 64, "iterations": 1, "lanes": 1})
SCRYPT_FAST = KdfSettings(SCRYPT, {"n": 2**4, "r": 8, "p": 1})


def default_settings() -> KdfSettings:
    return ARGON2_DEFAULT if argon2_available() else SCRYPT_DEFAULT


def fast_settings() -> KdfSettings:
    """Settings that make unit tests quick; the vault never picks these on its own."""
    return ARGON2_FAST if argon2_available() else SCRYPT_FAST


def derive_into(secret: bytes, salt: bytes, settings: KdfSettings, out: bytearray) -> None:
    """Derive the key from ``secret`` (the encoded passphrase) into ``out``.

    ``out`` is a mutable buffer the caller zeroes after use.

    Unknown KDF names or nonsense parameters mean the header is damaged, not that the
    passphrase is wrong.
    """
    params = settings.params
    try:
        if settings.kdf == ARGON2ID:
            if Argon2id is None:
                raise VaultDamaged(
                    "These notes were locked with Argon2id, which this installation cannot"
                    " compute. Update the app (its cryptography library) to open them."
                )
            kdf: Argon2id | Scrypt = Argon2id(
                salt=salt,
                length=KEY_BYTES,
                iterations=int(params["iterations"]),
                lanes=int(params["lanes"]),
                memory_cost=int(params["memory_kib"]),
            )
        elif settings.kdf == SCRYPT:
            kdf = Scrypt(
                salt=salt,
                length=KEY_BYTES,
                n=int(params["n"]),
                r=int(params["r"]),
                p=int(params["p"]),
            )
        else:
            raise VaultDamaged()
        if hasattr(kdf, "derive_into"):  # cryptography ≥ 46 writes straight into our buffer
            kdf.derive_into(secret, out)
        else:  # pragma: no cover - older cryptography leaves an immutable copy behind
            out[:] = kdf.derive(secret)
    except (KeyError, ValueError, TypeError) as error:
        raise VaultDamaged() from error
