"""SIGKILL at random moments: every reported commit survives and the state rebuilds exactly.

``crash_session.py`` plays circles through the real engine with a journal that commits each
entry to the store and only then reports it. The test kills the writing process at random
moments (mid-turn, mid-commit, while opening, while backing up), opens the database again and
checks that every reported entry is there, in order, with at most one more (committed, killed
before it could say so), and that folding the stored log gives the state the process had.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from circlekeeper.session import events as ev
from circlekeeper.session import fold
from circlekeeper.store import open_store
from circlekeeper.store.backups import full_check
from tests.store.crash_session import decode

SCRIPT = Path(__file__).with_name("crash_session.py")
RUNS = 10
KILLS_PER_RUN = 6

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]


class Victim:
    """The scripted circle's parent process; each ``life`` is a fresh child to kill."""

    def __init__(self, seed: int) -> None:
        root = Path(__file__).resolve().parents[2]
        self.proc = subprocess.Popen(
            [sys.executable, str(SCRIPT), str(seed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put("EOF\n")

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=30)
        except queue.Empty:  # pragma: no cover - a hung child
            raise AssertionError("the scripted circle stopped answering") from None

    def life(self, db: Path, rng: random.Random) -> list[tuple[int, ev.Entry]]:
        """Start a child on ``db``, kill it at a random moment, return what it reported."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"go {db}\n")
        self.proc.stdin.flush()
        reported: list[tuple[int, ev.Entry]] = []
        line = self.next_line()
        assert line.startswith("PID "), line
        pid = int(line.split()[1])
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.0, 0.06))  # during open, migration or backup
        else:
            while not (line := self.next_line()).startswith("READY"):
                assert line.startswith("E "), line
                reported.append(decode(line))
            time.sleep(rng.uniform(0.0, 0.25))  # mid-circle
        os.kill(pid, signal.SIGKILL)
        while True:
            line = self.next_line()
            if line.startswith("DEAD"):
                status = int(line.split()[1])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                    "the child ended by itself (see its stderr)"
                )
                return reported
            if line.startswith("E ") and line.endswith("\n"):
                reported.append(decode(line))
            else:
                assert line.startswith(("READY", "E ")), line

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def test_sigkill_at_random_moments_loses_no_reported_event(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    kills = 0
    checked_entries = 0
    victim = Victim(seed=1000)
    try:
        for run in range(RUNS):
            db = tmp_path / f"run-{run}" / "circlekeeper.sqlite3"
            known: dict[int, list[ev.Entry]] = {}
            for _ in range(KILLS_PER_RUN):
                for sid, entry in victim.life(db, rng):
                    known.setdefault(sid, []).append(entry)
                kills += 1
                with open_store(db) as store:  # the lock died with the child
                    with store.engine.connect() as connection:
                        every = connection.exec_driver_sql("SELECT id FROM sessions").scalars()
                        for sid in every:  # a session may exist with no reported entry yet
                            known.setdefault(sid, [])
                    for sid, reported in known.items():
                        stored = list(store.sessions.entries(sid))
                        assert stored[: len(reported)] == reported, f"session {sid} lost events"
                        extra = stored[len(reported) :]
                        assert len(extra) <= 1, "more than one unreported commit"
                        if extra:
                            assert extra[0].seq == (reported[-1].seq if reported else 0) + 1
                        assert fold(stored[: len(reported)]) == fold(reported)
                        fold(stored)  # the whole stored log folds into a valid state
                        known[sid] = stored
                        checked_entries += len(stored)
            assert db.exists() and full_check(db).ok
    finally:
        victim.stop()
    assert kills >= 50
    assert checked_entries > 0
