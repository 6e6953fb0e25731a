"""Reading notes after the circle or about a person: list, view, edit, delete, search, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from circlekeeper.ui.notes.notes_dialog import NotesDialog
from circlekeeper.ui.notes.panel import NotesPanel
from tests.ui.notes_support import NotesKit, make_kit, widget_texts

NAMES = {1: "Amal", 2: "Jonas", 3: "山田 花子"}


@pytest.fixture
def kit(qtbot) -> NotesKit:
    kit = make_kit()
    kit.service.add("Amal mentioned the food bank", 7, person_id=1, elapsed=65.0)
    kit.service.add("Room was cold — bring the heater <b>&</b>", 7, elapsed=300.0)
    kit.service.add("Jonas: first time sharing\nsecond line stays in the viewer", 7, 2, 725.0)
    kit.service.add("Amal again, another week", 8, person_id=1, elapsed=30.0)
    return kit


class Answers:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, _parent, _title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answer


def make_panel(qtbot, kit: NotesKit, ask=None, **scope) -> NotesPanel:
    panel = NotesPanel(kit.service, kit.bridge, name_of=NAMES.get, ask=ask, **scope)
    qtbot.addWidget(panel)
    panel.resize(800, 420)
    panel.show()
    return panel


def rows(panel: NotesPanel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_a_sessions_notes_in_order_with_time_and_person(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    assert rows(panel) == [
        "1:05 · Amal · Amal mentioned the food bank",
        "5:00 · Room was cold — bring the heater <b>&</b>",
        "12:05 · Jonas · Jonas: first time sharing",
    ]
    assert panel.message.text() == "3 notes"
    panel.list.setCurrentRow(2)
    assert panel.viewer.toPlainText().endswith("second line stays in the viewer")
    assert "12:05 into the session" in panel.meta.text() and "about Jonas" in panel.meta.text()
    panel.grab().save("/tmp/shots/notes_panel.png")


def test_a_persons_notes_across_sessions(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, person_id=1)
    assert [r.split(" · ")[-1] for r in rows(panel)] == [
        "Amal mentioned the food bank",
        "Amal again, another week",
    ]


def test_search_filters_in_memory(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    qtbot.keyClicks(panel.search, "FOOD")
    assert rows(panel) == ["1:05 · Amal · Amal mentioned the food bank"]
    panel.search.setText("no such words")
    assert rows(panel) == [] and panel.message.text() == "No notes match that search."
    assert panel.viewer.toPlainText() == ""


def test_edit_and_save(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert not panel.viewer.isReadOnly() and not panel.list.isEnabled()
    panel.viewer.setPlainText("Room was warm today ☀️")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.viewer.isReadOnly()
    assert rows(panel)[1] == "5:00 · Room was warm today ☀️"
    assert panel.current_note_id() == kit.service.for_session(7)[1].note_id
    assert panel.message.text() == "Note saved."


def test_cancel_edit_restores_the_text(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    panel.begin_edit()
    panel.viewer.setPlainText("scribble")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.viewer.toPlainText() == "Amal mentioned the food bank"
    assert kit.service.for_session(7)[0].text == "Amal mentioned the food bank"


def test_delete_asks_first(qtbot, kit: NotesKit) -> None:
    no = Answers(False)
    panel = make_panel(qtbot, kit, ask=no, session_id=7)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "cannot be brought back" in no.questions[0]
    assert len(kit.service.for_session(7)) == 3
    no.answer = True
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert kit.service.for_session(7)[0].text.startswith("Room was cold")
    assert len(rows(panel)) == 2 and panel.message.text() == "Note deleted."


def test_lock_wipes_everything_shown_and_unlock_brings_it_back(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    panel.search.setText("food")
    panel.begin_edit()
    panel.viewer.setPlainText("half-edited MARKER-7f3a-panel")
    kit.bridge.lock()
    assert panel.pages.currentWidget() is panel._locked_page
    shown = widget_texts(panel)
    for secret in ("food bank", "heater", "Jonas: first", "MARKER-7f3a-panel", "food"):
        assert secret not in shown
    panel.viewer.undo()
    assert panel.viewer.toPlainText() == ""
    kit.bridge.set_unlock_prompt(kit.unlock_prompt_answering())
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel._open_page
    assert len(rows(panel)) == 3


def test_lock_button_locks(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    qtbot.mouseClick(panel.lock_button, Qt.MouseButton.LeftButton)
    assert not kit.vault.is_unlocked and rows(panel) == []


def test_a_panel_opened_while_locked_shows_the_locked_page(qtbot, kit: NotesKit) -> None:
    kit.vault.lock()
    panel = make_panel(qtbot, kit, session_id=7)
    assert panel.pages.currentWidget() is panel._locked_page
    assert "Amal" not in widget_texts(panel)


def test_the_locked_message_wraps_whole_in_a_narrow_panel(qtbot, kit: NotesKit) -> None:
    kit.vault.lock()
    panel = make_panel(qtbot, kit, session_id=7)
    panel.resize(260, 300)
    QApplication.processEvents()
    label = panel.locked_label
    assert label.height() >= label.heightForWidth(label.width()), "no line is cut in half"


def test_a_damaged_note_is_shown_as_damaged_and_can_be_deleted(qtbot, kit: NotesKit) -> None:
    from dataclasses import replace

    first = kit.service.for_session(8)[0]
    kit.repo.rows[first.note_id] = replace(kit.repo.rows[first.note_id], ciphertext=b"\x01" * 40)
    panel = make_panel(qtbot, kit, ask=Answers(True), session_id=8)
    assert rows(panel) == ["0:30 · Amal · This note is damaged and cannot be read."]
    assert not panel.edit_button.isEnabled() and panel.delete_button.isEnabled()
    panel.delete_current()
    assert kit.repo.for_session(8) == []


def test_long_and_mixed_script_notes_preview_shortened(qtbot) -> None:
    kit = make_kit()
    kit.service.add("مرحبا " * 3000, 1, elapsed=1.0)
    kit.service.add("שלום 🌿 " + "x" * 200, 1, elapsed=2.0)
    panel = make_panel(qtbot, kit, session_id=1)
    assert all(len(r) < 120 for r in rows(panel))
    assert rows(panel)[0].endswith("…")
    panel.list.setCurrentRow(0)
    assert len(panel.viewer.toPlainText()) == len(("مرحبا " * 3000).strip())


def test_dialog_wraps_the_panel(qtbot, kit: NotesKit) -> None:
    dialog = NotesDialog(
        kit.service, kit.bridge, title="Private notes about Amal", person_id=1, name_of=NAMES.get
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Private notes about Amal"
    assert dialog.panel.list.count() == 2


def test_before_any_passphrase_the_button_offers_to_choose_one_not_to_unlock(qtbot) -> None:
    """ "No private notes yet. Choose a passphrase to start." stood above a button that said
    "Unlock…", which asks for a passphrase nobody has yet."""
    kit = make_kit(unlocked=False)
    panel = make_panel(qtbot, kit, session_id=7)
    assert panel.pages.currentWidget() is panel._locked_page
    assert panel.unlock_button.text() == "Choose a passphrase…"
    kit.vault.create("correct horse battery")
    kit.vault.lock()
    panel.refresh()
    assert panel.unlock_button.text() == "Unlock…"


def test_a_note_written_the_evening_after_asks_the_passphrase_and_is_sealed(
    qtbot, kit: NotesKit
) -> None:
    """After the circle, in the session's notes: New note (Ctrl+N) asks for the passphrase
    when notes are locked, then the words typed are sealed on Save, about whoever was chosen,
    and listed with the others."""
    kit.vault.lock()
    kit.bridge.set_unlock_prompt(kit.unlock_prompt_answering())
    panel = make_panel(qtbot, kit, session_id=7, people=[(1, "Amal"), (2, "Jonas")])
    assert not panel.new_button.isHidden()  # on the open page, behind the locked one for now
    panel.activateWindow()
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus)
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert kit.vault.is_unlocked
    assert panel.viewer.hasFocus() and not panel.viewer.isReadOnly()
    assert panel.viewer.toPlainText() == ""
    assert [panel.about.itemText(i) for i in range(panel.about.count())][1:] == ["Amal", "Jonas"]
    panel.about.setCurrentIndex(2)
    qtbot.keyClicks(panel.viewer, "Call Jonas on Thursday about the new job")
    qtbot.keyClick(panel.viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert panel.message.text() == "Note saved."
    assert panel.viewer.isReadOnly()
    written = [r for r in kit.repo.rows.values() if r.elapsed is None]
    assert len(written) == 1 and written[0].session_id == 7 and written[0].person_id == 2
    assert b"Thursday" not in written[0].ciphertext
    assert kit.service.get(written[0].note_id).text == "Call Jonas on Thursday about the new job"
    assert panel.current_note_id() == written[0].note_id
    assert "Jonas · Call Jonas on Thursday" in panel.list.currentItem().text()


def test_an_empty_new_note_is_not_saved_and_cancel_goes_back(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, session_id=7)
    before = len(kit.repo.rows)
    panel.new_button.click()
    panel.save_button.click()
    assert "needs some text" in panel.message.text() and len(kit.repo.rows) == before
    panel.cancel_button.click()
    assert panel.viewer.isReadOnly() and panel.list.isEnabled()
    assert panel.viewer.toPlainText() == "Amal mentioned the food bank"


def test_a_persons_notes_offer_no_new_note(qtbot, kit: NotesKit) -> None:
    panel = make_panel(qtbot, kit, person_id=1)
    assert panel.new_button.isHidden()
