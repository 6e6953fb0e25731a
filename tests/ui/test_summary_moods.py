"""The end-of-circle summary shows the mood counts just recorded, worded as History and the
PDF word them: a facilitator counted hands at check-in and check-out, then saw neither on the
summary they read out to the group."""

from __future__ import annotations

from circlekeeper.prompts import MoodService
from circlekeeper.prompts.memory import MemoryMoodRepository
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.main_window import MainWindow
from circlekeeper.ui.prompts.mood_widget import MoodCountDialog
from tests.ui.conftest import when_dialog_opens
from tests.ui.prompts.test_mood_widget import spin
from tests.ui.test_main_window import window  # noqa: F401 (the fixture)

CHECK_IN = "Check-in mood 4.5 of 5 (2 answers; 1: 0, 2: 0, 3: 0, 4: 1, and 5: 1)"
CHECK_OUT = "Check-out mood 3.0 of 5 (2 answers; 1: 0, 2: 0, 3: 2, 4: 0, and 5: 0)"


def wire_moods_as_the_app_does(win: MainWindow) -> MoodService:
    moods = MoodService(MemoryMoodRepository())
    win.options.mood_dialog = lambda parent, session_id, moment, present: MoodCountDialog(
        moods, session_id, moment, present=present, parent=parent
    ).exec()
    win.options.moods_of = lambda session_id: list(moods.for_session(session_id).values())
    return moods


def counted(value: int, people: int):
    def act(dialog: MoodCountDialog) -> None:
        spin(dialog.counts, value).setValue(people)
        dialog.save_button.click()

    return act


def test_the_summary_shows_both_counts_the_check_out_one_as_soon_as_it_is_saved(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    wire_moods_as_the_app_does(window)
    window.save_circle(
        CircleDetail(
            None, "Moods", members=(Member(-1, "Amal"), Member(-2, "Jonas")), mood_enabled=True
        )
    )

    def check_in(dialog: MoodCountDialog) -> None:
        spin(dialog.counts, 4).setValue(1)
        spin(dialog.counts, 5).setValue(1)
        dialog.save_button.click()

    when_dialog_opens(MoodCountDialog, check_in)
    window.start_circle()
    seen_under_the_dialog: list[str] = []

    def check_out(dialog: MoodCountDialog) -> None:
        label = window.summary_view.moods_label
        seen_under_the_dialog.append(label.text() if label.isVisible() else "")
        counted(3, 2)(dialog)

    when_dialog_opens(MoodCountDialog, check_out)
    window.live_view.end_circle()
    assert seen_under_the_dialog == [CHECK_IN]  # the check-in count, already there
    label = window.summary_view.moods_label
    assert label.isVisible() and label.text() == f"{CHECK_IN}\n{CHECK_OUT}"
    assert label.accessibleName() == "Mood counts"


def test_a_circle_without_counts_shows_no_mood_line(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    """Skipped counts, or a circle that does not count moods: no empty line, no
    "No mood counts were recorded." on the screen read out to the group."""
    wire_moods_as_the_app_does(window)
    window.save_circle(
        CircleDetail(
            None, "Moods", members=(Member(-1, "Amal"), Member(-2, "Jonas")), mood_enabled=True
        )
    )
    when_dialog_opens(MoodCountDialog, lambda dialog: dialog.reject())
    window.start_circle()
    when_dialog_opens(MoodCountDialog, lambda dialog: dialog.reject())
    window.live_view.end_circle()
    assert not window.summary_view.moods_label.isVisible()
    assert window.summary_view.moods_label.text() == ""
