"""Each person's speaking time, as a calm row of bars.

Used live (refreshed about once a second), on the summary screen and in history. Where a bar
knows what the person was offered (their allotment, or a finished open round's equal share:
:mod:`circlekeeper.session.offered`) it carries a tick there and says "1:32 of 1:30"; otherwise
the chart shows the session's equal share as a dashed line *and* a label. No bar ever changes
colour for having spoken longer: the chart describes, it does not judge (issue #13).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from circlekeeper.i18n import _, ngettext
from circlekeeper.session.model import format_duration
from circlekeeper.session.summary import SessionSummary
from circlekeeper.ui.bidi_text import isolate
from circlekeeper.ui.theme import colours_for


@dataclass(frozen=True, slots=True)
class ShareBar:
    label: str
    seconds: float
    passes: int = 0
    offered: float | None = None
    """What the person was offered so far (None: compare with the equal share line)."""


def bars_from_summary(
    summary: SessionSummary, offered: Mapping[str, float] | None = None
) -> tuple[list[ShareBar], float]:
    """Bars in seating order and the equal share they are measured against; with ``offered``
    (seconds by person id) each bar is measured against its own offer and no equal-share line
    is drawn."""
    if offered is None:
        # The figures add up to the summary's total, as a reader checking the column expects.
        shown = summary.shown_seconds()
        bars = [ShareBar(p.name, shown[p.person_id], p.passes) for p in summary.people]
        return bars, summary.equal_share
    bars = [
        ShareBar(p.name, p.spoken_total, p.passes, offered.get(p.person_id, 0.0))
        for p in summary.people
    ]
    return bars, 0.0


def bar_value(bar: ShareBar) -> str:
    """The words after a bar: "1:32 of 1:30 · 1 pass"."""
    value = format_duration(bar.seconds)
    if bar.offered is not None and bar.offered > 0:
        value = _("{spoken} of {offered}").format(
            spoken=value, offered=format_duration(bar.offered)
        )
    if bar.passes:
        passes = ngettext("{count} pass", "{count} passes", bar.passes).format(count=bar.passes)
        value = f"{value} · {passes}"
    return value


VALUE_GAP = 6
"""Pixels between a bar's end and its figures."""
VALUE_PADDING = 4
"""Pixels the figures keep from the widget's edge."""
LABEL_GAP = 8
"""Pixels between a name and its bar."""
SHORTEST_BAR = 60
"""Pixels a bar keeps however long the names and figures beside it."""
NAMES_SHARE = 0.45
"""The most of a wide strip the names take (when the longest needs it)."""


