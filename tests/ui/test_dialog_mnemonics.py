"""Every dialog from the keyboard: each label of a field and each button answers to an
Alt+letter of its own, in every shipped language.

Found walking the app by keyboard only: the circle editor and the prompt library had letters,
the other dialogs almost none (Settings' five tick boxes and four fields, Start a circle's
roles and order, the passphrase fields, the mood counts, the late arrival's two choices), so
a field three rows down was three Tabs away and a tick box could not be reached at all
without them. Each dialog is opened in each language (the walk of ``screen_walk.py`` and the
dialogs it does not reach), and fails on a label or button without a letter, or a letter two
of them claim. Qt's own OK, Cancel and Close (Enter and Escape answer them) are left to Qt;
group titles and tabs may go without a letter but may not repeat another's.

What people typed (a circle's or a person's name) never gives a letter: an "&" in a name is
shown as typed and claims no key, wherever a name sits on a button or beside a field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from circlekeeper.app import AppParts
from circlekeeper.i18n import SHIPPED_LANGUAGES, _, use_language
from circlekeeper.ui.catalog import LiveSessionInfo
from tests.ui.conftest import TestClock
from tests.ui.mnemonics import dialog_claims, dialog_mnemonic_problems
from tests.ui.pseudo_screens import Offender, look_at_modal
from tests.ui.screen_walk import PASSPHRASE, shown_in, walk


def typed_into(item: QLayoutItem | None) -> bool:
    """Whether a form row's field holds something typed or chosen (not tick boxes alone,
    which carry their own letters)."""
    if item is None:
        return False
    if item.widget() is not None:
        return isinstance(item.widget(), QLineEdit | QComboBox | QAbstractSpinBox | QTextEdit)
    layout = item.layout()
    return layout is not None and any(typed_into(layout.itemAt(i)) for i in range(layout.count()))


def unlabelled_fields(screen: str, dialog: QWidget) -> list[Offender]:
    """A form's label that names a field but reaches none (a row of several widgets: Logo's
    field and its Choose… button)."""
    found = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if (
                isinstance(label, QLabel)
                and label.isVisibleTo(dialog)
                and label.text()
                and label.buddy() is None
                and typed_into(field)
            ):
                found.append(Offender(screen, "label reaches no field", label.text(), ""))
    return found


def looker(main: QWidget):  # type: ignore[no-untyped-def]
    """The walk's look, for dialogs only: the main window has its own clash test."""

    def look(screen: str, widget: QWidget) -> list[Offender]:
        dialog = widget.window()
        if dialog is main:
            return []
        return dialog_mnemonic_problems(screen, dialog) + unlabelled_fields(screen, dialog)

    return look


def menu_command(window: QWidget, text: str) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.text() == text]
    assert found, text
    return found[0]


def more_dialogs(parts: AppParts, look) -> list[Offender]:  # type: ignore[no-untyped-def]
    """The dialogs the walk does not open: About, Keyboard shortcuts, the mood count, the
    notes' own windows, a saved file's offer, the restore chooser, adding a person, a new
    prompt, and the last word before an interrupted circle is deleted."""
    from circlekeeper.ui.about_dialog import AboutDialog
    from circlekeeper.ui.export_dialog import ExportDialog
    from circlekeeper.ui.export_memory import offer_to_open
    from circlekeeper.ui.live.resume_dialog import sure_to_delete
    from circlekeeper.ui.notes.notes_dialog import NotesDialog
    from circlekeeper.ui.prompts.editor import PromptEditorDialog
    from circlekeeper.ui.setup.newcomer_dialog import NewcomerDialog
    from circlekeeper.ui.shortcuts_dialog import ShortcutsDialog

    window = parts.window
    found: list[Offender] = []
    found += look_at_modal(look, "about", lambda: AboutDialog(window).exec())
    found += look_at_modal(  # Brazilian Portuguese said Alt+P for both Pasta and Papel
        look, "export to a folder", lambda: ExportDialog(window, folder=True).exec()
    )
    found += look_at_modal(look, "keyboard shortcuts", lambda: ShortcutsDialog(window).exec())
    found += look_at_modal(look, "adding a person", lambda: NewcomerDialog(window).exec())
    found += look_at_modal(look, "a new prompt", lambda: PromptEditorDialog(parent=window).exec())
    assert window.options.mood_dialog is not None
    found += look_at_modal(
        look, "mood count", lambda: window.options.mood_dialog(window, 1, "check-out", 5)
    )
    found += look_at_modal(
        look, "summary saved", lambda: offer_to_open(window, Path("/tmp/summary.pdf"))
    )
    started = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)
    info = LiveSessionInfo(1, "Tuesday", started, started, 12)
    found += look_at_modal(
        look, "delete the interrupted circle", lambda: sure_to_delete(window, info)
    )
    assert window.options.restore_backup is not None
    found += look_at_modal(look, "restore", lambda: window.options.restore_backup(window))
    parts.data.notes.vault.unlock(PASSPHRASE)
    menu_command(window, _("&All private notes…")).trigger()  # a window, not a modal dialog
    notes = [d for d in window.findChildren(NotesDialog) if d.isVisible()]
    assert len(notes) == 1
    QApplication.processEvents()
    found += look("all private notes", notes[0])
    notes[0].panel.begin_new()  # writing: Save and Cancel shown
    QApplication.processEvents()
    found += look("a new private note", notes[0])
    notes[0].panel.cancel_edit()
    notes[0].close()
    command = _("&Change passphrase…")
    found += look_at_modal(look, "change passphrase", menu_command(window, command).trigger)
    return found


