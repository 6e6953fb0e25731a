"""One-session export as a user runs it: ``circlekeeper export ID -o x.pdf``, whole processes.

Against a Python process that imports reportlab and writes a one-page Helvetica PDF, started the
same way in the same run, alternating so a busy moment of the machine hits both alike. Goal from
issue #17: the 20-person Latin summary within 1.5× of the plain page. Also timed: a summary
whose names are in five scripts (Latin, Arabic, Chinese, Devanagari, Cherokee), which opens the
fonts those need, and the bytes of the bundled fonts.

Run with ``python -m benchmarks export`` (``CIRCLEKEEPER_BENCH_RUNS`` sets the runs, default 11).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from circlekeeper.bundled import resource
from circlekeeper.session import CircleSession, FakeClock, Participant
from circlekeeper.session.model import RoundKind, RoundPlan, TimePolicy
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.journal import StoreJournal

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


def _play(db: Path, names: tuple[str, ...], week: int) -> int:
    """Store a finished session of ``names`` (every event through the journal) and its id."""
    start = datetime(2026, 3, 2, 17, tzinfo=UTC) + timedelta(days=7 * week)
    with open_store(db) as store:
        circle = store.circles.save(CircleRecord(None, f"Circle {week}"))
        people = tuple(store.people.add(n, circle_ids=[circle]).person_id for n in names)
        sid = store.sessions.create(
            circle,
            facilitators=("Robin",),
            plan=PLAN,
            started_at=start,
            timezone="Europe/Berlin",
            people=people,
        )
        clock = FakeClock()
        origin = clock.now()
        session = CircleSession(
            clock,
            sink=StoreJournal(store, sid).append,
            wall=lambda: start + timedelta(seconds=clock.now() - origin),
        )
        session.start(
            f"Circle {week}",
            [Participant(str(p), n) for p, n in zip(people, names, strict=True)],
            ("Robin",),
        )
        for plan in PLAN:
            session.start_round(plan)
            for index in range(len(people)):
                session.start_turn()
                clock.advance(20 + 7 * index)
                session.end_turn()
            session.end_round()
        session.end_session()
        store.sessions.finish(sid)
        return sid


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def font_bytes() -> tuple[int, int]:
    """(files, bytes) of the fonts shipped in ``resources/fonts``."""
    files = [f for f in resource("fonts").iterdir() if f.name.endswith(".ttf")]
    return len(files), sum(len(f.read_bytes()) for f in files)


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = tmp / "bench.sqlite3"
        latin = _play(db, LATIN, 0)
        mixed = _play(db, FIVE_SCRIPTS, 1)
        script = tmp / "plain.py"
        script.write_text(PLAIN_PAGE, encoding="utf-8")
        commands = {
            "plain reportlab page (Helvetica)": [sys.executable, str(script), str(tmp / "p.pdf")],
            "export, 20 people, Latin": [
                sys.executable,
                "-m",
                "circlekeeper",
                "--db",
                str(db),
                "export",
                str(latin),
                "-o",
                str(tmp / "latin.pdf"),
                "--privacy",
                "names",
            ],
            "export, 20 people, five scripts": [
                sys.executable,
                "-m",
                "circlekeeper",
                "--db",
                str(db),
                "export",
                str(mixed),
                "-o",
                str(tmp / "mixed.pdf"),
                "--privacy",
                "names",
            ],
        }
        for argv in commands.values():  # untimed: write the .pyc files, warm the disk cache
            _run(argv, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, argv in commands.items():
                samples[name].append(_run(argv, env))
        medians = {name: statistics.median(values) for name, values in samples.items()}
        base = medians["plain reportlab page (Helvetica)"]
        for name, median in medians.items():
            print(
                f"{name}: median {1000 * median:.0f} ms, best {1000 * min(samples[name]):.0f} ms"
                f" ({median / base:.2f}× the plain page)"
            )
        goal = medians["export, 20 people, Latin"] / base
        print(f"goal ≤ 1.50× for the Latin export: {'met' if goal <= 1.5 else 'NOT met'}")
    count, size = font_bytes()
    print(f"bundled fonts: {count} files, {size / 1e6:.1f} MB")
