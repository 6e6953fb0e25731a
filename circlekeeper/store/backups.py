"""Backups and checks for SQLite database files (restoring one: :mod:`.restoring`).

Backups use SQLite's online backup API (a consistent copy even while the app has the database
open), are written under a temporary name and renamed into place (a crash never leaves a
half-written backup that looks whole), and are readable by their owner only. They live in
``<db>.backups/`` beside the database: one a day of use and one before each migration, the
newest ten kept.

Checks open the file read-only, so checking a damaged file never changes it.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from circlekeeper.i18n import _
from circlekeeper.store.errors import StoreUnavailable
from circlekeeper.store.file_modes import PRIVATE_DIR, PRIVATE_FILE
from circlekeeper.store.read_only_media import read_uri
from circlekeeper.store.records import CheckReport

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_KEEP = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"
COPY_STEP_PAGES = 1024
"""Pages copied between two progress reports (4 MiB at SQLite's default page size)."""
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z0-9-]+)\.sqlite3$")


def backup_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


class BackupService:
    """Rotating backups of one database file (``path=None``: a server or in-memory database,
    which has none)."""

    def __init__(self, path: Path | None, *, keep: int = DEFAULT_KEEP) -> None:
        self.path = path
        self.keep = keep

    @property
    def directory(self) -> Path | None:
        return None if self.path is None else backup_dir_for(self.path)

    def backup(self, reason: str) -> Path:
        """Copy the database now with the online backup API; returns the backup's path."""
        if self.path is None or self.directory is None:
            raise StoreUnavailable(
                _(
                    "Backups are made only for SQLite database files; back up a server database"
                    " with its own tools."
                )
            )
        slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
        stamp = datetime.now(UTC).strftime(_STAMP)
        self.directory.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        for stale in self.directory.glob("*.partial"):  # left by a crash mid-backup
            stale.unlink(missing_ok=True)
        target = self.directory / f"{_stem(self.path)}-{stamp}-{slug}.sqlite3"
        copy_database(self.path, target)
        self.rotate(self.keep)
        log.info("Backed up the database to %s", target)
        return target

    def list(self) -> list[Path]:
        """Backups, newest first."""
        if self.directory is None or not self.directory.is_dir():
            return []
        found = [p for p in self.directory.iterdir() if p.is_file() and _NAME.match(p.name)]
        return sorted(found, key=_stamp, reverse=True)

    def rotate(self, keep: int = DEFAULT_KEEP) -> None:
        """Delete all but the ``keep`` newest backups (backups only, never the database)."""
        for old in self.list()[max(1, keep) :]:
            old.unlink(missing_ok=True)

    def newest_good(self) -> Path | None:
        """The newest backup that passes a quick check, or ``None``."""
        for candidate in self.list():
            if quick_check(candidate).ok:
                return candidate
        return None

    def made_today(self, reason: str = "daily") -> bool:
        today = datetime.now(UTC).strftime("%Y%m%d")
        for path in self.list():
            match = _NAME.match(path.name)
            if match and match["reason"] == reason and match["stamp"].startswith(today):
                return True
        return False


def _stem(path: Path) -> str:
    return path.name.removesuffix(".sqlite3").removesuffix(".db") or "circlekeeper"


def copy_database(
    source: Path, target: Path, progress: Callable[[int, int], object] | None = None
) -> None:
    """A consistent copy of ``source`` at ``target`` (0600, journal mode DELETE, fsynced).

    ``progress(pages copied, pages in all)`` is told as the copy goes, a few hundred pages at
    a time (a restore shows it); without it the file is copied in one step."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(partial))
            try:
                if progress is None:
                    src.backup(dst)
                else:
                    src.backup(
                        dst,
                        pages=COPY_STEP_PAGES,
                        progress=lambda _status, left, total: progress(total - left, total),
                    )
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def quick_check(path: Path, *, as_writer: bool = False) -> CheckReport:
    """SQLite's ``quick_check``: fast enough for every start-up.

    ``as_writer`` is for the app opening its own file under the writer lock. A process killed
    in the middle of a write in rollback-journal mode leaves a hot ``-journal`` that SQLite
    must roll back before anyone may read; a read-only connection cannot, and its "attempt to
    write a readonly database" made a healthy file look damaged after a crash.
    """
    return _check(Path(path), full=False, as_writer=as_writer)


def full_check(path: Path) -> CheckReport:
    """``integrity_check`` plus ``foreign_key_check``: what ``circlekeeper check`` runs."""
    return _check(Path(path), full=True)


def _check(path: Path, *, full: bool, as_writer: bool = False) -> CheckReport:
    if not path.is_file():
        return CheckReport(path, False, (_("the file does not exist"),), full)
    if path.stat().st_size == 0:
        return CheckReport(path, True, (), full)  # a brand-new, empty database
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return CheckReport(path, False, (_("this is not a SQLite database file"),), full)
    problems: list[str] = []
    try:
        uri = f"file:{quote(str(path))}?mode=rw" if as_writer else read_uri(path)
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        return CheckReport(
            path, False, (_("it cannot be opened: {error}").format(error=error),), full
        )
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        problems.extend(str(row[0]) for row in rows if row[0] != "ok")
        if full:
            for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
                problems.append(
                    # Translators: {table} and {parent} are names of database tables.
                    _("row {row} of {table} points to a missing {parent}").format(
                        row=rowid, table=table, parent=parent
                    )
                )
    except sqlite3.DatabaseError as error:
        problems.append(str(error))
    finally:
        connection.close()
    return CheckReport(path, not problems, tuple(problems), full)


def table_names(path: Path) -> set[str]:
    """The tables in a SQLite file, read without changing it."""
    connection = sqlite3.connect(read_uri(path), uri=True)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(row[0]) for row in rows}
    finally:
        connection.close()


def _stamp(path: Path) -> str:
    """The time stamp in a backup's file name (sorts as time does); "" for another file."""
    named = _NAME.match(path.name)
    return named["stamp"] if named else ""
