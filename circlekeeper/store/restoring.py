"""Putting a backup in place of the database: one sequence for ``circlekeeper restore`` and the
window's *Restore from backup…*.

The backup is checked first (SQLite's full integrity and foreign-key check, and that it is a
CircleKeeper database this install can open: another program's file or one from a newer
CircleKeeper would leave the facilitator with data the app refuses). Only then is the current
file moved aside as ``<db>.replaced-<time>`` (with its ``-wal``/``-shm``), never deleted or
overwritten, the backup copied in with SQLite's backup API, and the result checked again.
The caller closes its own store first; :func:`restore_database` takes the writer lock itself.

:func:`restorable_backups` lists what a restore can bring back, newest first: the automatic
backups in ``<db>.backups/`` and the files earlier restores kept aside, each with when it was
taken, its size and (read cheaply, without a full check) how many circles and sessions it holds.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from circlekeeper.i18n import _
from circlekeeper.store.backups import (
    _NAME,
    _STAMP,
    SQLITE_HEADER,
    BackupService,
    copy_database,
    full_check,
)
from circlekeeper.store.errors import DatabaseCorrupted, StoreError
from circlekeeper.store.file_modes import prepare_file, sidecar_files
from circlekeeper.store.lock import WriterLock
from circlekeeper.store.read_only_media import read_uri
from circlekeeper.store.schema_version import known_revisions

log = logging.getLogger(__name__)

KEPT_ASIDE = ".replaced-"
"""What a restore puts between the database's name and the time it moved the old file aside."""


class RestoreStep(Enum):
    """Where a restore is, for a progress display."""

    CHECKING_BACKUP = "checking-backup"
    KEEPING_CURRENT = "keeping-current"
    COPYING = "copying"
    CHECKING_RESTORED = "checking-restored"


Progress = Callable[[RestoreStep, int, int], object]
"""Told each step as it starts (0 of 0) and the copy as it goes (pages done, pages in all)."""


@dataclass(frozen=True)
class BackupFacts:
    """One file a restore could bring back, as a chooser shows it."""

    path: Path
    taken: datetime
    """When it was made (from its name; another file: when it was last changed), in UTC."""
    size: int
    kind: str
    """``daily``, ``before-migration``, ``manual``…, ``kept-aside`` (the data an earlier
    restore replaced), or ``""`` for a file chosen by hand."""
    circles: int | None
    sessions: int | None
    problem: str | None
    """Why it cannot be restored, in a sentence's words (``None``: it looks restorable; the
    full check runs when it is restored)."""


def database_file(path: Path | None) -> Path:
    """The database file to check or restore; a server database has none, and says so."""
    if path is None:
        raise StoreError(
            _(
                "check and restore work on SQLite database files; use your database server's"
                " own tools for this one."
            )
        )
    return path


def kept_aside_copies(database: Path) -> list[Path]:
    """The database files earlier restores moved aside: whole copies of the data, so whatever
    has to leave every backup (a deleted private note) has to leave these too."""
    try:
        beside = list(database.parent.glob(f"{database.name}{KEPT_ASIDE}*"))
    except OSError:  # pragma: no cover - the folder went away while it was read
        return []
    return sorted(p for p in beside if p.is_file() and not p.name.endswith(("-wal", "-shm")))


def restorable_backups(database: Path) -> list[BackupFacts]:
    """The automatic backups of ``database`` and the files restores kept aside, newest first."""
    paths = BackupService(database).list() + kept_aside_copies(database)
    found = [describe_backup(path) for path in paths]
    return sorted(found, key=lambda facts: facts.taken, reverse=True)


def describe_backup(path: Path) -> BackupFacts:
    """What ``path`` holds, read quickly and without changing it."""
    path = Path(path).absolute()
    info = path.stat()
    taken, kind = _when_and_kind(path, info.st_mtime)
    problem = wrong_file(path)
    circles = sessions = None
    if problem is None:
        try:
            connection = sqlite3.connect(read_uri(path), uri=True)
            try:
                circles = _count(connection, "circles")
                sessions = _count(connection, "sessions")
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            problem = _("it cannot be read: {error}").format(error=error)
    return BackupFacts(path, taken, info.st_size, kind, circles, sessions, problem)


