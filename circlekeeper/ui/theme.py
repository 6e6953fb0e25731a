"""The app's calm look: one place for the style and colours, so every window matches.

Fusion looks the same on every platform. The light and dark palettes are spelled out here (the
dark one is used when the desktop asks for dark) so a test can hold every text/background pair
to WCAG contrast (``tests/ui/test_contrast.py``); widgets take their colours from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

STYLE_SHEET = """
#sectionTitle { font-weight: 600; }
QPushButton { padding: 5px 12px; }
QPushButton:focus { border: 2px solid palette(highlight); border-radius: 4px; padding: 4px 11px; }
QStatusBar { font-size: 12px; }
"""

LIGHT: dict[str, str] = {
    "Window": "#efefef",
    "WindowText": "#000000",
    "Base": "#ffffff",
    "AlternateBase": "#f5f5f5",
    "Text": "#000000",
    "Button": "#efefef",
    "ButtonText": "#000000",
    "Highlight": "#1f6aa5",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#5f6b77",
    "Link": "#1a5fb4",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#000000",
}
DARK: dict[str, str] = {
    "Window": "#1f262c",
    "WindowText": "#eef2f5",
    "Base": "#161c21",
    "AlternateBase": "#222a31",
    "Text": "#eef2f5",
    "Button": "#2a333b",
    "ButtonText": "#eef2f5",
    "Highlight": "#5fb0e8",
    "HighlightedText": "#0b1115",
    "PlaceholderText": "#9aa7b4",
    "Link": "#8cc4ff",
    "ToolTipBase": "#2a333b",
    "ToolTipText": "#eef2f5",
    "Light": "#3a4650",
    "Midlight": "#323d46",
    "Mid": "#4a5863",
    "Dark": "#12171b",
    "Shadow": "#0b0e11",
}
TEXT_PAIRS = (
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("PlaceholderText", "Base"),
    ("Link", "Base"),
    ("ToolTipText", "ToolTipBase"),
)
"""Every pair of roles that puts text on a background."""
CUE_PAIRS = (("Highlight", "Window"), ("Highlight", "Button"))
"""The focus ring (drawn in the highlight colour) against what it surrounds."""


def desktop_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_for(colours: dict[str, str], base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, value in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(value))
    disabled_text = "#7b8794" if colours is DARK else "#8a8a8a"
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(
            QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(disabled_text)
        )
    return palette


class EnterPressesButtons(QObject):
    """Enter (or Return) on a focused button presses it, as Space does: Tab then Enter is how
    many people work a form. A dialog's own default-button handling is left alone."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and watched.isEnabled()
            and not (watched.autoDefault() and isinstance(watched.window(), QDialog))
        ):
            watched.animateClick()
            return True
        return False


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    colours = DARK if desktop_is_dark(app) else LIGHT
    app.setPalette(palette_for(colours, app.style().standardPalette()))
    app.setStyleSheet(STYLE_SHEET)
    enter = EnterPressesButtons(app)
    app.installEventFilter(enter)
