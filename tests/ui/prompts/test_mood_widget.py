"""The anonymous mood count: five steppers, a total, and a check against those present."""

from __future__ import annotations

from circlekeeper.prompts import MoodService
from circlekeeper.prompts.memory import MemoryMoodRepository
from circlekeeper.ui.prompts.mood_widget import MoodCountDialog, MoodCountsWidget


def spin(widget, value: int):
    return next(
        s for s in widget.spins.values() if s.accessibleName().startswith(f"How many chose {value}")
    )


def test_counts_and_total(qtbot) -> None:
    widget = MoodCountsWidget("check-in", present=6)
    qtbot.addWidget(widget)
    spin(widget, 2).setValue(1)
    spin(widget, 4).setValue(3)
    assert widget.total.text() == "Total: 4 of 6 present"
    assert widget.value().counts == {1: 0, 2: 1, 3: 0, 4: 3, 5: 0}
    spin(widget, 5).setValue(3)
    assert "more than are here" in widget.total.text() and not widget.is_valid()


def test_dialog_saves_only_counts_and_refuses_too_many(qtbot) -> None:
    repo = MemoryMoodRepository()
    service = MoodService(repo)
    dialog = MoodCountDialog(service, 4, "check-out", present=3)
    qtbot.addWidget(dialog)
    spin(dialog.counts, 3).setValue(4)
    assert not dialog.save_button.isEnabled()
    spin(dialog.counts, 3).setValue(2)
    spin(dialog.counts, 5).setValue(1)
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.total == 3
    assert [c.counts for c in repo.for_session(4)] == [{1: 0, 2: 0, 3: 2, 4: 0, 5: 1}]
    again = MoodCountDialog(service, 4, "check-out", present=3)
    qtbot.addWidget(again)
    assert spin(again.counts, 3).value() == 2  # reopening shows what was saved
