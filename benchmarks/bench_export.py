"""One-session export as a user runs it: ``circlekeeper export ID -o x.pdf``, whole processes.

Against a Python process that imports reportlab and writes a one-page Helvetica PDF, started the
same way in the same run, alternating so a busy moment of the machine hits both alike. Goal from
issue #17: the 20-person Latin summary within 1.5× of the plain page. Also timed: a summary
whose names are in five scripts (Latin, Arabic, Chinese, Devanagari, Cherokee), which opens the
fonts those need; the Latin summary of a German circle, which loads Babel's CLDR data and the German
catalog that an English one does without; and the bytes of the bundled fonts.

Run with ``python -m benchmarks export`` (``CIRCLEKEEPER_BENCH_RUNS`` sets the runs, default 11).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from circlekeeper.bundled import resource as shipped
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, open_store
from tests.reports.stored import play_finished

RUNS = int(os.environ.get("CIRCLEKEEPER_BENCH_RUNS", "11"))

PLAIN_PAGE = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate
styles = getSampleStyleSheet()
doc = SimpleDocTemplate(sys.argv[1], pagesize=A4)
doc.build([Paragraph("Circle summary", styles["Title"]), Paragraph("x " * 200, styles["BodyText"])])
"""

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Edsger",
    "Barbara",
    "Donald",
    "Frances",
    "Niklaus",
    "John",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Wirth",
    "Backus",
]
LATIN = tuple(f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}" for i in range(20))
FIVE_SCRIPTS = (
    *LATIN[:12],
    "محمد علي",
    "نور حداد",
    "王小明",
    "李华",
    "राम शर्मा",
    "प्रिया",
    "ᏣᎳᎩ Wilma",
    "ᎠᏂᏴᏫ",
)
PLAN = (
    RoundPlan(RoundKind.CHECK_IN, TimePolicy.fixed(60), prompt="How are you arriving?"),
    RoundPlan(RoundKind.SHARING, TimePolicy.fair_share(1200), prompt="What gave you hope?"),
    RoundPlan(RoundKind.CHECK_OUT, TimePolicy.fixed(45), prompt="One word to leave with."),
)


def _play(db: Path, names: tuple[str, ...], week: int, language: str = "") -> int:
    """Store a finished session of ``names`` (every event through the journal) and its id."""
    start = datetime(2026, 3, 2, 17, tzinfo=UTC) + timedelta(days=7 * week)
    with open_store(db) as store:
        circle = store.circles.save(CircleRecord(None, f"Circle {week}", language=language))
        return play_finished(store, circle, names, start, plan=PLAN)[0]


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one process. CPU time (user + system, from the kernel) is what
    the comparison rests on when other work shares the machine; wall time is what a person
    waits on an idle one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def font_bytes() -> tuple[int, int]:
    """(files, bytes) of the fonts shipped in ``resources/fonts``."""
    files = [f for f in shipped("fonts").iterdir() if f.name.endswith(".ttf")]
    return len(files), sum(len(f.read_bytes()) for f in files)


PLAIN = "plain reportlab page (Helvetica)"
LATIN_EXPORT = "export, 20 people, Latin"
FIVE_SCRIPTS_EXPORT = "export, 20 people, five scripts"


def commands(tmp: Path) -> dict[str, list[str]]:
    """The compared processes, by name, with their database and plain-page script in ``tmp``
    (also what ``python -m benchmarks pdf_instructions`` counts)."""
    db = tmp / "bench.sqlite3"
    sessions = {
        LATIN_EXPORT: _play(db, LATIN, 0),
        FIVE_SCRIPTS_EXPORT: _play(db, FIVE_SCRIPTS, 1),
        "export, 20 people, German circle": _play(db, LATIN, 2, language="de"),
    }
    script = tmp / "plain.py"
    script.write_text(PLAIN_PAGE, encoding="utf-8")
    out: dict[str, list[str]] = {PLAIN: [sys.executable, str(script), str(tmp / "p.pdf")]}
    for number, (name, session) in enumerate(sessions.items()):
        out[name] = [
            *(sys.executable, "-m", "circlekeeper", "--db", str(db)),
            *("export", str(session), "-o", str(tmp / f"export-{number}.pdf")),
            *("--privacy", "names"),
        ]
    return out


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        # A cache folder of its own, filled by the untimed runs: the user's is shared with
        # every other copy of CircleKeeper on the machine, and one of another version prunes
        # this one's font readings (each keeps one reading per font), so a run in between
        # made these processes parse the fonts again.
        env["XDG_CACHE_HOME"] = str(tmp / "cache")
        compared = commands(tmp)
        for argv in compared.values():  # untimed: write the .pyc files, warm the disk cache
            _run(argv, env)
        walls: dict[str, list[float]] = {name: [] for name in compared}
        cpus: dict[str, list[float]] = {name: [] for name in compared}
        for _ in range(RUNS):
            for name, argv in compared.items():
                wall, cpu = _run(argv, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        wall_base = statistics.median(walls[PLAIN])
        cpu_base = statistics.median(cpus[PLAIN])
        for name in compared:
            wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
            print(
                f"{name}: wall median {1000 * wall:.0f} ms (best {1000 * min(walls[name]):.0f},"
                f" {wall / wall_base:.2f}×); CPU median {1000 * cpu:.0f} ms"
                f" ({cpu / cpu_base:.2f}× the plain page)"
            )
        goal = statistics.median(cpus[LATIN_EXPORT]) / cpu_base
        print(f"goal ≤ 1.50× (CPU) for the Latin export: {'met' if goal <= 1.5 else 'NOT met'}")
    count, size = font_bytes()
    print(f"bundled fonts: {count} files, {size / 1e6:.1f} MB")
