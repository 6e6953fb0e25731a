"""The words under the ring's time fit the smallest ring (1024×600) in every language.

«wartet auf den Start» showed as «wartet auf den…» and «ZEIT ÜBERSCHRITTEN» lost its second
word: the ring shrinks its caption down to ``CAPTION_SMALLEST`` pixels, then cuts it.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from circlekeeper.i18n import SHIPPED_LANGUAGES, _, speaking
from circlekeeper.session.model import Phase
from circlekeeper.ui.live.timer_ring import (
    CAPTION_SMALLEST,
    MINIMUM_SIDE,
    PHASE_WORDS,
    caption_width,
)

CAPTIONS = ("waiting to start", "paused", "no time limit", "over")


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_every_caption_fits_the_smallest_ring_uncut(qapp: QApplication, language: str) -> None:
    font = QFont(qapp.font())
    font.setPixelSize(CAPTION_SMALLEST)
    metrics = QFontMetricsF(font)
    with speaking(language):
        shown = [_(m) for m in CAPTIONS] + [
            _(words).upper() if phase is not Phase.NORMAL else _(words)
            for phase, words in PHASE_WORDS.items()
        ]
    too_wide = [
        (text, round(metrics.horizontalAdvance(text)))
        for text in shown
        if metrics.horizontalAdvance(text) > caption_width(MINIMUM_SIDE)
    ]
    assert not too_wide, f"wider than {caption_width(MINIMUM_SIDE):.0f} px: {too_wide}"
