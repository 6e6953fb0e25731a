"""The app's calm look: one place for the style and colours, so every window matches.

Fusion looks the same on every platform. The window's palette (light, or dark when the desktop
asks for dark) and the colours CircleKeeper adds of its own (the ring, the bars, the banners,
the presenter screen) come from :mod:`circlekeeper.palette`, which the PDFs read too, so a test
can hold every text/background pair to WCAG contrast (``tests/ui/test_contrast.py``); widgets
take their colours from here and never write a hex colour themselves.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from circlekeeper.palette import DARK, LIGHT, PRESENTER, WINDOW_DARK, WINDOW_LIGHT, Palette

__all__ = [
    "DARK",
    "LIGHT",
    "PRESENTER",
    "WINDOW_DARK",
    "WINDOW_LIGHT",
    "Palette",
    "apply_theme",
    "colours_for",
    "is_dark",
]

STYLE_SHEET = """
#sectionTitle { font-weight: 600; }
QPushButton { padding: 5px 12px; }
QPushButton:focus { border: 2px solid palette(highlight); border-radius: 4px; padding: 4px 11px; }
QPushButton[iconOnly="true"] { padding: 5px 6px; }
QPushButton[iconOnly="true"]:focus { padding: 4px 5px; }
QStatusBar { font-size: 12px; }
"""

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
    """The desktop asks for dark: the palette its platform theme gave the app is dark.

    Asked before :func:`apply_theme` sets the app's own palette. Qt's platform themes build
    that palette from the desktop's colour scheme (GNOME, KDE, Windows and macOS dark modes
    alike), and reading it does not load the ``Qt`` namespace, whose enums
    (``Qt.ColorScheme`` among them) take tens of milliseconds to build before the window
    can appear.
    """
    return is_dark(app.palette())


def palette_for(colours: dict[str, str], palette: QPalette) -> QPalette:
    """``palette`` (a fresh one, such as the style's standard palette) in these colours.

    Filled in place and built with ``QColor.fromString``: Qt's copy constructors and
    ``QColor(str)`` have overloads taking ``Qt`` enums, and resolving them builds the whole
    ``Qt`` namespace (tens of milliseconds) before the window can appear.
    """
    for role, value in colours.items():
        if role != "DisabledText":
            palette.setColor(getattr(QPalette.ColorRole, role), QColor.fromString(value))
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(
            QPalette.ColorGroup.Disabled,
            getattr(QPalette.ColorRole, role),
            QColor.fromString(colours["DisabledText"]),
        )
    return palette


def apply_theme(app: QApplication, *, enter_presses_buttons: bool = True) -> None:
    """Style, font, palette (and the Enter key) for every window the app will open.

    ``enter_presses_buttons=False`` leaves the Enter key to
    :func:`install_enter_presses_buttons`, which the app calls once its window is painted:
    a Python event filter on the whole application is called for each of the hundreds of
    events a window's construction and first paint send, and wrapping them for Python builds
    Qt's event classes and enums (about 50 ms of CPU) before anything is on screen.
    """
    dark = desktop_is_dark(app)
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    colours = WINDOW_DARK if dark else WINDOW_LIGHT
    app.setPalette(palette_for(colours, app.style().standardPalette()))
    app.setStyleSheet(STYLE_SHEET)
    if enter_presses_buttons:
        install_enter_presses_buttons(app)


def install_enter_presses_buttons(app: QApplication) -> None:
    from circlekeeper.ui.enter_key import EnterPressesButtons  # QEvent's enums: after the paint

    app.installEventFilter(EnterPressesButtons(app))


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
