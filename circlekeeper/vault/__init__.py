"""Encryption of the facilitator's private notes; nothing else ever sees the key.

Build one :class:`Vault` per run over the store's ``vault_header`` repository and one
:class:`NotesService` over the vault and ``store.notes``; see ``docs/VAULT.md``.
"""

from circlekeeper.vault.errors import (
    NoteNotFound,
    NoteRejected,
    PassphraseRejected,
    VaultAlreadySetUp,
    VaultDamaged,
    VaultError,
    VaultLocked,
    VaultNotSetUp,
    WrongPassphrase,
)
from circlekeeper.vault.header import NoteRecord, VaultHeader
from circlekeeper.vault.kdf import KdfSettings, default_settings, fast_settings
from circlekeeper.vault.notes import Note, NotesService
from circlekeeper.vault.vault import DEFAULT_IDLE_MINUTES, Vault

__all__ = [
    "DEFAULT_IDLE_MINUTES",
    "KdfSettings",
    "Note",
    "NoteNotFound",
    "NoteRecord",
    "NoteRejected",
    "NotesService",
    "PassphraseRejected",
    "Vault",
    "VaultAlreadySetUp",
    "VaultDamaged",
    "VaultError",
    "VaultHeader",
    "VaultLocked",
    "VaultNotSetUp",
    "WrongPassphrase",
    "default_settings",
    "fast_settings",
]
