"""End to end: a private note's text is never on disk in plain text, whatever a person runs.

A real SQLite file, a real vault (cheap KDF settings), a session played through the engine and
finished, and private notes about a person in it: one kept, one edited (its old wording must
vanish too) and one deleted. With the app's store still open, as it would be, the exports
and the report run as real subprocesses, a backup is taken, and everything is logged at DEBUG
(SQL and parameters included) to a file. Then the raw bytes of every file that could hold the
text are searched in UTF-8, UTF-16 and UTF-32, and the PDFs' extracted text as well.
"""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.vault import NotesService, Vault, fast_settings
from tests.reports.stored import play_finished
from tests.vault.leaks import assert_no_marker, contains_marker

KEPT = "LEAKCHECK-kept-5e1f0a"
BEFORE_EDIT = "LEAKCHECK-before-edit-93adc2"
AFTER_EDIT = "LEAKCHECK-after-edit-7b21e4"
DELETED = "LEAKCHECK-deleted-c40f9d"
PASSPHRASE = "LEAKCHECK-passphrase-quiet-lake"
SECRETS = (KEPT, BEFORE_EDIT, AFTER_EDIT, DELETED, PASSPHRASE)
NAMES = ("Amal Haddad", "Bo Chen", "山田 花子")
START = datetime(2026, 3, 3, 17, 0, tzinfo=UTC)
HEARD = "What did you bring with you today?"

RUN_WITH_DEBUG_LOG = """
import logging, sys
handler = logging.FileHandler(sys.argv[1], encoding="utf-8")
handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
logging.basicConfig(level=logging.DEBUG, handlers=[handler])
logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
from circlekeeper.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """This process's DEBUG log (SQLAlchemy's SQL and parameters too) goes to a file."""
    path = tmp_path / "logs" / "test-process.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root, engine_log = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = root.level, engine_log.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine_log.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(levels[0])
        engine_log.setLevel(levels[1])
        handler.close()


def circlekeeper(log: Path, db: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", RUN_WITH_DEBUG_LOG, str(log), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for secret in SECRETS:
        assert secret not in done.stdout and secret not in done.stderr


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def database_files(db: Path) -> list[Path]:
    return [db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal"))]


def test_private_notes_never_reach_disk_in_plain_text(tmp_path: Path, debug_log: Path) -> None:
    db = tmp_path / "data" / "circlekeeper.sqlite3"
    out = tmp_path / "exports"
    out.mkdir()
    logs = debug_log.parent
    store = open_store(db)  # stays open, as the app would be, while the commands run
    try:
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        sid, people = play_finished(store, circle, NAMES, START)
        vault = Vault(store.vault_header, kdf=fast_settings())
        vault.create(PASSPHRASE)
        notes = NotesService(vault, store.notes)
        notes.add(f"{KEPT} Amal spoke about her mother", sid, people[0], 95.0)
        edited = notes.add(f"{BEFORE_EDIT} 山田 seemed tired", sid, people[2], 200.0)
        notes.edit(edited.note_id, f"{AFTER_EDIT} 山田 seemed tired, check in next week")
        gone = notes.add(f"{DELETED} Bo mentioned his job", sid, people[1], 120.0)
        notes.delete(gone.note_id)
        # what travels beside the log in a session file (version 2): moods and prompts heard
        store.moods.save(sid, MoodCounts("check-in", {2: 1, 4: 2}))
        store.prompts.record_use(PromptUse(sid, 0, HEARD, None, person_id=str(people[1])))
        # positive control: the notes are really there, readable through the vault
        texts = sorted(n.text for n in notes.for_session(sid))
        assert texts[0].startswith(AFTER_EDIT) and texts[1].startswith(KEPT) and len(texts) == 2

        def run(name: str, *args: str) -> None:
            circlekeeper(logs / f"{name}.log", db, *args)

        one_pdf, combined, report, as_json = (
            out / "one.pdf",
            out / "combined.pdf",
            out / "report.pdf",
            out / "session.json",
        )
        run("export", "export", str(sid), "-o", str(one_pdf), "--privacy", "names")
        run(
            "combined",
            *("export", "--circle", "Tuesday", "--from", "2026-03-01", "--to", "2026-03-31"),
            *("--combined", "--privacy", "names", "-o", str(combined)),
        )
        run("report", "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(report))
        run("json", "export-json", str(sid), "-o", str(as_json))
        backup = store.backups.backup("leak-check")

        # positive controls: the exports hold the session, names included where asked for
        assert "Amal Haddad" in pdf_text(one_pdf) and "Amal Haddad" in pdf_text(combined)
        assert "Amal Haddad" in as_json.read_text(encoding="utf-8")
        assert HEARD in as_json.read_text(encoding="utf-8")
        assert '"check-in"' in as_json.read_text(encoding="utf-8")
        assert backup.is_file() and (logs / "json.log").stat().st_size > 0

        while_open = [*database_files(db), backup.parent, out, logs]
        for secret in SECRETS:
            for place in while_open:
                assert_no_marker(place, secret)
            for pdf in (one_pdf, combined, report):
                assert not contains_marker(pdf_text(pdf).encode(), secret), pdf
    finally:
        store.close()
    # after the app closes, SQLite folds the WAL into the file: search everything once more
    for secret in SECRETS:
        assert_no_marker(tmp_path, secret)
