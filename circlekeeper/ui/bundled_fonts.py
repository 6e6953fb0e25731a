"""The fonts the PDFs print with, offered to Qt too, so a name that prints also shows.

A laptop often has no font for Cherokee, Adlam, Ol Chiki, Vai, Chinese or emoji; the PDF prints
those names with the fonts in ``resources/fonts`` (see ``reports/font_catalog.py``), but the
window showed empty boxes for the same names. Adding the same files to Qt's application fonts
lets Qt's own fallback find a font for every script the PDF prints. The system's fonts still
come first: a bundled face is used only where the chosen font has no glyph.

Registering all of them takes a few tens of milliseconds, so it happens once, when the data
(and so the first names) is about to be shown, not before the window appears.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from circlekeeper.bundled import resource

log = logging.getLogger(__name__)

_families: tuple[str, ...] | None = None


def register_bundled_fonts() -> tuple[str, ...]:
    """Add every bundled font to Qt (once per process); the font families now available.

    A file Qt cannot load is logged and skipped: a name in that script shows as boxes, which
    is no reason to keep anyone from their circle.
    """
    global _families
    if _families is not None:
        return _families
    families: list[str] = []
    for font in sorted(resource("fonts").iterdir(), key=lambda f: f.name):
        if not font.name.endswith(".ttf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id < 0:
            log.warning("Qt could not load the bundled font %s", font.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _families = tuple(dict.fromkeys(families))
    if _families:
        _measure_shown_text_again()
    log.debug("Registered %d bundled font families with Qt", len(_families))
    return _families


def _measure_shown_text_again() -> None:
    """Text already on screen was measured with the fonts there were: a wrapped label kept
    those line breaks and height when a bundled font then drew some of its names wider (the
    circle page's People line ran past the right edge in the starts where the window painted
    its first page before the data, and these fonts, opened). A font change makes each widget
    measure its text again, as when the facilitator changes the font."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.allWidgets():
        QApplication.sendEvent(widget, QEvent(QEvent.Type.FontChange))
