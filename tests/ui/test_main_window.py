"""The main window: a welcome on an empty database, circles, and a circle from start to end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.live.arrival_dialog import ArrivalDialog
from circlekeeper.ui.main_window import MainWindow, WindowOptions
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import AutoSetup, TestClock, when_dialog_opens
from tests.ui.memory_catalog import MemoryCatalog


@pytest.fixture
def window(qtbot, clock: TestClock):
    catalog = MemoryCatalog()
    options = WindowOptions(
        clock_factory=lambda: clock,
        wall=clock.wall,
        setup_dialog=AutoSetup,
        muted=True,
        ask=lambda parent, title, question: True,
    )
    win = MainWindow(catalog, options)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def named(widget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def test_first_start_welcomes_and_offers_a_demo(qtbot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window._welcome_holder
    qtbot.mouseClick(named(window, "Look around a demo circle"), Qt.MouseButton.LeftButton)
    assert window.circle_list.count() == 1
    assert window.pages.currentWidget() is window.circle_page
    assert "Amal (she/her)" in plain(window.circle_page.people.text())


def test_a_circle_from_start_to_summary(qtbot, window: MainWindow, clock: TestClock) -> None:
    catalog: MemoryCatalog = window.catalog
    members = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"), Member(-3, "نور", ""))
    window.save_circle(
        CircleDetail(
            None,
            "Tuesday",
            agreements=("Everyone may pass.",),
            default_plan=default_plan(),
            members=members,
        )
    )
    window.start_circle()
    live = window.live_view
    assert live is not None and window.pages.currentWidget() is live
    for _ in range(2):
        qtbot.keyClick(live, Qt.Key.Key_N)
    clock.advance(80)
    qtbot.keyClick(live, Qt.Key.Key_N)
    qtbot.keyClick(live, Qt.Key.Key_P)
    live.end_circle()
    summary = window.summary_view
    assert summary is not None
    assert "Fairness index 1.00" in summary.fairness_label.text()
    summary.shareable.setPlainText("A warm first session <b>&</b>")
    qtbot.mouseClick(named(summary, "Save and close"), Qt.MouseButton.LeftButton)
    assert catalog.shareable[1] == "A warm first session <b>&</b>"
    assert window.pages.currentWidget() is window.circle_page
    kinds = [e.event.kind for e in catalog.journals[1].entries]
    assert kinds[:3] == ["session-started", "round-started", "turn-started"]
    assert kinds[-1] == "session-ended"


def test_late_arrival_is_added_to_the_circle(qtbot, window: MainWindow) -> None:
    window.save_circle(CircleDetail(None, "Tuesday", members=(Member(-1, "Amal"),)))
    window.start_circle()
    qtbot.keyClick(window.live_view, Qt.Key.Key_N)

    def someone_new(dialog: ArrivalDialog) -> None:
        # Amal, the whole circle, is here: the empty list says so (it was a blank box).
        assert dialog.people.count() == 0 and dialog.everyone_here.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.search, "Ola")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.pronouns, "Tab: her pronouns next, not the list"
        qtbot.keyClicks(dialog.pronouns, "she/her")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_dialog_opens(ArrivalDialog, someone_new)
    qtbot.keyClick(window.live_view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert "Ola (she/her)" in [
        window.live_view.queue.queue.item(i).text()
        for i in range(window.live_view.queue.queue.count())
    ]
    assert any(
        m.name == "Ola" and m.pronouns == "she/her" for m in window.catalog.circle(1).members
    )


def test_a_member_who_walks_in_is_found_by_part_of_their_name_and_can_join_next_round(
    qtbot, window: MainWindow
) -> None:
    members = (Member(-1, "Amal"), Member(-2, "José Ángel", "he/him"), Member(-3, "山田 花子"))
    window.save_circle(CircleDetail(None, "Tuesday", members=members))
    stored = window.catalog.circle(1).members

    class OnlyAmalIsHere(AutoSetup):
        def exec(self) -> int:
            for row in range(1, self.present.count()):
                self.present.item(row).setCheckState(Qt.CheckState.Unchecked)
            return super().exec()

    window.options.setup_dialog = OnlyAmalIsHere
    window.start_circle()
    qtbot.keyClick(window.live_view, Qt.Key.Key_N)

    def choose(dialog: ArrivalDialog) -> None:
        assert dialog.people.count() == 2, "only members who are not here yet are offered"
        assert not dialog.everyone_here.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.search, "angel")  # no accent typed
        rows = [dialog.people.item(i).text() for i in range(dialog.people.count())]
        assert rows == ["José Ángel (he/him)", "Someone new: angel"]
        assert not dialog.pronouns.isEnabled(), "a member's pronouns are already known"
        qtbot.keyClick(dialog.search, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.people, "so Tab goes on to the list"
        dialog.next_round.setChecked(True)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_dialog_opens(ArrivalDialog, choose)
    qtbot.keyClick(window.live_view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    jose = str(stored[1].person_id)
    assert jose in window.controller.session.state.present
    assert jose not in window.controller.current_round().queue
    assert window.live_view.status.text().endswith("joins from the next round.")
    assert len(window.catalog.circle(1).members) == 3, "nobody was added twice"


def test_circles_with_mood_counts_are_asked_at_check_in_and_check_out(
    qtbot, window: MainWindow
) -> None:
    asked: list[tuple[int, str, int]] = []
    window.options.mood_dialog = lambda parent, sid, moment, present: asked.append(
        (sid, moment, present)
    )
    window.save_circle(
        CircleDetail(None, "Moods", members=(Member(-1, "Amal"), Member(-2, "Jonas")))
    )
    window.start_circle()
    assert asked == [], "circles that did not turn it on are never asked"
    window.live_view.end_circle()
    window.summary_view.closed.emit("")
    detail = window.catalog.circle(1)
    window.save_circle(
        CircleDetail(detail.circle_id, "Moods", members=detail.members, mood_enabled=True)
    )
    window.start_circle()
    window.live_view.end_circle()
    assert [(moment, present) for _sid, moment, present in asked] == [
        ("check-in", 2),
        ("check-out", 2),
    ]


def test_the_check_out_mood_is_asked_over_the_summary_not_the_ended_round(
    qtbot, window: MainWindow
) -> None:
    """Asked over the live screen, the check-out count sat on "Round 2 of 3 · Sharing — Press
    N or Space to begin" with Start and Next lit, as if the circle went on behind it."""
    behind: list[tuple[QWidget, bool]] = []

    def mood(parent: QWidget, sid: int, moment: str, present: int) -> None:
        if moment == "check-out":
            behind.append((window.pages.currentWidget(), window.live_view is None))

    window.options.mood_dialog = mood
    window.save_circle(
        CircleDetail(
            None, "Moods", members=(Member(-1, "Amal"), Member(-2, "Jonas")), mood_enabled=True
        )
    )
    window.start_circle()
    window.live_view.end_circle()
    assert behind == [(window.summary_view, True)]


def test_quitting_from_the_summary_keeps_the_shareable_text(qtbot, window: MainWindow) -> None:
    catalog: MemoryCatalog = window.catalog
    window.save_circle(CircleDetail(None, "Tuesday", members=(Member(-1, "Amal"),)))
    window.start_circle()
    window.live_view.end_circle()
    window.summary_view.shareable.setPlainText("We laughed; שלום 🌿")
    window.close()
    assert catalog.shareable[1] == "We laughed; שלום 🌿"
