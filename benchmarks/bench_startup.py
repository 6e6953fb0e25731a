"""Start-up: ``circlekeeper --smoke-test`` against a bare PySide6 ``QMainWindow``.

Both are started the same way in the same run (a fresh interpreter, offscreen Qt, the same
kernel-reported clock), alternating so that a busy moment of the machine hits both alike.
Goal from the live-circle issue: the app within 1.5x of the bare window.

Bytecode caching is switched on for both (``PYTHONDONTWRITEBYTECODE`` removed): an installed
app runs from compiled ``.pyc`` files, and the untimed first run writes them, so neither side
is timed compiling source, which no facilitator's second start would do.
"""

from __future__ import annotations

import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from circlekeeper.app import seconds_since_process_start

RUNS = int(os.environ.get("CIRCLEKEEPER_BENCH_RUNS", "15"))

BARE_WINDOW = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
{clock}
app = QApplication([])
window = QMainWindow()
window.resize(1200, 780)
window.show()
def report():
    print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(milliseconds the child reports, milliseconds this process saw until that line).

    The child's figure comes from the kernel's start time, which is counted in 10 ms clock
    ticks; the parent's figure, from just before the fork to the printed line, has microsecond
    resolution and includes the same fork and exec for both sides, so it leads the report.
    """
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        seen = (time.perf_counter() - started) * 1000
        child.stdout.read()
    if child.returncode != 0 or not line.strip():
        raise SystemExit(f"{command[1:3]} failed with status {child.returncode}")
    return float(line), seen


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CIRCLEKEEPER_MUTE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        app_cmd = [sys.executable, "-m", "circlekeeper", "--db", db, "--smoke-test"]
        # The same clock as the app's, pasted in: importing it from circlekeeper would load our
        # package (logging, dataclasses) into the baseline and flatter the ratio.
        clock = inspect.getsource(seconds_since_process_start)
        bare_cmd = [sys.executable, "-c", BARE_WINDOW.replace("{clock}", clock)]
        _run(app_cmd, env)  # creates and migrates the database, writes bytecode: not start-up
        _run(bare_cmd, env)
        app, bare = [], []
        for _ in range(RUNS):
            app.append(_run(app_cmd, env))
            bare.append(_run(bare_cmd, env))
    for label, index in (("seen from the parent", 1), ("reported by the child", 0)):
        app_ms = statistics.median(run[index] for run in app)
        bare_ms = statistics.median(run[index] for run in bare)
        print(
            f"{label}: bare QMainWindow {bare_ms:.0f} ms, circlekeeper {app_ms:.0f} ms "
            f"(medians of {RUNS}), ratio {app_ms / bare_ms:.2f}x (goal: within 1.5x)"
        )


if __name__ == "__main__":
    main()
