"""Settings ▸ Language switches the window at once, a running circle and its clock included.

The window is rebuilt on the same data (``ui/language_switch.py``); the circle's controller,
with its engine, log and turn clock, moves into the new window untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget

from circlekeeper.i18n import _
from circlekeeper.i18n.choice import LanguagePreference
from circlekeeper.session import events as ev
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.settings_dialog import SettingsDialog
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import TestClock
from tests.ui.test_settings import answer_settings


def choose(native_name: str):  # type: ignore[no-untyped-def]
    def pick(dialog: SettingsDialog) -> None:
        assert dialog.language is not None
        dialog.language.setCurrentIndex(dialog.language.findText(native_name))

    return pick


def start_circle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.save_circle(
        CircleDetail(
            None,
            "Martes",
            default_plan=default_plan(),
            members=(Member(-1, "Amal", "she/her"), Member(-2, "Jonas"), Member(-3, "Noa")),
        )
    )
    window.start_circle()
    assert window.live_view is not None
    window.live_view.setFocus()


def test_switching_to_spanish_mid_turn_keeps_the_circle_and_its_clock(
    qtbot, real_app, clock: TestClock, tmp_path: Path, english_afterwards
) -> None:
    parts = real_app()
    old = parts.window
    old.options.language_preference = LanguagePreference(tmp_path / "config" / "language")
    start_circle(old, qtbot)
    live = old.live_view
    controller = old.controller
    assert controller.move_on()  # opens the check-in (N)
    assert controller.move_on()  # the first speaker starts (N)
    clock.advance(20)
    controller.tick()
    assert live.ring.text() == "1:10"  # 1:30 each in the default check-in
    entries_before = len(controller.session.log)

    answer_settings(choose("Español"))
    old.open_settings()

    window = parts.window
    assert window is not old, "a window in Spanish replaced the English one"
    qtbot.waitUntil(lambda: window.isVisible())
    assert window.controller is controller, "the running circle moved across untouched"
    assert len(controller.session.log) == entries_before, "switching wrote nothing"
    new_live = window.live_view
    assert new_live is not None and window.pages.currentWidget() is new_live
    clock.advance(15)
    controller.tick()
    assert new_live.ring.text() == "0:55", "the turn clock kept running through the switch"
    assert (
        controller.session.turn_view().person_id == controller.session.state.current_turn.person_id
    )
    # The window's words are Spanish: the round, its time policy, the status bar.
    assert "Ronda de llegada" in new_live.round_label.text()
    assert new_live.policy_label.text() == "fijo, 1:30 cada uno"
    assert window.statusBar().currentMessage() == "CircleKeeper ahora habla Español."
    assert QLocale().language() == QLocale.Language.Spanish
    # The circle goes on in the new window: Amal ends, the next speaker starts.
    speaking = controller.session.state.current_turn.person_id
    assert controller.move_on()  # the turn ends and the next speaker starts
    assert isinstance(controller.session.log[-1].event, ev.TurnStarted)
    assert controller.session.state.current_turn.person_id != speaking
    assert new_live.ring.text() == "1:30", "the new view follows the controller"


def test_switching_to_arabic_mirrors_the_new_window(
    qtbot, real_app, tmp_path: Path, english_afterwards
) -> None:
    parts = real_app()
    old = parts.window
    preference = LanguagePreference(tmp_path / "config" / "language")
    old.options.language_preference = preference
    answer_settings(choose("العربية"))
    old.open_settings()
    window = parts.window
    assert window is not old and preference.load() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = window.side.mapTo(window, window.side.rect().topLeft())
    pages = window.pages.mapTo(window, window.pages.rect().topLeft())
    assert side.x() > pages.x(), "the circles list sits on the right in Arabic"
    assert window.statusBar().currentMessage() == _("CircleKeeper now speaks {language}.").format(
        language="العربية"
    )
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus, "the menus were rebuilt"
    widgets = window.findChildren(QWidget)
    assert all(w.layoutDirection() == Qt.LayoutDirection.RightToLeft for w in widgets[:50])