def wrong_file(path: Path) -> str | None:
    """Why ``path`` is not a CircleKeeper database this install can restore, or ``None``.

    Damage inside a real database shows only in the full check :func:`restore` runs."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return _("it cannot be read: {error}").format(error=error.strerror)
    if header != SQLITE_HEADER:
        return _("this is not a SQLite database file")
    try:
        connection = sqlite3.connect(read_uri(path), uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return _("it is not a CircleKeeper database")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return _("it cannot be read: {error}").format(error=error)
    if row is None:
        return _("it is not a CircleKeeper database")
    if str(row[0]) not in known_revisions():
        return _("it was made by a newer CircleKeeper; update CircleKeeper to restore it")
    return None


def restore_database(backup: Path, database: Path, progress: Progress | None = None) -> Path | None:
    """Put ``backup`` in place of ``database`` under the writer lock; returns where the old
    file was kept (``None``: there was none). What ``circlekeeper restore`` and the window run.

    Raises :class:`DatabaseLocked` while another CircleKeeper has the database open, and
    :class:`StoreError` with a sentence for a missing, damaged or wrong backup (nothing is
    changed then)."""
    backup, database = Path(backup).expanduser().absolute(), Path(database).absolute()
    if not is_file(backup):
        raise StoreError(_("There is no backup file at {backup}.").format(backup=backup))
    if backup == database:
        raise StoreError(_("That file is the database itself; choose a backup file."))
    database.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    with WriterLock(database):
        return restore(backup, database, progress)


def restore(backup: Path, target: Path, progress: Progress | None = None) -> Path | None:
    """Put ``backup`` in place of ``target``; returns where the old file was moved aside.

    The old database (and its ``-wal``/``-shm``) is renamed with a timestamp, never deleted or
    overwritten; the backup is checked before and the restored file after. The caller holds
    the single-writer lock.
    """
    tell = progress or (lambda step, done, total: None)
    backup, target = Path(backup).absolute(), Path(target).absolute()
    tell(RestoreStep.CHECKING_BACKUP, 0, 0)
    report = full_check(backup)
    if not report.ok:
        raise StoreError(
            _("The backup {backup} cannot be restored: {verdict} Choose another backup.").format(
                backup=backup, verdict=report.verdict
            )
        )
    wrong = wrong_file(backup)
    if wrong is not None:
        raise StoreError(
            # Translators: {reason} is one of "it is not a CircleKeeper database", "it was made
            # by a newer CircleKeeper; …".
            _("The file {backup} cannot be restored: {reason}. Choose another backup.").format(
                backup=backup, reason=wrong
            )
        )
    tell(RestoreStep.KEEPING_CURRENT, 0, 0)
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside: Path | None = None
    if target.exists():
        aside = target.with_name(f"{target.name}{KEPT_ASIDE}{stamp}")
        os.rename(target, aside)
        for sidecar, suffix in zip(sidecar_files(target), ("-wal", "-shm"), strict=True):
            if sidecar.exists():
                os.rename(sidecar, aside.with_name(aside.name + suffix))
    else:
        for sidecar in sidecar_files(target):
            if sidecar.exists():
                os.rename(sidecar, sidecar.with_name(f"{sidecar.name}{KEPT_ASIDE}{stamp}"))
    try:
        prepare_file(target)
        tell(RestoreStep.COPYING, 0, 0)
        copy_database(backup, target, lambda done, total: tell(RestoreStep.COPYING, done, total))
    except BaseException:  # a full disk, say: the data of before goes back where it was
        target.unlink(missing_ok=True)
        if aside is not None:
            _put_back(aside, target)
        raise
    tell(RestoreStep.CHECKING_RESTORED, 0, 0)
    after = full_check(target)
    if not after.ok:  # pragma: no cover - the copy of a checked file failed its own check
        raise StoreError(
            _("The restored database did not pass its check: {verdict}").format(
                verdict=after.verdict
            )
        )
    log.info("Restored %s from %s (old file kept at %s)", target, backup, aside)
    return aside


def _put_back(aside: Path, target: Path) -> None:
    os.rename(aside, target)
    for sidecar, suffix in zip(sidecar_files(target), ("-wal", "-shm"), strict=True):
        kept = aside.with_name(aside.name + suffix)
        if kept.exists():
            os.rename(kept, sidecar)
    log.warning("Restoring into %s failed; the database was put back as it was", target)


def _when_and_kind(path: Path, modified: float) -> tuple[datetime, str]:
    named = _NAME.match(path.name)
    stamp, kind = (named["stamp"], named["reason"]) if named else ("", "")
    if not named and KEPT_ASIDE in path.name:
        stamp, kind = path.name.rsplit(KEPT_ASIDE, 1)[1], "kept-aside"
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC), kind
    except ValueError:
        return datetime.fromtimestamp(modified, UTC), kind


def _count(connection: sqlite3.Connection, table: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def is_file(path: Path) -> bool:
    """``Path.is_file`` that says a name the system refuses (too long…) in one sentence."""
    try:
        return path.is_file()
    except OSError as error:
        raise StoreError(
            _("CircleKeeper cannot use {path} ({reason}).").format(path=path, reason=error.strerror)
        ) from error


@dataclass(frozen=True)
class BackupOffer:
    """A damaged database with a good backup beside it: what the window offers to restore
    at start-up (``ui/damaged_start.py``) instead of a ``circlekeeper restore`` command line."""

    damage: str
    """What is wrong, and that the file was not changed (the error's first sentence)."""
    backup: BackupFacts
    database: Path

    def restore(self, progress: Callable[[str, int, int], object]) -> Path | None:
        """:func:`restore_database`, telling ``progress`` each step by its value."""
        return restore_database(
            self.backup.path,
            self.database,
            lambda step, done, total: progress(step.value, done, total),
        )


def backup_offer(error: BaseException) -> BackupOffer | None:
    """The restore to offer for ``error``: a damaged file whose newest good backup is known."""
    if not isinstance(error, DatabaseCorrupted) or error.backup is None:
        return None
    return BackupOffer(error.damage, describe_backup(error.backup), error.path)
