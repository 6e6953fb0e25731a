"""A database in a read-only folder: the window reads it, and holds every command that writes.

Before, the title said "(read-only)" but *New circle*, *Start a circle*, *Import*, *Settings*
and the circle page's buttons stayed enabled, each failing only after a form was filled in;
and start-up offered to resume a circle and to delete old sessions, both writes. On a real
read-only bind mount (skipped where the machine cannot mount one), through the real app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QVBoxLayout, QWidget

from circlekeeper.app import AppParts, build_app, greet
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.store import Store, open_store
from circlekeeper.ui.read_only_hold import read_only_reason
from circlekeeper.vault import NotesService, Vault
from tests.store.media import read_only_view
from tests.ui.conftest import app_options

HELD_MENU = {"&New circle…", "&Edit circle…", "&Start a circle…", "&Import a session file…"}
HELD_MENU |= {"Se&ttings…", "&Restore from backup…"}
PASSPHRASE = "read only, still mine"
NOTE = "Ask Sam about the room"
READING_MENU = {"&Prompt library…", "&Archived circles…", "&Quit"}


@contextmanager
def _opened_read_only(
    qtbot, tmp_path: Path, clock, *, with_notes: bool = False
) -> Iterator[AppParts]:
    """Three demo circles on a real read-only bind mount, opened by the real app; with a
    private note on the first session if asked (its vault made with the app's own settings,
    so unlocking it never has to strengthen, and write, the header)."""
    source = tmp_path / "stick"
    with open_store(source / "circlekeeper.sqlite3") as store:
        seed_demo(store.engine, 3, seed=5)
        if with_notes:
            vault = Vault(store.vault_header, notes=store.notes)
            vault.create(PASSPHRASE)
            NotesService(vault, store.notes).add(NOTE, session_id=_first_session(store))
    asked: list[str] = []
    options = app_options(clock)
    options.ask = lambda parent, title, question: asked.append(title) or True
    with read_only_view(source, tmp_path / "ro") as folder:
        parts = build_app(str(folder / "circlekeeper.sqlite3"), options)
        qtbot.addWidget(parts.window)
        parts.window.show()
        qtbot.waitExposed(parts.window)
        try:
            yield parts
        finally:
            parts.window.close()
            parts.data.close()


def _first_session(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT min(id) FROM sessions").scalar_one())


@pytest.fixture
def read_only_app(qtbot, tmp_path: Path, clock) -> Iterator[AppParts]:
    with _opened_read_only(qtbot, tmp_path, clock) as parts:
        yield parts


def test_every_command_that_writes_is_held_and_says_why(read_only_app: AppParts) -> None:
    window = read_only_app.window
    assert read_only_app.data.store.read_only
    menu = {a.text(): a for a in window.menus.circle_menu.actions() if a.text()}
    for title in HELD_MENU:
        assert not menu[title].isEnabled(), title
        assert menu[title].toolTip() == read_only_reason(), title
    for title in READING_MENU:
        assert menu[title].isEnabled(), title
    assert window.menus.circle_menu.toolTipsVisible()
    buttons = [*window.side.findChildren(QPushButton), window.circle_page.start]
    buttons += [window.circle_page.edit, *window.welcome.buttons()]
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == read_only_reason(), button.text()
    assert window.circle_list.count() > 0 and window.circle_list.isEnabled()  # still readable
    notes = next(m for m in window.findChildren(QMenu) if m.title() == "&Notes")
    setting_up = {a.text(): a for a in notes.actions() if a.text()}
    assert not setting_up["Set &up private notes…"].isEnabled()  # writes the vault's header
    assert setting_up["Set &up private notes…"].toolTip() == read_only_reason()
    assert not setting_up["&Change passphrase…"].isEnabled()


def test_the_shortcut_to_start_a_circle_does_nothing(qtbot, read_only_app: AppParts) -> None:
    from PySide6.QtCore import Qt

    window = read_only_app.window
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller is None and window.live_view is None


def test_start_up_offers_nothing_that_would_write(
    read_only_app: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    offered: list[str] = []
    window = read_only_app.window
    monkeypatch.setattr(window, "offer_resume", lambda: offered.append("resume"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: offered.append("notice"))
    monkeypatch.setattr(
        "circlekeeper.ui.retention_offer.offer_due_retention",
        lambda *args: offered.append("retention"),
    )
    greet(window, read_only_app.data)
    assert offered == ["notice"]  # the read-only notice, and no offer to write
    assert "(read-only)" in window.windowTitle()


def test_choosing_another_circle_keeps_what_writes_held(qtbot, read_only_app: AppParts) -> None:
    """Choosing a circle enables what acts on it (Archive, Edit, Start), except here."""
    window = read_only_app.window
    circles = window.circle_list
    assert circles.count() > 1
    for row in (1, 0):
        circles.setCurrentRow(row)
        qtbot.wait(10)
        menu = {a.text(): a for a in window.menus.circle_menu.actions() if a.text()}
        assert not menu["&Edit circle…"].isEnabled()
        assert not menu["&Start a circle…"].isEnabled()
        assert not window.circle_page.start.isEnabled()
        assert not window.circle_page.edit.isEnabled()
        archive = [b for b in window.side.findChildren(QPushButton) if "rchive" in b.text()]
        assert archive and not any(button.isEnabled() for button in archive)


def _held(widget: QWidget) -> bool:
    return not widget.isEnabled() and widget.toolTip() == read_only_reason()


def test_history_holds_deleting_a_session_and_the_retention_period(
    qtbot, read_only_app: AppParts
) -> None:
    """*Delete session…*, the Delete key and the retention panel's writes were enabled and
    failed only when used; now they are greyed and say why, while reading stays."""
    from PySide6.QtCore import Qt

    from circlekeeper.ui.history.page import HistoryPage

    window = read_only_app.window
    history = window.options.extra_pages["&History"]
    assert isinstance(history, HistoryPage)
    window.show_page(history)
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: history.detail_view is not None)
    assert history.detail_view is not None
    assert _held(history.detail_view.delete_button)
    rows = history.model.rowCount()
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert history.model.rowCount() == rows  # nothing asked, nothing deleted
    history.tabs.setCurrentWidget(history.circles_tab)
    circle = read_only_app.data.store.circles.list()[0]
    history.show_circle(circle.circle_id)
    qtbot.waitUntil(lambda: history.circle_view is not None)
    assert history.circle_view is not None
    retention = history.circle_view.retention
    for control in (retention.save_button, retention.delete_button, retention.days):
        assert _held(control)
    assert retention.preview_button.isEnabled()  # seeing what would go only reads
    retention.show_preview()
    assert _held(retention.delete_button)  # a preview enables it where the data is writable


def test_the_prompt_library_holds_its_edits(qtbot, read_only_app: AppParts) -> None:
    window = read_only_app.window
    prompts = window.options.prompts
    assert prompts is not None
    browser = prompts.browser(window)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    pane = browser.pane
    held = [browser.new_button, browser.import_button]
    held += [pane.edit_button, pane.favourite, pane.hide_button, pane.archive_button]
    for button in held:  # a hidden one (Archive is for your own prompts) is held when shown
        assert _held(button) or not button.isVisibleTo(browser), button.text()
    assert _held(pane.edit_button) and _held(browser.new_button)
    assert browser.export_button.isEnabled()  # writing a file elsewhere changes no data


def test_private_notes_read_but_hold_editing_and_deleting(qtbot, tmp_path: Path, clock) -> None:
    from circlekeeper.ui.notes.panel import NotesPanel

    with _opened_read_only(qtbot, tmp_path, clock, with_notes=True) as parts:
        notes = parts.data.notes
        notes.vault.unlock(PASSPHRASE)
        session_id = _first_session(parts.data.store)
        panel = NotesPanel(notes.service, notes.bridge, session_id=session_id)
        holder = QDialog(parts.window)  # in the window, as the notes dialog holds it
        QVBoxLayout(holder).addWidget(panel)
        holder.show()
        qtbot.waitExposed(holder)
        panel.list.setCurrentRow(0)
        assert panel.viewer.toPlainText() == NOTE  # still readable
        assert _held(panel.edit_button) and _held(panel.delete_button)


def test_another_window_on_writable_data_is_not_held(qtbot, read_only_app: AppParts) -> None:
    """The watcher holds its own window's controls only: a panel elsewhere (another window on
    writable data, a test's own widget) keeps its buttons."""
    from circlekeeper.ui.read_only_hold import writes

    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    button = writes(QPushButton("Edit", elsewhere))
    elsewhere.show()
    qtbot.waitExposed(elsewhere)
    assert button.isEnabled() and button.toolTip() == ""