@pytest.fixture(params=SHIPPED_LANGUAGES)
def app_in(
    request: pytest.FixtureRequest,
    qtbot,
    tmp_path: Path,
    clock: TestClock,
    english_afterwards: QApplication,
) -> Iterator[AppParts]:
    with shown_in(
        request.param, qtbot, tmp_path / "keys.sqlite3", clock, english_afterwards
    ) as parts:
        yield parts


def test_every_dialog_gives_each_field_and_button_its_own_alt_letter(
    app_in: AppParts, clock: TestClock
) -> None:
    look = looker(app_in.window)
    found = walk(app_in, clock, look)
    found += more_dialogs(app_in, look)
    assert not found, f"{len(found)} problem(s):\n" + "\n".join(str(o) for o in found)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_names_people_typed_never_give_an_alt_letter(
    qtbot, language: str, english_afterwards: QApplication
) -> None:
    from circlekeeper.session.model import Participant
    from circlekeeper.ui.setup.brief import CircleBrief
    from circlekeeper.ui.setup.setup_dialog import SetupDialog, default_plan

    use_language(language)
    brief = CircleBrief(
        "Tea &Talk",
        members=(Participant("1", "Zoë &Qi"), Participant("2", "R&D Sam")),
        default_plan=default_plan(),
        recent_facilitators=(("R&D Sam",),),
    )
    dialog = SetupDialog(brief)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    suggestion = dialog.suggestion
    assert "Zoë &Qi" in suggestion.text()  # shown as typed, in plain words
    assert QPushButton.text(suggestion) == ""  # so Qt reads no Alt+letter in it
    for _where, text, _letter in dialog_claims(dialog):
        kept = text.replace("&&", "\0")
        assert "&Qi" not in kept and "&Talk" not in kept and "R&D" not in kept, text
    assert not dialog_mnemonic_problems("start a circle", dialog)
    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert dialog.facilitator.text() == ""  # Alt+Q did not take Zoë as facilitator


def test_alt_and_a_letter_tick_a_box_in_settings(qtbot) -> None:
    """The letters act: Alt+M ticks *Mute the chime* (it took five Tabs and Space before)."""
    from circlekeeper.ui.settings_dialog import AppSettings, SettingsDialog

    dialog = SettingsDialog(AppSettings(), None, language="")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert not dialog.muted.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.muted.isChecked)  # Qt presses it as a click, drawn pressed first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.logo


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_the_summary_after_a_circle_has_its_letters_too(
    qtbot, language: str, english_afterwards: QApplication
) -> None:
    """*Export PDF…*, *Save and close* and the shareable lines answer to Alt+letters (none
    had one); the main window's clash walk holds them apart from the menu bar's."""
    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.ui.live.summary_view import SummaryView

    use_language(language)
    view = SummaryView(demo_summary(people=3, rounds=2), can_export=True)
    qtbot.addWidget(view)
    view.show()
    claims = dialog_claims(view)
    assert len(claims) == 3, claims
    assert not dialog_mnemonic_problems("summary", view)
