"""A field for a length of time in whole seconds, typed as "1:30", "90s" or "2" and shown m:ss.

A spin box underneath, so it behaves as people expect of one: Up/Down and the mouse wheel step
(15 s steps under 5 minutes, whole minutes up to an hour, 5 minutes beyond), Page Up/Down take
ten steps, and screen readers announce it as a spin box. Text that is not a time is never
taken as one: the field goes back to the time it had and says, in a tooltip and its accessible
description, what it could not read. A dialog built around the field asks :meth:`take_typed`
before it closes, so Enter on text the field could not read never accepts the old time.

Shared by the round plan (*Start a circle*, *Edit circle*) and the live screen's *Started
late…*, so a length of time is typed the same way everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QToolTip, QWidget

from circlekeeper.i18n import _
from circlekeeper.ui.duration_text import (
    DurationNotUnderstood,
    format_seconds,
    parse_duration,
)

_TYPING = QValidator.State.Intermediate
_FINE = QValidator.State.Acceptable


def step_for(seconds: int) -> int:
    """How far one Up/Down moves from ``seconds``: fine for check-ins, coarse for long rounds."""
    if seconds < 5 * 60:
        return 15
    if seconds < 60 * 60:
        return 60
    return 5 * 60


class DurationBox(QAbstractSpinBox):
    """Whole seconds between ``minimum`` and ``maximum``; ``seconds_changed`` on every change."""

    seconds_changed = Signal(int)
    refused = Signal(str)
    """Typed text was not taken: why, in words for the facilitator."""

    def __init__(
        self,
        seconds: int = 60,
        *,
        minimum: int = 5,
        maximum: int = 10 * 3600,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum = minimum
        self._maximum = maximum
        self._seconds = self._bounded(int(seconds))
        self._refusal = ""
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        self.setToolTip(_("Minutes and seconds: type 1:30, 90s or 2 (minutes); Up/Down to adjust"))
        self.lineEdit().setText(format_seconds(self._seconds))
        self.editingFinished.connect(self._take_typed)
        self.lineEdit().textEdited.connect(self._forget_refusal)

    # ------------------------------------------------------------------ value

    def seconds(self) -> int:
        return self._seconds

    def set_seconds(self, seconds: int) -> None:
        """Set the time (bounded to the field's range) and show it as m:ss."""
        value = self._bounded(int(seconds))
        self.lineEdit().setText(format_seconds(value))
        if value != self._seconds:
            self._seconds = value
            self.seconds_changed.emit(value)

    def text_for_people(self) -> str:
        return format_seconds(self._seconds)

    def refusal(self) -> str:
        """Why the last text typed was not taken ("" once it was, or once typing resumes)."""
        return self._refusal

    def take_typed(self) -> bool:
        """Read what is typed now; False (and :meth:`refusal` says why) when it is not a time
        in range, or when the text the field just refused has not been typed over yet."""
        if not self._refusal:
            self._take_typed()
        return not self._refusal

    def _bounded(self, seconds: int) -> int:
        return max(self._minimum, min(self._maximum, seconds))

    # ------------------------------------------------------------ typing

    def _take_typed(self) -> None:
        text = self.lineEdit().text()
        try:
            typed = parse_duration(text)
        except DurationNotUnderstood as error:
            self._refuse(str(error))
            return
        if not self._minimum <= typed <= self._maximum:
            self._refuse(
                _("Choose a time from {low} to {high}.").format(
                    low=format_seconds(self._minimum), high=format_seconds(self._maximum)
                )
            )
            return
        self._refusal = ""
        self.setAccessibleDescription("")
        self.set_seconds(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter reads the text first: text that is not a time keeps the key, so a dialog's
        default button is not pressed with the old time standing in for what was typed."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._take_typed()
            if self._refusal:
                self.lineEdit().selectAll()
                event.accept()
                return
        super().keyPressEvent(event)

    def _forget_refusal(self, _text: str) -> None:
        self._refusal = ""

    def _refuse(self, message: str) -> None:
        """Keep the time the field had, and say why the typed text was not taken."""
        self._refusal = message
        self.lineEdit().setText(format_seconds(self._seconds))
        self.setAccessibleDescription(message)
        self.refused.emit(message)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Anything may be typed (the field reads it when editing ends); only a readable time
        in range counts as acceptable, so Enter on half-typed text does not jump."""
        try:
            seconds = parse_duration(text)
        except DurationNotUnderstood:
            return _TYPING, text, pos
        return (_FINE if self._minimum <= seconds <= self._maximum else _TYPING), text, pos

    def fixup(self, text: str) -> str:
        """Left as typed: Enter reads it (:meth:`keyPressEvent`) and says what it could not
        read, rather than the old time quietly standing in for it."""
        return text

    # ------------------------------------------------------------ stepping

    def stepBy(self, steps: int) -> None:
        value = self._seconds
        for _step in range(abs(steps)):
            # A step lands on the next multiple of its size, so 1:20 steps to 1:30, not 1:35.
            if steps > 0:
                size = step_for(value)
                value = (value // size + 1) * size
            else:
                size = step_for(max(0, value - 1))
                value = ((value - 1) // size) * size
        self.set_seconds(value)
        self.lineEdit().selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._seconds > self._minimum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self._seconds < self._maximum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags


__all__ = ["DurationBox", "step_for"]
