"""Passphrase dialogs: first use with its warning, unlock with a countdown, change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from circlekeeper.ui.notes.passphrase_dialogs import (
    ChangePassphraseDialog,
    CreatePassphraseDialog,
    UnlockDialog,
)
from tests.ui.notes_support import PASSPHRASE, NotesKit, make_kit, widget_texts


@pytest.fixture
def fresh(qtbot) -> NotesKit:
    return make_kit(unlocked=False)


@pytest.fixture
def locked(qtbot) -> NotesKit:
    kit = make_kit()
    kit.vault.lock()
    return kit


def test_first_use_says_forgotten_passphrase_means_lost_notes(qtbot, fresh: NotesKit) -> None:
    dialog = CreatePassphraseDialog(fresh.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    text = widget_texts(dialog)
    assert "cannot be recovered" in text
    assert "Everything else in CircleKeeper" in text
    dialog.grab().save("/tmp/shots/notes_create.png")


def test_first_use_needs_the_same_passphrase_twice(qtbot, fresh: NotesKit) -> None:
    dialog = CreatePassphraseDialog(fresh.vault)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "tea by the window")
    qtbot.keyClicks(dialog.confirm, "tea by the windows")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.text()
    assert not fresh.vault.is_set_up
    assert dialog.confirm.text() == ""


def test_first_use_refuses_a_short_passphrase(qtbot, fresh: NotesKit) -> None:
    dialog = CreatePassphraseDialog(fresh.vault)
    qtbot.addWidget(dialog)
    for field in (dialog.passphrase, dialog.confirm):
        qtbot.keyClicks(field, "abc")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.error.text()
    assert not fresh.vault.is_set_up


def test_first_use_accepts_and_unlocks_and_wipes_the_fields(qtbot, fresh: NotesKit) -> None:
    dialog = CreatePassphraseDialog(fresh.vault)
    qtbot.addWidget(dialog)
    for field in (dialog.passphrase, dialog.confirm):
        field.setText("שקט ונעים 🌿 山田")
    with qtbot.waitSignal(fresh.bridge.unlocked):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert fresh.vault.is_unlocked
    assert dialog.passphrase.text() == "" and dialog.confirm.text() == ""


def test_show_box_reveals_what_is_typed(qtbot, fresh: NotesKit) -> None:
    dialog = CreatePassphraseDialog(fresh.vault)
    qtbot.addWidget(dialog)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    dialog.show_box.setChecked(True)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Normal


def test_wrong_passphrase_message_then_a_countdown(qtbot, locked: NotesKit) -> None:
    dialog = UnlockDialog(locked.vault)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not right" in dialog.error.text()
    assert not locked.vault.is_unlocked
    assert dialog.passphrase.text() == ""
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Try again in 1 s"
    dialog.grab().save("/tmp/shots/notes_unlock_wrong.png")
    locked.clock.advance(1.0)
    dialog._update_wait()
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "&Unlock"
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert locked.vault.is_unlocked and dialog.result() == 1


def test_enter_key_unlocks(qtbot, locked: NotesKit) -> None:
    dialog = UnlockDialog(locked.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert locked.vault.is_unlocked


def test_damaged_vault_is_explained_not_blamed_on_the_passphrase(qtbot, locked: NotesKit) -> None:
    header = locked.headers.header
    assert header is not None
    locked.headers.header = replace(header, wrapped_key=header.wrapped_key[:-1] + b"\0")
    dialog = UnlockDialog(locked.vault)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "damaged" in dialog.error.text() and "backup" in dialog.error.text()
    assert "not right" not in dialog.error.text()


def test_change_passphrase_dialog(qtbot) -> None:
    kit = make_kit()
    dialog = ChangePassphraseDialog(kit.vault)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "wrong current one")
    qtbot.keyClicks(dialog.passphrase, "a fresh passphrase")
    qtbot.keyClicks(dialog.confirm, "a fresh passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not right" in dialog.error.text() and dialog.current.text() == ""
    kit.clock.advance(kit.vault.retry_wait())
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    kit.vault.lock()
    kit.vault.unlock("a fresh passphrase")
    assert kit.vault.is_unlocked


def test_a_passphrase_just_chosen_is_confirmed_with_what_it_protects(
    qtbot, fresh: NotesKit, monkeypatch
) -> None:
    """The set-up dialog closed with no word: did it take? Now a message says it is set, what
    it protects, and that it cannot be recovered if forgotten."""
    from PySide6.QtWidgets import QMessageBox

    from circlekeeper.ui.notes import passphrase_dialogs

    shown: list[tuple[str, str, str]] = []

    def answer(dialog: CreatePassphraseDialog) -> int:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.confirm.setText(PASSPHRASE)
        dialog._submit()
        return dialog.result()

    def told(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(CreatePassphraseDialog, "exec", answer)
    monkeypatch.setattr(QMessageBox, "exec", told)
    assert passphrase_dialogs.ask_to_unlock(fresh.vault)
    assert fresh.vault.is_set_up and fresh.vault.is_unlocked
    ((title, text, more),) = shown
    assert title == "Private notes are protected"
    assert "passphrase is set" in text and "encrypted with it" in text
    assert "cannot be recovered" in more
    assert PASSPHRASE not in title + text + more

    # Unlocking later is not setting up: no message then.
    fresh.vault.lock()
    monkeypatch.setattr(
        UnlockDialog, "exec", lambda d: fresh.vault.unlock(PASSPHRASE) or 1, raising=True
    )
    assert passphrase_dialogs.ask_to_unlock(fresh.vault)
    assert len(shown) == 1


def test_a_third_wrong_passphrase_says_what_to_check_and_what_forgetting_means(
    qtbot, locked: NotesKit
) -> None:
    """Saying "please try again" three times over left a facilitator guessing: the third wrong try
    names Caps Lock and the keyboard's language, and says a forgotten passphrase leaves
    nothing else harmed."""
    dialog = UnlockDialog(locked.vault)
    qtbot.addWidget(dialog)
    for attempt in range(1, 4):
        qtbot.keyClicks(dialog.passphrase, f"wrong guess {attempt}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        said = dialog.error.text()
        if attempt < 3:
            assert said == "That passphrase is not right. Please try again.", said
            locked.clock.advance(60.0)
            dialog._update_wait()
    assert "Caps Lock" in said, said
    assert "nobody can open the private notes" in said
    assert "not affected" in said
    assert not locked.vault.is_unlocked


def test_a_longer_message_grows_the_window_instead_of_being_cut_off(
    qtbot, locked: NotesKit
) -> None:
    """The first wrong try's one line sized the window; the third try's longer message was
    then cut off mid-sentence at the bottom (seen in Spanish on a real display)."""
    dialog = UnlockDialog(locked.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for attempt in range(1, 4):
        qtbot.keyClicks(dialog.passphrase, f"wrong guess {attempt}")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.wait(10)
        locked.clock.advance(60.0)
        dialog._update_wait()
    label = dialog.error
    assert label.text().count(" ") > 20  # the long message, several lines at this width
    assert label.height() >= label.heightForWidth(label.width()), "the message is cut off"
    assert label.geometry().bottom() < dialog.buttons.geometry().top()
