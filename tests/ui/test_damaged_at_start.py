"""A damaged database at start-up with a good backup beside it: the window offers to restore it.

Before, the window said "to go back to it run: circlekeeper restore /…/circlekeeper-2026…
-daily.sqlite3" and closed: a facilitator with no terminal was stuck on the day of their
circle. Now it asks, in plain words, and *Restore the backup* puts it in place (the damaged
file kept aside) and opens the circles; *Quit* leaves the file exactly as it was. The app runs
as ``circlekeeper`` runs it (``run_gui``, its own process) on a real SQLite file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from circlekeeper.store import CircleRecord, open_store

ROOT = Path(__file__).resolve().parents[2]

STARTED = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
import circlekeeper.app as app
import circlekeeper.ui.damaged_start as damaged
import circlekeeper.ui.window_place as place

seen = {"asked": [], "told": []}
place.remember_place = lambda window, splitter: None  # this run's window is no one's
answer = sys.argv[2] == "restore"

def ask(parent, title, damage, offer):
    page = parent.pages.currentWidget()
    seen["behind"] = [l.text() for l in page.findChildren(QLabel) if l.isVisibleTo(page)]
    seen["asked"].append([title, damage, offer])
    return answer

def tell(parent, title, text, *, failed):
    seen["told"].append([title, text, failed])

def critical(parent, title, text):
    seen["told"].append([title, text, True])

damaged.ask_to_restore = ask
damaged.tell = tell
QMessageBox.critical = critical
opening = app.connect_store

def connect(window, db):
    try:
        connected = opening(window, db)
    except Exception:
        raise
    QTimer.singleShot(0, QApplication.quit)
    seen["circles"] = [card.name for card in window.catalog.circles()]
    return connected

app.connect_store = connect
try:
    seen["code"] = app.run_gui(sys.argv[1])
except Exception as error:
    seen["raised"] = type(error).__name__
print(json.dumps(seen), flush=True)
"""


def _started(db: Path, answer: str, home: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CIRCLEKEEPER_MUTE": "1",
        "CIRCLEKEEPER_LANG": "en",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }
    done = subprocess.run(
        [sys.executable, "-c", STARTED, str(db), answer],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A database with a circle and a good backup of it, then its first page overwritten."""
    db = tmp_path / "data" / "circles.sqlite3"
    db.parent.mkdir()
    with open_store(db) as store:
        store.circles.save(CircleRecord(None, "Tuesday evening circle"))
        store.backups.backup("daily")
    with db.open("r+b") as handle:
        handle.write(b"\x00garbage, not a database" * 40)
    return db


def test_restore_the_backup_puts_it_in_place_and_opens_the_circles(
    damaged: Path, tmp_path: Path
) -> None:
    before = damaged.read_bytes()
    seen = _started(damaged, "restore", tmp_path / "home")
    assert "raised" not in seen, seen
    assert seen["code"] == 0
    [[title, damage, offer]] = seen["asked"]
    assert title == "Your circles could not be opened"
    assert "is damaged and was not opened" in damage
    assert "the file has not been changed" in damage
    assert "circlekeeper restore" not in damage + offer, "no command line for the window"
    assert "1 circle, 0 sessions" in offer, offer
    assert "nothing is deleted" in offer
    assert seen["behind"] == ["Your circles could not be opened", damage], seen["behind"]
    [[_title, said, failed]] = seen["told"]
    assert not failed
    assert said.startswith("Restored the backup of "), said
    assert seen["circles"] == ["Tuesday evening circle"]
    [kept] = damaged.parent.glob("circles.sqlite3.replaced-*")
    assert kept.read_bytes() == before, "the damaged file is kept as it was"
    assert str(kept) in said


def test_quit_leaves_the_damaged_file_as_it_was_and_says_nothing_more(
    damaged: Path, tmp_path: Path
) -> None:
    before = damaged.read_bytes()
    seen = _started(damaged, "quit", tmp_path / "home")
    assert seen.get("raised") == "DatabaseCorrupted", seen
    assert len(seen["asked"]) == 1
    assert seen["told"] == [], "no second message after Quit"
    assert damaged.read_bytes() == before
    assert not list(damaged.parent.glob("circles.sqlite3.replaced-*"))


def test_no_backup_is_said_in_one_message_as_before(tmp_path: Path) -> None:
    db = tmp_path / "garbage.sqlite3"
    db.write_bytes(b"not a database at all" * 100)
    seen = _started(db, "restore", tmp_path / "home")
    assert seen.get("raised") == "DatabaseCorrupted", seen
    assert seen["asked"] == []
    [[title, text, failed]] = seen["told"]
    assert failed and title == "Your circles could not be opened"
    assert "No good backup was found" in text


def test_a_short_message_is_as_wide_as_its_title(qtbot) -> None:
    """A message box is as wide as its text: "/x is a folder; …" in Arabic cut its own
    title to "لا يستطيع CircleKee…". The box is now at least as wide as its title needs."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from circlekeeper.ui.damaged_start import TITLE_BAR_ROOM, fit_title

    title = "لا يستطيع CircleKeeper فتح بياناته، ولا أي شيء آخر في هذا المجلد"
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, "/tmp/x مجلد.", QMessageBox.StandardButton.Ok
    )
    qtbot.addWidget(box)
    fit_title(box)
    box.show()
    qtbot.waitExposed(box)
    shown = f"{title} — {QApplication.applicationDisplayName()}"
    needed = box.fontMetrics().horizontalAdvance(shown) + TITLE_BAR_ROOM
    assert box.width() >= needed, (box.width(), needed)
