"""A small painted line chart for history figures over time.

Painted with the widget's palette (text colour for axes, a teal or pink that keeps its contrast
on light and dark windows) and told apart by line style as well as colour, so it reads in both
themes and in greyscale. An accessible description carries the figures for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.typed_lists import between_parts
from circlekeeper.ui.history.format import day, decimal
from circlekeeper.ui.theme import DARK, LIGHT

MAX_DOTS = 80
MONTHLY_FROM = 60
"""With more points than this, charts show monthly averages (one point per month)."""


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: tuple[tuple[datetime, float], ...]
    dashed: bool = False


def monthly_means(
    points: Sequence[tuple[datetime, float]],
) -> tuple[tuple[datetime, float], ...]:
    """One point per calendar month (placed mid-month): the mean of that month's values."""
    buckets: dict[tuple[int, int], list[float]] = {}
    for moment, value in points:
        buckets.setdefault((moment.year, moment.month), []).append(value)
    return tuple(
        (datetime(year, month, 15, tzinfo=UTC), sum(values) / len(values))
        for (year, month), values in sorted(buckets.items())
    )


def _colours(dark: bool) -> list[QColor]:
    colours = DARK if dark else LIGHT
    return [QColor(colours.accent), QColor(colours.over), QColor(colours.third)]


class TimeChart(QWidget):
    """Values over time; an optional reference line (the equal share, the top of a scale)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._series: list[Series] = []
        self._reference: tuple[float, str] | None = None
        self._y_range: tuple[float, float] | None = None
        self._format: Callable[[float], str] = lambda v: decimal(v, 2)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_series(
        self,
        series: Sequence[Series],
        *,
        reference: tuple[float, str] | None = None,
        y_range: tuple[float, float] | None = None,
        value_format: Callable[[float], str] | None = None,
    ) -> None:
        self._series = [s for s in series if s.points]
        self._reference = reference
        self._y_range = y_range
        if value_format is not None:
            self._format = value_format
        self.setAccessibleDescription(self.describe())
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    def describe(self) -> str:
        """The chart in words: first and last value and the range of each series."""
        if not self._series:
            # Translators: a chart read aloud by a screen reader when it has no figures yet.
            return _("{chart}: nothing recorded yet.").format(chart=self._title)
        parts = []
        for s in self._series:
            values = [v for _moment, v in s.points]
            # Translators: one line of a chart read aloud by a screen reader.
            text = ngettext(
                "{series}: {count} point, from {first} to {last} (lowest {lowest},"
                " highest {highest})",
                "{series}: {count} points, from {first} to {last} (lowest {lowest},"
                " highest {highest})",
                len(values),
            )
            parts.append(
                text.format(
                    series=s.label,
                    count=len(values),
                    first=self._format(values[0]),
                    last=self._format(values[-1]),
                    lowest=self._format(min(values)),
                    highest=self._format(max(values)),
                )
            )
        # Translators: a whole chart read aloud: its title, then each line's figures.
        return _("{chart}. {lines}.").format(chart=self._title, lines=between_parts().join(parts))

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        dark = palette.window().color().lightness() < 128
        grid = QColor(text)
        grid.setAlpha(60)
        metrics = QFontMetrics(self.font())
        line_h = metrics.height()
        side = _Sides(self.width(), self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        painter.setPen(text)
        painter.drawText(side.box(0, 0, self.width(), line_h), side.leading, self._title)
        if not self._series:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Nothing recorded yet"))
            painter.end()
            return
        xs = [x for s in self._series for x, _ in s.points]
        ys = [y for s in self._series for _, y in s.points]
        if self._reference is not None:
            ys.append(self._reference[0])
        low, high = self._y_range or (min(ys), max(ys))
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        start, end = min(xs), max(xs)
        span = max((end - start).total_seconds(), 1.0)
        label_w = max(metrics.horizontalAdvance(self._format(v)) for v in (low, high)) + 6
        legend_h = line_h + 2 if len(self._series) > 1 else 0
        # Laid out left to right, then mirrored as a whole in a right-to-left window: time
        # flows from the reading side, and the labels stay with the lines they name.
        left, top = label_w, line_h + 6 + legend_h
        width, height = self.width() - label_w - 8, self.height() - 2 * line_h - 14 - legend_h
        plot = side.box(left, top, width, height)

        one_day = day(start) == day(end)  # a single session: its dot in the middle, not a corner

        def to_point(x: datetime, y: float) -> QPointF:
            fx = 0.5 if one_day else (x - start).total_seconds() / span
            fy = (y - low) / (high - low)
            return QPointF(side.x(left + fx * width), top + height - fy * height)

        painter.setPen(QPen(grid, 1))
        painter.drawRect(plot)
        painter.setPen(text)
        for value, y in ((high, top), (low, top + height)):
            painter.drawText(
                side.box(0, y - line_h / 2, label_w - 4, line_h),
                side.trailing | Qt.AlignmentFlag.AlignVCenter,
                self._format(value),
            )
        bottom_y = top + height + 2
        dates = side.box(left, bottom_y, width, line_h)
        if one_day:  # (the same day at both ends read as a span)
            painter.drawText(dates, Qt.AlignmentFlag.AlignHCenter, day(start))
        else:
            painter.drawText(dates, side.leading, day(start))
            painter.drawText(dates, side.trailing, day(end))
        if self._reference is not None:
            value, label = self._reference
            line_y = to_point(start, value).y()
            painter.setPen(QPen(text, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), line_y), QPointF(plot.right(), line_y))
            painter.drawText(
                side.box(left + 4, line_y - line_h, width - 8, line_h), side.trailing, label
            )
        colours = _colours(dark)
        legend_x = float(label_w)
        for i, s in enumerate(self._series):
            colour = colours[i % len(colours)]
            style = Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine
            pen = QPen(colour, 2, style)
            painter.setPen(pen)
            polygon = QPolygonF([to_point(x, y) for x, y in s.points])
            painter.drawPolyline(polygon)
            if len(s.points) <= MAX_DOTS:
                painter.setBrush(colour)
                painter.setPen(Qt.PenStyle.NoPen)
                for n in range(polygon.size()):
                    painter.drawEllipse(polygon.at(n), 2.5, 2.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if legend_h:
                key_y = line_h + 4 + line_h / 2
                painter.setPen(pen)
                painter.drawLine(
                    QPointF(side.x(legend_x), key_y), QPointF(side.x(legend_x + 18), key_y)
                )
                painter.setPen(text)
                painter.drawText(
                    side.box(legend_x + 22, line_h + 4, 200, line_h), side.leading, s.label
                )
                legend_x += 30 + metrics.horizontalAdvance(s.label)
        painter.end()


class _Sides:
    """Left-to-right coordinates, mirrored when the window reads right to left."""

    def __init__(self, width: float, right_to_left: bool) -> None:
        self._width = width
        self._rtl = right_to_left
        absolute = Qt.AlignmentFlag.AlignAbsolute
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        self.leading = absolute | (right if right_to_left else left)
        """Where a line starts reading (and where time starts)."""
        self.trailing = absolute | (left if right_to_left else right)

    def x(self, x: float) -> float:
        return self._width - x if self._rtl else x

    def box(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self._width - x - w if self._rtl else x, y, w, h)
