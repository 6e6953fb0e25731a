"""Circle ▸ *Restore from backup…*: ``circlekeeper restore`` without a terminal.

On real SQLite files through the real app: the chooser lists the app's own backups newest first
with what each holds; the question says what is replaced and where the data of now is kept;
the window shows the restored data at once; the data of before is kept aside, whole; private
notes open with their passphrase after the restore. A damaged backup, another program's file,
a text file and a running circle are refused with a sentence, and nothing changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from circlekeeper.app import AppParts
from circlekeeper.store import CircleRecord, open_store
from circlekeeper.store.backups import BackupService
from circlekeeper.store.restoring import KEPT_ASIDE
from circlekeeper.ui.restore.chooser import BackupChooser
from circlekeeper.ui.restore.command import RestoreCommand
from circlekeeper.ui.restore.shelf import BackupEntry, BackupShelf
from circlekeeper.vault import NotesService, Vault, fast_settings

PASSPHRASE = "a passphrase only I know"


def damage(path: Path) -> None:
    """Pages of the file overwritten, as a failing disk would."""
    raw = bytearray(path.read_bytes())
    for offset in range(4096 * 2, min(len(raw), 4096 * 6)):
        raw[offset] = 0x5A
    path.write_bytes(bytes(raw))


def circle_names(path: Path) -> set[str]:
    """The circles in a database file, read with plain sqlite3."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM circles")}
    finally:
        connection.close()


def listed_circles(parts: AppParts) -> list[str]:
    circles = parts.window.circle_list
    return [circles.item(row).text() for row in range(circles.count())]


@pytest.fixture
def backed_up(tmp_path: Path) -> Path:
    """A database with two circles and a private note, backed up; then a third circle added
    after the backup (what a restore takes away)."""
    path = tmp_path / "circle.sqlite3"
    with open_store(path) as store:
        store.circles.save(CircleRecord(None, "Tuesday circle"))
        store.circles.save(CircleRecord(None, "Thursday circle"))
        vault = Vault(store.vault_header, kdf=fast_settings(), notes=store.notes)
        vault.create(PASSPHRASE)
        NotesService(vault, store.notes).add("Sam asked for a quieter room next time")
        vault.lock()
        store.backups.backup("manual")
        store.circles.save(CircleRecord(None, "Added after the backup"))
    return path


class Answers:
    """What the facilitator would answer: which backup, and the messages seen."""

    def __init__(self, command: RestoreCommand, pick: Path | None = None) -> None:
        self.pick = pick
        self.offered: list[BackupEntry] = []
        self.refused: list[str] = []
        self.told: list[str] = []
        command.choose = self.choose
        command.refuse = lambda parent, title, text: self.refused.append(text)
        command.done = lambda parent, title, text: self.told.append(text)

    def choose(self, window: object, shelf: BackupShelf) -> BackupEntry | None:
        self.offered = list(shelf.backups())
        if self.pick is not None:
            return shelf.describe(self.pick)
        return self.offered[0]


def restore_command(parts: AppParts) -> RestoreCommand:
    command = parts.window.options.restore_backup
    assert isinstance(command, RestoreCommand)
    return command


def test_restoring_brings_the_backup_back_in_the_window_and_keeps_the_data_of_now(
    real_app, backed_up: Path
) -> None:
    parts = real_app()
    old_window = parts.window
    assert "Added after the backup" in listed_circles(parts)
    questions: list[str] = []
    parts.window.options.ask = lambda parent, title, question: questions.append(question) or True
    answers = Answers(restore_command(parts))

    fresh = restore_command(parts)(parts.window)

    assert fresh is parts.window and fresh is not old_window  # built again, no restart
    assert "Added after the backup" not in listed_circles(parts)
    assert sorted(listed_circles(parts)) == ["Thursday circle", "Tuesday circle"]
    assert answers.refused == []
    manual = [e for e in answers.offered if e.kind == "manual"]
    assert manual and manual[0].circles == 2 and manual[0].problem is None
    assert [e.taken for e in answers.offered] == sorted(
        (e.taken for e in answers.offered), reverse=True
    )
    (question,) = questions
    assert "3 circles" in question and "2 circles" in question  # now, and in the backup
    assert str(backed_up.parent) in question and "nothing is lost" in question
    kept = list(backed_up.parent.glob(f"{backed_up.name}{KEPT_ASIDE}*"))
    assert len(kept) == 1
    assert "Added after the backup" in circle_names(kept[0])  # the data of before, whole
    assert kept[0].name in answers.told[0]
    # The restored data is the one the app writes to now: a new circle lands in the file.
    parts.data.store.circles.save(CircleRecord(None, "After the restore"))
    assert "After the restore" in circle_names(backed_up)
    # The next restore offers the data of before, to go back to it the same way.
    offered_again = Answers(restore_command(parts), pick=None)
    offered_again.choose(parts.window, parts.window.options.restore_backup.shelf())  # type: ignore[union-attr]
    assert any(e.kind == "kept-aside" and e.circles == 3 for e in offered_again.offered)


