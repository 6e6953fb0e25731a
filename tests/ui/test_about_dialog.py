"""Help ▸ About CircleKeeper: the icon, the version a facilitator reads out when asking for help."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from circlekeeper import __version__
from circlekeeper.ui.about_dialog import AboutDialog
from circlekeeper.ui.app_icon import ICON_SIZES, app_icon
from circlekeeper.ui.main_window import MainWindow, WindowOptions
from tests.ui.memory_catalog import MemoryCatalog


def test_the_help_menu_opens_about_with_the_version(qtbot) -> None:
    window = MainWindow(MemoryCatalog(), WindowOptions(muted=True))
    qtbot.addWidget(window)
    about = [a for a in window.menus.help_menu.actions() if a.text() == "&About CircleKeeper"]
    assert about, [a.text() for a in window.menus.help_menu.actions()]
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    about[0].trigger()
    assert f"Version {__version__}" in seen


def test_about_shows_the_icon_and_copies_the_details(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    pictures = [label.pixmap() for label in dialog.findChildren(QLabel) if label.pixmap()]
    assert pictures and not pictures[0].isNull()
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"CircleKeeper {__version__}\n")
    assert "Qt " in copied and "Python " in copied


def test_the_app_icon_has_every_size_it_promises(qtbot) -> None:
    icon = app_icon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == sorted(ICON_SIZES)
    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        # the corner is transparent, the middle of the ring is painted: a real picture
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
