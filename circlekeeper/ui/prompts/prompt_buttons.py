"""Browse, Draw and Another: worded where the round plan has room, icons where it has not.

Each round's prompt sits in one cell of *Start a circle*'s round plan. On a 1366-pixel laptop
in English the cell has room for "Browse… Draw Another" beside the prompt; on a 1024-pixel
screen in German ("Durchsuchen… Ziehen Eine andere") the words would squeeze the prompt to a
sliver and still be cut. So the buttons show their words while they fit beside a readable
prompt, and a small drawn icon when they do not. The words stay the buttons' accessible names
and tooltips (with the shortcut), so a screen reader, a hovering mouse and the keyboard all
find the same command in both forms.

The icons are painted, not loaded: they take the palette's button-text colour (light or dark
theme, greyed when disabled) and stay sharp at any scale, with no image plugin to ship.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QStyleOptionButton, QWidget

ICON_ONLY = "iconOnly"
"""The dynamic property the theme's style sheet narrows an icon-only button's padding by."""


class PromptAction(Enum):
    BROWSE = "browse"
    DRAW = "draw"
    ANOTHER = "another"


SHORTCUTS = {
    PromptAction.BROWSE: "Ctrl+B",
    PromptAction.DRAW: "Ctrl+D",
    PromptAction.ANOTHER: "Ctrl+Shift+D",
}
"""Keys that work while the focus is anywhere in the round's prompt cell."""


class PromptIconEngine(QIconEngine):
    """Draws one action's icon in the palette's button-text colour at whatever size is asked:
    a list for the library, a die for a draw at random, a turning arrow for another draw."""

    def __init__(self, action: PromptAction) -> None:
        super().__init__()
        self.action = action

    def clone(self) -> QIconEngine:
        return PromptIconEngine(self.action)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode is QIcon.Mode.Disabled
            else QPalette.ColorGroup.Normal
        )
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        side = min(rect.width(), rect.height())
        box = QRectF(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(box.topLeft())
        painter.scale(side / 16, side / 16)  # draw on a 16 × 16 grid
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if self.action is PromptAction.BROWSE:
            self._list(painter, colour)
        elif self.action is PromptAction.DRAW:
            self._die(painter, colour)
        else:
            self._turn(painter, colour)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    @staticmethod
    def _list(painter: QPainter, colour: QColor) -> None:
        for y in (3.5, 8.0, 12.5):
            painter.drawLine(QPointF(6.0, y), QPointF(14.5, y))
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        for y in (3.5, 8.0, 12.5):
            painter.drawEllipse(QPointF(2.5, y), 1.3, 1.3)

    @staticmethod
    def _die(painter: QPainter, colour: QColor) -> None:
        painter.drawRoundedRect(QRectF(1.5, 1.5, 13.0, 13.0), 3.0, 3.0)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        for x, y in ((5.0, 5.0), (8.0, 8.0), (11.0, 11.0)):
            painter.drawEllipse(QPointF(x, y), 1.4, 1.4)

    @staticmethod
    def _turn(painter: QPainter, colour: QColor) -> None:
        """An open circle turning clockwise, its arrowhead at the top (as ↻)."""
        centre, radius, start, sweep = QPointF(8.0, 8.5), 5.5, 0.0, -290.0
        ring = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        path = QPainterPath()
        path.arcMoveTo(ring, start)
        path.arcTo(ring, start, sweep)
        painter.drawPath(path)
        end = math.radians(start + sweep)
        tip = QPointF(centre.x() + radius * math.cos(end), centre.y() - radius * math.sin(end))
        ahead = QPointF(math.sin(end), math.cos(end))  # clockwise, in screen terms
        across = QPointF(-ahead.y(), ahead.x())
        head = QPainterPath()
        head.moveTo(tip + ahead * 2.6)
        head.lineTo(tip + across * 2.4)
        head.lineTo(tip - across * 2.4)
        head.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(head)


def prompt_icon(action: PromptAction) -> QIcon:
    return QIcon(PromptIconEngine(action))


def prompt_button(action: PromptAction, text: str, tip: str) -> QPushButton:
    """A button that says ``text`` beside its icon while it has room (:func:`fit_words`);
    ``tip`` says what it does, and the shortcut is added to it."""
    button = QPushButton(prompt_icon(action), text)
    button.setProperty("words", text)
    shortcut = QKeySequence(SHORTCUTS[action]).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip} ({shortcut})")
    return button


def bind_shortcuts(owner: QWidget, actions: dict[PromptAction, Callable[[], object]]) -> None:
    """The actions' keys, live while the focus is in ``owner`` (each round's cell has its own,
    so the same keys act on the round being edited)."""
    for action, slot in actions.items():
        shortcut = QShortcut(QKeySequence(SHORTCUTS[action]), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def worded_width(button: QPushButton) -> int:
    """The width ``button`` takes showing its words beside its icon, asked of the style the
    way ``QPushButton.sizeHint`` asks it (style sheet padding included)."""
    words = str(button.property("words") or "")
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.text = words
    icon = button.iconSize()
    metrics = button.fontMetrics()
    content = QSize(
        metrics.horizontalAdvance(words) + icon.width() + 4,
        max(metrics.height(), icon.height()),
    )
    size = button.style().sizeFromContents(
        QStyle.ContentsType.CT_PushButton, option, content, button
    )
    return size.width()


def fit_words(buttons: Sequence[QPushButton], room: int, spacing: int) -> bool:
    """Show the buttons' words if all of them fit in ``room`` pixels, else icons only.
    Returns whether the words are shown."""
    shown = [b for b in buttons if not b.isHidden()]
    needed = sum(worded_width(b) for b in shown) + spacing * max(0, len(shown) - 1)
    worded = needed <= room
    for button in buttons:
        words = str(button.property("words") or "")
        if bool(button.property(ICON_ONLY)) == (not worded) and button.text() == (
            "" if not worded else words
        ):
            continue
        button.setText(words if worded else "")
        button.setProperty(ICON_ONLY, not worded)
        button.style().unpolish(button)
        button.style().polish(button)
    return worded
