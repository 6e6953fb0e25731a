"""The app started on a PostgreSQL server: while the circles open the window says so, and
when the server cannot be reached it says that, behind the error, in the error's words.

Before, the welcome page of a new, empty database ("Welcome to CircleKeeper… Start by
creating your circle") showed while the server's circles opened, and stayed behind the
failure dialog when the server was unreachable: a facilitator with a year of circles on the
server was told, in effect, that they had none. The app runs as ``circlekeeper`` runs it
(``run_gui``, its own process) against a real server this test starts and stops.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from circlekeeper.store import CircleRecord, open_store
from tests.postgres_cluster import ThrowawayCluster, own_cluster

ROOT = Path(__file__).resolve().parents[2]

STARTED = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
import circlekeeper.app as app
import circlekeeper.ui.window_place as place

seen = {}
place.remember_place = lambda window, splitter: None  # this run's window is no one's

def shown(window):
    page = window.pages.currentWidget()
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]

opening = app.connect_store

def connect(window, db):
    seen["while opening"] = shown(window)
    seen["status while opening"] = window.statusBar().currentMessage()
    seen["welcome built"] = window._welcome is not None
    try:
        connected = opening(window, db)
    finally:
        QTimer.singleShot(0, QApplication.quit)
    seen["opened"] = shown(window)
    return connected

app.connect_store = connect

def critical(parent, title, text):
    seen["behind the error"] = shown(parent)
    seen["status behind the error"] = parent.statusBar().currentMessage()
    seen["error"] = text

QMessageBox.critical = critical
import circlekeeper.ui.damaged_start as damaged  # the start's failure is said through it
damaged.tell = lambda parent, title, text, *, failed: critical(parent, title, text)
try:
    app.run_gui(sys.argv[1])
except Exception as error:
    seen["raised"] = type(error).__name__
print(json.dumps(seen), flush=True)
"""


@pytest.fixture
def own_server() -> Iterator[ThrowawayCluster]:
    yield from own_cluster("start and stop")


def _started_on(url: str, home: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CIRCLEKEEPER_MUTE": "1",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }
    done = subprocess.run(
        [sys.executable, "-c", STARTED, url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_a_servers_circles_open_behind_opening_your_circles_not_a_welcome(
    own_server: ThrowawayCluster, tmp_path: Path
) -> None:
    url = own_server.url()
    with open_store(url) as store:
        store.circles.save(CircleRecord(None, "Friday evening circle"))
    seen = _started_on(url, tmp_path)
    assert "raised" not in seen, seen
    assert seen["while opening"] == ["Opening your circles…"], seen
    assert seen["status while opening"] == "Opening your circles…"
    assert not seen["welcome built"], "the welcome is for an empty database"
    assert any("Friday evening circle" in text for text in seen["opened"]), seen["opened"]


def test_an_unreachable_server_is_said_behind_its_error(
    own_server: ThrowawayCluster, tmp_path: Path
) -> None:
    url = own_server.url()
    with open_store(url) as store:
        store.circles.save(CircleRecord(None, "Friday evening circle"))
    own_server.stop_server()
    seen = _started_on(url, tmp_path)
    assert seen.get("raised"), seen  # the start ends, with the error's exit code
    assert seen["while opening"] == ["Opening your circles…"], seen
    behind = seen["behind the error"]
    assert behind == ["Your circles could not be opened", seen["error"]], behind
    assert not any("Welcome" in text for text in behind)
    assert seen["status behind the error"] == "Your circles could not be opened"
