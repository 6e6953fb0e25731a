"""CircleKeeper's colours: one palette for the window, the presenter screen and the PDFs.

Plain hex strings and no Qt, so the PDF renderers (reportlab) read the same colours the screens
paint with. :mod:`circlekeeper.ui.theme` turns them into Qt colours and style sheets; nothing
else in the app writes a colour of its own.

Teal is someone speaking within their time, amber nearing the end, magenta over time, on the
ring, the fairness bars and the printed charts alike. Text colours keep a contrast of at least
4.5:1 on their background (WCAG AA).
"""

from __future__ import annotations

from circlekeeper.session.frozen import FrozenRecord


class Palette(FrozenRecord):
    """One set of the app's colours: an immutable record (:mod:`circlekeeper.session.frozen`),
    read by ``dataclasses.astuple`` and ``replace`` like a frozen dataclass. The window's
    theme imports it before the first paint, where ``@dataclass`` cost about 9 M
    instructions to write and compile the methods of its eighteen fields."""

    background: str
    ink: str
    """Body text."""
    muted: str
    """Secondary text: labels, headings of figures, captions."""
    accent: str
    """Speaking within time; bars; the organization's name on paper."""
    nearing: str
    over: str
    """Over time, and a share well above the equal one."""
    third: str
    """A third chart series (beside accent and over)."""
    paused: str
    track: str
    """The unfilled part of the ring and of bars."""
    rule: str
    zebra: str
    """Every other table row."""
    reminder_background: str
    reminder_ink: str
    alert_background: str
    alert_border: str
    alert_ink: str
    error: str
    """Error text in dialogs (a wrong passphrase)."""
    notice: str
    """A character no font could print, shown as ``[U+…]``."""


LIGHT = Palette(
    background="#ffffff",
    ink="#1d2730",
    muted="#5b6670",
    accent="#1b6f66",
    nearing="#9a5b00",
    over="#a23b72",
    third="#8a6a00",
    paused="#5f6b77",
    track="#dfe5e8",
    rule="#d1d5db",
    zebra="#f3f4f6",
    reminder_background="#fff4d6",
    reminder_ink="#5a4300",
    alert_background="#fde2e4",
    alert_border="#a23b72",
    alert_ink="#5c1836",
    error="#a3123a",
    notice="#9a3412",
)

DARK = Palette(
    background="#12191f",
    ink="#eef2f5",
    muted="#9fb3c2",
    accent="#4fc1b1",
    nearing="#f3b14b",
    over="#e07fb0",
    third="#e8c35a",
    paused="#9aa7b4",
    track="#34414b",
    rule="#34414b",
    zebra="#1a232b",
    # Banners and dialog errors carry their own light background in both themes.
    reminder_background=LIGHT.reminder_background,
    reminder_ink=LIGHT.reminder_ink,
    alert_background=LIGHT.alert_background,
    alert_border=LIGHT.alert_border,
    alert_ink=LIGHT.alert_ink,
    error=LIGHT.error,
    notice=LIGHT.notice,
)

PRINT = LIGHT
"""Paper is white: the PDFs print the light palette."""

PRESENTER = DARK
"""The projected screen is always dark, whatever the desktop theme: calm in a dim room."""


# The window's own colours (Qt palette roles), spelled out so a test can hold every text and
# background pair to WCAG contrast; the dark set is used when the desktop asks for dark.
WINDOW_LIGHT: dict[str, str] = {
    "Window": "#efefef",
    "WindowText": "#000000",
    "Base": "#ffffff",
    "AlternateBase": "#f5f5f5",
    "Text": "#000000",
    "Button": "#efefef",
    "ButtonText": "#000000",
    "Highlight": "#1f6aa5",
    "Accent": "#1f6aa5",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#5f6b77",
    "Link": "#1a5fb4",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#000000",
    # Bevels and the rest: Fusion's own light palette, written out so the window looks the
    # same whatever palette the desktop hands the app (see ui/theme.py palette_for).
    "Light": "#ffffff",
    "Midlight": "#cacaca",
    "Mid": "#b8b8b8",
    "Dark": "#9f9f9f",
    "Shadow": "#767676",
    "BrightText": "#ffffff",
    "LinkVisited": "#ff00ff",
    "DisabledText": "#8a8a8a",
}
WINDOW_DARK: dict[str, str] = {
    "Window": "#1f262c",
    "WindowText": "#eef2f5",
    "Base": "#161c21",
    "AlternateBase": "#222a31",
    "Text": "#eef2f5",
    "Button": "#2a333b",
    "ButtonText": "#eef2f5",
    "Highlight": "#5fb0e8",
    "Accent": "#5fb0e8",
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
    "BrightText": "#ffffff",
    "LinkVisited": "#d6a8ff",
    "DisabledText": "#7b8794",
}
DISABLED_LIGHT: dict[str, str] = {
    "Base": "#efefef",
    "Dark": "#bebebe",
    "Shadow": "#b1b1b1",
    "Highlight": "#919191",
    "Accent": "#919191",
}
"""Roles that look different on a disabled widget besides its text (Fusion's light values)."""
DISABLED_DARK: dict[str, str] = {
    "Base": "#1f262c",
    "Dark": "#12171b",
    "Shadow": "#0b0e11",
    "Highlight": "#4a5863",
    "Accent": "#4a5863",
}
"""The dark theme's disabled roles: a disabled field stays dark (not Fusion's light grey)."""

FIRST_TIME = "#f59e0b"
"""People at their first session, in the period report's attendance charts (beside accent)."""
MOOD_SCALE = ("#b91c1c", "#f97316", "#d1d5db", "#60a5fa", "#1d4ed8")
"""Mood 1 to 5 in the period report's mood charts: warm for low, grey for middling, blue high."""
