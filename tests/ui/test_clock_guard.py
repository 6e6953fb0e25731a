"""A dialog opened mid-circle never sits over the turn's time, even when the view reflows."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from circlekeeper.ui.live.clock_guard import ClockGuard, clear_of


def test_a_dialog_over_the_clock_moves_beside_it() -> None:
    area = QRect(0, 0, 1366, 736)
    clock = QRect(327, 321, 234, 80)
    target = clear_of(QRect(400, 300, 300, 200), clock, area)
    assert target is not None
    assert not QRect(target, QRect(400, 300, 300, 200).size()).intersects(clock)
    assert clear_of(QRect(900, 100, 300, 200), clock, area) is None  # already clear: stays


def test_an_open_dialog_is_moved_again_when_the_clock_moves_under_it(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    clock = {"rect": QRect(0, 0, 50, 50)}
    guard = ClockGuard(owner, lambda: clock["rect"])
    dialog = QDialog(owner)
    dialog.resize(200, 120)
    dialog.move(300, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.frameGeometry().intersects(clock["rect"])

    # The live view reflows while the dialog is open: the time is now under it.
    clock["rect"] = dialog.frameGeometry().adjusted(20, 20, -20, -20)
    qtbot.waitUntil(lambda: not dialog.frameGeometry().intersects(clock["rect"]), timeout=2000)
    dialog.close()
    guard.stop()


def test_a_dialog_too_wide_to_go_beside_the_clock_is_narrowed_to_the_wider_side() -> None:
    """The private notes (822 pixels) opened mid-circle on a 1024×600 screen had nowhere to
    go beside the ring's time and stayed over it."""
    from circlekeeper.ui.live.clock_guard import narrowed_beside

    area = QRect(0, 0, 1024, 568)
    clock = QRect(262, 250, 100, 60)
    notes = QRect(100, 0, 822, 545)
    assert clear_of(notes, clock, area) is None, "nowhere as it is"
    width = narrowed_beside(notes, clock, area, least=500)
    assert width is not None and width >= 500
    narrowed = QRect(
        notes.topLeft(), notes.size().shrunkBy(QMargins(0, 0, notes.width() - width, 0))
    )
    target = clear_of(narrowed, clock, area)
    assert target is not None, "then it goes beside the clock"
    assert area.contains(QRect(target, narrowed.size()))
    assert narrowed_beside(notes, clock, area, least=700) is None, "never below its minimum"
