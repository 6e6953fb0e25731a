"""The fairness strip: everyone in the circle has a row that can be seen, however big the circle."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QScrollArea

from circlekeeper.ui.fairness_strip import FairnessStrip, ShareBar, scrollable


def _bars(count: int) -> list[ShareBar]:
    return [ShareBar(f"Person {i}", 30.0 + i) for i in range(count)]


def _shown(qtbot, people: int, height: int) -> tuple[FairnessStrip, QScrollArea]:
    strip = FairnessStrip()
    strip.set_bars(_bars(people), 40.0)
    area = scrollable(strip)
    qtbot.addWidget(area)
    area.resize(400, height)
    area.show()
    QApplication.processEvents()
    return strip, area


def test_a_small_circle_gets_roomy_rows(qtbot) -> None:
    strip, area = _shown(qtbot, people=5, height=400)
    assert strip.row_height() == FairnessStrip.ROW
    assert not area.verticalScrollBar().isVisible()


def test_a_big_circle_compacts_then_scrolls_instead_of_cutting_people_off(qtbot) -> None:
    strip, area = _shown(qtbot, people=20, height=250)
    row = strip.row_height()
    assert row < FairnessStrip.ROW, "rows shrink before anything scrolls"
    assert strip.height() >= FairnessStrip.TOP + 20 * row, "all twenty rows fit in the strip"
    assert area.verticalScrollBar().isVisible()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    QApplication.processEvents()
    image = area.grab().toImage()
    bar_colours = {QColor("#23867b").rgb(), QColor("#a23b72").rgb()}
    last_row_y = area.height() - 6 - int(row / 2)
    on_last_row = {image.pixel(x, last_row_y) for x in range(image.width())}
    assert on_last_row & bar_colours, "scrolled to the end, the last person's bar is painted"
