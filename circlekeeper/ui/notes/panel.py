"""Reading notes after a circle or about one person: list, view, edit, delete, search; and,
for one circle's session, writing a new one (the evening after, from History or the Notes menu).

Everything shown is decrypted on demand from the :class:`NotesService` and dropped again when
the vault locks: the list, the viewer and the search box are emptied and a locked page with an
unlock button takes their place. Deleting asks first, since a deleted note is gone for good.

The words of a list line and of a note's details are ``note_lines.py``; the window around the
panel (after a circle, for one person) is ``notes_dialog.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _, ngettext
from circlekeeper.ui.ask import ask_yes_no
from circlekeeper.ui.list_rows import current_item
from circlekeeper.ui.notes.bridge import VaultBridge, mark_private
from circlekeeper.ui.notes.locked_page import LockedPage
from circlekeeper.ui.notes.note_lines import DAMAGED_TEXT, NameOf, details, preview
from circlekeeper.ui.notes.quick_note import PersonChoice
from circlekeeper.ui.read_only_hold import writes
from circlekeeper.ui.shortcut_passage import CTRL_E, let_shortcuts_through
from circlekeeper.vault.notes import Note, NotesService, matching

NOTE_ID = Qt.ItemDataRole.UserRole

Ask = Callable[[QWidget, str, str], bool]


class NotesPanel(QWidget):
    """Notes of one session, or of one person across sessions (or all, when neither is given)."""

    changed = Signal()
    """A note was edited or deleted."""

    def __init__(
        self,
        service: NotesService,
        bridge: VaultBridge,
        *,
        session_id: int | None = None,
        person_id: int | None = None,
        name_of: NameOf | None = None,
        ask: Ask | None = None,
        people: Sequence[PersonChoice] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``people``: who a new note of the session can be about (those who were there)."""
        super().__init__(parent)
        self.service = service
        self.bridge = bridge
        self.session_id = session_id
        self.person_id = person_id
        self._name_of = name_of
        self._ask = ask or ask_yes_no
        self._loaded: list[Note] = []
        self._notes: dict[str, Note] = {}
        self._editing = False
        self._writing = False
        """The open note is a new one, not yet saved (the viewer holds its words)."""
        self.setAccessibleName(_("Private notes"))
        self._build_reading()
        buttons = self._build_buttons()
        open_page = self._open_page_with(buttons)
        locked_page = LockedPage(self.request_unlock)
        self.locked_label, self.unlock_button = locked_page.label, locked_page.button
        self.pages = QStackedWidget()
        self.pages.addWidget(open_page)
        self.pages.addWidget(locked_page)
        self._open_page, self._locked_page = open_page, locked_page
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._wire_keys()
        self.set_people(people)
        bridge.locked.connect(self._show_locked)
        bridge.unlocked.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------ building

    def _build_reading(self) -> None:
        """Search, the list, the open note and its details. The text widgets are marked
        private, so note text copied from them is cleared from the clipboard on lock."""
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search notes"))
        self.search.setPlaceholderText(_("Search these notes (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Notes"))
        self.list.currentItemChanged.connect(self._selected)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.viewer = QPlainTextEdit()
        self.viewer.setAccessibleName(_("Note text"))
        self.viewer.setReadOnly(True)
        for widget in (self.list, self.viewer, self.search):
            mark_private(widget)
        self.about = QComboBox()
        # Translators: the list of people a private note can be about.
        self.about.setAccessibleName(_("About"))
        self.about.setToolTip(_("Who the note is about (optional)"))
        self.about.setVisible(False)
        self.meta = QLabel()
        self.meta.setAccessibleName(_("Note details"))
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.message = QLabel()
        self.message.setAccessibleName(_("Notes message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

    def _build_buttons(self) -> QGridLayout:
        self.edit_button = writes(
            self._button(_("Edit"), _("Edit note"), _("Change this note (Ctrl+E)"), self.begin_edit)
        )
        self.save_button = self._button(
            _("Save"), _("Save note"), _("Save the change (Ctrl+S)"), self.save_edit
        )
        self.cancel_button = self._button(
            _("Cancel"), _("Cancel edit"), _("Keep the note as it was"), self.cancel_edit
        )
        self.delete_button = writes(
            self._button(
                _("Delete…"), _("Delete note"), _("Delete this note for good"), self.delete_current
            )
        )
        self.new_button = writes(
            self._button(
                _("New note"),
                _("New note"),
                _("Write a note about this circle, saved encrypted (Ctrl+N)"),
                self.begin_new,
            )
        )
        self.new_button.setVisible(self.session_id is not None)
        self.lock_button = self._button(
            _("Lock notes"), _("Lock notes"), _("Lock private notes now"), self.bridge.lock
        )

        # Two rows, so the panel also fits the narrow session pane of the history.
        buttons = QGridLayout()
        for column, button in enumerate((self.edit_button, self.save_button, self.cancel_button)):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.delete_button, 1, 0)
        buttons.addWidget(self.new_button, 1, 1)
        buttons.addWidget(self.lock_button, 1, 2)
        buttons.setColumnStretch(3, 1)
        return buttons

    def _open_page_with(self, buttons: QGridLayout) -> QWidget:
        open_page = QWidget()
        open_layout = QVBoxLayout(open_page)
        open_layout.setContentsMargins(0, 0, 0, 0)
        open_layout.addWidget(self.search)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        right = QVBoxLayout()
        right.addWidget(self.meta)
        right.addWidget(self.about)
        right.addWidget(self.viewer, 1)
        body.addLayout(right, 3)
        open_layout.addLayout(body, 1)
        open_layout.addLayout(buttons)
        open_layout.addWidget(self.message)
        return open_page

    def _wire_keys(self) -> None:
        """Ctrl+F, Ctrl+E, Ctrl+S and Delete while the focus is anywhere in the panel."""
        for keys, slot in (
            ("Ctrl+F", self.search.setFocus),
            ("Ctrl+E", self.begin_edit),
            ("Ctrl+S", self.save_edit),
            ("Ctrl+N", self.begin_new),
            ("Delete", self.delete_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # The keys start in the search box, which on X11 would keep Ctrl+E for itself.
        let_shortcuts_through(self.search, CTRL_E)

    def _button(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    # --------------------------------------------------------------- render

    def _show_failure(self, error: UserFacingError) -> None:
        """Reading failed: the vault may have locked itself (idle) meanwhile, else say why."""
        if not self.bridge.is_unlocked:
            self._show_locked()
        else:
            self.message.setText(str(error))

    def refresh(self) -> None:
        """Decrypt the notes in scope once, then list those the search box lets through."""
        if not self.bridge.is_unlocked:
            self._show_locked()
            return
        try:
            if self.session_id is not None:
                notes = self.service.for_session(self.session_id)
            elif self.person_id is not None:
                notes = self.service.for_person(self.person_id)
            else:
                notes = self.service.all()
        except UserFacingError as error:
            self._show_failure(error)
            return
        if self.session_id is not None and self.person_id is not None:
            notes = [n for n in notes if n.person_id == self.person_id]
        self.pages.setCurrentWidget(self._open_page)
        self._loaded = notes
        self._apply_filter()

    def _apply_filter(self) -> None:
        """Filter what is already decrypted: typing in the search box costs no decryption."""
        if not self.bridge.is_unlocked:
            return
        keep = self.current_note_id()
        query = self.search.text()
        notes = matching(self._loaded, query)
        self._notes = {n.note_id: n for n in notes}
        self.list.blockSignals(True)
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(preview(note, self._name_of))
            item.setData(NOTE_ID, note.note_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not notes:
            self.message.setText(
                _("No notes match that search.") if query.strip() else _("No notes yet.")
            )
        else:
            count = len(notes)
            self.message.setText(
                ngettext("{count} note", "{count} notes", count).format(count=count)
            )
        rows = [i for i in range(self.list.count()) if self.list.item(i).data(NOTE_ID) == keep]
        self.list.setCurrentRow(rows[0] if rows else 0 if notes else -1)
        self._selected(self.list.currentItem(), None)

    def showEvent(self, event: QShowEvent) -> None:
        # Notes written in the live field since the panel was built appear when it is shown;
        # words being written or changed stay as they are.
        if not self._editing:
            self.refresh()
        super().showEvent(event)

    def current_note_id(self) -> str | None:
        item = current_item(self.list)
        return item.data(NOTE_ID) if item is not None else None

    def _selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._set_editing(False)
        note = self._notes.get(item.data(NOTE_ID)) if item is not None else None
        if note is None:
            self.viewer.setPlainText("")
            self.meta.setText("")
        else:
            self.viewer.setPlainText(_(DAMAGED_TEXT) if note.damaged else note.text)
            self.meta.setText(details(note, self._name_of))
        has = note is not None
        self.edit_button.setEnabled(note is not None and not note.damaged)
        self.delete_button.setEnabled(has)

    def _set_editing(self, on: bool, *, writing: bool = False) -> None:
        self._editing = on
        self._writing = on and writing
        self.about.setVisible(self._writing)
        self.new_button.setEnabled(not on)
        self.viewer.setReadOnly(not on)
        self.save_button.setVisible(on)
        self.cancel_button.setVisible(on)
        self.edit_button.setVisible(not on)
        self.delete_button.setVisible(not on)
        self.list.setEnabled(not on)
        self.search.setEnabled(not on)

    def _show_locked(self) -> None:
        """Forget every piece of plain text this panel holds."""
        self._loaded = []
        self._notes = {}
        self._set_editing(False)
        self.list.clear()
        self.viewer.setPlainText("")  # also clears the undo history
        self.meta.setText("")
        self.message.setText("")
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self._locked_page.show_for(set_up=self.bridge.vault.is_set_up)
        self.pages.setCurrentWidget(self._locked_page)

    # -------------------------------------------------------------- intents

    def set_people(self, people: Sequence[PersonChoice]) -> None:
        """Who a new note can be about: no one, or one of ``people``."""
        self.about.clear()
        self.about.addItem(_("About no one"), None)
        for person_id, name in people:
            self.about.addItem(name, person_id)

    def begin_new(self) -> None:
        """Write a new note of this session: the passphrase first when notes are locked."""
        if self.session_id is None or self._editing:
            return
        if not self.bridge.is_unlocked and not self.bridge.request_unlock(self.window()):
            return
        self.refresh()
        self.list.clearSelection()
        self.viewer.setPlainText("")  # also forgets the undo history
        self.meta.setText(_("New note: it is encrypted the moment you save it (Ctrl+S)."))
        self.about.setCurrentIndex(0)
        self._set_editing(True, writing=True)
        self.viewer.setFocus()

    def request_unlock(self) -> None:
        if self.bridge.request_unlock(self.window()):
            self.refresh()

    def begin_edit(self) -> None:
        note = self._notes.get(self.current_note_id() or "")
        if note is None or note.damaged or not self.bridge.is_unlocked:
            return
        self._set_editing(True)
        self.viewer.setFocus()

    def cancel_edit(self) -> None:
        self._selected(self.list.currentItem(), None)

    def save_edit(self) -> None:
        """Ctrl+S: the note being edited, or the new one being written."""
        note_id = self.current_note_id()
        if self._writing:
            text, about = self.viewer.toPlainText(), self.about.currentData()
            self._saved(lambda: self.service.add(text, self.session_id, about, None).note_id)
        elif self._editing and note_id is not None:
            text = self.viewer.toPlainText()
            self._saved(lambda: self.service.edit(note_id, text).note_id)

    def _saved(self, save: Callable[[], str]) -> None:
        """Seal and store; the words stay in the viewer when they cannot be saved, and the
        note saved is the one shown after."""
        try:
            saved_id = save()
        except UserFacingError as error:
            self.message.setText(_("Not saved: {reason}").format(reason=error))
            return
        self._set_editing(False)
        self.changed.emit()
        self.refresh()
        rows = [i for i in range(self.list.count()) if self.list.item(i).data(NOTE_ID) == saved_id]
        if rows:
            self.list.setCurrentRow(rows[0])
        self.message.setText(_("Note saved."))

    def delete_current(self) -> None:
        note_id = self.current_note_id()
        if note_id is None or self._editing:
            return
        if not self._ask(
            self,
            _("Delete note"),
            _(
                "Delete this note? It is deleted from the database and its backups, and cannot"
                " be brought back."
            ),
        ):
            return
        try:
            self.service.delete(note_id)
        except UserFacingError as error:
            self.message.setText(str(error))
            return
        self.changed.emit()
        self.refresh()
        self.message.setText(_("Note deleted."))