def test_private_notes_open_with_their_passphrase_after_a_restore(
    real_app, backed_up: Path
) -> None:
    parts = real_app()
    parts.data.notes.vault.unlock(PASSPHRASE)  # open while the restore is chosen
    Answers(restore_command(parts))
    restore_command(parts)(parts.window)
    notes = parts.data.notes
    assert not notes.vault.is_unlocked  # the restored vault waits for its passphrase
    notes.vault.unlock(PASSPHRASE)
    assert [n.text for n in notes.service.all()] == ["Sam asked for a quieter room next time"]


def test_a_damaged_backup_is_refused_and_the_data_stays(real_app, backed_up: Path) -> None:
    backup = next(p for p in BackupService(backed_up).list() if p.name.endswith("-manual.sqlite3"))
    damage(backup)
    parts = real_app()
    answers = Answers(restore_command(parts), pick=backup)
    restore_command(parts)(parts.window)
    assert len(answers.refused) == 1 and "cannot be restored" in answers.refused[0]
    assert "Added after the backup" in listed_circles(parts)  # the data it had, open again
    assert "Added after the backup" in circle_names(backed_up)
    assert not list(backed_up.parent.glob(f"{backed_up.name}{KEPT_ASIDE}*"))
    parts.data.store.circles.save(CircleRecord(None, "Still writable"))


@pytest.mark.parametrize("kind", ["text", "another program's database"])
def test_a_file_that_is_not_a_circlekeeper_backup_is_refused_before_anything_is_asked(
    real_app, backed_up: Path, tmp_path: Path, kind: str
) -> None:
    wrong = tmp_path / "notes.sqlite3"
    if kind == "text":
        wrong.write_text("Shopping list: milk, bread\n")
    else:
        other = sqlite3.connect(wrong)
        other.execute("CREATE TABLE recipes (name TEXT)")
        other.commit()
        other.close()
    parts = real_app()
    window = parts.window
    questions: list[str] = []
    window.options.ask = lambda parent, title, question: questions.append(question) or True
    answers = Answers(restore_command(parts), pick=wrong)
    assert restore_command(parts)(window) is None
    assert questions == [] and parts.window is window
    (refusal,) = answers.refused
    assert "notes.sqlite3 cannot be restored" in refusal
    assert ("not a SQLite database" if kind == "text" else "not a CircleKeeper database") in (
        refusal
    )
    assert "Added after the backup" in circle_names(backed_up)


def test_a_running_circle_is_never_swapped_out(qtbot, real_app, backed_up: Path) -> None:
    from tests.ui.test_language_switch import start_circle

    parts = real_app()
    window = parts.window
    start_circle(window, qtbot)
    assert window.controller is not None
    answers = Answers(restore_command(parts))
    asked_which: list[bool] = []
    restore_command(parts).choose = lambda w, shelf: asked_which.append(True)  # type: ignore[assignment,func-returns-value]
    assert restore_command(parts)(window) is None
    (refusal,) = answers.refused
    assert "A circle is running" in refusal and "End it first" in refusal
    assert asked_which == [] and window.controller is not None and parts.window is window
    assert not list(backed_up.parent.glob(f"{backed_up.name}{KEPT_ASIDE}*"))


def test_the_chooser_lists_newest_first_and_holds_back_a_damaged_copy(
    qtbot, backed_up: Path
) -> None:
    from circlekeeper.store.restoring import restorable_backups

    with open_store(backed_up) as store:
        store.backups.backup("manual")  # a second, newer copy: three circles
    older = BackupService(backed_up).list()[-1]
    damage(older)
    entries = restorable_backups(backed_up)
    dialog = BackupChooser(entries, lambda parent: None)
    qtbot.addWidget(dialog)
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    assert rows[0] is not None and "3 circles, 0 sessions" in rows[0].text(1)
    assert dialog.restore_button.isEnabled()  # the newest good copy is chosen
    damaged = [i for i, e in enumerate(entries) if e.path == older]
    if entries[damaged[0]].problem is not None:  # a quick read may or may not see the damage
        dialog.table.setCurrentItem(dialog.rows[damaged[0]])
        assert not dialog.restore_button.isEnabled()
        assert "cannot be restored" in dialog.reason.text()
