"""Archiving a circle can be taken back: the circle returns with its people and history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.catalog import CircleCard, CircleDetail, Member
from circlekeeper.ui.setup.archived_dialog import ArchivedCirclesDialog
from circlekeeper.ui.setup.setup_dialog import default_plan


def test_the_dialog_brings_back_the_chosen_circle(qtbot) -> None:
    brought: list[int] = []
    cards = [CircleCard(3, "Tuesday", "", 4, 12), CircleCard(5, "נועה's circle", "", 2, 1)]
    dialog = ArchivedCirclesDialog(cards, brought.append)
    qtbot.addWidget(dialog)
    assert dialog.circles.count() == 2 and "12 sessions" in dialog.circles.item(0).text()
    dialog.circles.setCurrentRow(1)
    qtbot.mouseClick(dialog.bring_back, Qt.MouseButton.LeftButton)
    assert brought == [5] and dialog.restored == [5]
    dialog.circles.setCurrentRow(0)
    qtbot.mouseClick(dialog.bring_back, Qt.MouseButton.LeftButton)
    assert brought == [5, 3]
    assert dialog.circles.count() == 0 and not dialog.empty.isHidden()
    assert not dialog.bring_back.isEnabled()


def test_an_archived_circle_comes_back_to_the_list_with_its_people(
    qtbot, real_app, monkeypatch
) -> None:
    window = real_app().window
    members = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan(), members=members))
    window.archive_circle()
    assert window.circle_list.count() == 0
    assert "Archived circles" in window.statusBar().currentMessage()

    def choose_and_close(dialog: ArchivedCirclesDialog) -> int:
        assert dialog.circles.count() == 1
        dialog.bring_back.click()
        return 0

    monkeypatch.setattr(ArchivedCirclesDialog, "exec", choose_and_close)
    window.show_archived()
    assert [window.circle_list.item(i).text() for i in range(window.circle_list.count())] == [
        "Tuesday"
    ]
    assert "Amal (she/her)" in plain(window.circle_page.people.text())
