"""Two real app processes under two facilitator roles at once, on one PostgreSQL database.

Robin and Sam each run a circle from their own "laptop" (a process of the real app, each with
its own login role). Neither start-up offers the other's running circle; both logs are stored
whole, each under its owner; and a start-up while the other circle is live leaves it alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from circlekeeper.store import open_store
from tests.store.test_server_roles import Org, org  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]


class AppProcess:
    def __init__(self, url: str, circle: str, data: Path) -> None:
        env = {**os.environ, "XDG_DATA_HOME": str(data), "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.store.app_process", url, circle],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.hello = self._answer()

    def ask(self, command: str) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> dict:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the app process stopped (exit {self.process.poll()})"
        return json.loads(line)

    def quit(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
        assert self.process.wait(60) == 0


def test_two_facilitators_run_circles_at_once_without_touching_each_other(
    org: Org,  # noqa: F811
    tmp_path: Path,
) -> None:
    robin = AppProcess(org.robin, "Robin's circle", tmp_path / "robin")
    sam = None
    try:
        assert robin.hello["offered"] == []
        robin_session = robin.ask("start")["session"]
        for _ in range(3):
            robin.ask("next")
        sam = AppProcess(org.sam, "Sam's circle", tmp_path / "sam")  # starts while Robin runs
        assert sam.hello["identity"] != robin.hello["identity"]
        assert sam.hello["offered"] == [], "Robin's running circle is not Sam's to resume"
        sam_session = sam.ask("start")["session"]
        for _ in range(4):
            robin_events = robin.ask("next")["events"]
            sam_events = sam.ask("next")["events"]
        # Robin's laptop starts a second app while both circles run: nothing is offered.
        again = AppProcess(org.robin, "Robin's circle", tmp_path / "robin2")
        assert again.hello["offered"] == []
        again.quit()
    finally:
        robin.quit()
        if sam is not None:
            sam.quit()
    with open_store(org.admin, read_only=True) as store:
        assert store.sessions.get(robin_session).events == robin_events
        assert store.sessions.get(sam_session).events == sam_events
        assert store.sessions.get(robin_session).status == "live"  # left to Robin
