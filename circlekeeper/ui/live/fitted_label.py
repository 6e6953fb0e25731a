"""A label that keeps its height: a set number of lines, wrapped between words, never inside one.

The live screen's ring takes whatever height the words around it leave. A speaker's name that
wrapped onto a third line shrank the ring and made it jump; a long word broken as "Vander/bilt"
read badly. Here the text is wrapped at word boundaries into at most ``lines`` lines (the rule
the PDFs follow, issue #17); what does not fit ends in "…", and the whole text is the tooltip
and the accessible description, so nothing is lost, only shortened on screen.

The text starts where the window's reading starts (at the right in Arabic), whatever its first
letter: a label otherwise aligns by its text's direction, and in the Arabic window the speaker
"Amal", an English prompt, and even an Arabic name (kept in its isolate) sat at the left.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"
INVISIBLE_BREAKS = str.maketrans("", "", "\u00ad\u200b")
"""Soft hyphens and zero-width spaces: break points inside words, which this label never uses."""


_PIECE = re.compile(r"(\s*)(\S+?-(?=\w)|\S+)")
"""A word, or the part of a hyphenated word up to and with its hyphen (a place to break, as
in print: "Konstantinopoulou-" / "Vanderbilt"), with the space before it, if any."""


def wrap_words(text: str, width: float, lines: int, advance: Callable[[str], float]) -> list[str]:
    """``text`` in at most ``lines`` lines no wider than ``width``, broken only between words
    (or after a hyphen). A word wider than a line is shortened with "…", never split; words
    left over after the last line end it with "…"."""
    pieces = [
        (bool(m.group(1)), m.group(2)) for m in _PIECE.finditer(text.translate(INVISIBLE_BREAKS))
    ]
    result: list[str] = []
    current = ""
    for spaced, piece in pieces:
        candidate = f"{current}{' ' if spaced and current else ''}{piece}"
        if advance(candidate) <= width:
            current = candidate
            continue
        if current:
            result.append(current)
            current = ""
        if len(result) == lines:
            return _ellipsized(result, width, advance)
        if advance(piece) > width:
            result.append(_shorten(piece, width, advance))
        else:
            current = piece
    if current:
        if len(result) == lines:
            return _ellipsized(result, width, advance)
        result.append(current)
    return result


def _shorten(word: str, width: float, advance: Callable[[str], float]) -> str:
    """The longest start of ``word`` that fits with "…" after it."""
    for end in range(len(word) - 1, 0, -1):
        if advance(word[:end] + ELLIPSIS) <= width:
            return word[:end] + ELLIPSIS
    return ELLIPSIS


def _ellipsized(lines: list[str], width: float, advance: Callable[[str], float]) -> list[str]:
    """Mark the last line as cut short: "…" after its last whole word that leaves room."""
    last = lines[-1]
    if last.endswith(ELLIPSIS):
        return lines
    words = last.split(" ")
    while words:
        candidate = " ".join(words) + ELLIPSIS
        if advance(candidate) <= width:
            return [*lines[:-1], candidate]
        words.pop()
    return [*lines[:-1], _shorten(last, width, advance)]


class FittedLabel(QLabel):
    """Plain text in exactly ``lines`` lines of height, whatever the text (see module)."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        text = text.translate(INVISIBLE_BREAKS)
        if text == self._full and self.text():
            return
        self._full = text
        self._fit()

    def is_shortened(self) -> bool:
        return ELLIPSIS in self.text() and ELLIPSIS not in self._full

    def _fit(self) -> None:
        if not self.isVisible():  # not laid out yet: fitted when shown (see showEvent)
            super().setText(" ".join(self._full.translate(INVISIBLE_BREAKS).split()))
            self.setToolTip("")
            return
        metrics = QFontMetrics(self.font())
        width = max(1, self.contentsRect().width() - 2 * self.margin())
        lines = wrap_words(self._full, width, self._lines, metrics.horizontalAdvance)
        super().setText("\n".join(lines))
        shortened = self.is_shortened()
        self.setToolTip(self._full if shortened else "")
        self.setAccessibleDescription(self._full if shortened else "")

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        height = self._lines * metrics.lineSpacing() + margins.top() + margins.bottom()
        return QSize(super().sizeHint().width(), height + 2 * self.margin())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._align_to_reading_start()
        self._fit()

    def _align_to_reading_start(self) -> None:
        """Left, or right in a right-to-left window: absolute, so the text's own first letter
        cannot turn it round (the lines keep their own order of words)."""
        lead = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        vertical = self.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
        wanted = lead | Qt.AlignmentFlag.AlignAbsolute | vertical
        if self.alignment() != wanted:
            self.setAlignment(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._align_to_reading_start()
        self.updateGeometry()
