"""No two visible, enabled widgets of one window share an Alt+letter, in any shipped language.

Translators choose the ``&`` letters, and Qt resolves only one widget per letter and window
(the history page's ``S&how figures`` and the Help menu both said Alt+H, so one of them never
answered). Each window, page and dialog is opened on the walk of ``tests/ui/screen_walk.py``,
the history page with each of its tabs in turn, and measured with ``tests/ui/mnemonics.py``;
menu bar titles count.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from circlekeeper.app import AppParts
from circlekeeper.i18n import SHIPPED_LANGUAGES
from tests.ui.conftest import TestClock
from tests.ui.mnemonics import mnemonic, mnemonic_clashes
from tests.ui.screen_walk import shown_in, walk


@pytest.fixture(params=SHIPPED_LANGUAGES)
def app_in(
    request: pytest.FixtureRequest,
    qtbot,
    tmp_path: Path,
    clock: TestClock,
    english_afterwards: QApplication,
) -> Iterator[AppParts]:
    db = tmp_path / "keys.sqlite3"
    with shown_in(request.param, qtbot, db, clock, english_afterwards) as parts:
        yield parts


def test_no_two_widgets_of_a_window_share_an_alt_letter(app_in: AppParts, clock: TestClock) -> None:
    found = walk(app_in, clock, mnemonic_clashes)
    assert not found, f"{len(found)} clash(es):\n" + "\n".join(str(o) for o in found)


def test_the_check_sees_a_button_that_shares_the_help_menus_letter(qtbot) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Help")
    window.menuBar().addMenu("&Circle")
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QPushButton("S&how figures"))
    layout.addWidget(QPushButton("Save && close"))  # a literal ampersand claims nothing
    hidden = QPushButton("&Hidden")
    layout.addWidget(hidden)
    hidden.hide()
    disabled = QPushButton("&Cancel")
    disabled.setEnabled(False)
    layout.addWidget(disabled)
    window.setCentralWidget(body)
    window.show()
    found = mnemonic_clashes("sample", window)
    assert [o.kind for o in found] == ["Alt+h claimed 2 times"], found
    assert mnemonic("Save && &close") == "c" and mnemonic("Save && close") is None
