"""Lists of names keep the UI's left-to-right flow even when the first name is Hebrew or Arabic."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.circle_page import CirclePage


def _ink_columns(label) -> list[int]:
    image = label.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
    return [
        x
        for x in range(image.width())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60
            for y in range(image.height())
        )
    ]


def test_a_people_list_starting_with_a_hebrew_name_reads_left_to_right(qtbot) -> None:
    page = CirclePage()
    qtbot.addWidget(page)
    page.resize(900, 500)
    members = (Member(1, "דוד כהן", "הוא"), Member(2, "נועה לוי", "she/her"), Member(3, "Tom"))
    page.show_circle(CircleDetail(1, "Tuesday", members=members))
    page.show()
    QApplication.processEvents()
    ink = _ink_columns(page.people)
    assert ink, "the names are drawn"
    assert min(ink) < 10, "the list starts at the left edge, as every other line does"
    assert max(ink) < page.people.width() / 2, "and is not pushed to the right"