class FairnessStrip(QWidget):
    """A row per person. Rows shrink from roomy to compact as a big circle fills the space;
    beyond that the strip grows taller than its place and :func:`scrollable` lets it scroll,
    so nobody in the circle is ever cut off the chart."""

    ROW = 26
    COMPACT_ROW = 18
    TOP = 18
    """Room above the rows for the "equal share" label (only where that line is drawn: the
    live list measures each person against their own offer and starts at its first row)."""
    BOTTOM = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[ShareBar] = []
        self._equal = 0.0
        self._pass_room = 0
        self.setAccessibleName(_("Speaking time against an equal share"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[ShareBar], equal_share: float) -> None:
        if bars == self._bars and equal_share == self._equal:
            return
        self._bars = bars
        self._equal = equal_share
        self.updateGeometry()
        self.update()

    def bars(self) -> list[ShareBar]:
        return list(self._bars)

    def keep_room_for_passes(self, passes: int) -> None:
        """Measure the figures' column as if a bar had up to ``passes`` passes.

        The live list calls this with the number of rounds: a person passes at most once a
        round, and "· 1-mal ausgesetzt" appearing with the first pass would otherwise widen
        the column and shrink every bar mid-circle (about 160 to 78 pixels in German on a
        1366-pixel screen). A chart of a finished circle keeps the room its figures need."""
        passes = max(0, passes)
        if passes != self._pass_room:
            self._pass_room = passes
            self.updateGeometry()
            self.update()

    def _offers(self) -> bool:
        return any(bar.offered is not None for bar in self._bars)

    def sizeHint(self) -> QSize:
        return QSize(320, self.height_for_rows(max(1, len(self._bars)), compact=False))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.height_for_rows(max(1, len(self._bars))))

    def top(self) -> int:
        """Where the first row begins: below the equal-share label when there is one."""
        return self.TOP if self._equal > 0 else 0

    def height_for_rows(self, rows: int, *, compact: bool = True) -> int:
        """The height ``rows`` people take, in compact or roomy rows."""
        row = self.compact_row() if compact else self.ROW
        return rows * row + self.top() + self.BOTTOM

    def compact_row(self) -> int:
        return max(self.COMPACT_ROW, QFontMetrics(self.font()).height() + 2)

    def row_height(self) -> float:
        """Roomy rows when there is space, compact ones in a big circle."""
        fits = (self.height() - self.top() - self.BOTTOM) / max(1, len(self._bars))
        return max(float(self.compact_row()), min(float(self.ROW), fits))

    def value_column(self) -> tuple[float, float]:
        """Where the figures after the bars begin (counted from the reading start) and the
        room they have to the edge: as wide as the widest figure shown, or one of an hour
        (against an hour offered), so the column stays put as the minutes grow. Measured on
        every bar shown, because a language may word one pass longer than two (Arabic
        does); an hour with two passes was the sample once, and in German at 1024×600 it
        left the live bars a few pixels wide. The live list also keeps room for the passes
        to come (:meth:`keep_room_for_passes`), so the column never widens mid-circle."""
        metrics = QFontMetrics(self.font())
        offered = 3600 - 1 if self._offers() else None
        # Every count up to the room kept: a language's words differ by count (Arabic's one
        # pass is longer than its two, and its 3-10 take another form).
        samples = [ShareBar("", 3600 - 1, n, offered) for n in range(self._pass_room + 1)]
        widest = max(metrics.horizontalAdvance(bar_value(b)) for b in [*samples, *self._bars])
        room = float(widest + VALUE_PADDING)
        return max(0.0, self.width() - room), room

    def columns(self) -> tuple[float, float, float]:
        """The names' width, where the bars begin and their length (from the reading start).
        The names take what the longest needs (short names leave the bars the room); they
        give way (elided) before the bars shrink below :data:`SHORTEST_BAR`, so a bar never
        runs under its figures."""
        value_x, _room = self.value_column()
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=0)
        # As wide as the longest name, up to 180 pixels or nearly half a wider strip: a fixed
        # third cut "Ελένη Παπαδοπούλου" at 1024×600, "Konstantinopoulou-Vande…" at 1366×768.
        label_w = float(min(widest + 1, max(int(self.width() * NAMES_SHARE), 180)))
        label_w = max(min(label_w, value_x - VALUE_GAP - SHORTEST_BAR - LABEL_GAP), 0.0)
        bar_x = label_w + LABEL_GAP
        return label_w, bar_x, max(0.0, value_x - VALUE_GAP - bar_x)

    def shown_name(self, name: str, width: float) -> str:
        """``name`` as its row shows it in ``width`` pixels: elided, then isolated, so it
        keeps its own direction ("<b>Jonas</b>" read "b>Jonas</b><" in the Arabic window)
        and its ellipsis stays at its end."""
        metrics = QFontMetrics(self.font())
        return isolate(metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        colours = colours_for(palette)
        bar_colour = QColor(colours.accent)
        track = QColor(colours.track)
        metrics = QFontMetrics(self.font())
        if not self._bars:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Nobody has spoken yet"))
            painter.end()
            return
        value_x, value_w = self.value_column()
        label_w, bar_x, bar_w = self.columns()
        offers = [b.offered or 0.0 for b in self._bars]
        scale_max = max(max(b.seconds for b in self._bars), max(offers), self._equal * 1.25, 1.0)
        rows = self._bars
        top = self.top()
        row_h = self.row_height()
        gap = min(6.0, row_h / 4)
        # Right to left (Arabic): names on the right, bars growing leftwards, figures on the
        # left, as the whole window is mirrored. Positions are computed left to right, then
        # each box is mirrored; AlignLeft already means "the reading start" in such a widget.
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def at(x: float, width: float) -> float:
            return self.width() - x - width if mirrored else x

        for i, bar in enumerate(rows):
            y = top + i * row_h
            name = self.shown_name(bar.label, label_w)
            painter.setPen(text)
            painter.drawText(
                QRectF(at(0, label_w), y, label_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            painter.fillRect(QRectF(at(bar_x, bar_w), y + gap, bar_w, row_h - 2 * gap), track)
            width = bar_w * bar.seconds / scale_max
            painter.fillRect(QRectF(at(bar_x, width), y + gap, width, row_h - 2 * gap), bar_colour)
            if bar.offered:
                tick = at(bar_x + bar_w * bar.offered / scale_max, 0)
                painter.setPen(QPen(text, 2))
                painter.drawLine(int(tick), int(y + gap / 2), int(tick), int(y + row_h - gap / 2))
            value = bar_value(bar)
            painter.setPen(text)
            painter.drawText(
                QRectF(at(value_x, value_w), y, value_w, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                value,
            )
        if self._equal > 0:
            x = at(bar_x + bar_w * self._equal / scale_max, 0)
            pen = QPen(text, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            bottom = top + len(rows) * row_h
            painter.drawLine(int(x), top, int(x), int(bottom))
            mark = _("equal share {duration}").format(duration=format_duration(self._equal))
            half = max(80, metrics.horizontalAdvance(mark) // 2 + 4)
            painter.drawText(QRectF(x - half, 0, 2 * half, 16), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()


def scrollable(strip: FairnessStrip) -> QScrollArea:
    """The strip in a frameless area that scrolls only when even compact rows do not fit."""
    area = QScrollArea()
    area.setWidget(strip)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(strip.accessibleName())
    area.setMinimumHeight(strip.height_for_rows(3))
    return area
