"""Deleting a session from History, with an undo, as polished apps do.

*Delete session…* (or the Delete key) takes the row out of the table at once, and a line under
the history says "Session deleted." with an *Undo* button; Undo or Ctrl+Z puts it back where it
was. Nothing is written meanwhile: the store still holds the session, and the deletion itself
(one transaction: the log, its private notes, prompts and moods, ``SessionRepository.delete``)
is carried out when the chance to undo it ends:

- after ``UNDO_SECONDS``;
- when another session is deleted (one deletion waits at a time);
- when the facilitator leaves the Sessions tab or History, or the window closes (Quit as well):
  the other views and areas read the store, and would show the session as though it were not
  deleted;
- when the application quits by any other way (``aboutToQuit``);
- before a language switch rebuilds the window, before a backup is restored, and before a
  private-notes window opens from the Notes menu (it reads the store too): each calls
  :func:`settle_pages` first.

A crash before then leaves the session whole, as it was: nothing of it had been touched.

Asked first: whether this facilitator may delete it at all (on a server, only the sessions they
ran; a coordinator none), so they are told why before any question, not after. A session
holding private notes is still asked about, naming how many go with it: those are the one
thing nobody can write again, and an undo missed while looking away should not cost them. A
session without notes goes at once, with the undo.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _
from circlekeeper.ui.history.session_table import SESSION_ID

if TYPE_CHECKING:
    from circlekeeper.history.records import SessionDeletion, SessionDetail
    from circlekeeper.history.source import HistorySource
    from circlekeeper.ui.history.page import HistoryPage
    from circlekeeper.ui.history.session_detail import SessionDetailView

log = logging.getLogger(__name__)

UNDO_SECONDS = 15
"""How long a deleted session can be brought back (long enough to notice a slip)."""


def detail_and_rights(
    source: HistorySource, session_id: int
) -> tuple[SessionDetail, SessionDeletion | None]:
    """A session's detail and whether it may be deleted, read together on the history's own
    thread: on a server the rights are a round trip, which choosing a row should not wait for
    on the screen. ``None`` when the rights could not be read (asked again, and said, if
    *Delete* is pressed)."""
    detail = source.detail(session_id)
    try:
        return detail, source.deletion(session_id)
    except UserFacingError as error:
        log.warning("Could not ask whether the session may be deleted: %s", error)
        return detail, None


class DeletedNotice(QWidget):
    """ "Session deleted." and its *Undo* button, under the history while undo is possible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Deleted session"))
        self.words = QLabel(_("Session deleted."))
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the deletion"))
        self.undo_button.setToolTip(_("Bring the session back (Ctrl+Z)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.words)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        self.setVisible(False)


class SessionDeleting(QObject):
    """The page's deletions: asked, hidden, undone or carried out (see the module)."""

    def __init__(self, page: HistoryPage, *, seconds: float = UNDO_SECONDS) -> None:
        super().__init__(page)
        self._page = page
        self.pending: int | None = None
        """The session deleted in the window, not yet in the store."""
        self.notice = DeletedNotice()
        self.notice.undo_button.clicked.connect(self.undo)
        layout = page.layout()
        assert layout is not None  # the page lays out its tabs and status line
        layout.addWidget(self.notice)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.carry_out)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), page.table)
        delete.activated.connect(self._delete_selected)
        self.undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), page)
        self.undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_key.setEnabled(False)
        self.undo_key.activated.connect(self.undo)
        page.tabs.currentChanged.connect(self._tab_changed)
        page.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.carry_out)

    # ------------------------------------------------------------ deleting

    def _delete_selected(self) -> None:
        rows = self._page.table.selectionModel().selectedRows()
        if rows:
            self.delete(int(self._page.model.data(rows[0], SESSION_ID)))

    def offer(self, view: SessionDetailView, check: SessionDeletion | None) -> None:
        """The session's *Delete session…* greyed, its tooltip saying why, when this
        facilitator may not delete it (another's session on a server, a coordinator);
        ``check`` is :func:`detail_and_rights`'s answer."""
        if check is not None and check.refused is not None:
            view.delete_button.setEnabled(False)
            view.delete_button.setToolTip(check.refused)

    def delete(self, session_id: int) -> bool:
        """Take the session out of view, after saying why not or asking (private notes);
        returns whether it went."""
        page = self._page
        try:
            check = page.source.deletion(session_id)
        except UserFacingError as error:
            page.status.setText(str(error))
            return False
        if check.refused is not None:
            page.status.setText(check.refused)
            return False
        if check.notes and not page.ask(
            page, _("Delete session?"), page.model.delete_question(session_id, check.notes)
        ):
            return False
        self.carry_out()  # one deletion waits at a time
        page.model.hide_session(session_id)
        page.show_detail_placeholder()
        page.status.setText("")
        self.pending = session_id
        self.notice.setVisible(True)
        self.undo_key.setEnabled(True)
        self.timer.start()
        page.table.setFocus(Qt.FocusReason.OtherFocusReason)  # where Ctrl+Z and the next keys go
        return True

    def undo(self) -> bool:
        """The session back in its place, chosen and shown; ``False`` when none waits."""
        session_id = self._end()
        if session_id is None:
            return False
        self._back(session_id)
        self._page.status.setText(_("The session is back."))
        return True

    def carry_out(self) -> None:
        """Delete the waiting session from the store now (nothing when none waits). If the
        store refuses, the session comes back into view and the reason is said."""
        session_id = self._end()
        if session_id is None:
            return
        page = self._page
        try:
            page.source.delete_session(session_id)
        except UserFacingError as error:
            log.warning("Session %d could not be deleted: %s", session_id, error)
            self._back(session_id)
            page.status.setText(str(error))
            return
        except Exception:  # the store gone under it (closed, broken): say so, keep the row
            log.exception("Session %d could not be deleted", session_id)
            self._back(session_id)
            page.status.setText(_("The session could not be deleted; see the log."))
            return
        page.model.forget(session_id)
        log.info("Session %d deleted from History", session_id)

    def _end(self) -> int | None:
        session_id, self.pending = self.pending, None
        self.timer.stop()
        self.notice.setVisible(False)
        self.undo_key.setEnabled(False)
        return session_id

    def _back(self, session_id: int) -> None:
        page = self._page
        row = page.model.show_again(session_id)
        if row is not None and page.isVisible():
            page.table.selectRow(row)
            page.table.scrollTo(page.model.index(row, 0))

    # ------------------------------------------------------ leaving History

    def _tab_changed(self, index: int) -> None:
        if index != 0:  # People, Circles, Period read the store: the deletion is real first
            self.carry_out()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """History hidden (another area, the window closed or rebuilt): the undo chance
        ends. Not when the window is only minimised (a spontaneous hide)."""
        if watched is self._page and event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.carry_out()
        return False


def settle_pages(window: QWidget) -> None:
    """Carry out every deletion waiting in ``window``'s History now: its data is about to be
    let go (a restore) or its window rebuilt (a language switch)."""
    for deleting in window.findChildren(SessionDeleting):
        deleting.carry_out()
