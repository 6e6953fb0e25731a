"""The live screen in Arabic: its words start at the right, whatever script a name is in.

A label takes its alignment from the first letter of its text. In the Arabic window the
speaker's name, the prompt and the status line sat against the left edge whenever they began
with a Latin letter ("Amal", an English prompt), and an Arabic name in its isolate did too;
the status sentence "Amal يتحدث الآن." was laid out left to right, so it read from its end.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from circlekeeper.i18n import active_language, use_language
from circlekeeper.session.model import Participant
from circlekeeper.ui.live.controller import LiveController
from circlekeeper.ui.live.view import LiveView
from tests.ui.conftest import PLAN, MemoryJournal, TestClock

PEOPLE = [
    Participant("1", "Amal", "she/her"),
    Participant("2", "يوسف الحسيني", "هو"),
]


def ink(label: QLabel) -> tuple[int, int]:
    """The leftmost and rightmost columns where the label's text is painted."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0).name()
    columns = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).name() != background for y in range(image.height()))
    ]
    assert columns, f"nothing painted in {label.accessibleName()}"
    return columns[0], columns[-1]


def starts_at_the_right(label: QLabel) -> bool:
    left, right = ink(label)
    return label.width() - right < 12 and left > label.width() / 3


@pytest.fixture
def arabic_view(qtbot, clock: TestClock, journal: MemoryJournal) -> LiveView:
    before = active_language()
    app = QApplication.instance()
    use_language("ar")
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    controller = LiveController(clock, journal, PLAN, wall=clock.wall)
    controller.start("Tuesday circle", PEOPLE, ["Sam"])
    view = LiveView(controller)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    try:
        yield view
    finally:
        controller.shutdown()
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        use_language(before)


def test_a_latin_name_and_an_english_prompt_start_at_the_right(
    qtbot, arabic_view: LiveView
) -> None:
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)  # the round opens
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)  # Amal speaks
    assert "Amal" in arabic_view.speaker_label.text()
    assert starts_at_the_right(arabic_view.speaker_label), ink(arabic_view.speaker_label)
    assert starts_at_the_right(arabic_view.prompt_label), ink(arabic_view.prompt_label)


def test_an_arabic_name_starts_at_the_right(qtbot, arabic_view: LiveView) -> None:
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)
    qtbot.keyClick(arabic_view, Qt.Key.Key_N)  # يوسف speaks
    assert "يوسف" in arabic_view.speaker_label.text()
    assert starts_at_the_right(arabic_view.speaker_label), ink(arabic_view.speaker_label)


def test_the_status_sentence_about_amal_reads_from_the_right(qtbot, arabic_view: LiveView) -> None:
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)
    qtbot.keyClick(arabic_view, Qt.Key.Key_Space)
    status = arabic_view.status
    assert "Amal" in status.text()
    assert starts_at_the_right(status), ink(status)


def test_the_summary_s_title_reads_from_the_right_with_a_latin_circle_name(qtbot) -> None:
    """ "Tuesday evening circle — شكرًا" sat at the left, read left to right."""
    from circlekeeper.reports.demo import demo_summary
    from circlekeeper.session.frozen import replace
    from circlekeeper.ui.live.summary_view import SummaryView

    before = active_language()
    app = QApplication.instance()
    use_language("ar")
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        summary = replace(demo_summary(people=3, rounds=2), circle="Tuesday evening circle")
        view = SummaryView(summary)
        qtbot.addWidget(view)
        view.resize(1000, 600)
        view.show()
        qtbot.waitExposed(view)
        title = view.findChild(QLabel, "summaryTitle")
        assert "Tuesday evening circle" in title.text()
        assert starts_at_the_right(title), ink(title)
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        use_language(before)
