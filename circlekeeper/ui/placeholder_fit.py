"""A line edit's placeholder that reads whole, however narrow the field: the longest of a few
wordings that fits, chosen again at every resize.

Qt cuts a placeholder that is wider than its field with "…": on a 1024×600 screen *Start a
circle* said "Someone of the circle, or a…" and "Schreib eine Fra…", and in French the round's
prompt field (53 pixels) said "Tape…". A field given a long wording and shorter ones shows
the longest it has room for; the longest is its tooltip whenever a shorter one shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QStyle

TEXT_MARGIN = 2
"""Pixels QLineEdit keeps between its frame and its text on each side."""


def placeholder_room(field: QLineEdit) -> int:
    """The width ``field`` gives its placeholder: inside its frame, its text margins and its
    own margins, less the clear button's square when it has one."""
    frame = 0
    if field.hasFrame():
        frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    margins = field.textMargins()
    room = field.width() - 2 * frame - margins.left() - margins.right() - 2 * TEXT_MARGIN
    if field.isClearButtonEnabled():
        room -= field.height()
    return room


class _PlaceholderFit(QObject):
    def __init__(self, field: QLineEdit, texts: tuple[str, ...]) -> None:
        super().__init__(field)
        self._field = field
        self._texts = texts
        field.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        field = self._field
        room = placeholder_room(field)
        metrics = field.fontMetrics()
        shown = next(
            (text for text in self._texts if metrics.horizontalAdvance(text) <= room),
            self._texts[-1],
        )
        if field.placeholderText() != shown:
            field.setPlaceholderText(shown)
        whole = self._texts[0]
        tip = "" if shown == whole else whole
        if field.property("placeholderTip") != tip:
            # Only a tooltip this module gave is replaced: a field's own tooltip stays.
            if not field.toolTip() or field.toolTip() == field.property("placeholderTip"):
                field.setToolTip(tip)
            field.setProperty("placeholderTip", tip)


def fit_placeholder(field: QLineEdit, *texts: str) -> None:
    """``field`` shows the first of ``texts`` (longest first) that it has room for whole, and
    the last when none fits."""
    fit = field.findChild(_PlaceholderFit)
    if fit is not None:
        fit.setParent(None)
        field.removeEventFilter(fit)
    _PlaceholderFit(field, tuple(texts))
