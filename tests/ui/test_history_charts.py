"""The small history charts: what a screen reader hears, and that both themes draw the line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from circlekeeper.ui.history.charts import Series, TimeChart, monthly_means

START = datetime(2026, 1, 5, 18, tzinfo=UTC)


def points(values: list[float]) -> tuple[tuple[datetime, float], ...]:
    return tuple((START + timedelta(days=7 * i), v) for i, v in enumerate(values))


def test_description_reads_the_figures_aloud(qtbot) -> None:
    chart = TimeChart("Fairness over time")
    qtbot.addWidget(chart)
    assert chart.accessibleDescription() == ""
    chart.set_series([Series("fairness index", points([0.8, 0.95, 0.7]))])
    text = chart.accessibleDescription()
    assert text.startswith("Fairness over time.")
    assert "from 0.80 to 0.70" in text and "lowest 0.70" in text and "highest 0.95" in text
    chart.set_series([])
    assert chart.accessibleDescription() == "Fairness over time: nothing recorded yet."


def test_monthly_means_put_one_point_mid_month() -> None:
    merged = monthly_means(points([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    assert [(t.month, t.day) for t, _ in merged] == [(1, 15), (2, 15)]
    assert merged[0][1] == 2.5  # Jan 5, 12, 19, 26
    assert merged[1][1] == 5.5


def count_near(image, colour: QColor, tolerance: int = 40) -> int:
    hits = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red())
                + abs(c.green() - colour.green())
                + abs(c.blue() - colour.blue())
                < tolerance
            ):
                hits += 1
    return hits


def test_line_is_drawn_in_a_colour_that_suits_light_and_dark(qtbot) -> None:
    for window, text, line in (
        ("#f4f4f4", "#111111", "#23867b"),
        ("#1e2429", "#e6e6e6", "#4fc1b1"),
    ):
        chart = TimeChart("Attendance")
        qtbot.addWidget(chart)
        palette = chart.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        chart.setPalette(palette)
        chart.setAutoFillBackground(True)
        font = chart.font()
        font.setPointSize(14)  # solid glyph strokes whatever the system's default family is
        chart.setFont(font)
        chart.resize(400, 170)
        chart.set_series([Series("present", points([5, 7, 6, 8]))])
        image = chart.grab().toImage()
        assert count_near(image, QColor(line)) > 20
        assert count_near(image, QColor(text)) > 20  # axis labels in the text colour


def _newest_point_x(chart: TimeChart) -> int:
    """Where the line is highest: the chart's last point when its values only rise."""
    image = chart.grab().toImage()
    line = QColor(_colour_of_first_line(chart))
    for y in range(image.height()):
        xs = [x for x in range(image.width()) if _close(image.pixelColor(x, y), line)]
        if xs:
            return sum(xs) // len(xs)
    raise AssertionError("no line drawn")


def _colour_of_first_line(chart: TimeChart) -> str:
    from circlekeeper.ui.theme import DARK, LIGHT

    dark = chart.palette().window().color().lightness() < 128
    return (DARK if dark else LIGHT).accent


def _close(c: QColor, want: QColor) -> bool:
    difference = abs(c.red() - want.red()) + abs(c.green() - want.green())
    return difference + abs(c.blue() - want.blue()) < 40


def test_in_a_right_to_left_window_time_runs_from_the_right(qtbot) -> None:
    """Arabic reads from the right: the first session is drawn there, its date beside it."""
    shown = {}
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        chart = TimeChart("Attendance")
        qtbot.addWidget(chart)
        chart.setLayoutDirection(direction)
        chart.resize(400, 170)
        chart.set_series([Series("present", points([1, 2, 3, 4, 5]))], y_range=(0.0, 6.0))
        shown[direction] = _newest_point_x(chart)
    assert shown[Qt.LayoutDirection.LeftToRight] > 300  # newest on the right
    assert shown[Qt.LayoutDirection.RightToLeft] < 100  # newest on the left


def test_a_single_session_is_a_dot_in_the_middle_under_its_one_date(qtbot) -> None:
    """A person or circle seen once: the dot sat in the plot's corner, on its border, with
    the same date printed at both ends of the axis as though it were a span."""
    chart = TimeChart("Attendance")
    qtbot.addWidget(chart)
    chart.resize(600, 170)
    chart.set_series([Series("present", points([6]))])
    image = chart.grab().toImage()
    line = QColor(_colour_of_first_line(chart))
    xs = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if _close(image.pixelColor(x, y), line)
    ]
    assert xs, "the dot is drawn"
    middle = sum(xs) / len(xs)
    assert abs(middle - chart.width() / 2) < chart.width() * 0.1, middle
