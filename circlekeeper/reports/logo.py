"""The organization's logo at the top of a session's summary.

A logo is whatever file the facilitator once picked in Settings: it may have moved, or not be
an image at all. A summary without it is still the summary, so a logo that cannot be read is
logged and left out instead of failing the export.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

log = logging.getLogger(__name__)

LOGO_HEIGHT = 36.0
"""Points: about the height of the report's title and date lines beside it."""
LOGO_WIDEST = 140.0
"""Points: a wide logo is scaled down to this, so it leaves the title its room."""


def organization_logo(path: Path | None) -> Image | None:
    """The logo at ``path`` scaled to the header's height, or None when there is none to show."""
    if path is None:
        return None
    try:
        reader = ImageReader(str(path))
        w, h = reader.getSize()
    except (OSError, ValueError) as error:
        log.warning("organization logo could not be read (%s); printing without it", error)
        return None
    width = min(w * LOGO_HEIGHT / h, LOGO_WIDEST) if h else LOGO_HEIGHT
    return Image(str(path), width=width, height=width * h / w if w else LOGO_HEIGHT)
