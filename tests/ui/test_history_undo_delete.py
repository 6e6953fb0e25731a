"""Deleting a session from History can be undone; the deletion is carried out when that chance
ends, by every way it can end (``ui/history/deleting.py``). On real SQLite files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from circlekeeper.app import AppParts
from circlekeeper.history.records import SessionDeletion
from circlekeeper.i18n import _
from circlekeeper.store import Store, open_store
from circlekeeper.store.history.queries import HistoryQueries
from circlekeeper.ui.history import HistoryPage
from circlekeeper.ui.history.deleting import UNDO_SECONDS
from circlekeeper.ui.history.session_table import SESSION_ID
from circlekeeper.vault import NotesService, Vault, fast_settings
from tests.ui.history_support import NOW, Answers, demo_history, shown_page
from tests.vault.leaks import contains_marker

SESSIONS = 30
MARKER = "MARKER-undo-5e1d-quiet-river"
PASSPHRASE = "a passphrase only I know"


def seeded(path: Path) -> Path:
    with demo_history(path, SESSIONS, seed=17):
        return path


def file_bytes(db: Path) -> bytes:
    """The database and whatever SQLite keeps beside it."""
    companions = [db, *(db.with_name(db.name + s) for s in ("-wal", "-journal"))]
    return b"".join(p.read_bytes() for p in companions if p.exists())


def stored(db: Path, session_id: int) -> bool:
    """Whether the file holds the session, read with plain sqlite3 (not through the app)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return row is not None
    finally:
        connection.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with demo_history(tmp_path / "history.sqlite3", SESSIONS, seed=17) as opened:
        yield opened


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def page(qtbot, store: Store, answers: Answers) -> HistoryPage:
    widget = shown_page(
        qtbot, store, ask=answers, notes_widget_factory=lambda session_id: QWidget()
    )
    qtbot.waitExposed(widget)
    return widget


def shown_ids(page: HistoryPage) -> list[int]:
    page.model.fetch_all()
    model = page.model
    return [model.data(model.index(r, 0), SESSION_ID) for r in range(model.rowCount())]


def delete_button(page: HistoryPage) -> QPushButton:
    assert page.detail_view is not None
    return page.detail_view.delete_button


def with_a_note(store: Store, session_id: int) -> bytes:
    """A private note about the session; returns its ciphertext as stored."""
    vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None)
    vault.create(PASSPHRASE)
    note = NotesService(vault, store.notes).add(f"{MARKER} about this session", session_id)
    vault.lock()
    record = store.notes.get(note.note_id)
    assert record is not None
    return bytes(record.ciphertext)


def test_a_session_goes_at_once_and_undo_brings_it_back(qtbot, page, store, answers) -> None:
    page.table.selectRow(2)
    session_id = shown_ids(page)[2]
    log_length = len(store.sessions.entries(session_id))
    qtbot.mouseClick(delete_button(page), Qt.MouseButton.LeftButton)
    assert answers.asked == []  # no private notes: no question, the undo is the safety net
    assert session_id not in shown_ids(page)
    assert page.count_label.text() == f"{SESSIONS - 1} sessions match"
    notice = page.deleting.notice
    assert notice.isVisible() and notice.words.text() == "Session deleted."
    assert notice.undo_button.isVisible()
    assert page.detail_view is None
    # Nothing is written until the chance to undo ends: the session is whole in the file.
    assert stored(store.path, session_id)
    assert len(store.sessions.entries(session_id)) == log_length

    qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    assert shown_ids(page)[2] == session_id  # back in its place
    assert page.table.selectionModel().selectedRows()[0].row() == 2
    assert page.detail_view is not None  # chosen again, its detail shown
    assert page.count_label.text() == f"{SESSIONS} sessions match"
    assert not notice.isVisible()
    assert page.status.text() == "The session is back."
    page.deleting.timer.timeout.emit()  # a late timeout deletes nothing
    assert stored(store.path, session_id)


def test_delete_key_then_ctrl_z(qtbot, page, store) -> None:
    page.table.setFocus()
    page.table.selectRow(0)
    session_id = shown_ids(page)[0]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert session_id not in shown_ids(page)
    assert page.focusWidget() is page.table  # where Ctrl+Z goes
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_ids(page)[0] == session_id
    assert stored(store.path, session_id)


def test_the_deletion_is_carried_out_when_the_undo_time_ends(qtbot, page, store) -> None:
    assert page.deleting.timer.interval() == UNDO_SECONDS * 1000 >= 10_000  # generous
    page.table.selectRow(1)
    session_id = shown_ids(page)[1]
    page.delete_session(session_id)
    assert page.deleting.timer.isActive()
    page.deleting.timer.timeout.emit()  # the time is up
    assert not stored(store.path, session_id)
    assert not page.deleting.notice.isVisible()
    assert page.deleting.undo() is False  # nothing left to undo
    assert session_id not in shown_ids(page)
    assert page.model.total == SESSIONS - 1


