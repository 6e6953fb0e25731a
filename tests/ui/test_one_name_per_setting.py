"""One name per concept: a setting is called the same in every place a facilitator meets it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel

from circlekeeper.session.printing import Paper, Privacy
from circlekeeper.ui.catalog import CircleDetail
from circlekeeper.ui.export_dialog import ExportDialog
from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog
from circlekeeper.ui.setup.circle_editor import CircleEditor

PRINTED = "Printed summaries show"


def _label_for(form_owner, field) -> str:  # type: ignore[no-untyped-def]
    """The visible label beside ``field`` in its form, as a screen reader reads it."""
    for form in form_owner.findChildren(QFormLayout):
        label = form.labelForField(field)
        if isinstance(label, QLabel):
            return label.text().replace("&", "").rstrip(":")
    return ""


def test_what_printed_summaries_show_has_one_name_in_all_three_places(qtbot) -> None:
    settings = SettingsDialog(AppSettings())
    editor = CircleEditor(CircleDetail(1, "Tuesday"))
    export = ExportDialog(None, privacy=Privacy.INITIALS, paper=Paper.A4)
    for dialog in (settings, editor, export):
        qtbot.addWidget(dialog)
        (combo,) = [c for c in dialog.findChildren(QComboBox) if c.accessibleName() == PRINTED]
        assert _label_for(dialog, combo) == PRINTED, type(dialog).__name__
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "Counts only",
            "Initials",
            "Full names",
        ]


def test_the_discreet_cue_is_named_alike_in_the_menu_and_settings(qtbot, real_app) -> None:
    window = real_app().window
    settings = SettingsDialog(AppSettings())
    qtbot.addWidget(settings)
    boxes = [
        b.text().replace("&", "")
        for b in settings.findChildren(QCheckBox)
        if "Discreet" in b.text().replace("&", "")
    ]
    menu = window.menus.discreet_action.text().replace("&", "")
    assert boxes == [menu] == ["Discreet cues on my screen"]
