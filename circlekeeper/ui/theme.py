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

from circlekeeper.palette import (
    DARK,
    DISABLED_DARK,
    DISABLED_LIGHT,
    LIGHT,
    PRESENTER,
    WINDOW_DARK,
    WINDOW_LIGHT,
    Palette,
)

__all__ = [
    "DARK",
    "DISABLED_DARK",
    "DISABLED_LIGHT",
    "LIGHT",
    "PRESENTER",
    "WINDOW_DARK",
    "WINDOW_LIGHT",
    "Palette",
    "apply_theme",
    "colours_for",
    "is_dark",
    "style_arguments",
]

STYLE = "Fusion"
"""Fusion looks the same on every platform."""

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


def palette_for(
    colours: dict[str, str], palette: QPalette, disabled: dict[str, str] | None = None
) -> QPalette:
    """``palette`` filled in place with every role in these colours.

    Every role the style draws with is set, in every colour group, so the result is the same
    whatever palette it started from: the app's own (the platform's, cheap to get) rather than
    the style's standard palette, which would wrap the ``QStyle`` for Python and build all of
    its enums (about 10 ms) before the window can appear. Built with ``QColor.fromString``:
    Qt's copy constructors and ``QColor(str)`` have overloads taking ``Qt`` enums, and
    resolving them builds the whole ``Qt`` namespace (tens of milliseconds).
    """
    for role, value in colours.items():
        if role != "DisabledText":
            palette.setColor(getattr(QPalette.ColorRole, role), QColor.fromString(value))
    disabled_roles = dict(DISABLED_LIGHT if disabled is None else disabled)
    for role in ("WindowText", "Text", "ButtonText"):
        disabled_roles[role] = colours["DisabledText"]
    for role, value in disabled_roles.items():
        palette.setColor(
            QPalette.ColorGroup.Disabled,
            getattr(QPalette.ColorRole, role),
            QColor.fromString(value),
        )
    return palette


def style_arguments() -> list[str]:
    """What a new ``QApplication`` is started with so that it is born in our style.

    ``app.setStyle("Fusion")`` would hand the new ``QStyle`` to Python, and wrapping it builds
    every enum of ``QStyle`` (about 10 ms of CPU) before the window can appear; Qt's own
    ``-style`` argument makes the same style without that.
    """
    return ["-style", STYLE]


def apply_theme(
    app: QApplication, *, enter_presses_buttons: bool = True, styled: bool = False
) -> None:
    """Style, font, palette (and the Enter key) for every window the app will open.

    ``styled``: the application was started with :func:`style_arguments`, so its style is
    already ours. ``enter_presses_buttons=False`` leaves the Enter key to
    :func:`install_enter_presses_buttons`, which the app calls once its window is painted:
    a Python event filter on the whole application is called for each of the hundreds of
    events a window's construction and first paint send, and wrapping them for Python builds
    Qt's event classes and enums (about 50 ms of CPU) before anything is on screen.
    """
    dark = desktop_is_dark(app)
    if not styled:
        app.setStyle(STYLE)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    if dark:
        app.setPalette(palette_for(WINDOW_DARK, app.palette(), DISABLED_DARK))
    else:
        app.setPalette(palette_for(WINDOW_LIGHT, app.palette(), DISABLED_LIGHT))
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


def presenter_style(colours: Palette = PRESENTER, scale: float = 1.0) -> str:
    """The projected screen: dark whatever the desktop theme, large type; ``scale`` shrinks
    the type for a presenter window smaller than a projector's screen."""

    def px(size: int) -> int:
        return max(10, round(size * scale))

    return (
        f"QWidget {{ background: {colours.background}; color: {colours.ink}; }}"
        f"#presenterRound {{ font-size: {px(22)}px; color: {colours.muted}; }}"
        f"#presenterPrompt {{ font-size: {px(30)}px; }}"
        f"#presenterSpeaker {{ font-size: {px(44)}px; font-weight: 600; }}"
        f"#presenterNext {{ font-size: {px(24)}px; color: {colours.muted}; }}"
    )