def test_sorting_and_filtering_meanwhile_keep_it_out_of_the_list(qtbot, page, store) -> None:
    session_id = shown_ids(page)[0]
    page.delete_session(session_id)
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # read again, in another order
    assert session_id not in shown_ids(page)
    assert page.model.total == SESSIONS - 1
    page.filter_bar.text.setText("a")
    page.filter_bar.flush()
    assert session_id not in shown_ids(page)
    page.filter_bar.clear()
    assert page.model.total == SESSIONS - 1
    assert page.deleting.undo()
    assert session_id in shown_ids(page) and page.model.total == SESSIONS


def test_another_deletion_carries_out_the_first(qtbot, page, store) -> None:
    first, second = shown_ids(page)[:2]
    page.delete_session(first)
    page.delete_session(second)
    assert not stored(store.path, first)
    assert stored(store.path, second)
    page.deleting.undo()
    assert second in shown_ids(page) and first not in shown_ids(page)


def test_leaving_the_sessions_tab_or_history_carries_it_out(qtbot, page, store) -> None:
    first, second = shown_ids(page)[:2]
    page.delete_session(first)
    page.tabs.setCurrentIndex(1)  # People: read from the store, where it must be gone
    assert not stored(store.path, first)
    page.tabs.setCurrentIndex(0)
    page.delete_session(second)
    page.hide()  # another area of the window
    assert not stored(store.path, second)


def test_a_session_with_private_notes_is_asked_about_and_its_notes_go_with_it(
    qtbot, page, store, answers
) -> None:
    session_id = shown_ids(page)[3]
    blob = with_a_note(store, session_id)
    backup = store.backups.backup("manual")  # a copy made before holds the note too
    assert blob in backup.read_bytes()

    answers.answer = False
    assert not page.delete_session(session_id)
    assert len(answers.asked) == 1
    question = answers.asked[0]
    assert "your private note about it" in question and "cannot be undone" not in question
    assert session_id in shown_ids(page)

    answers.answer = True
    assert page.delete_session(session_id)
    # During the undo window the note is still there, sealed: its ciphertext in the file,
    # its words nowhere.
    raw = file_bytes(store.path)
    assert blob in raw and not contains_marker(raw, MARKER)
    page.deleting.carry_out()
    raw = file_bytes(store.path)
    assert blob not in raw and blob[1:13] not in raw and blob[-16:] not in raw
    assert not contains_marker(raw, MARKER)
    assert blob not in backup.read_bytes()  # gone from the backup, as a deleted note goes


def test_two_notes_are_counted_in_the_question(qtbot, page, store, answers) -> None:
    session_id = shown_ids(page)[0]
    with_a_note(store, session_id)
    vault = Vault(store.vault_header, kdf=fast_settings(), idle_minutes=None)
    vault.unlock(PASSPHRASE)
    NotesService(vault, store.notes).add("another", session_id)
    page.delete_session(session_id)
    assert "so do your 2 private notes about it" in answers.asked[-1]


def test_a_refused_deletion_is_said_before_any_question(qtbot, page, store, answers) -> None:
    session_id = shown_ids(page)[0]
    why = "Session 1 was run by robin; only robin can delete it."

    def refused(asked: int) -> SessionDeletion:
        return SessionDeletion(asked, why, notes=2)

    page.source.deletion = refused  # type: ignore[method-assign]
    page.table.selectRow(0)
    assert not delete_button(page).isEnabled()  # told before pressing, too
    assert delete_button(page).toolTip() == why
    assert not page.delete_session(session_id)
    assert answers.asked == []
    assert page.status.text() == why
    assert session_id in shown_ids(page) and not page.deleting.notice.isVisible()


def test_a_store_that_refuses_at_the_end_brings_the_row_back(qtbot, page, store) -> None:
    from circlekeeper.store.errors import NotYourSession

    session_id = shown_ids(page)[0]
    page.delete_session(session_id)

    def refuse(_session_id: int) -> None:
        raise NotYourSession("Nothing was deleted.")

    page.source.delete_session = refuse  # type: ignore[method-assign]
    page.deleting.carry_out()
    assert session_id in shown_ids(page)
    assert page.status.text() == "Nothing was deleted."


# ---------------------------------------------------------------- the whole app


@pytest.fixture
def app_parts(real_app, tmp_path: Path) -> AppParts:
    seeded(tmp_path / "circle.sqlite3")
    parts: AppParts = real_app()
    return parts


def history_of(parts: AppParts) -> HistoryPage:
    page = parts.window.options.extra_pages[_("&History")]
    assert isinstance(page, HistoryPage)
    parts.window.show_page(page)
    return page


def deleted_in(parts: AppParts) -> int:
    page = history_of(parts)
    session_id = shown_ids(page)[0]
    assert page.delete_session(session_id)
    assert stored(parts.store.path, session_id)
    return session_id


def test_closing_the_window_carries_it_out(app_parts: AppParts) -> None:
    session_id = deleted_in(app_parts)
    app_parts.window.close()
    assert not stored(app_parts.store.path, session_id)


