"""``circlekeeper export ID -o x.pdf`` loads only what one summary needs (issue #17).

The export is the command organizations script, and its speed goal (``python -m benchmarks
export``: within 1.5x of a plain reportlab page) rests on what it does *not* import. This runs
the real command in a fresh interpreter on a real database file and names every package that
crept onto its path, so a convenient import at the top of a module cannot undo the gain quietly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from circlekeeper.store import CircleRecord, open_store
from tests.reports.stored import play_finished

EXPORT_AND_LIST_MODULES = """
import json, sys
from circlekeeper.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NEVER_LOADED = (
    "PySide6",  # the window
    "sqlalchemy",  # a database file is read with sqlite3 (store/file_reader.py)
    "alembic",
    "babel",  # English formats have their own fast path (i18n/english_formats.py)
    "bidi",  # python-bidi's mirroring table serves right-to-left brackets only
    "reportlab.graphics",  # the speaking chart is drawn with canvas calls (reports/charts.py)
    "platformdirs",  # the font cache folder follows the XDG rule (user_folders.py)
    "circlekeeper.history",  # the history area's records
    "circlekeeper.store.history",  # period queries
    "circlekeeper.reports.period",  # the period report
    "circlekeeper.app",
    "circlekeeper.ui",
)


def _export(db: Path, session_id: int, out: Path, *extra: str) -> list[str]:
    argv = [sys.executable, "-c", EXPORT_AND_LIST_MODULES, "--db", str(db), "export"]
    found = subprocess.run(
        [*argv, str(session_id), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        env={"CIRCLEKEEPER_LANG": "en", "PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
    )
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    modules: list[str] = result["modules"]
    return modules


def test_an_english_latin_summary_loads_no_window_sql_babel_bidi_or_history(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ck.sqlite3"
    with open_store(db) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday circle"))
        start = datetime(2026, 3, 3, 18, tzinfo=UTC)
        sid = play_finished(store, circle, ("Ada Lovelace", "Grace Hopper", "Alan Turing"), start)[
            0
        ]
    pdf = tmp_path / "summary.pdf"
    modules = _export(db, sid, pdf, "--privacy", "names")
    loaded = [m for m in modules if any(m == n or m.startswith(n + ".") for n in NEVER_LOADED)]
    assert loaded == []
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Grace Hopper" in text and "Tuesday circle" in text


def test_an_arabic_name_still_loads_the_bidi_ordering_it_needs(tmp_path: Path) -> None:
    """The other side of the lazy import: a right-to-left name with a bracket does get
    python-bidi's mirroring table (reports/bidi_levels.py pairs and mirrors brackets)."""
    db = tmp_path / "ck.sqlite3"
    with open_store(db) as store:
        circle = store.circles.save(CircleRecord(None, "Circle"))
        start = datetime(2026, 3, 3, 18, tzinfo=UTC)
        sid = play_finished(store, circle, ("نور (نونو) حداد", "Grace Hopper"), start)[0]
    pdf = tmp_path / "summary.pdf"
    assert "bidi.mirror" in _export(db, sid, pdf, "--privacy", "names")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Grace Hopper" in text
