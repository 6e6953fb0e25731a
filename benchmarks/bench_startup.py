"""Start-up: ``circlekeeper --smoke-test`` against a bare PySide6 ``QMainWindow``.

Both are started the same way in the same run (a fresh interpreter, offscreen Qt, the same
kernel-reported clock), alternating so that a busy moment of the machine hits both alike, and
both report once their window has been painted with what a person came for, the event loop
running: the bare window's first paint, and the app's first paint that shows the facilitator's
own data (``MainWindow.content_painted``: their circles listed and the first one's page, on a
database of a few circles and a couple of hundred past sessions), not a frame that says it is
still opening. Goal (issue #16): the app within 1.15x of the bare window.

Each figure is also given in CPU time (user + system, the child stopped as soon as it
reports), which a busy machine disturbs far less than the wall clock.

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
DEMO_SESSIONS = 200
"""A facilitator's database after a few years of weekly circles (the demo's four circles)."""

BARE_WINDOW = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
{clock}
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:  # reported once the paint is done, as the app reports
            self.painted = True
            QTimer.singleShot(0, report)
app = QApplication([])
window = Window()
window.resize(1200, 780)
window.show()
def report():
    print(f"{seconds_since_process_start() * 1000:.0f}", flush=True)
    app.quit()
app.exec()
"""


def _run(
    command: list[str], env: dict[str, str], *, whole: bool = False
) -> tuple[float, float, float]:
    """(milliseconds the child reports, milliseconds this process saw until that line,
    milliseconds of CPU the child had used by then).

    The child's figure comes from the kernel's start time, which is counted in 10 ms clock
    ticks; the parent's figure, from just before the fork to the printed line, has microsecond
    resolution and includes the same fork and exec for both sides, so it leads the report.
    The child is stopped as soon as it has reported (its CPU time then is start-up's), unless
    ``whole``: then it runs to the end and must succeed (the untimed first run, which also
    checks the smoke test passes).
    """
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        seen = (time.perf_counter() - started) * 1000
        if whole:
            child.stdout.read()
            child.wait()
            cpu = 0.0
        else:
            child.kill()
            _pid, _status, usage = os.wait4(child.pid, 0)
            child.returncode = 0
            cpu = (usage.ru_utime + usage.ru_stime) * 1000
    if child.returncode != 0 or not line.strip():
        raise SystemExit(f"{command[1:3]} failed with status {child.returncode}")
    return float(line), seen, cpu


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
        seed = [sys.executable, "-m", "circlekeeper", "--db", db, "demo"]
        subprocess.run(
            [*seed, "--sessions", str(DEMO_SESSIONS)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Makes the day's backup, writes bytecode: not start-up.
        _run(app_cmd, env, whole=True)
        _run(bare_cmd, env, whole=True)
        app, bare = [], []
        for _ in range(RUNS):
            app.append(_run(app_cmd, env))
            bare.append(_run(bare_cmd, env))
    for label, index in (
        ("seen from the parent", 1),
        ("reported by the child", 0),
        ("CPU time of the child", 2),
    ):
        app_ms = statistics.median(run[index] for run in app)
        bare_ms = statistics.median(run[index] for run in bare)
        print(
            f"{label}: bare QMainWindow {bare_ms:.0f} ms, circlekeeper {app_ms:.0f} ms "
            f"(medians of {RUNS}), ratio {app_ms / bare_ms:.2f}x (goal: within 1.15x)"
        )


if __name__ == "__main__":
    main()
