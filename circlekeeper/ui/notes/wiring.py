"""Everything the composition root needs to build for private notes, in one call.

notes = build_notes(store.notes, store.vault_header,
                    idle_minutes=idle_minutes_from_setting(store.settings.get("vault_idle_minutes")))
options.notes_factory = notes.factory            # before MainWindow(catalog, options)
notes.install_menu(window, name_of=...)          # after the window exists
...
notes.bridge.shutdown()                          # on exit: locks and zeroes the key
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from circlekeeper.ui.notes.bridge import VaultBridge
from circlekeeper.ui.notes.factory import NotesFactory, NotesMenu
from circlekeeper.vault.kdf import KdfSettings
from circlekeeper.vault.notes import NotesService
from circlekeeper.vault.ports import NoteRepository, VaultHeaderRepository
from circlekeeper.vault.vault import DEFAULT_IDLE_MINUTES, Vault

log = logging.getLogger(__name__)


def idle_minutes_from_setting(value: str | None) -> float | None:
    """The ``vault_idle_minutes`` setting: a number of minutes, ``0`` for never; else 15."""
    if value is None or not value.strip():
        return DEFAULT_IDLE_MINUTES
    try:
        minutes = float(value)
    except ValueError:
        log.warning("Ignoring vault_idle_minutes=%r (not a number); using the default", value)
        return DEFAULT_IDLE_MINUTES
    if minutes < 0 or minutes != minutes:  # negative or NaN
        return DEFAULT_IDLE_MINUTES
    return minutes or None


@dataclass(slots=True)
class NotesParts:
    vault: Vault
    service: NotesService
    bridge: VaultBridge
    factory: NotesFactory

    def install_menu(
        self, window: QMainWindow, *, name_of: Callable[[int], str] | None = None
    ) -> NotesMenu:
        return NotesMenu(window, self.service, self.bridge, name_of=name_of)


def build_notes(
    notes: NoteRepository,
    headers: VaultHeaderRepository,
    *,
    idle_minutes: float | None = DEFAULT_IDLE_MINUTES,
    kdf: KdfSettings | None = None,
    parent: QObject | None = None,
) -> NotesParts:
    vault = Vault(headers, kdf=kdf, idle_minutes=idle_minutes, notes=notes)
    service = NotesService(vault, notes)
    bridge = VaultBridge(vault, parent=parent)
    return NotesParts(vault, service, bridge, NotesFactory(service, bridge))
