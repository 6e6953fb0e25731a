"""The standard-library reader of one session's summary (``store/file_reader.py``).

It must hand back exactly what the SQLAlchemy repositories do, refuse what the read-only store
refuses with the same sentences, and change nothing on disk.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from circlekeeper.demo.seeding import seed_demo
from circlekeeper.session.prompts import MoodCounts, PromptUse
from circlekeeper.store import (
    CircleRecord,
    DatabaseCorrupted,
    RecordNotFound,
    StoreUnavailable,
    open_store,
)
from circlekeeper.store.file_reader import open_file_reader
from tests.store.samples import ODD_NAMES, START, play_short_session
from tests.store.test_store_read_only import files_beside

pytestmark = pytest.mark.sqlite_only


def _same_answers(db: Path, session_ids: list[int]) -> None:
    with open_store(db, read_only=True) as store, open_file_reader(db) as reader:
        for key in ("organization", "logo_path", "privacy", "paper", "no such key"):
            assert reader.settings.get(key) == store.settings.get(key)
        for sid in session_ids:
            record = store.sessions.get(sid)
            assert reader.sessions.get(sid) == record
            assert reader.circles.get(record.circle_id) == store.circles.get(record.circle_id)
            assert reader.sessions.entries(sid) == store.sessions.entries(sid)
            assert reader.moods.for_session(sid) == store.moods.for_session(sid)
            assert reader.prompts.uses_for_session(sid) == store.prompts.uses_for_session(sid)


def test_demo_sessions_read_exactly_as_the_repositories_read_them(db_path: Path) -> None:
    with open_store(db_path) as store:
        seed_demo(store.engine, 12, seed=7)
        ids = [row[0] for row in store.engine.connect().exec_driver_sql("SELECT id FROM sessions")]
    assert len(ids) == 12
    _same_answers(db_path, ids)


def test_awkward_names_moods_prompts_and_settings_read_the_same(db_path: Path) -> None:
    from circlekeeper.session import Participant
    from circlekeeper.store.journal import StoreJournal

    with open_store(db_path) as store:
        store.settings.set("organization", "Café <Río> & Co")
        store.settings.set("paper", "letter")
        circle = store.circles.save(
            CircleRecord(None, "מעגל 🌈", agreements=("One voice", "ᏣᎳᎩ"), privacy="names")
        )
        people = [store.people.add(n, circle_ids=[circle]).person_id for n in ODD_NAMES]
        sid = store.sessions.create(
            circle,
            facilitators=("Robin",),
            plan=(),
            started_at=START,
            timezone="America/Chicago",
            people=tuple(people),
        )
        participants = tuple(Participant(str(p), n) for p, n in zip(people, ODD_NAMES, strict=True))
        play_short_session(participants, StoreJournal(store, sid).append, sharing=True)
        store.sessions.finish(sid)
        store.sessions.set_shareable(sid, "We laughed.\nمريم brought tea.")
        store.moods.save(sid, MoodCounts("check-in", {2: 1, 4: 3}))
        store.moods.save(sid, MoodCounts("check-out", {5: 4}))
        store.prompts.record_use(
            PromptUse(sid, 0, "How are you arriving?", person_id=str(people[0]))
        )
        store.prompts.record_use(PromptUse(sid, 1, "What gave you hope?", prompt_id="core:hope"))
    _same_answers(db_path, [sid])


def test_a_missing_session_or_circle_is_said_plainly(db_path: Path) -> None:
    open_store(db_path).close()
    with open_file_reader(db_path) as reader:
        with pytest.raises(RecordNotFound, match="no session with id 99"):
            reader.sessions.get(99)
        with pytest.raises(RecordNotFound, match="no circle with id 5"):
            reader.circles.get(5)


def test_it_reads_beside_the_app_and_changes_no_file(db_path: Path) -> None:
    with open_store(db_path) as store:  # the app holds the writer lock throughout
        circle = store.circles.save(CircleRecord(None, "Tuesday"))
        before = files_beside(db_path)
        with open_file_reader(db_path) as reader:
            assert reader.circles.get(circle).name == "Tuesday"
            with pytest.raises(StoreUnavailable, match="read-only"):
                reader.rows("DELETE FROM circles")
        assert files_beside(db_path) == before
        assert store.circles.get(circle).name == "Tuesday"


@pytest.mark.parametrize(
    ("version", "message"),
    [("0001", "open CircleKeeper once to update it"), ("9999_future", "newer CircleKeeper")],
)
def test_a_schema_not_at_head_is_refused_as_the_store_refuses_it(
    db_path: Path, version: str, message: str
) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = ?", (version,))
    raw.close()
    with pytest.raises(StoreUnavailable, match=message) as by_reader:
        open_file_reader(db_path)
    with pytest.raises(StoreUnavailable) as by_store:
        open_store(db_path, read_only=True)
    assert str(by_reader.value) == str(by_store.value)


def test_missing_damaged_and_foreign_files_are_refused(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "ck.sqlite3"
    with pytest.raises(StoreUnavailable, match="open CircleKeeper once to create it"):
        open_file_reader(missing)
    assert not missing.parent.exists()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x13" * 20_000)
    with pytest.raises(DatabaseCorrupted, match="not a SQLite database"):
        open_file_reader(garbage)
    assert garbage.read_bytes() == b"\x13" * 20_000
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    raw.close()
    with pytest.raises(StoreUnavailable, match="another program"):
        open_file_reader(other)
    with pytest.raises(StoreUnavailable, match="is a folder"):
        open_file_reader(tmp_path)


def test_exporting_one_session_from_a_file_does_not_load_sqlalchemy(
    db_path: Path, tmp_path: Path
) -> None:
    """What keeps ``circlekeeper export ID`` quick (``python -m benchmarks export``): the
    summary is read with ``sqlite3`` and the PDF is written, SQLAlchemy never imported."""
    from tests.reports.stored import play

    with open_store(db_path) as store:
        circle = store.circles.save(CircleRecord(None, "Tuesday", privacy="names"))
        sid = play(store, circle, ("Ana Lima", "Bo Chen"), START)
    out = tmp_path / "one.pdf"
    script = (
        "import sys\n"
        "from circlekeeper.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print('LOADED', loaded)\n"
        "raise SystemExit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(db_path), "export", str(sid), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout
    assert out.read_bytes().startswith(b"%PDF")
