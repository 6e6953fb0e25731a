"""The fonts the PDFs print with, offered to Qt too, so a name that prints also shows.

A laptop often has no font for Cherokee, Adlam, Ol Chiki, Vai, Chinese or emoji; the PDF prints
those names with the fonts in ``resources/fonts`` (see ``reports/font_catalog.py``), but the
window showed empty boxes for the same names. Adding the same files to Qt's application fonts
lets Qt's own fallback find a font for every script the PDF prints. The system's fonts still
come first: a bundled face is used only where the chosen font has no glyph.

Registering all of them takes a few tens of milliseconds, so it happens once, when the data
(and so the first names) is about to be shown, not before the window appears. The window's
first page, though, is painted before that, from the first look at the file: a circle called
"🌈 Tuesday" or a member called 李小龍 showed as boxes until the data opened. So
:func:`register_fonts_for` adds, before the window is built, just the bundled fonts the first
page's own characters need: none for Latin, Greek, Cyrillic, Hebrew and Arabic (which desktops
draw, and which would only cost start-up time), and for anything else (emoji, Chinese, Indic
scripts…) the font the PDFs print it with, read from the PDFs' coverage index.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase

from circlekeeper.bundled import resource

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

_families: tuple[str, ...] | None = None
_added: dict[str, list[str]] = {}
"""Font file name → the families Qt read from it, for each file added so far."""
DESKTOP_DRAWS = 0x0700
"""Characters below this (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) need no bundled
font to show at once: desktops have fonts for them."""
_ALSO_DRAWN = range(0x2000, 0x2070)
"""General punctuation (dashes, quotes, the isolates the window writes names in)."""


def register_fonts_for(text: str) -> tuple[str, ...]:
    """Add to Qt, now, the bundled fonts that draw the characters of ``text`` desktops may
    lack (see :data:`DESKTOP_DRAWS`); the families added. Costs nothing for text without them
    (the coverage index is not even read)."""
    wanted = {
        code
        for code in map(ord, set(text))
        if code >= DESKTOP_DRAWS and code not in _ALSO_DRAWN and not 0xFE00 <= code <= 0xFE0F
    }
    if not wanted:
        return ()
    from circlekeeper.reports.font_catalog import EMOJI, FALLBACKS, PRIMARY, stored_coverage

    coverage = stored_coverage()
    files: list[str] = []
    for code in sorted(wanted):
        emoji = 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF
        for font in (EMOJI, *FALLBACKS, PRIMARY) if emoji else (*FALLBACKS, EMOJI, PRIMARY):
            if code in coverage[font.file]:
                files.append(font.file)
                break
    families: list[str] = []
    for name in dict.fromkeys(files):
        families.extend(_add(resource("fonts") / name))
    return tuple(families)


def _add(font: Traversable) -> list[str]:
    """Add one font file to Qt (once per process); its families."""
    known = _added.get(font.name)
    if known is not None:
        return known
    font_id = QFontDatabase.addApplicationFont(str(font))
    if font_id < 0:
        log.warning("Qt could not load the bundled font %s", font.name)
        families: list[str] = []
    else:
        families = QFontDatabase.applicationFontFamilies(font_id)
    _added[font.name] = families
    return families


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
        if font.name.endswith(".ttf"):
            families.extend(_add(font))
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
