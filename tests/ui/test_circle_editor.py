"""The circle editor: what a facilitator types is kept, and never thrown away without asking."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_editor import CircleEditor
from circlekeeper.ui.setup.setup_dialog import default_plan

TUESDAY = CircleDetail(
    7,
    "Tuesday",
    "Carers",
    agreements=("Everyone may pass.",),
    default_plan=default_plan(),
    members=(
        Member(1, "Amal", "she/her"),
        Member(2, "نور", ""),
        Member(3, "Left last year", "", archived=True),
    ),
)


def save(dialog: CircleEditor) -> None:
    """Click Save, as the facilitator does."""
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save").click()


def editor(qtbot, detail: CircleDetail | None = None, answers: list[bool] | None = None):
    asked: list[str] = []

    def ask(title: str, question: str) -> bool:
        asked.append(title)
        return (answers or [False]).pop(0)

    dialog = CircleEditor(detail, ask=ask)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # offscreen windows are not activated by themselves; keys need it
    return dialog, asked


def test_a_new_circle_in_any_script_is_returned_whole(qtbot) -> None:
    dialog, _ = editor(qtbot)
    dialog.name.setText("  מעגל יום שלישי  ")
    dialog.agreements.setPlainText(
        "We speak from our own experience 🌱\n\n<b>&</b> stays literal\n"
    )
    dialog.facilitators.setText("Sam, 山田 花子")
    dialog.add_member("Amal", "she/her")
    dialog.add_member("Jonas", "")
    dialog.mood.setChecked(True)
    dialog.retention.setValue(6)
    save(dialog)
    detail = dialog.result_detail
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert detail.name == "מעגל יום שלישי"
    assert detail.agreements == ("We speak from our own experience 🌱", "<b>&</b> stays literal")
    assert detail.facilitators == ("Sam", "山田 花子")
    assert [(m.name, m.pronouns) for m in detail.members] == [("Amal", "she/her"), ("Jonas", "")]
    assert all(m.person_id < 0 for m in detail.members), "new people are marked new"
    assert detail.mood_enabled and detail.retention_days == 180


def test_a_circle_needs_a_name(qtbot) -> None:
    dialog, _ = editor(qtbot)
    save(dialog)
    assert dialog.result_detail is None and dialog.isVisible()
    assert dialog.error.text() == "Please give the circle a name."


def test_people_are_edited_and_archived_from_the_keyboard(qtbot) -> None:
    dialog, _ = editor(qtbot, TUESDAY)
    edit, archive = (
        next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name)
        for name in ("Edit person", "Archive person")
    )
    assert dialog.members.count() == 2, "archived people are not listed"
    dialog.members.setCurrentRow(-1)
    assert not edit.isEnabled() and not archive.isEnabled()
    dialog.members.setCurrentRow(1)
    assert edit.isEnabled() and archive.isEnabled()
    dialog.members.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(dialog.members, Qt.Key.Key_Delete)
    assert dialog.members.count() == 1
    save(dialog)
    archived = {m.name for m in dialog.result_detail.members if m.archived}
    assert archived == {"نور", "Left last year"}, "archived now, and archived before, stay so"


def test_closing_with_changes_asks_first_and_keeps_them_on_no(qtbot) -> None:
    dialog, asked = editor(qtbot, TUESDAY, answers=[False, True])
    dialog.agreements.setPlainText("Everyone may pass.\nPhones away.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"]
    assert dialog.isVisible() and "Phones away." in dialog.agreements.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_closing_without_changes_does_not_ask(qtbot) -> None:
    dialog, asked = editor(qtbot, TUESDAY)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()


def test_a_circle_can_draw_its_prompts_in_its_own_language(qtbot) -> None:
    dialog, _asked = editor(qtbot, TUESDAY)
    choice = dialog.language
    assert choice.currentText() == "The app's language", "an existing circle follows the app"
    assert choice.findText("Español") > 0 and choice.findText("العربية") > 0
    choice.setCurrentIndex(choice.findText("Español"))
    save(dialog)
    assert dialog.result_detail is not None and dialog.result_detail.language == "es"

    again, _asked = editor(qtbot, dialog.result_detail)
    assert again.language.currentText() == "Español"


def test_facilitators_typed_with_an_arabic_or_full_width_comma_are_separate_people(
    qtbot,
) -> None:
    """Only "," separated them: "Amal، Noor" was one facilitator named "Amal، Noor"."""
    dialog, _ = editor(qtbot, TUESDAY)
    dialog.facilitators.setText("Amal، Noor，Jonas ,  Lee")
    save(dialog)
    assert dialog.result_detail is not None
    assert dialog.result_detail.facilitators == ("Amal", "Noor", "Jonas", "Lee")


def test_an_arabic_window_shows_facilitators_joined_by_the_arabic_comma(
    qtbot, english_afterwards
) -> None:
    from circlekeeper.i18n import use_language

    use_language("ar")
    dialog, _ = editor(qtbot, replace(TUESDAY, facilitators=("Amal", "نور")))
    assert dialog.facilitators.text() == "Amal، نور"


@pytest.mark.parametrize(
    ("language", "months", "shown"),
    [
        ("en", 1, "1 month"),
        ("en", 6, "6 months"),
        ("es", 1, "1 mes"),
        ("es", 3, "3 meses"),
        ("pt_BR", 1, "1 mês"),
        ("fr", 2, "2 mois"),
        ("ar", 3, "3 أشهر"),
        ("ar", 12, "12 شهرًا"),
    ],
)
def test_the_months_sessions_are_kept_for_read_in_the_right_plural_form(
    qtbot, english_afterwards, language: str, months: int, shown: str
) -> None:
    """A Spanish facilitator choosing one month read "1 meses": the unit after the number
    follows the number, in each language's plural forms."""
    from circlekeeper.i18n import use_language

    use_language(language)
    dialog, _ = editor(qtbot, TUESDAY)
    dialog.retention.setValue(months)
    assert dialog.retention.text() == shown
