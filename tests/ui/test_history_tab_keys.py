"""History's tab mnemonics take the keys into the tab they open (not onto the tab bar)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from circlekeeper.store import Store
from circlekeeper.ui.history import HistoryPage
from tests.ui.history_support import demo_history, shown_page

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with demo_history(tmp_path / "history.sqlite3", 20, seed=5) as opened:
        yield opened


@pytest.fixture
def page(qtbot, store: Store) -> HistoryPage:
    widget = shown_page(qtbot, store)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def press_alt(qtbot, page: HistoryPage, key: Qt.Key) -> None:
    page.activateWindow()  # (offscreen, a view built in a tab can take the activation)
    qtbot.waitActive(page)
    qtbot.keyClick(page.focusWidget() or page, key, ALT)
    qtbot.wait(1)  # the tab's controls are shown from the event queue, then take the keys


def test_each_mnemonic_puts_the_keys_on_its_tabs_first_control(qtbot, page) -> None:
    press_alt(qtbot, page, Qt.Key.Key_P)
    assert page.tabs.currentWidget() is page.people_tab
    assert page.focusWidget() is page.person_picker, "the keys stayed on the tab bar"

    press_alt(qtbot, page, Qt.Key.Key_R)
    assert page.tabs.currentWidget() is page.period_view
    assert page.focusWidget() is page.period_view.circle

    press_alt(qtbot, page, Qt.Key.Key_S)
    assert page.tabs.currentIndex() == 0
    assert page.focusWidget() is page.table

    # Last: under the offscreen platform the circle's view takes the window's activation.
    press_alt(qtbot, page, Qt.Key.Key_I)
    assert page.tabs.currentWidget() is page.circles_tab
    assert page.focusWidget() is page.circle_picker


def test_after_alt_p_a_name_is_typed_at_once(qtbot, page) -> None:
    """No Tab needed first. (Apart from the walk above: the names found open in a list of
    their own, after which the offscreen platform leaves the window inactive.)"""
    press_alt(qtbot, page, Qt.Key.Key_P)
    typed = page.person_picker.itemText(1)[:3]
    qtbot.keyClicks(page.person_picker, typed)
    assert page.person_picker.currentText().startswith(typed)


def test_arrows_along_the_tab_bar_keep_the_keys_there(qtbot, page) -> None:
    bar = page.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is page.people_tab
    assert page.focusWidget() is bar
