"""Commands that only read, on a file a crash left in the middle of a save (a hot journal).

Before, ``circlekeeper check`` said "The database … is damaged … attempt to write a readonly
database" and every export and listing refused the file, about a healthy database that the
app itself opens at once. Now a reader finishes the interrupted save as the app does (under
the writer lock) and reads on; where it cannot, it says what happened and what to do. And in a
read-only folder the half-done write is never read as if it had been saved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from circlekeeper.cli import main
from circlekeeper.demo.seeding import seed_demo
from circlekeeper.store import open_store
from circlekeeper.store.errors import InterruptedSave
from circlekeeper.store.lock import WriterLock
from tests.store.crashed_files import HALF_WRITTEN, PEOPLE, crash_mid_write, fill, names
from tests.store.media import read_only_view

pytestmark = pytest.mark.sqlite_only

READING_COMMANDS = {
    "check": [],
    "sessions": [],
    "export-json": ["1", "-o", "{out}/one.json"],
    "export": ["1", "-o", "{out}/one.pdf"],
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("healthy") / "circlekeeper.sqlite3"
    with open_store(path) as store:
        seed_demo(store.engine, 3, seed=7)
    fill(path, PEOPLE)
    return path


def crashed_copy(healthy: Path, folder: Path) -> Path:
    copy = crash_mid_write(healthy, folder)
    assert Path(f"{copy}-journal").stat().st_size > 0
    return copy


@pytest.mark.parametrize("command", sorted(READING_COMMANDS))
def test_a_reading_command_finishes_the_interrupted_save_and_reads_on(
    healthy: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = crashed_copy(healthy, tmp_path / "crashed")
    before = len(names(healthy))
    extra = [arg.format(out=tmp_path) for arg in READING_COMMANDS[command]]

    status = main(["--db", str(copy), command, *extra])

    said = capsys.readouterr()
    assert status == 0, said.out + said.err
    assert "damaged" not in said.out + said.err
    assert "interrupted while saving" in said.out + said.err
    assert "unfinished change was undone" in said.out + said.err
    assert not Path(f"{copy}-journal").exists()
    kept = names(copy)
    assert len(kept) == before and HALF_WRITTEN not in kept  # everything committed, no more
    if command == "check":
        assert "is healthy" in said.out
    if command == "export-json":
        assert json.loads((tmp_path / "one.json").read_text())["events"]


def test_beside_the_app_a_reader_says_to_wait_and_changes_nothing(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app holds the writer lock (it is opening the file, and will roll back itself)."""
    copy = crashed_copy(healthy, tmp_path / "crashed")
    journal = Path(f"{copy}-journal")
    left = (copy.read_bytes(), journal.read_bytes())
    with WriterLock(copy):
        with pytest.raises(InterruptedSave, match="wait until its window shows your circles"):
            open_store(copy, read_only=True)
        assert main(["--db", str(copy), "check"]) != 0
    said = capsys.readouterr()
    assert "interrupted while saving" in said.err and "damaged" not in said.out + said.err
    assert (copy.read_bytes(), journal.read_bytes()) == left


def test_in_a_read_only_folder_the_half_done_write_is_never_read_as_saved(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """There SQLite reads ``immutable``, which skips the journal: the listing showed every
    person renamed "half-written" and check called the file healthy."""
    crashed_copy(healthy, tmp_path / "stick")
    with read_only_view(tmp_path / "stick", tmp_path / "ro") as folder:
        path = folder / "circlekeeper.sqlite3"
        for command in ("check", "sessions"):
            assert main(["--db", str(path), command]) != 0
            said = capsys.readouterr()
            assert "damaged" not in said.out + said.err and "is healthy" not in said.out
            assert "The folder is read-only" in said.err
            assert "circlekeeper.sqlite3-journal" in said.err
        with pytest.raises(InterruptedSave, match="copy the folder"):
            open_store(path)  # the app: the same sentence in its window
        assert main(["--db", str(path), "export", "1", "-o", str(tmp_path / "x.pdf")]) != 0
        assert not (tmp_path / "x.pdf").exists()
    assert Path(f"{tmp_path / 'stick' / 'circlekeeper.sqlite3'}-journal").exists()


def test_a_committed_journal_is_no_interrupted_save(healthy: Path, tmp_path: Path) -> None:
    """``journal_mode=PERSIST`` leaves a journal with a zeroed header after each commit, and
    ``TRUNCATE`` an empty one: nothing to roll back, so nothing is said."""
    from circlekeeper.store.read_only_media import hot_journal

    path = tmp_path / "circlekeeper.sqlite3"
    path.write_bytes(healthy.read_bytes())
    journal = Path(f"{path}-journal")
    for leftover in (b"", bytes(512)):
        journal.write_bytes(leftover)
        assert hot_journal(path) is None
        with open_store(path, read_only=True) as store:
            assert store.notices == ()
