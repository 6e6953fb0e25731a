"""One circle record from the database to the editor and back: every setting survives."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QPushButton

from circlekeeper.session.circle import CircleRecord
from circlekeeper.store import open_store
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_editor import DAYS_PER_MONTH, CircleEditor
from circlekeeper.ui.setup.setup_dialog import default_plan
from circlekeeper.ui.store_catalog import StoreCatalog

EVERY_SETTING = CircleDetail(
    None,
    "Thursday carers",
    "For people caring for a parent",
    agreements=("Everyone may pass.", "What is said here stays here."),
    default_plan=default_plan(),
    facilitators=("Sam", "山田 花子"),
    privacy="initials",
    retention_days=6 * DAYS_PER_MONTH,
    mood_enabled=True,
    language="es",
    members=(Member(-1, "Amal", "she/her"), Member(-2, "نور")),
)


def settings(record: CircleRecord) -> dict[str, object]:
    return {f.name: getattr(record, f.name) for f in fields(CircleRecord) if f.name != "circle_id"}


def test_every_setting_saved_comes_back_and_survives_an_unchanged_edit(qtbot, tmp_path) -> None:
    store = open_store(tmp_path / "ck.sqlite3")
    try:
        catalog = StoreCatalog(store)
        circle_id = catalog.save_circle(EVERY_SETTING)
        shown = catalog.circle(circle_id)
        assert settings(shown) == settings(EVERY_SETTING)
        assert settings(store.circles.get(circle_id)) == settings(EVERY_SETTING)
        assert [(m.name, m.pronouns) for m in shown.members] == [("Amal", "she/her"), ("نور", "")]

        editor = CircleEditor(shown, ask=lambda title, question: False)
        qtbot.addWidget(editor)
        next(b for b in editor.findChildren(QPushButton) if b.text() == "Save").click()
        assert editor.result_detail == shown, "saving an untouched circle changes nothing"
        catalog.save_circle(editor.result_detail)
        assert catalog.circle(circle_id) == shown
    finally:
        store.close()
