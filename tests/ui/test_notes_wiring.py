"""The composition root's view: build_notes on a real SQLite store, settings parsing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import open_store
from circlekeeper.store.records import CircleRecord
from circlekeeper.ui.notes import QuickNoteField, build_notes, idle_minutes_from_setting
from circlekeeper.ui.notes.panel import NotesPanel
from circlekeeper.vault import fast_settings
from tests.vault.leaks import assert_no_marker

MARKER = "MARKER-7f3a-wired-0c44"


@pytest.mark.parametrize(
    ("value", "minutes"),
    [(None, 15), ("", 15), ("5", 5), ("2.5", 2.5), ("0", None), ("-3", 15), ("soon", 15)],
)
def test_idle_minutes_setting(value: str | None, minutes: float | None) -> None:
    assert idle_minutes_from_setting(value) == minutes


def test_notes_typed_in_the_ui_reach_sqlite_encrypted(qtbot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "ck.sqlite3")
    try:
        circle_id = store.circles.save(CircleRecord(None, "Tuesday"))
        person = store.people.add("Amal", circle_ids=(circle_id,))
        session_id = store.sessions.create(
            circle_id,
            facilitators=("Robin",),
            plan=(RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60)),),
            started_at=datetime(2026, 11, 25, 18, tzinfo=UTC),
            timezone="UTC",
            people=(person.person_id,),
        )
        notes = build_notes(store.notes, store.vault_header, idle_minutes=5, kdf=fast_settings())
        notes.bridge.set_unlock_prompt(
            lambda _parent: notes.vault.create("a long enough passphrase") is None
        )
        assert notes.vault.idle_minutes == 5
        window = QMainWindow()
        qtbot.addWidget(window)
        menu = notes.install_menu(window, name_of=lambda pid: store.people.get(pid).name)
        field = QuickNoteField(
            notes.service,
            notes.bridge,
            session_id=session_id,
            elapsed=lambda: 42.0,
            people=[(person.person_id, "Amal")],
        )
        qtbot.addWidget(field)
        qtbot.mouseClick(field.unlock_button, Qt.MouseButton.LeftButton)  # first use
        assert notes.vault.is_unlocked
        field.person.setCurrentIndex(1)
        field.edit.setText(f"{MARKER} نور 🌿")
        field.edit.returnPressed.emit()
        stored = store.notes.for_person(person.person_id)
        assert len(stored) == 1 and stored[0].session_id == session_id
        assert_no_marker(tmp_path, MARKER)
        dialog = menu.open_person_notes(person.person_id, "Amal")
        qtbot.addWidget(dialog)
        panel: NotesPanel = dialog.panel
        assert panel.list.item(0).text() == f"0:42 · Amal · {MARKER} نور 🌿"
        notes.bridge.shutdown()
        assert not notes.vault.is_unlocked and panel.list.count() == 0
    finally:
        store.close()
    assert_no_marker(tmp_path, MARKER)
