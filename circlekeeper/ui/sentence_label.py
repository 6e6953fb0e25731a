"""A label for a sentence the app composes about someone: laid out in the window's direction.

A label takes its paragraph's direction (and so its alignment and the order of its words)
from the first strong letter of its text. In the Arabic window "Amal يتحدث الآن." began with
a Latin name, so it sat at the left and read from its end ("…الآن يتحدث Amal" to a reader
starting at the right). A leading right-to-left mark settles the paragraph's direction as the
window's; a left-to-right window needs none (and its texts stay exactly as composed).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from circlekeeper.ui.bidi_text import RIGHT_TO_LEFT_MARK


class SentenceLabel(QLabel):
    """A plain :class:`QLabel` whose sentences read in the window's direction (see module)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)  # Qt's own constructor would bypass the direction mark

    def setText(self, text: str) -> None:
        if text and self.isRightToLeft() and not text.startswith(RIGHT_TO_LEFT_MARK):
            text = RIGHT_TO_LEFT_MARK + text
        super().setText(text)
