"""The main window opens where the facilitator left it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from circlekeeper.ui.main_window import MainWindow
from circlekeeper.ui.screen_fit import FRAME_ALLOWANCE
from circlekeeper.ui.window_place import remember_place, restore_place


@pytest.fixture
def settings_folder(tmp_path: Path):
    """Qt's per-user settings in a temporary folder, never the real one."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path


def test_size_and_split_come_back(qtbot, settings_folder: Path) -> None:
    first = MainWindow(None)
    qtbot.addWidget(first)
    assert not restore_place(first, first.splitter), "nothing saved yet: the defaults"
    first.show()
    first.resize(780, 520)  # inside the offscreen 800x600 screen, which restoring respects
    first.splitter.setSizes([300, 480])
    QApplication.processEvents()
    remember_place(first, first.splitter)
    assert any(settings_folder.rglob("window.ini"))

    second = MainWindow(None)
    qtbot.addWidget(second)
    assert restore_place(second, second.splitter)
    second.show()
    QApplication.processEvents()
    assert (second.width(), second.height()) == (780, 520)
    assert abs(second.splitter.sizes()[0] - 300) <= 2


def test_an_unreadable_saved_place_falls_back_to_the_defaults(qtbot, settings_folder: Path) -> None:
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CircleKeeper", "window"
    )
    settings.setValue("main_window/geometry", "not a geometry")
    settings.sync()
    window = MainWindow(None)
    qtbot.addWidget(window)
    assert not restore_place(window, window.splitter)
    area = window.screen().availableGeometry()
    extra_w, extra_h = FRAME_ALLOWANCE
    expected = (min(1200, area.width() - extra_w), min(780, area.height() - extra_h))
    assert (window.width(), window.height()) == expected, "the default size, within the screen"
