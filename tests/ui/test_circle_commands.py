"""Archive, Edit circle… and Start a circle… act on the chosen circle: greyed (buttons, menu
commands and their shortcuts) while none is chosen, enabled as soon as one is.

They used to stay enabled on a first start and after the last circle was archived, and did
nothing when pressed.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.main_window import MainWindow, WindowOptions
from circlekeeper.ui.setup.setup_dialog import default_plan
from tests.ui.conftest import AutoSetup, TestClock
from tests.ui.memory_catalog import MemoryCatalog

COMMANDS = ("Edit circle…", "Start a circle…")


@pytest.fixture
def options(clock: TestClock) -> WindowOptions:
    return WindowOptions(
        clock_factory=lambda: clock,
        wall=clock.wall,
        setup_dialog=AutoSetup,
        muted=True,
        ask=lambda parent, title, question: True,
    )


def shown(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def command(window: MainWindow, text: str) -> QAction:
    found = [a for a in window.menus.circle_menu.actions() if a.text().replace("&", "") == text]
    assert found, text
    return found[0]


def enabled(window: MainWindow) -> dict[str, bool]:
    """What a facilitator can press that acts on the chosen circle."""
    state = {text: command(window, text).isEnabled() for text in COMMANDS}
    state["Archive"] = window.archive_button.isEnabled()
    return state


ALL_OFF = dict.fromkeys((*COMMANDS, "Archive"), False)
ALL_ON = dict.fromkeys((*COMMANDS, "Archive"), True)


def test_greyed_on_a_first_start_enabled_once_a_circle_is_chosen(qtbot, options) -> None:
    window = shown(qtbot, MainWindow(MemoryCatalog(), options))
    assert enabled(window) == ALL_OFF
    window.open_demo()
    assert window.current_circle_id is not None
    assert enabled(window) == ALL_ON


def test_greyed_again_after_archiving_the_last_circle(qtbot, options) -> None:
    window = shown(qtbot, MainWindow(MemoryCatalog(), options))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan()))
    assert enabled(window) == ALL_ON
    window.archive_circle()
    assert window.circle_list.count() == 0
    assert enabled(window) == ALL_OFF
    window.save_circle(CircleDetail(None, "Thursday", default_plan=default_plan()))
    assert enabled(window) == ALL_ON


def test_greyed_while_a_circle_runs_and_back_after_its_summary(qtbot, options) -> None:
    window = shown(qtbot, MainWindow(MemoryCatalog(), options))
    members = (Member(-1, "Amal", "she/her"), Member(-2, "Jonas"))
    window.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan(), members=members))
    window.start_circle()
    assert window.live_view is not None
    assert enabled(window) == ALL_OFF
    window.live_view.end_circle()
    assert window.summary_view is not None
    window.summary_view.closed.emit("")
    assert enabled(window) == ALL_ON


def test_a_window_opened_before_its_data_enables_them_when_the_data_opens(qtbot, options) -> None:
    catalog = MemoryCatalog()
    catalog.save_circle(CircleDetail(None, "Tuesday", default_plan=default_plan()))
    window = shown(qtbot, MainWindow(None, options))
    window.menus.build()
    assert enabled(window) == ALL_OFF
    window.attach_catalog(catalog)
    assert enabled(window) == ALL_ON
