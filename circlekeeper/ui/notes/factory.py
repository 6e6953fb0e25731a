"""The pieces the main window asks for: a notes field per live session, a Notes menu.

``NotesFactory`` fits ``WindowOptions.notes_factory``: the main window calls it with the session
id and the :class:`LiveController` and mounts the widget in the facilitator's live view only
(the presenter window is built separately and never receives it). ``install_notes_menu`` adds
unlock / lock / change-passphrase / "notes of this circle" actions to a main window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.notes.bridge import VaultBridge
from circlekeeper.ui.notes.in_view import SessionShown
from circlekeeper.ui.notes.note_lines import NameOf
from circlekeeper.ui.notes.notes_dialog import NotesDialog
from circlekeeper.ui.notes.passphrase_dialogs import ask_to_change
from circlekeeper.ui.notes.quick_note import PersonChoice, QuickNoteField
from circlekeeper.vault.notes import NotesService


def present_people(controller: LiveController) -> list[PersonChoice]:
    """People in the room with a store id (the engine keeps them as strings)."""
    people: list[PersonChoice] = []
    for person_id in controller.session.state.present:
        if person_id.isdigit():
            people.append((int(person_id), controller.name(person_id)))
    return people


class NotesFactory:
    """``WindowOptions(notes_factory=NotesFactory(service, bridge))``."""

    def __init__(self, service: NotesService, bridge: VaultBridge) -> None:
        self.service = service
        self.bridge = bridge

    def __call__(self, session_id: int, controller: LiveController) -> QWidget:
        field = QuickNoteField(
            self.service,
            self.bridge,
            session_id=session_id,
            elapsed=controller.session.elapsed,
            people_source=lambda: present_people(controller),
        )
        # Arrivals and departures change who a note can be about. A bound slot (not a lambda)
        # so the connection dies with the field when the live view is deleted.
        controller.changed.connect(field.refresh_people)
        return field


class NotesMenu:
    """The Notes menu of a main window; remembers the circle in progress or just ended, and
    asks ``session_in_view`` (``in_view.SessionInView``) for the one on screen after it."""

    def __init__(
        self,
        window: QMainWindow,
        service: NotesService,
        bridge: VaultBridge,
        *,
        name_of: NameOf | None = None,
    ) -> None:
        self.window = window
        self.service = service
        self.bridge = bridge
        self.name_of = name_of
        self.session_id: int | None = None
        self.session_in_view: Callable[[], SessionShown | None] | None = None
        """The session on screen when no circle runs (History's, the chosen circle's last)."""
        self.held: str | None = None
        """Why the commands that write the vault are off (the data is open read-only)."""
        menu = QMenu(_("&Notes"), window)
        menu.setToolTipsVisible(True)
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:  # keep Help last, where people look for it
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            window.menuBar().addMenu(menu)
        self.unlock_action = self._add(menu, _("&Unlock private notes…"), None, self.unlock)
        self.lock_action = self._add(menu, _("&Lock private notes"), "Ctrl+L", bridge.lock)
        self.session_action = self._add(
            menu, _("Notes of &this circle…"), "Ctrl+Shift+O", self.open_session_notes
        )
        self.all_action = self._add(menu, _("&All private notes…"), None, self.open_all_notes)
        menu.addSeparator()
        self.change_action = self._add(menu, _("&Change passphrase…"), None, self.change_passphrase)
        for signal in ("session_started", "session_finished"):
            if hasattr(window, signal):
                getattr(window, signal).connect(self._remember)
        bridge.locked.connect(self._update)
        bridge.unlocked.connect(self._update)
        self._update()

    def _add(
        self,
        menu: QMenu,
        text: str,
        shortcut: str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def _remember(self, session_id: int) -> None:
        self.session_id = session_id
        self._update()

    def _update(self) -> None:
        unlocked = self.bridge.is_unlocked
        self.unlock_action.setEnabled(not unlocked)
        self.lock_action.setEnabled(unlocked)
        self.session_action.setEnabled(
            self.session_id is not None or self.session_in_view is not None
        )
        try:
            set_up = self.bridge.vault.is_set_up
        except UserFacingError:  # the server away, or refusing the role: the rest stays
            return
        # Nothing to unlock before a passphrase is chosen: the same command sets notes up.
        self.unlock_action.setText(
            _("&Unlock private notes…") if set_up else _("Set &up private notes…")
        )
        self.change_action.setEnabled(set_up)
        if self.held is not None:  # setting notes up and a new passphrase both write
            writing = [self.change_action]
            if not set_up:
                writing.append(self.unlock_action)
            for action in writing:
                action.setEnabled(False)
                action.setToolTip(self.held)

    def follow(self, session_in_view: Callable[[], SessionShown | None]) -> None:
        """After a circle (or with none run today), open the notes of the session on screen."""
        self.session_in_view = session_in_view
        self._update()

    def hold_writes(self, reason: str) -> None:
        """The data is open read-only: keep the commands that would write off, saying why."""
        self.held = reason
        self._update()

    def unlock(self) -> None:
        self.bridge.request_unlock(self.window)
        self._update()

    def change_passphrase(self) -> None:
        if ask_to_change(self.bridge.vault, self.window):
            QMessageBox.information(
                self.window,
                _("Passphrase changed"),
                _("Your private notes now open with the new one."),
            )

    def open_session_notes(self) -> NotesDialog | None:
        """The notes of the circle running, else of the session on screen (History's, or the
        chosen circle's last), where new ones can be written the evening after."""
        self._settle()
        in_view = self.session_in_view() if self.session_in_view is not None else None
        if in_view is not None:
            session_id, words, people = in_view
            # Translators: a window title; {session} names a circle and when it met.
            title = _("Private notes — {session}").format(session=words)
            return self._open(title, session_id=session_id, people=people)
        if self.session_id is None:
            QMessageBox.information(
                self.window,
                _("No circle to write about yet"),
                _(
                    "Notes of a circle belong to one of its sessions. Choose a circle that has"
                    " met, or a session in History, then open its notes again."
                ),
            )
            return None
        return self._open(_("Private notes — this circle"), session_id=self.session_id)

    def _settle(self) -> None:
        """A session deleted in History, its undo still open, goes now: the notes windows
        read the store, and would list its notes (or offer it) as though it were not deleted."""
        from circlekeeper.ui.history.deleting import settle_pages

        settle_pages(self.window)

    def open_all_notes(self) -> NotesDialog:
        return self._open(_("Private notes"))

    def open_person_notes(self, person_id: int, name: str) -> NotesDialog:
        return self._open(_("Private notes about {name}").format(name=name), person_id=person_id)

    def _open(
        self,
        title: str,
        *,
        session_id: int | None = None,
        person_id: int | None = None,
        people: Sequence[PersonChoice] = (),
    ) -> NotesDialog:
        self._settle()
        dialog = NotesDialog(
            self.service,
            self.bridge,
            title=title,
            session_id=session_id,
            person_id=person_id,
            name_of=self.name_of,
            people=people,
            parent=self.window,
        )
        dialog.show()
        return dialog
