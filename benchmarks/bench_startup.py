"""Start-up: ``circlekeeper --smoke-test`` against a bare PySide6 ``QMainWindow``.

Both are started the same way in the same run (a fresh interpreter, offscreen Qt, the same
kernel-reported clock), alternating so that a busy moment of the machine hits both alike.
Goal from the live-circle issue: the app within 1.5x of the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = int(os.environ.get("CIRCLEKEEPER_BENCH_RUNS", "7"))

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from circlekeeper.app import seconds_since_process_start
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


def _run(command: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CIRCLEKEEPER_MUTE": "1"}
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        app_cmd = [sys.executable, "-m", "circlekeeper", "--db", db, "--smoke-test"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        _run(app_cmd, env)  # first run creates and migrates the database: not start-up
        app, bare = [], []
        for _ in range(RUNS):
            app.append(_run(app_cmd, env))
            bare.append(_run(bare_cmd, env))
    app_ms, bare_ms = statistics.median(app), statistics.median(bare)
    print(f"bare QMainWindow shown: median {bare_ms:.0f} ms over {RUNS} runs")
    print(f"circlekeeper main window shown: median {app_ms:.0f} ms over {RUNS} runs")
    print(f"ratio: {app_ms / bare_ms:.2f}x (goal: within 1.5x)")


if __name__ == "__main__":
    main()
