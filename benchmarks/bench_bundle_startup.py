"""Start-up of the frozen app (PyInstaller bundle) against the same app from the venv.

Both run ``--smoke-test`` on the same scratch database, alternating, offscreen; the figure is
the time until the window is painted showing the facilitator's circles (what they wait for),
on the same demo database as ``bench_startup``.
The bundle is ``build/linux/pyinstaller/circlekeeper/circlekeeper`` from
``packaging/build-linux``, or the program named by ``CIRCLEKEEPER_BUNDLE`` (for example
``/usr/bin/circlekeeper`` after installing the .deb). Skipped with a note when neither exists.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import DEMO_SESSIONS, RUNS, _run

DEFAULT_BUNDLE = (
    Path(__file__).resolve().parent.parent / "build/linux/pyinstaller/circlekeeper/circlekeeper"
)


def main() -> None:
    bundle = Path(os.environ.get("CIRCLEKEEPER_BUNDLE", DEFAULT_BUNDLE))
    if not bundle.is_file():
        print(f"no bundle at {bundle}: run packaging/build-linux first (skipped)")
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CIRCLEKEEPER_MUTE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        frozen = [str(bundle), "--db", db, "--smoke-test"]
        venv = [sys.executable, "-m", "circlekeeper", "--db", db, "--smoke-test"]
        seed = [sys.executable, "-m", "circlekeeper", "--db", db, "demo"]
        subprocess.run(
            [*seed, "--sessions", str(DEMO_SESSIONS)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        _run(venv, env, whole=True)  # the day's backup, bytecode: not start-up
        _run(frozen, env, whole=True)  # fills the page cache with the bundle's libraries
        runs: dict[str, list[tuple[float, float, float]]] = {"bundle": [], "venv": []}
        for _ in range(RUNS):
            runs["bundle"].append(_run(frozen, env))
            runs["venv"].append(_run(venv, env))
    for label, index in (
        ("seen from the parent", 1),
        ("reported by the child", 0),
        ("CPU time of the child", 2),
    ):
        frozen_ms = statistics.median(run[index] for run in runs["bundle"])
        venv_ms = statistics.median(run[index] for run in runs["venv"])
        print(
            f"{label}: venv {venv_ms:.0f} ms, bundle {frozen_ms:.0f} ms "
            f"(medians of {RUNS}), ratio {frozen_ms / venv_ms:.2f}x"
        )


if __name__ == "__main__":
    main()
