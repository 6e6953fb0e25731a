"""The app's calm look: one place for the style, so every window matches.

Fusion looks the same on every platform and follows the palette, so a dark desktop theme gives
a dark CircleKeeper; the few rules here only set weight and size, never colours.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

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
