"""A second CircleKeeper on a database another one has open: a dialog of its own says so,
and no main window is built (one showed the first page's circles, then the error over them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from circlekeeper import app
from circlekeeper.store import open_store
from circlekeeper.store.errors import DatabaseLocked
from circlekeeper.store.lock import held_elsewhere, second_copy


def test_a_second_copy_says_already_open_in_a_dialog_of_its_own(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "circles.sqlite3"
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.critical",
        lambda parent, title, text: shown.append((parent, title, text)),
    )

    def no_window(*args: object, **kwargs: object) -> None:
        raise AssertionError("a main window was built for a database another copy holds")

    monkeypatch.setattr("circlekeeper.ui.main_window.MainWindow", no_window)
    with open_store(db):  # the first copy
        assert held_elsewhere(db)
        with pytest.raises(DatabaseLocked) as refused:
            app.run_gui(str(db))
    ((parent, title, text),) = shown
    assert parent is None and title == "CircleKeeper is already open"
    assert text == str(refused.value) and "already open on this database" in text
    assert refused.value.exit_code == 3


def test_nobody_holding_the_file_is_no_second_copy(tmp_path: Path) -> None:
    db = tmp_path / "circles.sqlite3"
    assert second_copy(str(db)) is None  # no lock file: not even created by asking
    assert not (tmp_path / "circles.sqlite3.lock").exists()
    open_store(db).close()  # the lock file stays behind, unlocked
    assert second_copy(str(db)) is None
    assert second_copy("postgresql://server/circles") is None  # a server has no file lock


def test_a_second_copy_brings_the_first_ones_window_forward(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    from circlekeeper.ui.first_copy import FirstCopy, knock

    db = tmp_path / "circles.sqlite3"
    assert not knock(db), "nobody listens yet"
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    raised: list[bool] = []
    window.raise_ = lambda: raised.append(True)  # type: ignore[method-assign]
    first = FirstCopy(db, lambda: window, window)
    assert first.listening
    assert knock(db)
    qtbot.waitUntil(lambda: raised == [True])
    assert not window.isMinimized()
    assert not knock(tmp_path / "another.sqlite3"), "one database's copy, not another's"
