"""The main window, its menus and the private notes panel in the facilitator's language.

English stays the source language; these build the real widgets in German (the longest) and
Arabic (six plural forms, right to left) and check what a facilitator would read: translated
menus with one unique shortcut letter each, and no English word left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QWidget

from circlekeeper.i18n import SHIPPED_LANGUAGES, _, use_language
from circlekeeper.ui.main_window import MainWindow, WindowOptions
from circlekeeper.ui.notes.factory import NotesMenu
from circlekeeper.ui.notes.panel import NotesPanel
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog
from tests.ui.memory_catalog import MemoryCatalog
from tests.ui.notes_support import NotesKit, make_kit

NAMES = {1: "Amal", 2: "Jonas"}
SAME_IN_EVERY_LANGUAGE = {"", "CircleKeeper", "A4", "Amal", "Jonas"}
"""Names and sizes that no language translates."""


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language("en")


def build_window(qtbot, code: str) -> tuple[MainWindow, NotesKit]:
    use_language(code)
    kit = make_kit()
    window = MainWindow(MemoryCatalog(), WindowOptions(muted=True))
    qtbot.addWidget(window)
    NotesMenu(window, kit.service, kit.bridge, name_of=NAMES.get)
    window.add_page(_("&History"), QWidget())
    return window, kit


def menus(window: MainWindow) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None]


def shown_texts(root: QWidget) -> set[str]:
    """What a person reads or hears: texts, names, tooltips, placeholders, menu entries."""
    found = {root.windowTitle(), root.accessibleName(), root.toolTip()}
    for widget in root.findChildren(QWidget):
        found |= {widget.accessibleName(), widget.toolTip()}
        if isinstance(widget, QLabel | QAbstractButton):
            found.add(widget.text())
        if isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
    for action in root.findChildren(QAction):
        found |= {action.text(), action.toolTip()}
    return {text for text in found if text.strip()}


def test_the_menus_speak_german_and_arabic(qtbot) -> None:
    expected = {
        "de": ["&Kreis", "&Ansicht", "&Gehe zu", "&Notizen", "&Hilfe"],
        "ar": ["&حلقة", "&عرض", "ان&تقال", "&ملاحظات", "م&ساعدة"],
    }
    english_window, _kit = build_window(qtbot, "en")
    english = {a.text() for menu in menus(english_window) for a in menu.actions() if a.text()}
    for code, titles in expected.items():
        window, _kit = build_window(qtbot, code)
        assert [menu.title() for menu in menus(window)] == titles
        entries = {a.text() for menu in menus(window) for a in menu.actions() if a.text()}
        assert len(entries) == len(english)
        assert not entries & english, f"English left in the {code} menus"
    window, _kit = build_window(qtbot, "de")
    circle = menus(window)[0]
    assert [a.text() for a in circle.actions() if a.text()][:2] == [
        "&Neuer Kreis…",
        "Kreis b&earbeiten…",
    ]


@pytest.mark.parametrize("code", SHIPPED_LANGUAGES)
def test_every_menu_has_one_unique_shortcut_letter_per_entry(qtbot, code: str) -> None:
    window, _kit = build_window(qtbot, code)
    bars = [menu.title() for menu in menus(window)]
    every = [bars] + [[a.text() for a in m.actions() if a.text()] for m in menus(window)]
    for entries in every:
        letters = []
        for text in entries:
            marks = [i for i, c in enumerate(text) if c == "&" and text[i + 1 : i + 2] != "&"]
            assert len(marks) == 1, f"{code}: {text!r} needs exactly one shortcut letter"
            letters.append(text[marks[0] + 1].casefold())
        assert len(set(letters)) == len(letters), f"{code}: shortcut letters repeat in {entries}"


def test_no_english_is_left_in_the_german_window(qtbot) -> None:
    english_window, _kit = build_window(qtbot, "en")
    german_window, _kit = build_window(qtbot, "de")
    english = shown_texts(english_window)
    assert len(english) > 40  # menus, buttons, names and tooltips were all collected
    left = shown_texts(german_window) & english - SAME_IN_EVERY_LANGUAGE
    assert not left
    assert german_window.statusBar().currentMessage() == "Bereit"
    assert german_window.welcome.buttons()[0].text() == "Lege deinen ersten Kreis an"


def test_settings_in_german_word_their_numbers_in_the_right_plural(qtbot) -> None:
    use_language("de")
    dialog = SettingsDialog(AppSettings(vault_idle_minutes=1, prompt_avoid_last=8))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    assert dialog.idle.text() == "nach 1 Minute ohne Nutzung"
    dialog.idle.setValue(15)
    assert dialog.idle.text() == "nach 15 Minuten ohne Nutzung"
    assert dialog.avoid.text() == "den letzten 8 Sitzungen"
    dialog.idle.setValue(0)
    assert dialog.idle.text() == "nie von selbst"


def notes_panel(qtbot, code: str, count: int) -> tuple[NotesPanel, NotesKit]:
    use_language(code)
    kit = make_kit()
    for number in range(count):
        kit.service.add(f"Note {number}", 7, 1, 60.0 * number)
    panel = NotesPanel(kit.service, kit.bridge, session_id=7, name_of=NAMES.get)
    qtbot.addWidget(panel)
    return panel, kit


def test_the_notes_panel_in_german(qtbot) -> None:
    panel, kit = notes_panel(qtbot, "de", 2)
    assert panel.message.text() == "2 Notizen"
    assert [panel.edit_button.text(), panel.delete_button.text()] == ["Bearbeiten", "Löschen…"]
    assert panel.search.placeholderText() == "Diese Notizen durchsuchen (Strg+F)"
    assert "über Amal" in panel.meta.text() and "Geschrieben am" in panel.meta.text()
    kit.bridge.lock()
    assert panel.locked_label.text() == "Private Notizen sind gesperrt."
    assert panel.message.text() == ""  # locking forgets every shown note
    german = shown_texts(panel)
    english_panel, _kit = notes_panel(qtbot, "en", 2)
    english_panel.bridge.lock()
    assert len(german) > 10
    assert not german & shown_texts(english_panel) - SAME_IN_EVERY_LANGUAGE


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (1, "ملاحظة واحدة"),
        (2, "ملاحظتان"),
        (3, "3 ملاحظات"),
        (11, "11 ملاحظةً"),
        (100, "100 ملاحظة"),
    ],
)
def test_the_notes_panel_in_arabic_counts_in_six_forms(qtbot, count: int, said: str) -> None:
    panel, _kit = notes_panel(qtbot, "ar", count)
    assert panel.message.text() == said
    assert panel.edit_button.text() == "تعديل"
    assert panel.search.accessibleName() == "البحث في الملاحظات"


def test_a_note_written_at_a_time_reads_in_the_locale_clock(qtbot) -> None:
    from circlekeeper.ui.notes.quick_note import saved_message
    from circlekeeper.vault.notes import Note

    moment = datetime(2026, 11, 24, 14, 5, tzinfo=UTC).astimezone()
    note = Note("n1", "", 7, None, 725.0, moment, moment)
    use_language("de")
    german = saved_message(note)
    assert german == f"Gespeichert um {moment:%H:%M} · 12:05 nach Beginn der Sitzung"
    use_language("en")
    assert saved_message(note).endswith("M · 12:05 into the session")  # "2:05 PM"
