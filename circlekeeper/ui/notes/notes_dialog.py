"""A window around the notes panel: a circle's notes after it ends (read, and new ones
written), or one person's notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from circlekeeper.i18n import pgettext
from circlekeeper.ui.notes.bridge import VaultBridge
from circlekeeper.ui.notes.note_lines import NameOf
from circlekeeper.ui.notes.panel import Ask, NotesPanel
from circlekeeper.ui.notes.quick_note import PersonChoice
from circlekeeper.ui.screen_fit import fit_to_screen
from circlekeeper.vault.notes import NotesService


class NotesDialog(QDialog):
    """A window around a :class:`NotesPanel`, for after the circle or for one person."""

    def __init__(
        self,
        service: NotesService,
        bridge: VaultBridge,
        *,
        title: str,
        session_id: int | None = None,
        person_id: int | None = None,
        name_of: NameOf | None = None,
        ask: Ask | None = None,
        people: Sequence[PersonChoice] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.panel = NotesPanel(
            service,
            bridge,
            session_id=session_id,
            person_id=person_id,
            name_of=name_of,
            ask=ask,
            people=people,
        )
        self._give_letters()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in self.panel.findChildren(QPushButton):  # Enter closes; it never edits
            button.setAutoDefault(False)
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)
        fit_to_screen(self, 820, 520)

    def _give_letters(self) -> None:
        """Alt+letters for the panel's buttons in this window of their own. The History page
        shows the same panel beside its own letters and the menu bar's, so the panel itself
        has none (its Ctrl keys serve both)."""
        panel = self.panel
        for button, text in (
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.edit_button, pgettext("notes window", "&Edit")),
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.save_button, pgettext("notes window", "&Save")),
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.cancel_button, pgettext("notes window", "&Cancel")),
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.delete_button, pgettext("notes window", "&Delete…")),
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.new_button, pgettext("notes window", "&New note")),
            # Translators: & marks the Alt+letter; each must differ from this window's others.
            (panel.lock_button, pgettext("notes window", "&Lock notes")),
        ):
            button.setText(text)
