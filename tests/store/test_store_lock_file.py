"""The writer's lock file in a shared folder: a planted link or odd file is never written to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from circlekeeper.store import StoreUnavailable, open_store
from circlekeeper.store.lock import WriterLock, lock_path_for

pytestmark = pytest.mark.sqlite_only

PRECIOUS = "someone's document, not ours\n"


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "precious.txt"
    victim.write_text(PRECIOUS)
    return victim


def test_a_symlink_planted_as_the_lock_file_is_refused_and_its_target_untouched(
    db_path: Path, tmp_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    victim = _victim(tmp_path)
    lock_path_for(db_path).symlink_to(victim)
    with pytest.raises(StoreUnavailable, match="symbolic link"):
        open_store(db_path)
    assert victim.read_text() == PRECIOUS


def test_a_dangling_symlink_does_not_create_its_target(db_path: Path, tmp_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    target = tmp_path / "would-be-created"
    lock_path_for(db_path).symlink_to(target)
    with pytest.raises(StoreUnavailable, match="symbolic link"):
        WriterLock(db_path).acquire()
    assert not target.exists()


def test_a_hard_link_planted_as_the_lock_file_is_refused_and_untouched(
    db_path: Path, tmp_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    victim = _victim(tmp_path)
    os.link(victim, lock_path_for(db_path))
    with pytest.raises(StoreUnavailable, match="linked elsewhere"):
        WriterLock(db_path).acquire()
    assert victim.read_text() == PRECIOUS


def test_a_fifo_planted_as_the_lock_file_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    os.mkfifo(lock_path_for(db_path))
    with pytest.raises(StoreUnavailable, match="not a regular file"):
        WriterLock(db_path).acquire()


def test_our_own_lock_file_holds_just_our_pid(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    lock_path_for(db_path).write_text("12345678901234567890 left over from a crash\n")
    with WriterLock(db_path):
        assert lock_path_for(db_path).read_text() == f"{os.getpid()}\n"
