"""What a person cannot read whole in a window: placeholders, labels, buttons and choices cut.

Qt cuts a line edit's placeholder with "…" when the field is too narrow for it, a label
without word wrap at its edge, a wrapped label at its bottom, a button's words at its sides;
none of them says so. ``words_cut(window)`` names each visible one (what it says, how much
room it has and needs) so a test can ask that there are none.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

LINE_EDIT_MARGIN = 2
"""Pixels QLineEdit keeps between its frame and its text on each side."""


def placeholder_room(field: QLineEdit) -> int:
    """The width a line edit gives its placeholder: inside its frame, its text margins, its
    own margins, and the clear button when it has one."""
    frame = 0
    if field.hasFrame():
        frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    margins = field.textMargins()
    room = field.width() - 2 * frame - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN
    if field.isClearButtonEnabled():
        room -= field.height()  # the clear button's square, which Qt keeps free when empty
    return room


def placeholder_cut(field: QLineEdit) -> str | None:
    """What a cut placeholder says, with its room and need; None when it reads whole."""
    text = field.placeholderText()
    if field.text() or not text:
        return None
    needed = field.fontMetrics().horizontalAdvance(text)
    room = placeholder_room(field)
    return f"placeholder {text!r}: {room} px of {needed}" if needed > room else None


def _cut_label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or label.pixmap() is not None:
        return None
    inner = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"label {text[:40]!r}: {label.height()} px high of {needed}"
        return None
    needed = label.fontMetrics().horizontalAdvance(text.replace("&", "", 1))
    if needed > inner.width():
        return f"label {text[:40]!r}: {inner.width()} px of {needed}"
    return None


def _cut_choice(combo: QComboBox) -> str | None:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    text = combo.currentText()
    if combo.isEditable():
        return None
    needed = combo.fontMetrics().horizontalAdvance(text)
    return f"choice {text!r}: {field.width()} px of {needed}" if needed > field.width() else None


def _cut_button(button: QAbstractButton) -> str | None:
    if button.hasHeightForWidth():  # its words wrap: cut only below its height
        needed = button.heightForWidth(button.width())
        if needed > button.height():
            return f"button {button.text()!r}: {button.height()} px high of {needed}"
        return None
    if not button.text() or button.width() >= button.sizeHint().width():
        return None
    return f"button {button.text()!r}: {button.width()} px of {button.sizeHint().width()}"


def words_cut(window: QWidget) -> list[str]:
    """Every visible placeholder, label, choice and button of ``window`` whose words are cut."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if isinstance(widget, QLineEdit):
            cut = placeholder_cut(widget)
        elif isinstance(widget, QLabel):
            cut = _cut_label(widget)
        elif isinstance(widget, QComboBox):
            cut = _cut_choice(widget)
        elif isinstance(widget, QAbstractButton):
            cut = _cut_button(widget)
        else:
            cut = None
        if cut is not None:
            found.append(f"{type(widget).__name__} {widget.accessibleName()!r}: {cut}")
    return found
