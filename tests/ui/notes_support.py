"""Shared pieces for the notes UI tests: a fast vault on fakes, a bridge, widget text harvest."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from circlekeeper.session.clock import FakeClock
from circlekeeper.ui.notes.bridge import VaultBridge
from circlekeeper.vault import NotesService, Vault, fast_settings
from tests.vault.fakes import MemoryHeaders, MemoryNotes

PASSPHRASE = "correct horse battery staple"


@dataclass
class NotesKit:
    clock: FakeClock
    headers: MemoryHeaders
    repo: MemoryNotes
    vault: Vault
    service: NotesService
    bridge: VaultBridge

    def unlock_prompt_answering(self, passphrase: str = PASSPHRASE):  # type: ignore[no-untyped-def]
        """A stand-in for the passphrase dialog: unlocks as if the facilitator typed it."""

        def prompt(_parent: QWidget | None) -> bool:
            self.vault.unlock(passphrase)
            return True

        return prompt


def make_kit(*, unlocked: bool = True, track_activity: bool = False) -> NotesKit:
    clock = FakeClock()
    headers = MemoryHeaders()
    repo = MemoryNotes()
    vault = Vault(headers, kdf=fast_settings(), clock=clock, sleep=clock.advance)
    if unlocked:
        vault.create(PASSPHRASE)
    service = NotesService(vault, repo)
    bridge = VaultBridge(vault, track_activity=track_activity)
    return NotesKit(clock, headers, repo, vault, service, bridge)


def widget_texts(root: QWidget) -> str:
    """Every string a widget tree shows or announces, as one blob to search."""
    texts: list[str] = [root.windowTitle(), root.accessibleName(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.windowTitle(), widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(texts)
