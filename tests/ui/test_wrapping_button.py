"""A button whose words wrap: narrow rows make it taller, never cut its words, and a click on
its words is a click on the button."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from circlekeeper.i18n import active_language, use_language
from circlekeeper.session import Participant
from circlekeeper.ui.setup.setup_dialog import CircleBrief, SetupDialog, default_plan
from circlekeeper.ui.wrapping_button import WrappingButton

LONG = "Suggested: María José Fernández-Gutiérrez  [Ctrl+Shift+U]"


def test_a_narrow_row_makes_the_button_taller_with_every_word_shown(qtbot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    button = WrappingButton(LONG)
    layout = QVBoxLayout(top)
    layout.addWidget(button)
    layout.addStretch(1)
    top.resize(button.sizeHint().width() + 40, 200)
    top.show()
    qtbot.waitExposed(top)
    one_line = button.height()
    top.resize(button.minimumSizeHint().width() + 30, 200)
    qtbot.waitUntil(lambda: button.height() > one_line)
    assert button.text() == LONG
    assert button.height() >= button.heightForWidth(button.width())
    assert button.width() < button.sizeHint().width(), "narrower than one line of its words"


def test_a_click_on_its_words_clicks_the_button(qtbot) -> None:
    button = WrappingButton("Take it")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    with qtbot.waitSignal(button.clicked, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    with qtbot.waitSignal(button.clicked, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))


def test_a_long_name_in_german_wraps_the_suggestion_in_a_laptop_sized_dialog(qtbot) -> None:
    before = active_language()
    use_language("de")
    try:
        people = (Participant("1", "María José Fernández-Gutiérrez"), Participant("2", "Bo"))
        dialog = SetupDialog(
            CircleBrief(
                "Dienstag",
                people,
                (),
                default_plan(),
                (),
                recent_facilitators=(("Bo",),),
            )
        )
        qtbot.addWidget(dialog)
        dialog.resize(700, 560)  # narrower than any laptop screen would make it
        dialog.show()
        qtbot.waitExposed(dialog)
        button = dialog.suggestion
        qtbot.waitUntil(lambda: button.height() >= button.heightForWidth(button.width()))
        assert "María José Fernández-Gutiérrez" in button.text().replace("\xad", "")
        assert button.text().startswith("Vorschlag")
        assert button.geometry().right() <= dialog.facilitator.geometry().right() + 1
        button.click()
        assert dialog.facilitator.text() == "María José Fernández-Gutiérrez"
    finally:
        use_language(before)
