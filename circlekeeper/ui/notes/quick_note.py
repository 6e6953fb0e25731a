"""The private note field on the facilitator's live screen: type, press Enter, it is saved.

Enter seals and commits the note at once (a crash right after loses nothing), stamped with the
session clock ("Saved 14:32 · 12:05 into the session"). Escape hands the keyboard back to the
live view so Space and N work again. While the vault is locked the field is empty and disabled
and a button offers to unlock. The field never puts text on the clipboard by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.errors import ConnectionLost, UserFacingError
from circlekeeper.i18n import _
from circlekeeper.i18n.formats import format_time
from circlekeeper.session.model import format_duration
from circlekeeper.ui.notes.bridge import VaultBridge, mark_private
from circlekeeper.ui.shortcut_passage import CTRL_E, let_shortcuts_through
from circlekeeper.vault.notes import Note, NotesService

PersonChoice = tuple[int, str]
"""A person the note can be about: store person id and display name."""


def saved_message(note: Note) -> str:
    """``Saved 14:32 · 12:05 into the session`` in the laptop's local time."""
    when = format_time((note.created_at or datetime.now().astimezone()).astimezone())
    if note.elapsed is None:
        return _("Saved {time}").format(time=when)
    # Translators: {time} is the clock time, {elapsed} how long the circle had run (12:05).
    return _("Saved {time} · {elapsed} into the session").format(
        time=when, elapsed=format_duration(note.elapsed)
    )


class QuickNoteField(QWidget):
    """A one-line private note for the live screen, optionally about one person."""

    saved = Signal(object)
    """The :class:`Note` just committed (for tests and a parent that lists notes)."""

    def __init__(
        self,
        service: NotesService,
        bridge: VaultBridge,
        *,
        session_id: int | None,
        elapsed: Callable[[], float] | None = None,
        people: Sequence[PersonChoice] = (),
        people_source: Callable[[], Sequence[PersonChoice]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``people_source``, when given, is asked again by :meth:`refresh_people` (arrivals)."""
        super().__init__(parent)
        self.service = service
        self.bridge = bridge
        self.session_id = session_id
        self._elapsed = elapsed
        self._people_source = people_source
        self.setAccessibleName(_("Private note"))

        title = QLabel(_("Private note (only you can read it)"))
        title.setObjectName("sectionTitle")
        self.edit = QLineEdit()
        self.edit.setAccessibleName(_("Private note text"))
        self.edit.setPlaceholderText(_("Type, then Enter saves"))
        self.edit.setToolTip(_("Saved and encrypted the moment you press Enter (Ctrl+Shift+M)"))
        self.edit.returnPressed.connect(self.save)
        mark_private(self.edit)
        let_shortcuts_through(self.edit, CTRL_E)  # *End circle…* while a note is being typed
        self.person = QComboBox()
        # Translators: the list of people a private note can be about.
        self.person.setAccessibleName(_("About"))
        self.person.setToolTip(_("Who the note is about (optional)"))
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Room for a short name, and for "About no one" whole in every language (the French
        # "À propos de personne" showed as "À propos de personn").
        self.person.setMinimumContentsLength(max(12, len(_("About no one"))))
        self.status = QLabel()
        self.status.setAccessibleName(_("Note status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # A refusal can be long (a server's address, a driver's words): it wraps within the
        # column and never asks for width, or the live screen would grow past the display.
        # (Its own policy, set after setWordWrap, would drop the height-for-width the
        # wrapped lines need: the third line of a German refusal was cut off at 1024×600.)
        fits = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        fits.setHeightForWidth(True)
        self.status.setSizePolicy(fits)
        self.status.setWordWrap(True)
        self.unlock_button = QPushButton(_("Notes are locked — unlock"))
        self.unlock_button.setAccessibleName(_("Unlock notes"))
        self.unlock_button.setToolTip(_("Enter your passphrase to write private notes"))
        self.unlock_button.clicked.connect(self.request_unlock)

        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.person)
        # The unlock button (while locked) and the status line (once unlocked) take turns in
        # one place: the field is a line shorter on the live screen's crowded column.
        below = QWidget()
        self._below = QStackedLayout(below)
        self._below.addWidget(self.unlock_button)
        self._below.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(below)

        focus = QShortcut(QKeySequence("Ctrl+Shift+M"), self)
        focus.setContext(Qt.ShortcutContext.WindowShortcut)
        focus.activated.connect(self.focus_note)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.edit)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._leave_field)

        self.set_people(people_source() if people_source is not None else people)
        bridge.locked.connect(self._show_locked)
        bridge.unlocked.connect(self._show_unlocked)
        if bridge.is_unlocked:
            self._show_unlocked()
        else:
            self._show_locked()

    # -------------------------------------------------------------- intents

    def set_people(self, people: Sequence[PersonChoice]) -> None:
        """Refresh who can be picked, keeping the current choice when that person is still here."""
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_("About no one"), None)
        for person_id, name in people:
            self.person.addItem(name, person_id)
        index = self.person.findData(current) if current is not None else 0
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)

    def refresh_people(self) -> None:
        """Ask ``people_source`` again; a slot, so Qt drops the connection with this widget."""
        if self._people_source is not None:
            self.set_people(self._people_source())

    def save(self) -> None:
        text = self.edit.text()
        if not text.strip():
            return
        if not self.bridge.is_unlocked:
            self._show_locked()
            return
        elapsed = self._elapsed() if self._elapsed is not None else None
        try:
            note = self.service.add(text, self.session_id, self.person.currentData(), elapsed)
        except ConnectionLost:
            # The circle's events wait on this laptop meanwhile; a note is kept in the field.
            self.status.setText(
                _(
                    "Not saved: the server does not answer. The note stays here; press Enter"
                    " again once the server is back."
                )
            )
            return
        except UserFacingError as error:
            # The text stays in the field so nothing typed is lost; the message says why.
            self.status.setText(_("Not saved: {reason}").format(reason=error))
            return
        except OSError as error:
            self.status.setText(
                _("Not saved: the note could not be written ({reason}).").format(
                    reason=error.strerror
                )
            )
            return
        self.edit.setText("")  # setText, not clear(): it also forgets the undo history
        self.status.setText(saved_message(note))
        self.saved.emit(note)

    def request_unlock(self) -> None:
        if self.bridge.request_unlock(self.window()):
            self.edit.setFocus()

    def focus_note(self) -> None:
        if self.bridge.is_unlocked:
            self.edit.setFocus()
        else:
            self.request_unlock()

    def _leave_field(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus()

    # -------------------------------------------------------------- render

    def _show_locked(self) -> None:
        self.edit.setText("")
        self.edit.setEnabled(False)
        set_up = self.bridge.vault.is_set_up
        self.edit.setPlaceholderText(_("Notes are locked") if set_up else _("Not set up yet"))
        self.person.setEnabled(False)
        self.unlock_button.setText(
            _("Notes are locked — unlock")
            if set_up
            else _("Private notes — choose a passphrase to start")
        )
        self.status.setText("")
        self._below.setCurrentWidget(self.unlock_button)

    def _show_unlocked(self) -> None:
        self.edit.setEnabled(True)
        self.edit.setPlaceholderText(_("Type, then Enter saves"))
        self.person.setEnabled(True)
        self._below.setCurrentWidget(self.status)