def test_quit_carries_it_out(app_parts: AppParts) -> None:
    session_id = deleted_in(app_parts)
    quit_action = next(a for a in app_parts.window.findChildren(QAction) if a.text() == _("&Quit"))
    quit_action.trigger()
    assert not stored(app_parts.store.path, session_id)


def test_the_application_quitting_carries_it_out(app_parts: AppParts) -> None:
    session_id = deleted_in(app_parts)
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what quitting by any other way sends before the data closes
    assert not stored(app_parts.store.path, session_id)


def test_going_to_the_circles_carries_it_out(app_parts: AppParts) -> None:
    session_id = deleted_in(app_parts)
    app_parts.window.show_circles()
    assert not stored(app_parts.store.path, session_id)


@pytest.mark.parametrize("command", ["Notes of &this circle…", "&All private notes…"])
def test_opening_private_notes_carries_it_out(app_parts: AppParts, command: str) -> None:
    """The notes windows read the store: they must not offer a session deleted meanwhile, or
    list its notes."""
    session_id = deleted_in(app_parts)
    action = next(a for a in app_parts.window.findChildren(QAction) if a.text() == _(command))
    action.trigger()
    assert not stored(app_parts.store.path, session_id)
    for dialog in app_parts.window.findChildren(QWidget):
        if dialog.isWindow() and dialog is not app_parts.window:
            dialog.close()


def test_switching_language_carries_it_out(app_parts: AppParts, english_afterwards) -> None:
    session_id = deleted_in(app_parts)
    switch = app_parts.window.options.switch_language
    assert switch is not None
    switch("en")
    assert not stored(app_parts.store.path, session_id)


def test_a_crash_before_it_is_carried_out_leaves_the_session_whole(tmp_path: Path) -> None:
    db = seeded(tmp_path / "crash.sqlite3")
    with open_store(db) as store:
        session_id = HistoryQueries.for_store(store).sessions().rows[0].session_id
        events = len(store.sessions.entries(session_id))
        blob = with_a_note(store, session_id)
    script = textwrap.dedent(
        f"""
        import os, signal
        from PySide6.QtWidgets import QApplication
        from circlekeeper.store import open_store
        from circlekeeper.store.history.queries import HistoryQueries
        from circlekeeper.ui.history import HistoryPage
        app = QApplication([])
        store = open_store({str(db)!r})
        page = HistoryPage(HistoryQueries.for_store(store), threaded=False,
                           ask=lambda *a: True)
        page.show()
        app.processEvents()
        assert page.delete_session({session_id})
        print("deleted in the window", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "deleted in the window" in done.stdout, done.stderr
    assert done.returncode != 0  # killed, nothing carried out
    with open_store(db) as store:
        assert len(store.sessions.entries(session_id)) == events
        assert [n.ciphertext for n in store.notes.for_session(session_id)] == [blob]


def test_restoring_a_backup_carries_it_out_first(app_parts: AppParts) -> None:
    """The data of now is kept aside by a restore: without the session deleted just before."""
    from circlekeeper.store.restoring import KEPT_ASIDE
    from tests.ui.test_restore_in_app import Answers as RestoreAnswers
    from tests.ui.test_restore_in_app import restore_command

    db = app_parts.store.path
    assert db is not None
    app_parts.store.backups.backup("manual")
    session_id = deleted_in(app_parts)
    asked: list[str] = []
    app_parts.window.options.ask = lambda _parent, _title, question: asked.append(question) or True
    RestoreAnswers(restore_command(app_parts))
    restore_command(app_parts)(app_parts.window)
    assert f"{SESSIONS - 1} sessions" in asked[0]  # what it holds now: carried out already
    (kept,) = (
        p
        for p in db.parent.glob(f"{db.name}{KEPT_ASIDE}*")
        if not p.name.endswith(("-wal", "-shm", "-journal"))
    )
    assert not stored(kept, session_id)
    assert stored(db, session_id)  # the backup, made before, holds it: restored, as promised


def test_choosing_a_session_asks_its_rights_off_the_screens_thread(
    qtbot, store: Store, answers: Answers
) -> None:
    """On a server whether a session may be deleted is a round trip: choosing a row asks it
    with the session's detail, on the history's own thread, so the table never waits for it."""
    import threading

    source = HistoryQueries.for_store(store)
    asked_on: list[threading.Thread] = []
    why = "Session 1 was run by robin; only robin can delete it."

    def refused(asked: int) -> SessionDeletion:
        asked_on.append(threading.current_thread())
        return SessionDeletion(asked, why)

    source.deletion = refused  # type: ignore[method-assign]
    widget = HistoryPage(source, ask=answers, now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0)
    widget.table.selectRow(0)
    qtbot.waitUntil(lambda: widget.detail_view is not None)
    assert asked_on and threading.main_thread() not in asked_on
    assert not delete_button(widget).isEnabled() and delete_button(widget).toolTip() == why
    widget.background.stop()
