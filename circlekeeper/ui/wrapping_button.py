"""A push button whose words wrap onto a second line instead of being cut off.

A ``QPushButton`` draws its text on one line: a button whose words carry a person's name
("Suggested: María José Fernández-Gutiérrez") in a longer language is either cut at the edge
of a narrow dialog or pushes the whole dialog wider than a laptop's screen. This button lets
its layout make it narrow and grows taller instead, the way a word-wrapped label does.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStyle, QWidget


class WrappingButton(QPushButton):
    """A button whose text (plain, no ``&`` shortcut letter) wraps at word boundaries.

    ``text()`` and ``setText()`` work as on any button; the words are drawn by a word-wrapped
    label inside it, which lets clicks and keyboard focus through to the button."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = QLabel(self)
        self._words.setWordWrap(True)
        self._words.setTextFormat(Qt.TextFormat.PlainText)
        self._words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._words.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout = QHBoxLayout(self)
        pad = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        self._layout.setContentsMargins(pad, pad // 2 + 1, pad, pad // 2 + 1)
        self._layout.addWidget(self._words)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def text(self) -> str:
        """The words (Qt's own text stays empty: the label draws them)."""
        return self._words.text()

    def setText(self, text: str) -> None:
        self._words.setText(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()

    def _margins(self) -> QSize:
        m = self._layout.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def sizeHint(self) -> QSize:
        """One line when there is room for it."""
        words = self._words.sizeHint()
        one_line = self._words.fontMetrics().horizontalAdvance(self._words.text())
        margins = self._margins()
        return QSize(
            max(one_line, words.width()) + margins.width(), words.height() + margins.height()
        )

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word (a label's wrapping minimum)."""
        words = self._words.minimumSizeHint()
        margins = self._margins()
        return QSize(words.width() + margins.width(), words.height() + margins.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self._margins()
        return self._words.heightForWidth(width - margins.width()) + margins.height()
