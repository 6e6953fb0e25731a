"""A window that opens before its data builds its menu commands just after its first paint
(start-up time); a facilitator who reaches for the menus or a shortcut at once finds them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from circlekeeper.ui.main_window import MainWindow
from circlekeeper.ui.window_options import WindowOptions


def _titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _commands(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menu_titles_are_in_the_first_paint_and_the_commands_right_after(qtbot) -> None:
    window = MainWindow(None, WindowOptions(muted=True))
    qtbot.addWidget(window)
    assert _titles(window) == ["&Circle", "&View", "&Go", "&Help"], "titles in the first paint"
    assert not window.menus.built, "the commands wait for the first paint"
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    assert window.menus.built
    assert "&Quit" in _commands(window.menus.circle_menu)
    assert _commands(window.menus.go_menu) == ["&Circles"]
    assert _commands(window.menus.help_menu) == ["&Keyboard shortcuts", "&About CircleKeeper"]


def test_a_menu_shortcut_works_as_soon_as_the_window_is_painted(qtbot) -> None:
    window = MainWindow(None, WindowOptions(muted=False))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    muted = window.chime.muted
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # View ▸ Mute
    assert window.chime.muted is not muted
    assert window.menus.mute_action.isChecked() is window.chime.muted


def test_a_window_given_its_data_at_once_has_its_commands_at_once(qtbot) -> None:
    from tests.ui.memory_catalog import MemoryCatalog

    window = MainWindow(MemoryCatalog(), WindowOptions(muted=True))
    qtbot.addWidget(window)
    assert window.menus.built
    assert "&Mute the chime" in _commands(window.menus.view_menu)


def test_areas_added_when_the_data_opens_follow_circles_in_the_go_menu(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    window = MainWindow(None, WindowOptions(muted=True))
    qtbot.addWidget(window)
    window.add_page("&History", QWidget())  # the data opened before any paint (minimised)
    assert _commands(window.menus.go_menu) == ["&Circles", "&History"]
    window.add_page("&Prompts", QWidget())
    assert _commands(window.menus.go_menu) == ["&Circles", "&History", "&Prompts"]
