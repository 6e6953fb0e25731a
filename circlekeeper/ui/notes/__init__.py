"""Private notes in the GUI: passphrase dialogs, the live quick-note field, the notes panel.

Construct one :class:`VaultBridge` per application over the vault, then hand
:class:`NotesFactory` to ``WindowOptions.notes_factory`` and call :class:`NotesMenu` on the
main window.
"""

from circlekeeper.ui.notes.bridge import VaultBridge
from circlekeeper.ui.notes.factory import NotesFactory, NotesMenu, present_people
from circlekeeper.ui.notes.notes_dialog import NotesDialog
from circlekeeper.ui.notes.panel import NotesPanel
from circlekeeper.ui.notes.passphrase_dialogs import (
    ChangePassphraseDialog,
    CreatePassphraseDialog,
    UnlockDialog,
    ask_to_change,
    ask_to_unlock,
)
from circlekeeper.ui.notes.quick_note import QuickNoteField
from circlekeeper.ui.notes.wiring import NotesParts, build_notes, idle_minutes_from_setting

__all__ = [
    "ChangePassphraseDialog",
    "CreatePassphraseDialog",
    "NotesDialog",
    "NotesFactory",
    "NotesMenu",
    "NotesPanel",
    "NotesParts",
    "QuickNoteField",
    "UnlockDialog",
    "VaultBridge",
    "ask_to_change",
    "ask_to_unlock",
    "build_notes",
    "idle_minutes_from_setting",
    "present_people",
]
