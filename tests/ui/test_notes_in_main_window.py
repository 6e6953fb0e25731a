"""Notes inside the real main window: on the live screen, never on the presenter screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.main_window import MainWindow, WindowOptions
from circlekeeper.ui.notes import NotesFactory, NotesMenu, QuickNoteField
from circlekeeper.ui.setup.setup_dialog import SetupDialog, default_plan
from tests.ui.conftest import TestClock
from tests.ui.memory_catalog import MemoryCatalog
from tests.ui.notes_support import NotesKit, make_kit, widget_texts
from tests.vault.leaks import contains_marker

MARKER = "MARKER-7f3a-live-e51d"


class AutoSetup(SetupDialog):
    def exec(self) -> int:
        self.start_button.click()
        return 1


@pytest.fixture
def kit(qtbot) -> NotesKit:
    return make_kit()


@pytest.fixture
def window(qtbot, clock: TestClock, kit: NotesKit) -> MainWindow:
    options = WindowOptions(
        clock_factory=lambda: clock,
        setup_dialog=AutoSetup,
        muted=True,
        ask=lambda parent, title, question: True,
        notes_factory=NotesFactory(kit.service, kit.bridge),
    )
    win = MainWindow(MemoryCatalog(), options)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.save_circle(
        CircleDetail(
            None,
            "Tuesday",
            default_plan=default_plan(),
            members=(Member(-1, "Amal", "she/her"), Member(-2, "Jonas"), Member(-3, "نور")),
        )
    )
    return win


def note_field(window: MainWindow) -> QuickNoteField:
    assert window.live_view is not None
    fields = window.live_view.findChildren(QuickNoteField)
    assert len(fields) == 1
    return fields[0]


def test_the_live_screen_has_the_note_field_with_the_people_present(
    qtbot, window: MainWindow, kit: NotesKit, clock: TestClock
) -> None:
    window.start_circle()
    field = note_field(window)
    names = [plain(field.person.itemText(i)) for i in range(field.person.count())]
    assert names[0] == "About no one" and {"Amal", "Jonas", "نور"} <= set(names)
    clock.advance(125)
    field.person.setCurrentIndex(names.index("Jonas"))
    qtbot.keyClicks(field.edit, f"{MARKER} check in next week")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert window._session_id is not None
    notes = kit.service.for_session(window._session_id)
    assert [n.text for n in notes] == [f"{MARKER} check in next week"]
    assert notes[0].elapsed == pytest.approx(125, abs=1)
    assert notes[0].person_id is not None
    assert "2:05 into the session" in field.status.text()
    window.grab().save("/tmp/shots/notes_live.png")


def test_typing_a_note_does_not_trigger_live_shortcuts(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    window.start_circle()
    field = note_field(window)
    assert window.live_view is not None
    before = len(window.live_view.controller.session.log)
    window.activateWindow()
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    qtbot.keyClicks(field.edit, "N P L space")
    assert field.edit.text() == "N P L space"
    assert len(window.live_view.controller.session.log) == before


def test_the_presenter_window_never_shows_notes(qtbot, window: MainWindow, kit: NotesKit) -> None:
    window.start_circle()
    field = note_field(window)
    qtbot.keyClicks(field.edit, f"{MARKER} saved one")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(field.edit, f"{MARKER} still typing")
    window.toggle_presenter()
    presenter = window.presenter
    assert presenter is not None
    qtbot.addWidget(presenter)
    assert presenter.findChildren(QuickNoteField) == []
    assert MARKER not in widget_texts(presenter)
    window.live_view.controller.move_on()  # type: ignore[union-attr]
    assert MARKER not in widget_texts(presenter)


def test_after_using_the_notes_ui_the_clipboard_is_clean(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("nothing private")
    menu = NotesMenu(window, kit.service, kit.bridge)
    window.start_circle()
    field = note_field(window)
    qtbot.keyClicks(field.edit, f"{MARKER} clipboard check")
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    dialog = menu.open_session_notes()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.panel.list.setCurrentRow(0)
    dialog.panel.viewer.selectAll()
    dialog.panel.search.setText("clipboard")
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        assert not contains_marker(clipboard.text(mode).encode("utf-8"), MARKER)
    assert clipboard.text() == "nothing private"


def test_locking_clears_the_live_field_and_the_circle_carries_on(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    window.start_circle()
    field = note_field(window)
    qtbot.keyClicks(field.edit, "half a thought")
    kit.bridge.lock()
    assert field.edit.text() == "" and field.unlock_button.isVisible()
    assert window.live_view is not None
    assert window.live_view.controller.move_on()


def test_notes_menu_follows_the_vault_and_the_session(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    menu = NotesMenu(window, kit.service, kit.bridge, name_of=lambda pid: f"person {pid}")
    assert not menu.session_action.isEnabled()
    assert menu.lock_action.isEnabled() and not menu.unlock_action.isEnabled()
    window.start_circle()
    assert menu.session_action.isEnabled() and menu.session_id == window._session_id
    menu.lock_action.trigger()
    assert not kit.vault.is_unlocked
    assert menu.unlock_action.isEnabled() and not menu.lock_action.isEnabled()
    kit.bridge.set_unlock_prompt(kit.unlock_prompt_answering())
    menu.unlock_action.trigger()
    assert kit.vault.is_unlocked
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Notes" in titles


def test_a_late_arrival_can_be_noted_about(qtbot, window: MainWindow, kit: NotesKit) -> None:
    from circlekeeper.session.model import Participant

    window.start_circle()
    field = note_field(window)
    assert window.live_view is not None
    window.live_view.controller.join(Participant("99", "Late Lee", ""))
    names = [plain(field.person.itemText(i)) for i in range(field.person.count())]
    assert "Late Lee" in names


def test_the_circle_ends_and_the_field_goes_with_the_live_view(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    window.start_circle()
    field = note_field(window)
    qtbot.keyClicks(field.edit, "about to end")
    assert window.live_view is not None
    controller = window.live_view.controller
    window.live_view.end_circle()
    assert window.summary_view is not None
    with qtbot.waitSignal(field.destroyed, timeout=2000):
        pass
    controller.changed.emit()  # a late signal must not reach the deleted field
    kit.bridge.lock()


def test_notes_never_enter_the_session_log_summary_or_its_exports(
    qtbot, window: MainWindow, kit: NotesKit
) -> None:
    """The JSON export and the PDF read the log and its summary; notes reach neither."""
    import json

    from circlekeeper.session import events as ev
    from tests.vault.leaks import assert_no_marker

    window.start_circle()
    field = note_field(window)
    assert window.live_view is not None
    controller = window.live_view.controller
    controller.move_on()
    qtbot.keyClicks(field.edit, f"{MARKER} during a turn")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    controller.move_on()
    entries = controller.session.log
    exported = json.dumps(
        [
            {"seq": e.seq, "kind": type(e.event).__name__, "payload": ev.to_payload(e.event)}
            for e in entries
        ],
        ensure_ascii=False,
        default=str,
    )
    assert_no_marker(exported.encode("utf-8"), MARKER)
    window.live_view.end_circle()
    summary = window.summary_view
    assert summary is not None
    assert MARKER not in repr(summary.summary)
    assert MARKER not in widget_texts(summary)


def test_before_any_passphrase_the_menu_offers_to_set_notes_up_not_to_unlock(qtbot) -> None:
    """ "Unlock private notes…" was the first thing the Notes menu offered before there was
    anything to unlock; the live screen's button said "choose a passphrase to start"."""
    from PySide6.QtWidgets import QMainWindow

    from tests.ui.notes_support import make_kit

    kit = make_kit(unlocked=False)
    host = QMainWindow()
    qtbot.addWidget(host)
    menu = NotesMenu(host, kit.service, kit.bridge)
    assert menu.unlock_action.text() == "Set &up private notes…"
    kit.vault.create("correct horse battery")
    kit.bridge.lock()
    assert menu.unlock_action.text() == "&Unlock private notes…"
