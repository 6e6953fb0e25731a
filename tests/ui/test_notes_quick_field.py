"""The live screen's private note field: Enter saves, locked shows locked, lock wipes it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from circlekeeper.ui.notes.quick_note import QuickNoteField
from circlekeeper.vault.errors import VaultError
from tests.ui.notes_support import NotesKit, make_kit

PEOPLE = [(1, "Amal (she/her)"), (2, "Jonas"), (3, "山田 花子"), (4, "نور")]


@pytest.fixture
def kit(qtbot) -> NotesKit:
    return make_kit()


def make_field(qtbot, kit: NotesKit, elapsed: float = 725.0) -> QuickNoteField:
    field = QuickNoteField(
        kit.service, kit.bridge, session_id=7, elapsed=lambda: elapsed, people=PEOPLE
    )
    qtbot.addWidget(field)
    field.show()
    return field


def test_enter_saves_an_encrypted_note_at_once(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    qtbot.keyClicks(field.edit, "Jonas seemed tired, check in")
    with qtbot.waitSignal(field.saved):
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert len(kit.repo.rows) == 1
    record = next(iter(kit.repo.rows.values()))
    assert (record.session_id, record.person_id, record.elapsed) == (7, None, 725.0)
    assert b"tired" not in record.ciphertext
    assert field.edit.text() == ""
    # The clock the locale uses (English: 12-hour, "2:05 PM"; German: "14:05").
    assert re.fullmatch(
        r"Saved \d{1,2}:\d\d(\s[AP]M)? · 12:05 into the session", field.status.text()
    )
    assert kit.service.for_session(7)[0].text == "Jonas seemed tired, check in"


def test_a_note_about_one_person(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    assert [field.person.itemText(i) for i in range(field.person.count())] == [
        "About no one",
        *[name for _, name in PEOPLE],
    ]
    field.person.setCurrentIndex(3)
    field.edit.setText("山田さん: 次回フォロー 🌿")
    field.edit.returnPressed.emit()
    note = kit.service.for_person(3)[0]
    assert note.text == "山田さん: 次回フォロー 🌿"


def test_enter_on_an_empty_field_saves_nothing(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    qtbot.keyClicks(field.edit, "   ")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert kit.repo.rows == {}


def test_people_list_follows_arrivals_and_keeps_the_choice(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    field.person.setCurrentIndex(2)  # Jonas
    field.set_people([*PEOPLE, (5, "Late arrival")])
    assert field.person.currentData() == 2
    assert field.person.itemText(5) == "Late arrival"
    field.set_people(PEOPLE[:1])
    assert field.person.currentData() is None


def test_locked_field_says_so_and_offers_to_unlock(qtbot, kit: NotesKit) -> None:
    kit.vault.lock()
    field = make_field(qtbot, kit)
    assert not field.edit.isEnabled()
    assert field.unlock_button.isVisible()
    assert field.unlock_button.text() == "Notes are locked — unlock"
    field.grab().save("/tmp/shots/notes_quick_locked.png")
    kit.bridge.set_unlock_prompt(kit.unlock_prompt_answering())
    qtbot.mouseClick(field.unlock_button, Qt.MouseButton.LeftButton)
    assert kit.vault.is_unlocked
    assert field.edit.isEnabled() and not field.unlock_button.isVisible()


def test_locking_wipes_half_typed_text_and_its_undo(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    qtbot.keyClicks(field.edit, "something private")
    kit.bridge.lock()
    assert field.edit.text() == ""
    field.edit.undo()
    assert field.edit.text() == ""
    assert not field.edit.isEnabled()


def test_idle_lock_through_the_bridge_timer_check(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    qtbot.keyClicks(field.edit, "typing slowly")
    kit.clock.advance(15 * 60)
    with qtbot.waitSignal(kit.bridge.locked):
        kit.bridge.check_idle()
    assert field.edit.text() == "" and field.unlock_button.isVisible()


def test_a_failed_save_keeps_the_text_and_says_why(qtbot, kit: NotesKit, monkeypatch) -> None:
    field = make_field(qtbot, kit)

    def refuse(*_args: object) -> None:
        raise VaultError("The database is not available; the note was not saved.")

    monkeypatch.setattr(kit.repo, "add", refuse)
    qtbot.keyClicks(field.edit, "keep me")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.edit.text() == "keep me"
    assert field.status.text().startswith("Not saved: The database is not available")


def test_escape_gives_the_keyboard_back_to_the_live_screen(qtbot, kit: NotesKit) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field = QuickNoteField(kit.service, kit.bridge, session_id=1, parent=host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)
    assert not field.edit.hasFocus()


def test_saving_never_touches_the_clipboard(qtbot, kit: NotesKit) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    field = make_field(qtbot, kit)
    qtbot.keyClicks(field.edit, "MARKER-7f3a-clip")
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert clipboard.text() == "before"


def test_activity_anywhere_keeps_the_vault_awake(qtbot) -> None:
    kit = make_kit(track_activity=True)
    field = make_field(qtbot, kit)
    kit.clock.advance(14 * 60)
    qtbot.keyClick(field.edit, Qt.Key.Key_A)
    kit.clock.advance(14 * 60)
    kit.bridge.check_idle()
    assert kit.vault.is_unlocked
    kit.bridge.shutdown()
    assert not kit.vault.is_unlocked


def test_lock_clears_clipboard_text_this_app_put_there(qtbot, kit: NotesKit) -> None:
    field = make_field(qtbot, kit)
    qtbot.waitExposed(field)
    field.activateWindow()
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.setText("copied by hand")
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "copied by hand"
    kit.bridge.lock()
    assert clipboard.text() == ""


def test_lock_leaves_other_clipboard_text_alone(qtbot, kit: NotesKit) -> None:
    make_field(qtbot, kit)
    QGuiApplication.clipboard().setText("a circle agreement copied elsewhere")
    kit.bridge.lock()
    assert QGuiApplication.clipboard().text() == "a circle agreement copied elsewhere"


def test_bridge_turns_vault_changes_into_signals(qtbot, kit: NotesKit) -> None:
    assert kit.bridge.is_unlocked
    with qtbot.waitSignal(kit.bridge.locked):
        kit.bridge.lock()
    kit.bridge.set_unlock_prompt(kit.unlock_prompt_answering())
    with qtbot.waitSignal(kit.bridge.unlocked):
        assert kit.bridge.request_unlock(None)
    assert kit.bridge.request_unlock(None)  # already open: no prompt, still True


def test_first_use_offers_to_choose_a_passphrase(qtbot) -> None:
    kit = make_kit(unlocked=False)
    field = make_field(qtbot, kit)
    assert field.unlock_button.text() == "Private notes — choose a passphrase to start"
    kit.bridge.set_unlock_prompt(lambda _p: kit.vault.create("first passphrase ok") is None)
    qtbot.mouseClick(field.unlock_button, Qt.MouseButton.LeftButton)
    assert field.edit.isEnabled()
    kit.bridge.lock()
    assert field.unlock_button.text() == "Notes are locked — unlock"


def test_a_server_gone_mid_circle_keeps_the_note_and_never_widens_the_screen(
    qtbot, kit: NotesKit, monkeypatch
) -> None:
    """Walked on a real server: the field said "Not saved: CircleKeeper cannot reach the
    database server postgresql+psycopg://robin@…/circlekeeper (connection failed: …)" on one
    line that would not wrap, and the live screen grew past a 1366-pixel display, its right
    column off-screen for the rest of the circle. Now it says what to do, in a few words, and
    wraps within the column it has."""
    from circlekeeper.store.errors import ServerUnreachable

    field = make_field(qtbot, kit)
    field.resize(360, field.sizeHint().height())
    before = field.minimumSizeHint().width()
    long_reason = (
        "CircleKeeper cannot reach the database server postgresql+psycopg://robin@db.example.org"
        ':5432/circlekeeper (connection failed: connection to server at "10.0.0.12", port 5432'
        " failed: Connection refused). Check that the server is running and reachable."
    )

    def unreachable(*_args: object) -> None:
        raise ServerUnreachable(long_reason)

    monkeypatch.setattr(kit.repo, "add", unreachable)
    qtbot.keyClicks(field.edit, "Jonas: call on Monday")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.edit.text() == "Jonas: call on Monday", "nothing typed is lost"
    said = field.status.text()
    assert said.startswith("Not saved: the server does not answer"), said
    assert "press Enter again" in said
    assert "postgresql" not in said
    assert field.minimumSizeHint().width() <= max(before, 360)
    assert field.status.wordWrap()


def test_a_wrapped_refusal_gets_the_height_of_its_lines(qtbot, kit: NotesKit) -> None:
    """At 1024×600 in German the refusal took three lines and the field gave it two."""
    field = make_field(qtbot, kit)
    field.status.setText("Nicht gespeichert: " + "Der Server antwortet nicht. " * 4)
    assert field.status.sizePolicy().hasHeightForWidth()
    assert field.status.heightForWidth(300) > 2 * field.status.fontMetrics().height()
    assert field.heightForWidth(300) >= field.status.heightForWidth(300)


def test_unlocking_while_the_server_is_away_says_so_instead_of_failing_silently(
    qtbot, monkeypatch
) -> None:
    """Walked on a real server: notes locked, the server stopped, Ctrl+Shift+M. Asking
    whether a passphrase exists raised inside the slot (a traceback on stderr), no dialog
    came, and the passphrase the facilitator typed went into the live circle as keys (P
    passed Fatma's turn, Space paused it). Now a message says why, and the keys go there."""
    from PySide6.QtWidgets import QMessageBox

    from circlekeeper.store.errors import ServerUnreachable

    kit = make_kit(unlocked=False)
    field = make_field(qtbot, kit)

    def away(*_args: object) -> None:
        raise ServerUnreachable("CircleKeeper cannot reach the database server postgresql://…")

    monkeypatch.setattr(kit.headers, "load", away)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: told.append(text)
    )
    field.focus_note()  # Ctrl+Shift+M
    assert len(told) == 1
    assert told[0].startswith("Private notes cannot be unlocked while the server does not answer")
    assert not kit.bridge.is_unlocked


@pytest.mark.parametrize("language", ["fr", "pt_BR", "es", "de", "ar"])
def test_about_no_one_is_shown_whole_in_every_language(
    qtbot, kit: NotesKit, english_afterwards, language: str
) -> None:
    """The French "À propos de personne" showed as "À propos de personn" at 1366×768: the
    list kept room for twelve letters, whatever "About no one" takes in the language."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from circlekeeper.i18n import use_language

    use_language(language)
    field = make_field(qtbot, kit)
    field.resize(420, field.sizeHint().height())
    combo = field.person
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text = combo.itemText(0)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    assert combo.fontMetrics().horizontalAdvance(text) <= room.width(), (text, room.width())
