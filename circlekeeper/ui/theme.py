"""The app's calm look: one place for the style, so every window matches.

Fusion looks the same on every platform and follows the desktop's palette, so a dark desktop
theme gives a dark CircleKeeper. The colours CircleKeeper adds of its own (the ring, the bars,
the banners, the presenter screen) come from :mod:`circlekeeper.palette`, which the PDFs read
too; widgets take them from here and never write a hex colour themselves.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from circlekeeper.palette import DARK, LIGHT, PRESENTER, Palette

__all__ = ["DARK", "LIGHT", "PRESENTER", "Palette", "apply_theme", "colours_for", "is_dark"]

STYLE_SHEET = """
#sectionTitle { font-weight: 600; }
QPushButton { padding: 5px 12px; }
QStatusBar { font-size: 12px; }
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def is_dark(palette: QPalette) -> bool:
    """A dark desktop theme: the window background is darker than mid-grey."""
    return palette.window().color().lightness() < 128


def colours_for(palette: QPalette) -> Palette:
    """CircleKeeper's colours for a widget painted with ``palette``."""
    return DARK if is_dark(palette) else LIGHT


def qcolor(hex_colour: str) -> QColor:
    return QColor(hex_colour)


def banner_style(colours: Palette = LIGHT) -> str:
    """The live screen's reminder and storage-failure banners."""
    return (
        f"#reminder {{ background: {colours.reminder_background};"
        f" color: {colours.reminder_ink}; padding: 6px; border-radius: 4px; }}"
        f"#storageRow {{ background: {colours.alert_background};"
        f" border: 1px solid {colours.alert_border}; border-radius: 4px; }}"
        f"#storageBanner {{ color: {colours.alert_ink}; }}"
    )


def presenter_style(colours: Palette = PRESENTER) -> str:
    """The projected screen: dark whatever the desktop theme, large type."""
    return (
        f"QWidget {{ background: {colours.background}; color: {colours.ink}; }}"
        f"#presenterRound {{ font-size: 22px; color: {colours.muted}; }}"
        "#presenterPrompt { font-size: 30px; }"
        "#presenterSpeaker { font-size: 44px; font-weight: 600; }"
        f"#presenterNext {{ font-size: 24px; color: {colours.muted}; }}"
    )
