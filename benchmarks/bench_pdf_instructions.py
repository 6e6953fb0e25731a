"""The one-session export counted in CPU instructions: ``circlekeeper export ID -o x.pdf`` against
a bare reportlab page, each a whole process under ``valgrind --tool=callgrind``.

``python -m benchmarks export`` compares the same processes in CPU time, which a machine shared
with other work moves by a tenth either way; counted instructions are the same from one run to
the next (within a fraction of a percent), so a change of a few milliseconds shows. The
processes are those of the CPU-time benchmark (:func:`benchmarks.bench_export.commands`): the
plain one-page Helvetica PDF, and the export of a 20-person summary in Latin, in five scripts
and of a German circle. Each runs once uncounted first, so its bytecode is written and the
fonts' readings are in the (temporary) cache folder, as after a user's first report; then once
under callgrind, to its exit.

Goal (issue #17): the Latin export within 1.5x the plain page. ``CIRCLEKEEPER_BENCH_KEEP=DIR``
keeps the callgrind files there for ``callgrind_annotate``. Needs valgrind (Debian package
``valgrind``); takes a few minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.bench_export import FIVE_SCRIPTS_EXPORT, LATIN_EXPORT, PLAIN, commands

GOAL = 1.5


def instructions(name: str, command: list[str], env: dict[str, str], folder: Path) -> int:
    """Instructions the whole process ran, start to exit (after one uncounted run)."""
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    out = folder / (re.sub(r"\W+", "-", name).strip("-") + ".callgrind")
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        env=env,
        check=True,
        capture_output=True,
        timeout=1800,
    )
    totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    assert totals is not None, "callgrind wrote its totals"
    return int(totals.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package valgrind): nothing counted")
        return
    keep = os.environ.get("CIRCLEKEEPER_BENCH_KEEP", "")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp / "cache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        folder = Path(keep) if keep else tmp
        folder.mkdir(parents=True, exist_ok=True)
        counted = {
            label: instructions(label, argv, env, folder) for label, argv in commands(tmp).items()
        }
    base = counted[PLAIN]
    for label, count in counted.items():
        print(f"{label}: {count / 1e6:,.0f} M instructions, {count / base:.2f}x the plain page")
    ratio = counted[LATIN_EXPORT] / base
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(
        f"goal (issue #17) ≤ {GOAL:.2f}x for the Latin export: {verdict}"
        f" ({ratio:.2f}x; five scripts {counted[FIVE_SCRIPTS_EXPORT] / base:.2f}x)"
    )


if __name__ == "__main__":
    main()
