"""A text field that keeps at most so many characters says so when it cuts.

``QLineEdit.setMaxLength`` drops the rest of a paste without a word: a 10,000-character name
pasted by mistake became its first 200 characters, and nothing told the facilitator that the
name on screen was not the one they pasted. Qt reports each cut (``inputRejected``: a paste
too long, or a key pressed when the field is full); the notice appears under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLineEdit, QToolTip

from circlekeeper.i18n import ngettext
from circlekeeper.i18n.formats import format_number

TIP_MARGINS = 8
"""Pixels a tip adds around its text (its frame and padding)."""


def limit_length(field: QLineEdit, most: int) -> QLineEdit:
    """``field`` keeps at most ``most`` characters and says so whenever it leaves some out."""
    field.setMaxLength(most)
    field.inputRejected.connect(lambda: say_cut(field))
    return field


def cut_notice(most: int) -> str:
    return ngettext(
        "Only the first {count} character is kept.",
        "Only the first {count} characters are kept.",
        most,
    ).format(count=format_number(most))


def say_cut(field: QLineEdit) -> None:
    """Under the field, from its reading start, where the eyes are; it goes with the next key
    or click, as tips do. (Qt lays a tip out rightwards from its point in either direction, so
    a right-to-left field's tip is moved left by its own width.)"""
    text = cut_notice(field.maxLength())
    start = 0
    if field.isRightToLeft():
        tip_width = QFontMetrics(QToolTip.font()).horizontalAdvance(text) + TIP_MARGINS
        start = max(0, field.width() - tip_width)
    QToolTip.showText(field.mapToGlobal(QPoint(start, field.height())), text, field)
