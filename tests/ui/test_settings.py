"""Settings that travel with the data: saved, applied at once, and there again next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from circlekeeper.session.printing import Paper, Privacy
from circlekeeper.ui.live.cue_style import CueStyle
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog, logo_problem


def answer_settings(change) -> None:  # type: ignore[no-untyped-def]
    """Fill in the settings dialog as soon as it opens, then press Save."""

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        change(dialog)
        dialog._accept()

    QTimer.singleShot(0, fill)


def test_settings_are_saved_applied_and_kept_for_next_time(qtbot, real_app, tmp_path) -> None:
    parts = real_app()

    def change(dialog: SettingsDialog) -> None:
        dialog.organization.setText("Peer Support <b>&</b> Co — دعم")
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.privacy.setCurrentIndex(dialog.privacy.findData("initials"))
        dialog.discreet.setChecked(True)
        dialog.idle.setValue(5)

    answer_settings(change)
    parts.window.open_settings()
    window = parts.window
    assert window.options.facilitator_cue is CueStyle.DISCREET
    assert window.menus.discreet_action.isChecked(), "the View menu shows the new choice"
    stored = AppSettings.load(parts.store.settings)
    assert stored.organization == "Peer Support <b>&</b> Co — دعم"
    assert (stored.paper, stored.privacy, stored.vault_idle_minutes) == (
        Paper.LETTER,
        Privacy.INITIALS,
        5,
    )
    assert parts.data.notes.vault.idle_minutes == 5, "the notes lock follows at once"

    window.menus.mute_action.trigger()  # a View-menu choice is remembered too
    window.close()
    parts.data.close()
    again = real_app()
    assert again.window.options.facilitator_cue is CueStyle.DISCREET
    assert again.window.chime.muted


def test_a_logo_that_cannot_be_printed_is_refused_with_a_reason(qtbot, tmp_path: Path) -> None:
    text = tmp_path / "logo.png"
    text.write_text("not a picture")
    assert logo_problem(str(tmp_path / "missing.png")) == (
        f"There is no file at {tmp_path / 'missing.png'}."
    )
    assert logo_problem(str(text)) == "The logo must be a PNG or JPEG picture."
    dialog = SettingsDialog(AppSettings(logo_path=str(text)))
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result_settings is None
    assert dialog.error.text() == "The logo must be a PNG or JPEG picture."


@pytest.mark.parametrize(("stored", "negative"), [("banana", False), ("", False), ("-3", True)])
def test_unreadable_stored_values_fall_back_to_defaults(stored: str, negative: bool) -> None:
    class Store(dict):
        def get(self, key, default=None):  # type: ignore[no-untyped-def, override]
            return stored

        def set(self, key, value) -> None:  # type: ignore[no-untyped-def]
            raise AssertionError

    loaded = AppSettings.load(Store())
    assert loaded.paper is Paper.A4 and loaded.privacy is Privacy.COUNTS
    texts = {"organization": stored, "logo_path": stored}  # free text is kept as written
    numbers = {"vault_idle_minutes": 0, "prompt_avoid_last": 0} if negative else {}
    assert loaded == AppSettings(**numbers, **texts), "negatives count as 0, the rest default"
