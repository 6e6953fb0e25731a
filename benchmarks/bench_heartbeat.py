"""What the resume promise costs: heartbeats while a turn runs (CPU and fsyncs per minute).

After a crash a running turn resumes from the last heartbeat, so beating every 0.8 s while a
turn runs (and every 5 s otherwise) loses at most about a second of it. Each heartbeat is one
committed transaction on the real SQLite store (WAL, ``synchronous=FULL``). This runs a live
controller with one running turn on the real clock and Qt event loop, with the heartbeat
policy as shipped and with beats every 5 s (the old policy) for comparison, and reports the
heartbeats, the CPU share of one core and, where ``strace`` is installed, the ``fsync`` and
``fdatasync`` calls per minute.

``CIRCLEKEEPER_BENCH_QUICK=1`` runs 5 s per policy instead of 30 s.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")

SECONDS = 5.0 if os.environ.get("CIRCLEKEEPER_BENCH_QUICK") else 30.0


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_turn(seconds: float, running_every: float) -> tuple[int, float]:
    """One turn running for ``seconds``; returns (heartbeats, CPU share of one core)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from circlekeeper.session import MonotonicClock
    from circlekeeper.session.live import policy as live_policy
    from circlekeeper.session.model import Participant
    from circlekeeper.store import open_store
    from circlekeeper.store.journal import StoreJournal
    from circlekeeper.store.records import CircleRecord
    from circlekeeper.ui.live.controller import LiveController
    from circlekeeper.ui.setup.setup_dialog import default_plan

    _app = QApplication.instance() or QApplication([])
    live_policy.RUNNING_HEARTBEAT_SECONDS = running_every
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "b.sqlite3") as store:
        plan = default_plan()
        circle = store.circles.save(CircleRecord(None, "Bench", default_plan=plan))
        people = [store.people.add(f"Person {i}", "", (circle,)) for i in range(8)]
        sid = store.sessions.create(
            circle,
            facilitators=("Sam",),
            plan=plan,
            started_at=datetime.now(UTC),
            timezone="UTC",
            people=tuple(p.person_id for p in people),
        )
        journal = StoreJournal(store, sid)
        beats = [0]
        beat = journal.heartbeat

        def counted(wall: datetime, elapsed: float) -> None:
            beats[0] += 1
            beat(wall, elapsed)

        journal.heartbeat = counted  # type: ignore[method-assign]
        controller = LiveController(MonotonicClock(), journal, plan)
        controller.start("Bench", [Participant(str(p.person_id), p.name) for p in people], ())
        controller.move_on()
        controller.move_on()  # a turn runs
        cpu, wall = _cpu_seconds(), time.monotonic()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        share = (_cpu_seconds() - cpu) / (time.monotonic() - wall)
        controller.shutdown()
    return beats[0], share


def _fsyncs(seconds: float, running_every: float) -> int | None:
    """fsync + fdatasync calls of a child running the same turn, counted by strace."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as out:
        code = (
            "from benchmarks.bench_heartbeat import run_turn;"
            f"run_turn({seconds!r}, {running_every!r})"
        )
        done = subprocess.run(
            [
                strace,
                "-f",
                "-c",
                "-e",
                "trace=fsync,fdatasync",
                "-o",
                out.name,
                sys.executable,
                "-c",
                code,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            return None
        counts = re.findall(
            r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(fsync|fdatasync)$",
            out.read(),
            re.MULTILINE,
        )
        return sum(int(n) for n, _name in counts)


def main() -> None:
    from circlekeeper.session.live.policy import RUNNING_HEARTBEAT_SECONDS

    minutes = SECONDS / 60
    print(f"one running turn for {SECONDS:.0f} s on a real SQLite store (synchronous=FULL)")
    for label, every in (
        (
            f"shipped: every {RUNNING_HEARTBEAT_SECONDS} s while a turn runs",
            RUNNING_HEARTBEAT_SECONDS,
        ),
        ("old: every 5 s", 5.0),
    ):
        beats, share = run_turn(SECONDS, every)
        during, setup = _fsyncs(SECONDS, every), _fsyncs(0.0, every)
        # Opening, migrating and backing up the fresh store syncs too; only the turn counts.
        fsyncs = None if during is None or setup is None else during - setup
        synced = "n/a (no strace)" if fsyncs is None else f"{fsyncs / minutes:.0f}/min"
        print(
            f"  {label:<45} heartbeats {beats / minutes:5.0f}/min"
            f"  CPU {100 * share:4.1f} % of one core  fsyncs {synced}"
        )
